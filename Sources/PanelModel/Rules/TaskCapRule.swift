import Phrasebook

/// Rule 8, `max_initial` and `max_site`: at most that many tasks of each kind per expert in the
/// batch (experts.csv overrides batch.toml's `[load]`).
public struct TaskCapRule: LoadRule {
    public let number = 8
    public let code = "max-of-kind"
    /// Each expert's cap of each kind (``BatchRules/cap(of:_:)``), by expert index: the candidate
    /// checks read it by the million.
    @usableFromInline let caps: PerTask<[Int]>

    public init(_ rules: BatchRules, experts: [Expert]) {
        caps = PerTask { task in experts.map { rules.cap(of: $0, task) } }
    }

    /// The cap of `expert` for `task`.
    @inlinable
    public func cap(_ expert: Int, _ task: TaskKind) -> Int { caps[task][expert] }

    @inlinable
    public func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool {
        load.tasks(seat.expert, of: seat.task) < cap(seat.expert, seat.task)
    }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase? {
        guard !admits(seat, load) else { return nil }
        let (tasks, cap) = (load.tasks(seat.expert, of: seat.task), cap(seat.expert, seat.task))
        return Phrase(
            "rule.max-of-kind",
            ["tasks": "\(tasks)", "task": "\(seat.task.rawValue)", "key": "\(seat.task.capKey)", "cap": "\(cap)"])
    }
}
