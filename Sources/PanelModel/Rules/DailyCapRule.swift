/// Rule 8, `max_per_day`: at most that many tasks per expert per day.
public struct DailyCapRule: LoadRule {
    public let number = 8
    public let code = "max-per-day"
    let cap: Int

    public init(_ rules: BatchRules) { cap = rules.maxPerDay }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> String? {
        let tasks = load.tasks(seat.expert, on: seat.time.day)
        return tasks >= cap ? "\(tasks) tasks on \(seat.time.day.iso) already (max_per_day=\(cap))" : nil
    }
}
