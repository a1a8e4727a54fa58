/// A hard rule of the format (rules 1–11 of docs/format.md), as a value: its number, a stable code
/// and the sentence an explanation cites. Each rule lives in its own file in this folder; the
/// planner's ledger, the panel MIP, the audit of fixed rows and the explanations all ask these
/// values, so a rule is changed in one place.
public protocol HardRule: Sendable {
    /// The rule's number in docs/format.md (e.g. 7 for the panel-composition rules).
    var number: Int { get }
    /// A stable code, used in `unscheduled` entries and warnings (e.g. `no-auditor`).
    var code: String { get }
}

/// A breach of a hard rule by a given panel or task, for warnings and explanations.
public struct RuleViolation: Sendable, Hashable, CustomStringConvertible {
    /// The rule's number in docs/format.md.
    public var rule: Int
    /// The rule's stable code.
    public var code: String
    /// What is wrong, with its numbers.
    public var message: String

    public init(rule: Int, code: String, message: String) {
        self.rule = rule
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) (rule \(rule))" }
}

extension HardRule {
    /// A violation of this rule with `message`.
    public func violation(_ message: String) -> RuleViolation {
        RuleViolation(rule: number, code: code, message: message)
    }
}
