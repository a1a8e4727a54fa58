import PanelModel

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

/// An enterprise (or one of its tasks) that is not in the plan, with the rule that blocked it.
public struct UnscheduledEntry: Sendable, Hashable {
    public var enterpriseID: String
    /// nil = both tasks (or the whole enterprise).
    public var task: TaskKind?
    /// A stable code, e.g. `no-industry-expert`.
    public var code: String
    /// A sentence naming the blocking rule and its numbers.
    public var reason: String
    /// Whether the enterprise was eligible for planning (false: rule 2 ruled it out).
    public var eligible: Bool

    public init(enterpriseID: String, task: TaskKind?, code: String, reason: String, eligible: Bool) {
        self.enterpriseID = enterpriseID
        self.task = task
        self.code = code
        self.reason = reason
        self.eligible = eligible
    }
}

/// The parts of the objective, for the summary and for tests.
public struct ObjectiveBreakdown: Sendable, Hashable {
    public var plannedEnterprises = 0
    public var coveredReasons = 0
    public var affinity = 0.0
    public var continuity = 0
    public var previousExperts = 0
    public var travelMinutes = 0.0
    public var loadExcess = 0.0
    public var minTotalShortfall = 0.0
    public var bufferDays = 0
    /// Assignments of the reference plan that this plan changed (replanning).
    public var changedAssignments = 0
    public init() {}
}

/// A finished plan.
public struct Plan: Sendable {
    public var batchName: String
    public var status: PlanStatus
    public var objective: Double
    public var bound: Double
    public var assignments: [Assignment]
    public var unscheduled: [UnscheduledEntry]
    public var breakdown: ObjectiveBreakdown
    /// Eligible enterprises (to plan in this batch).
    public var eligibleCount: Int
    /// Eligible enterprises with every task they need in the plan.
    public var plannedCount: Int
    public var elapsedSeconds: Double
    /// Notes for the organizer (ignored late extension requests, fixed rows breaking rules).
    public var warnings: [String]

    /// |bound − objective| / max(1, |objective|).
    public var gap: Double { abs(bound - objective) / max(1, abs(objective)) }

    public init(
        batchName: String, status: PlanStatus, objective: Double, bound: Double, assignments: [Assignment],
        unscheduled: [UnscheduledEntry], breakdown: ObjectiveBreakdown, eligibleCount: Int, plannedCount: Int,
        elapsedSeconds: Double, warnings: [String]
    ) {
        self.batchName = batchName
        self.status = status
        self.objective = objective
        self.bound = bound
        self.assignments = assignments
        self.unscheduled = unscheduled
        self.breakdown = breakdown
        self.eligibleCount = eligibleCount
        self.plannedCount = plannedCount
        self.elapsedSeconds = elapsedSeconds
        self.warnings = warnings
    }
}

/// Planner settings from the command line; defaults come from batch.toml `[solver]`.
public struct PlannerOptions: Sendable {
    public var timeLimitSeconds: Double?
    public var seed: UInt64?
    /// Called with progress lines (phase, incumbent, bound, gap, elapsed).
    public var progress: (@Sendable (PlannerProgress) -> Void)?
    /// A previous (published) plan to stay close to when replanning. Its assignments on or
    /// before `asOf` are history and never change; those up to `freezeDays` working days after
    /// `asOf` are kept unless a change makes them impossible, and then repaired by swapping
    /// experts rather than moving the panel; later ones change only where the plan gains.
    public var reference: [Assignment]
    /// The "as of" date of a replan (default: batch.toml `today`).
    public var asOf: Day?
    /// The freeze horizon in working days after `asOf`.
    public var freezeDays: Int

    public init(
        timeLimitSeconds: Double? = nil, seed: UInt64? = nil,
        progress: (@Sendable (PlannerProgress) -> Void)? = nil, reference: [Assignment] = [],
        asOf: Day? = nil, freezeDays: Int = 5
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.seed = seed
        self.progress = progress
        self.reference = reference
        self.asOf = asOf
        self.freezeDays = freezeDays
    }
}

/// A progress report of the planner.
public struct PlannerProgress: Sendable {
    public var phase: String
    public var done: Int
    public var total: Int
    public var incumbent: Double?
    public var bound: Double?
    public var elapsedSeconds: Double
    /// Tasks in the plan so far (fixed rows included).
    public var plannedTasks: Int?
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return abs(bound - incumbent) / max(1, abs(incumbent))
    }
}

/// Errors of the planner.
public enum PlannerError: Error, Sendable, CustomStringConvertible {
    case solver(String)
    public var description: String {
        switch self {
        case .solver(let m): return "solver failure: \(m)"
        }
    }
}
