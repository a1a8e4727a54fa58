import Phrasebook

/// Rule 10: at most `max_parallel` panels of each kind in one half-day slot.
public struct ParallelPanelsRule: HardRule {
    public let number = 10
    public let code = "max-parallel"
    let rules: BatchRules

    public init(_ rules: BatchRules) { self.rules = rules }

    /// Why one more panel of `task` at `time` would break the rule, or nil.
    public func blocks(_ task: TaskKind, at time: SlotTime, _ load: some ExpertLoad) -> Phrase? {
        let panels = load.panels(task, at: time)
        let cap = rules.maxParallel(task)
        return panels >= cap
            ? Phrase(
                "rule.max-parallel",
                [
                    "panels": "\(panels)", "task": "\(task.rawValue)", "day": "\(time.day.iso)",
                    "slot": "\(time.slot.rawValue)", "cap": "\(cap)",
                ])
            : nil
    }
}
