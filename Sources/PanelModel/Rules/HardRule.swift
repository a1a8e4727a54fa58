import Phrasebook

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
    /// What is wrong, with its numbers, in either language.
    public var message: Phrase

    public init(rule: Int, code: String, message: Phrase) {
        self.rule = rule
        self.code = code
        self.message = message
    }

    /// `unavailable on 2026-03-02 (rule 8)` / `2026-03-02 不可出席（规则 8）`.
    public func text(_ language: Language) -> String {
        phrase.text(language)
    }

    /// The violation as a phrase, its rule's number after the message.
    public var phrase: Phrase {
        Phrase("rule.violation", ["message": .phrase(message), "rule": "\(rule)"])
    }

    /// The English text.
    public var description: String { text(.en) }
}

extension HardRule {
    /// A violation of this rule with `message`.
    public func violation(_ message: Phrase) -> RuleViolation {
        RuleViolation(rule: number, code: code, message: message)
    }
}
