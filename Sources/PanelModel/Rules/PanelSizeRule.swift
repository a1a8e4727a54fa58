import Phrasebook

/// Rule 5: panel sizes are exact (`panel_size` of each task) and the experts distinct.
public struct PanelSizeRule: HardRule {
    public let number = 5
    public let code = "panel-size"
    let rules: BatchRules

    public init(_ rules: BatchRules) { self.rules = rules }

    /// Why a panel of these expert ids breaks the rule, or nil.
    public func blocks(_ experts: [String], task: TaskKind) -> Phrase? {
        let size = rules.panelSize(task)
        if Set(experts).count != experts.count { return Phrase("rule.listed-twice") }
        return experts.count == size
            ? nil : Phrase("rule.panel-size", ["count": "\(experts.count)", "size": "\(size)"])
    }
}
