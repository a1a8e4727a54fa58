/// How a plan's search ended (plan.json `status`).
public enum PlanStatus: String, Sendable {
    /// The objective equals the bound: no better plan exists.
    case optimal
    /// A plan with a positive gap to the bound.
    case feasible
    /// Fixed rows or rules contradict each other: no plan exists.
    case infeasible
    /// The time limit stopped the search; the best plan found is returned.
    case timeLimit = "time-limit"

    /// The status of a finished search: `optimal` only when the bound equals the objective (within
    /// 10⁻⁹ relative), never when the bound lies below the objective (a wrong bound is not hidden).
    public init(objective: Double, bound: Double, timedOut: Bool) {
        let tolerance = 1e-9 * max(1, abs(objective))
        if timedOut {
            self = .timeLimit
        } else if bound >= objective - tolerance && bound - objective <= tolerance {
            self = .optimal
        } else {
            self = .feasible
        }
    }
}
