import Phrasebook

/// Rule 7, `require_industry`: at least one expert whose specialties hold the enterprise's
/// industry tag on every panel.
public struct IndustryExpertRule: RoleRule {
    public let number = 7
    public let code = "no-industry-expert"
    let enabled: Bool

    public init(_ rules: BatchRules) { enabled = rules.requireIndustry }

    public func role(_ panel: PanelContext) -> PanelRole? { enabled ? .specialty(panel.enterprise.industry) : nil }

    public func breach(_ panel: PanelContext) -> Phrase {
        Phrase("rule.no-industry-expert", ["industry": "\(panel.enterprise.industry)"])
    }
}
