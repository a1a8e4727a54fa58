/// Rule 7, `require_industry`: at least one expert whose specialties hold the enterprise's
/// industry tag on every panel.
public struct IndustryExpertRule: PanelRule {
    public let number = 7
    public let code = "no-industry-expert"
    let enabled: Bool

    public init(_ rules: BatchRules) { enabled = rules.requireIndustry }

    public func requirement(_ panel: PanelContext, experts: [Expert]) -> PanelRequirement? {
        guard enabled else { return nil }
        let industry = panel.enterprise.industry
        return .atLeastOne { experts[$0].specialties.contains(industry) }
    }

    public func breach(_ panel: PanelContext) -> String {
        "no expert with specialty '\(panel.enterprise.industry)' (require_industry)"
    }
}
