import Phrasebook

/// What every expert already does in a plan, as the load rules (8, 9, 10) read it. The planner's
/// ledger and the audit of fixed rows each keep one.
public protocol ExpertLoad {
    /// Whether `expert` declared `day` unavailable.
    func isUnavailable(_ expert: Int, on day: Day) -> Bool
    /// Whether `expert` already has a task in the half-day `time`.
    func isBusy(_ expert: Int, at time: SlotTime) -> Bool
    /// Tasks of `expert` on `day`.
    func tasks(_ expert: Int, on day: Day) -> Int
    /// Tasks of `expert` in the ISO week of `day`.
    func tasks(_ expert: Int, inWeekOf day: Day) -> Int
    /// Tasks of `expert` of `kind` in the batch.
    func tasks(_ expert: Int, of kind: TaskKind) -> Int
    /// Districts of `expert`'s site inspections on `day`.
    func siteDistricts(_ expert: Int, on day: Day) -> [String]
    /// Panels of `kind` in the half-day `time`.
    func panels(_ kind: TaskKind, at time: SlotTime) -> Int
}

/// One seat to take: an expert, a task kind, a half-day and the enterprise's district.
public struct Seat: Sendable {
    public var expert: Int
    public var task: TaskKind
    public var time: SlotTime
    public var district: String

    public init(expert: Int, task: TaskKind, time: SlotTime, district: String) {
        self.expert = expert
        self.task = task
        self.time = time
        self.district = district
    }
}

/// A hard rule on how much an expert works and when (rules 8 and 9): it blocks a seat given what
/// the expert already does.
public protocol LoadRule: HardRule {
    /// Why the seat would break the rule given `load`, or nil when it keeps it.
    /// - Complexity: O(1) expected, O(*v*) for travel with *v* same-day visits.
    func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase?
    /// Whether the seat keeps the rule given `load` (``blocks(_:_:)`` is nil); rules that
    /// block often test without wording why.
    func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool
}

extension LoadRule {
    public func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool { blocks(seat, load) == nil }
}
