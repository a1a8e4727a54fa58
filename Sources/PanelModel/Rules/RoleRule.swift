/// What a composition rule asks one member of a panel to be: what a recruit must be to count
/// for it in a capacity analysis, and what makes an expert scarce.
public enum PanelRole: Hashable, Sendable, Comparable {
    /// May lead a site panel (`leader = yes`, rule 5).
    case leader
    /// A certified cleaner-production auditor (`auditor = yes`, rule 7).
    case auditor
    /// Holds this industry tag among their specialties (rule 7).
    case specialty(String)

    /// Gives `expert` the role (a recruit of a what-if analysis).
    public func grant(to expert: inout Expert) {
        switch self {
        case .leader: expert.canLead = true
        case .auditor: expert.isAuditor = true
        case .specialty(let tag): expert.specialties.insert(tag)
        }
    }

    /// Whether `expert` holds the role.
    public func isHeld(by expert: Expert) -> Bool {
        switch self {
        case .leader: expert.canLead
        case .auditor: expert.isAuditor
        case .specialty(let tag): expert.specialties.contains(tag)
        }
    }
}

/// A composition rule that asks for at least one member holding a role (rules 5 and 7): its
/// requirement follows from the role, so who qualifies is written once, in ``PanelRole``.
public protocol RoleRule: PanelRule {
    /// The role this panel must hold, or nil when the rule asks nothing here.
    func role(_ panel: PanelContext) -> PanelRole?
}

extension RoleRule {
    public func requirement(_ panel: PanelContext, experts: [Expert]) -> PanelRequirement? {
        guard let role = role(panel) else { return nil }
        return .atLeastOne { role.isHeld(by: experts[$0]) }
    }
}

extension HardRules {
    /// The roles a panel must hold, one per role rule that applies, without repeats.
    /// - Complexity: O(*r*) for *r* composition rules.
    public func roles(_ panel: PanelContext) -> [PanelRole] {
        var out: [PanelRole] = []
        for case let rule as any RoleRule in self.panel {
            if let role = rule.role(panel), !out.contains(role) { out.append(role) }
        }
        return out
    }
}
