import PanelModel
import Phrasebook

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
    /// Notes for the organizer (ignored late extension requests, fixed rows breaking rules), in
    /// either language.
    public var warnings: [Phrase]
    /// A replan's as-of date: assignments dated on or before it are history, kept as they were
    /// (facts). nil for a plan made without one.
    public var asOf: Day?
    /// The objective level by level, in the order of the soft goals (empty when not computed).
    public var levels: [PlanLevel] = []
    /// Reserve experts (候补) by ``Assignment`` key (`enterprise|task`), then by member: experts who
    /// could each take that member's seat alone without breaking a hard rule, in the order to ask.
    public var reserves: [String: [String: [String]]] = [:]
    /// The random draw of every drawn panel, in draw order (empty without `[draw] mode = "on"`).
    public var draw: [DrawnPanel] = []

    /// The key of an assignment in ``reserves``.
    public static func key(_ a: Assignment) -> String { "\(a.enterpriseID)|\(a.task.rawValue)" }

    /// Whether an assignment of this plan is a fact (dated on or before ``asOf``).
    public func isFact(_ a: Assignment) -> Bool { asOf.map { a.day <= $0 } ?? false }

    /// |bound − objective| / max(1, |objective|).
    public var gap: Double { abs(bound - objective) / max(1, abs(objective)) }

    public init(
        batchName: String, status: PlanStatus, objective: Double, bound: Double, assignments: [Assignment],
        unscheduled: [UnscheduledEntry], breakdown: ObjectiveBreakdown, eligibleCount: Int, plannedCount: Int,
        elapsedSeconds: Double, warnings: [Phrase]
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
