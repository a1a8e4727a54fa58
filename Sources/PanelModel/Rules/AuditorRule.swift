import Phrasebook

/// Rule 7, `require_auditor`: at least one certified cleaner-production auditor (清洁生产审核师)
/// on every panel.
public struct AuditorRule: RoleRule {
    public let number = 7
    public let code = "no-auditor"
    let enabled: Bool

    public init(_ rules: BatchRules) { enabled = rules.requireAuditor }

    public func role(_ panel: PanelContext) -> PanelRole? { enabled ? .auditor : nil }

    public func breach(_ panel: PanelContext) -> Phrase { Phrase("rule.no-auditor") }
}
