import Phrasebook

/// Rule 7, `one_per_organization`: no two experts of one employer on a panel.
public struct OnePerOrganizationRule: PanelRule {
    public let number = 7
    public let code = "too-few-organizations"
    let enabled: Bool

    public init(_ rules: BatchRules) { enabled = rules.onePerOrganization }

    public func requirement(_ panel: PanelContext, experts: [Expert]) -> PanelRequirement? {
        guard enabled else { return nil }
        return .atMostOnePerGroup { experts[$0].organization }
    }

    public func breach(_ panel: PanelContext) -> Phrase { Phrase("rule.one-per-organization") }
}
