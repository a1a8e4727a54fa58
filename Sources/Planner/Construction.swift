import PanelModel
import PlanModel
import Workflow

/// What a planning run's construction leaves for the rest of the run: the enterprises' workflow
/// states, the constants (fixed rows and history), the open jobs, those left out with why, and
/// the plan's value level by level.
struct Construction {
    var statuses: [EnterpriseStatus] = []
    /// Fixed rows and facts by enterprise and task: constants of every plan the run can make.
    var constants: [String: [TaskKind: Assignment]] = [:]
    /// The eligible enterprises with tasks to plan, in deadline order.
    var jobs: [Job] = []
    /// The jobs not placed, with the tallies that explain them.
    var failed: [(Job, FailureTally)] = []
    /// The enterprises that are not eligible, with their reasons.
    var unscheduled: [UnscheduledEntry] = []
    var eligible = 0
    /// The exact reviewer assignment, when it dated every panel (its bound tightens the plan's).
    var assignment: ReviewerAssignmentResult?
    var scorer: PlanScorer?
    /// The plan's value at each level of ``Objective/Level``, in order.
    var levels: [Double] = []
}
