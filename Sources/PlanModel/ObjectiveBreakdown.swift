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
    /// Tasks in the busiest ISO week of the plan.
    public var busiestWeek = 0
    /// The smallest busiest week the enterprises' windows allow (a lower bound on `busiestWeek`).
    public var weekLimit = 0
    /// Tasks above `weekLimit`, summed over the weeks (the levelness of soft goal 5).
    public var weekExcess = 0.0
    /// Assignments of the reference plan that this plan changed (replanning).
    public var changedAssignments = 0
    public init() {}
}
