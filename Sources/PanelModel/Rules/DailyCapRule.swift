import Phrasebook

/// Rule 8, `max_per_day`: at most that many tasks per expert per day.
public struct DailyCapRule: LoadRule {
    public let number = 8
    public let code = "max-per-day"
    @usableFromInline let cap: Int

    public init(_ rules: BatchRules) { cap = rules.maxPerDay }

    @inlinable
    public func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool {
        load.tasks(seat.expert, on: seat.time.day) < cap
    }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase? {
        guard !admits(seat, load) else { return nil }
        let tasks = load.tasks(seat.expert, on: seat.time.day)
        return Phrase("rule.max-per-day", ["tasks": "\(tasks)", "day": "\(seat.time.day.iso)", "cap": "\(cap)"])
    }
}
