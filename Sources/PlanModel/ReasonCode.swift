/// Why an enterprise or one of its tasks is not planned: the `code` of a plan.json
/// `unscheduled` entry. The planner's own codes are constants here; a hard rule's code
/// (``HardRule/code``) and the workflow's ineligibility codes are wrapped as they are.
public struct ReasonCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: ReasonCode, b: ReasonCode) -> Bool { a.rawValue < b.rawValue }

    /// The time limit ran out before the enterprise was tried, or before its explanation.
    public static let timeLimit = ReasonCode("time-limit")
    /// No half-day of the enterprise's window is left in the horizon (rules 1, 3, 4).
    public static let windowClosed = ReasonCode("window-closed")
    /// The deadline in force has passed.
    public static let deadlinePassed = ReasonCode("deadline-passed")
    /// The panel rules together admit no panel (rules 5–7).
    public static let panelRules = ReasonCode("panel-rules")
    /// The caps of rule 8 leave no panel at all.
    public static let capsExhausted = ReasonCode("caps-exhausted")
    /// Every half-day of the window holds max_parallel panels (rule 10).
    public static let maxParallel = ReasonCode("max-parallel")
    /// The industry's experts are all busy in the window (rules 7–9).
    public static let industryExpertsBusy = ReasonCode("industry-experts-busy")
    /// No full panel is free in any half-day of the window (rules 8–9).
    public static let noCapacity = ReasonCode("no-capacity")
}
