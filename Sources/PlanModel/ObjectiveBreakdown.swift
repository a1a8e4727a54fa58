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
