import Phrasebook

/// Rule 8, `max_per_week`: at most that many tasks per expert per ISO week.
public struct WeeklyCapRule: LoadRule {
    public let number = 8
    public let code = "max-per-week"
    @usableFromInline let cap: Int

    public init(_ rules: BatchRules) { cap = rules.maxPerWeek }

    @inlinable
    public func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool {
        load.tasks(seat.expert, inWeekOf: seat.time.day) < cap
    }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase? {
        guard !admits(seat, load) else { return nil }
        let tasks = load.tasks(seat.expert, inWeekOf: seat.time.day)
        return Phrase("rule.max-per-week", ["tasks": "\(tasks)", "day": "\(seat.time.day.iso)", "cap": "\(cap)"])
    }
}
