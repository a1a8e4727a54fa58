import Phrasebook

/// Rule 1: every task is on a working day (the official calendar and calendar.csv) between the
/// batch's `start` and `end`.
public struct WorkingDayRule: HardRule {
    public let number = 1
    public let code = "not-a-working-day"

    public init() {}

    /// Why a task on `day` breaks the rule, or nil.
    public func blocks(_ day: Day, in batch: Batch) -> Phrase? {
        if day < batch.rules.start || day > batch.rules.end {
            return Phrase(
                "rule.outside-horizon",
                ["day": "\(day.iso)", "start": "\(batch.rules.start.iso)", "end": "\(batch.rules.end.iso)"])
        }
        return batch.calendar.isWorkingDay(day) ? nil : Phrase("rule.not-working-day", ["day": "\(day.iso)"])
    }
}
