/// How a plan's search ended (plan.json `status`).
public enum PlanStatus: String, Sendable {
    /// Every level reaches its bound: no better plan exists.
    case optimal
    /// A plan with a positive gap to the bound at some level.
    case feasible
    /// Fixed rows contradict the hard rules or each other: no plan keeps every rule. The plan
    /// written keeps the fixed rows (rule 11) and its warnings name each breach.
    case infeasible
    /// The time limit stopped the search; the best plan found is returned.
    case timeLimit = "time-limit"

    /// The status of a finished search judged level by level: `optimal` only when every level's
    /// value equals its bound (within 10⁻⁹ relative). Each level's bound holds for every plan at
    /// least as good on the levels before it, so such a plan is best level by level: no plan is
    /// better at the first level where it differs (a weighted sum's gap may stay positive). A bound
    /// below its value is a defect, never hidden as `optimal`. Fixed rows that break a hard rule (`contradicted`)
    /// make it `infeasible` whatever the search did.
    public init(levels: [(value: Double, bound: Double)], timedOut: Bool, contradicted: Bool = false) {
        if contradicted {
            self = .infeasible
        } else if timedOut {
            self = .timeLimit
        } else if !levels.isEmpty && levels.allSatisfy({ abs($0.bound - $0.value) <= 1e-9 * max(1, abs($0.bound)) }) {
            self = .optimal
        } else {
            self = .feasible
        }
    }
}
