import Phrasebook

/// Rule 5: a site panel has exactly one leader (组长), one of its experts with `leader = yes`; an
/// initial review has none. The panel MIP chooses the leader among the members who may lead.
public struct LeaderRule: RoleRule {
    public let number = 5
    public let code = "no-leader"

    public init() {}

    public func role(_ panel: PanelContext) -> PanelRole? { panel.task == .site ? .leader : nil }

    public func breach(_ panel: PanelContext) -> Phrase { Phrase("rule.no-leader") }
}
