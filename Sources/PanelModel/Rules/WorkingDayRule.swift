/// Rule 1: every task is on a working day (the official calendar and calendar.csv) between the
/// batch's `start` and `end`.
public struct WorkingDayRule: HardRule {
    public let number = 1
    public let code = "not-a-working-day"

    public init() {}

    /// Why a task on `day` breaks the rule, or nil.
    public func blocks(_ day: Day, in batch: Batch) -> String? {
        if day < batch.rules.start || day > batch.rules.end {
            return "\(day.iso) is outside the batch horizon \(batch.rules.start.iso)..\(batch.rules.end.iso)"
        }
        return batch.calendar.isWorkingDay(day) ? nil : "\(day.iso) is not a working day"
    }
}
