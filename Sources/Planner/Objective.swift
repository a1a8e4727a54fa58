import PanelModel
import PlanModel

/// The objective, defined once: the soft goals of docs/format.md in their order, each a term with
/// its weight (batch.toml `[weights]`) and its sign. The panel MIP's coefficients, the seat
/// values, the scorer, the bound, the reviewer assignment and the improvement pass all take their
/// coefficients and their counting of covered reasons here, so the bound and the plans it bounds
/// can never disagree.
struct Objective: Sendable {
    /// The terms, in the order of the soft goals.
    enum Term: CaseIterable, Sendable {
        /// Goal 1: an eligible enterprise with every task it needs planned.
        case plannedEnterprise
        /// Goal 2: a listing reason covered by a panel member's specialty, per panel.
        case coveredReason
        /// Goal 2: affinity.csv score of a panel seat.
        case affinity
        /// Goal 3: a site panel holding one of the enterprise's initial reviewers (prefer).
        case continuity
        /// Goal 3: a site panel holding one of the failed round's experts (prefer or avoid).
        case previousExpert
        /// Goal 4: a travel minute (home to the first site, then to the second).
        case travelMinute
        /// Goal 5: a task above the batch's even share of load.
        case loadExcess
        /// Goal 5: a task in a week above the smallest busiest week the windows allow (level).
        case weekExcess
        /// Goal 5: a task an expert falls short of their min_total.
        case minTotalShortfall
        /// Goal 6: a working day of buffer between a site inspection and its deadline (capped).
        case bufferDay
        /// Goal 6: a reference assignment after as-of that the plan changed (replanning).
        case changedAssignment
    }

    /// The soft goals' levels, in their order (docs/format.md §5): each a group of terms.
    enum Level: String, CaseIterable, Sendable {
        case planned
        case expertise
        case continuity
        case balance
        case buffer

        /// The terms of the level.
        var terms: Set<Term> {
            switch self {
            case .planned: return [.plannedEnterprise]
            case .expertise: return [.coveredReason, .affinity]
            case .continuity: return [.continuity, .previousExpert]
            case .balance: return [.travelMinute, .loadExcess, .weekExcess, .minTotalShortfall]
            case .buffer: return [.bufferDay, .changedAssignment]
            }
        }
    }

    /// Working days of buffer counted per site inspection at most.
    static let bufferCap = 20

    let rules: BatchRules
    var weights: ObjectiveWeights { rules.weights }
    /// When set, only these terms count (the objective of one level, for its bound).
    var only: Set<Term>?

    init(_ rules: BatchRules) { self.rules = rules }

    /// The objective of one level alone: the other terms' coefficients are 0.
    func restricted(to level: Level) -> Objective {
        var objective = self
        objective.only = level.terms
        return objective
    }

    /// A level's value in a plan's breakdown, in objective units.
    func value(of level: Level, in b: ObjectiveBreakdown) -> Double {
        level.terms.reduce(0) { $0 + coefficient($1) * amount($1, in: b) }
    }

    /// The coefficient of one unit of `term` (the objective is maximized): rewards positive,
    /// penalties negative, a term its policy switches off 0.
    func coefficient(_ term: Term) -> Double {
        if let only, !only.contains(term) { return 0 }
        switch term {
        case .plannedEnterprise: return weights.planned
        case .coveredReason: return weights.expertise
        case .affinity: return weights.affinity
        case .continuity: return rules.continuity == .prefer ? weights.continuity : 0
        case .previousExpert:
            switch rules.previousExperts {
            case .prefer: return weights.previousExpert
            case .avoid: return -weights.previousExpert
            case .none: return 0
            }
        case .travelMinute: return -weights.travel
        case .loadExcess: return -weights.load
        case .weekExcess: return rules.spread == .level ? -weights.level : 0
        case .minTotalShortfall: return -weights.minTotal
        case .bufferDay: return weights.buffer
        case .changedAssignment: return -weights.change
        }
    }

    /// How many units of `term` a plan's breakdown holds.
    func amount(_ term: Term, in b: ObjectiveBreakdown) -> Double {
        switch term {
        case .plannedEnterprise: return Double(b.plannedEnterprises)
        case .coveredReason: return Double(b.coveredReasons)
        case .affinity: return b.affinity
        case .continuity: return Double(b.continuity)
        case .previousExpert: return Double(b.previousExperts)
        case .travelMinute: return b.travelMinutes
        case .loadExcess: return b.loadExcess
        case .weekExcess: return b.weekExcess
        case .minTotalShortfall: return b.minTotalShortfall
        case .bufferDay: return Double(b.bufferDays)
        case .changedAssignment: return Double(b.changedAssignments)
        }
    }

    /// Whether level values `a` are better than `b` in the order of the soft goals: the first
    /// level where they differ by more than 10⁻⁹ relative decides.
    static func isBetter(_ a: [Double], than b: [Double]) -> Bool {
        for (x, y) in zip(a, b) where abs(x - y) > 1e-9 * max(1, abs(x), abs(y)) {
            return x > y
        }
        return false
    }

    /// The objective's value: Σ coefficient × amount over the terms.
    func value(_ b: ObjectiveBreakdown) -> Double {
        Term.allCases.reduce(0) { $0 + coefficient($1) * amount($1, in: b) }
    }

    /// The specialties that cover each of the enterprise's listing reasons (empty groups left out).
    func expertiseGroups(_ enterprise: Enterprise) -> [Set<String>] {
        enterprise.reasons.compactMap { reason in
            guard let tags = rules.expertise[reason], !tags.isEmpty else { return nil }
            return Set(tags)
        }
    }

    /// Whether `expert` covers the reason whose specialties are `group`.
    func covers(_ expert: Expert, _ group: Set<String>) -> Bool { !expert.specialties.isDisjoint(with: group) }

    /// Reasons of `enterprise` that a panel of these experts covers.
    /// - Complexity: O(*r* · *m*) for *r* reasons and *m* members.
    func coveredReasons(_ enterprise: Enterprise, panel: [Expert]) -> Int {
        expertiseGroups(enterprise).filter { group in panel.contains { covers($0, group) } }.count
    }
}
