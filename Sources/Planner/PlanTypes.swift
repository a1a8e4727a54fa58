import PanelModel
import Phrasebook
import PlanModel

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
    /// Experts who declined a task: never seated on it (a frozen panel is repaired by a swap).
    public var declines: [Decline] = []
    /// The reference plan's reserves (候补, ``Plan/reserves``): a frozen panel that lost a member
    /// takes that member's first reserve who can still serve before any other expert.
    public var referenceReserves: [String: [String: [String]]] = [:]
    /// The seed of a random draw of the panels (随机抽取; see ``Digest/DrawSeed``), nil for the
    /// deterministic plan. Dates are planned as without it; each panel's members are then drawn.
    public var drawSeed: UInt64?

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
    /// GLPK failed: where, or GLPK's own message as it gave it (``Phrase/verbatim(_:)``).
    case solver(Phrase)

    /// What went wrong, as a sentence of the string table.
    public var phrase: Phrase {
        switch self {
        case .solver(let detail): return Phrase("solver.failure", ["detail": .phrase(detail)])
        }
    }

    /// What went wrong, in `language`.
    public func text(_ language: Language) -> String { phrase.text(language) }

    public var description: String { text(.en) }
}
