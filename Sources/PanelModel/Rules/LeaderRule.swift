/// Rule 5: a site panel has exactly one leader (组长), one of its experts with `leader = yes`; an
/// initial review has none. The panel MIP chooses the leader among the members who may lead.
public struct LeaderRule: PanelRule {
    public let number = 5
    public let code = "no-leader"

    public init() {}

    public func requirement(_ panel: PanelContext, experts: [Expert]) -> PanelRequirement? {
        guard panel.task == .site else { return nil }
        return .atLeastOne { experts[$0].canLead }
    }

    public func breach(_ panel: PanelContext) -> String { "no member may lead (leader = yes)" }
}
