import Phrasebook

/// The panel being formed or checked: its task, its enterprise and, for a site inspection, the
/// experts of the enterprise's initial review.
public struct PanelContext: Sendable {
    public var task: TaskKind
    public var enterprise: Enterprise
    /// Expert indices of the initial review's panel (site inspections; empty when unknown).
    public var initialPanel: [Int]

    public init(task: TaskKind, enterprise: Enterprise, initialPanel: [Int] = []) {
        self.task = task
        self.enterprise = enterprise
        self.initialPanel = initialPanel
    }
}

/// What a composition rule asks of a panel, as data: the panel MIP adds it as rows, the
/// counting pre-check and the explanations read it, the audit checks panels against it.
public enum PanelRequirement: Sendable {
    /// At least one member for whom `qualifies` holds (an expert index).
    case atLeastOne(qualifies: @Sendable (Int) -> Bool)
    /// At most one member per value of `group` (an expert index → a group key).
    case atMostOnePerGroup(group: @Sendable (Int) -> String)
}

/// A hard rule on who sits together on one panel (rules 5 and 7).
public protocol PanelRule: HardRule {
    /// What the rule asks of this panel, or nil when it asks nothing here (switched off, or not
    /// this task). `experts` is the pool the indices refer to.
    func requirement(_ panel: PanelContext, experts: [Expert]) -> PanelRequirement?
    /// The sentence for a panel that breaks the rule, e.g. "no certified auditor".
    func breach(_ panel: PanelContext) -> Phrase
}

extension PanelRule {
    /// The violation of this rule by `members` (expert indices), or nil when they keep it.
    /// - Complexity: O(*m*) for *m* members.
    public func check(_ members: [Int], _ panel: PanelContext, experts: [Expert]) -> RuleViolation? {
        guard let requirement = requirement(panel, experts: experts) else { return nil }
        switch requirement {
        case .atLeastOne(let qualifies):
            return members.contains(where: qualifies) ? nil : violation(breach(panel))
        case .atMostOnePerGroup(let group):
            var seen = Set<String>()
            for member in members where !seen.insert(group(member)).inserted {
                return violation(breach(panel))
            }
            return nil
        }
    }
}
