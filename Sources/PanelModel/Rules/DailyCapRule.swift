import Phrasebook

/// Rule 8, `max_per_day`: at most that many tasks per expert per day.
public struct DailyCapRule: LoadRule {
    public let number = 8
    public let code = "max-per-day"
    let cap: Int

    public init(_ rules: BatchRules) { cap = rules.maxPerDay }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase? {
        let tasks = load.tasks(seat.expert, on: seat.time.day)
        return tasks >= cap
            ? Phrase("rule.max-per-day", ["tasks": "\(tasks)", "day": "\(seat.time.day.iso)", "cap": "\(cap)"]) : nil
    }
}
