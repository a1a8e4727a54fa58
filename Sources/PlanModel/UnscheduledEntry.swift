import PanelModel

/// An enterprise (or one of its tasks) that is not in the plan, with the rule that blocked it.
public struct UnscheduledEntry: Sendable, Hashable {
    public var enterpriseID: String
    /// nil = both tasks (or the whole enterprise).
    public var task: TaskKind?
    /// A stable code, e.g. `no-industry-expert`.
    public var code: ReasonCode
    /// A sentence naming the blocking rule and its numbers.
    public var reason: String
    /// Whether the enterprise was eligible for planning (false: rule 2 ruled it out).
    public var eligible: Bool

    public init(enterpriseID: String, task: TaskKind?, code: ReasonCode, reason: String, eligible: Bool) {
        self.enterpriseID = enterpriseID
        self.task = task
        self.code = code
        self.reason = reason
        self.eligible = eligible
    }
}
