import Phrasebook

/// Rule 7, `continuity = "require"`: at least one of the enterprise's initial reviewers sits on
/// its site panel.
public struct ContinuityRule: PanelRule {
    public let number = 7
    public let code = "no-continuity"
    let enabled: Bool

    public init(_ rules: BatchRules) { enabled = rules.continuity == .require }

    public func requirement(_ panel: PanelContext, experts: [Expert]) -> PanelRequirement? {
        guard enabled, panel.task == .site, !panel.initialPanel.isEmpty else { return nil }
        let initial = Set(panel.initialPanel)
        return .atLeastOne { initial.contains($0) }
    }

    public func breach(_ panel: PanelContext) -> Phrase {
        Phrase("rule.no-continuity")
    }
}
