/// Rule 7, `require_auditor`: at least one certified cleaner-production auditor (清洁生产审核师)
/// on every panel.
public struct AuditorRule: PanelRule {
    public let number = 7
    public let code = "no-auditor"
    let enabled: Bool

    public init(_ rules: BatchRules) { enabled = rules.requireAuditor }

    public func requirement(_ panel: PanelContext, experts: [Expert]) -> PanelRequirement? {
        guard enabled else { return nil }
        return .atLeastOne { experts[$0].isAuditor }
    }

    public func breach(_ panel: PanelContext) -> String { "no certified auditor (require_auditor)" }
}
