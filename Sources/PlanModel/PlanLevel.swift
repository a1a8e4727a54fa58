/// One level of the objective (plan.json `levels`): the soft goals in their order, each with its
/// value in the plan and a valid bound on what any plan could reach there, both in objective
/// units (the `[weights]` of batch.toml; `planned` is enterprises × the planned weight).
public struct PlanLevel: Sendable, Hashable {
    /// `planned`, `expertise`, `continuity`, `balance` or `buffer`.
    public var name: String
    public var value: Double
    public var bound: Double

    public init(name: String, value: Double, bound: Double) {
        self.name = name
        self.value = value
        self.bound = bound
    }
}
