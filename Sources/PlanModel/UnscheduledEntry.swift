import PanelModel
import Phrasebook

/// An enterprise (or one of its tasks) that is not in the plan, with the rule that blocked it.
public struct UnscheduledEntry: Sendable, Hashable {
    public var enterpriseID: String
    /// nil = both tasks (or the whole enterprise).
    public var task: TaskKind?
    /// A stable code, e.g. `no-industry-expert`.
    public var code: ReasonCode
    /// A sentence naming the blocking rule and its numbers, in English (plan.json `reason`).
    public var reason: String
    /// The same sentence in Chinese (plan.json `reason_zh`), when it was written with one.
    public var reasonZh: String?
    /// Whether the enterprise was eligible for planning (false: rule 2 ruled it out).
    public var eligible: Bool

    public init(
        enterpriseID: String, task: TaskKind?, code: ReasonCode, reason: String, reasonZh: String? = nil,
        eligible: Bool
    ) {
        self.enterpriseID = enterpriseID
        self.task = task
        self.code = code
        self.reason = reason
        self.reasonZh = reasonZh
        self.eligible = eligible
    }

    /// An entry whose sentence is a phrase of the string table, kept in both languages.
    public init(enterpriseID: String, task: TaskKind?, code: ReasonCode, phrase: Phrase, eligible: Bool) {
        self.init(
            enterpriseID: enterpriseID, task: task, code: code, reason: phrase.text(.en), reasonZh: phrase.text(.zh),
            eligible: eligible)
    }

    /// The sentence in `language`: the English one when no Chinese one was kept.
    public func reason(in language: Language) -> String {
        language == .zh ? reasonZh ?? reason : reason
    }
}
