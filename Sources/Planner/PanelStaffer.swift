import GLPK
import PanelModel

/// One expert who may sit on a panel, with the linear part of their seat's value.
struct Candidate {
    var expert: Int
    /// Affinity, travel, load and tie-break value of this seat (objective units).
    var seatValue: Double
}

/// What a panel must hold and what it gains, for one task of one enterprise.
struct PanelRequest {
    var task: TaskKind
    var enterprise: Enterprise
    var size: Int
    /// The initial panel (for continuity), when known.
    var initialPanel: [Int]
    /// The credit for the leader seat: candidates' seat values already carry the cost of the
    /// leader role (a heuristic term, not part of the objective), which leading earns back.
    var leaderReserve: Double = 0
    /// Experts who must sit on the panel (repairing a frozen panel keeps its valid members).
    var forced: Set<Int> = []
    /// At least one of these must sit on the panel: an initial review whose site panel is
    /// already fixed, under continuity = "require".
    var requireOneOf: [Int] = []
    /// A leader to keep when possible, and the value of keeping them.
    var preferredLeader: Int?
    var preferredLeaderValue: Double = 0
    /// The weight of the coverage terms (expertise, continuity, previous experts) in the MIP:
    /// 1 normally; the random draw's column generation prices them with its quality row's dual.
    var coverageScale: Double = 1
    var needsLeader: Bool { task == .site }
    /// The panel as the rule values see it.
    var context: PanelContext { PanelContext(task: task, enterprise: enterprise, initialPanel: initialPanel) }
}

/// A staffed panel.
struct StaffedPanel {
    var experts: [Int]
    var leader: Int?
    /// The objective value of the panel as the MIP saw it (seat values included), or, after a
    /// seat exchange, its own terms (``PlanningRun/ownValue(_:_:level:)``).
    var value: Double
}

/// Why a panel cannot be formed from a candidate set, by rule.
enum PanelShortfall: Equatable {
    case tooFewExperts(have: Int, need: Int)
    case noAuditor
    case noIndustryExpert(String)
    case noLeader
    case tooFewOrganizations(have: Int, need: Int)
    case noContinuity
    /// The counts allow a panel but the rules together do not (the MIP is infeasible).
    case combination

    /// The kind of shortfall, its code in plan.json `unscheduled` reasons.
    enum Kind: String, Comparable {
        case tooFewExperts = "too-few-experts"
        case noAuditor = "no-auditor"
        case noIndustryExpert = "no-industry-expert"
        case noLeader = "no-leader"
        case tooFewOrganizations = "too-few-organizations"
        case noContinuity = "no-continuity"
        case combination = "panel-rules"

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var kind: Kind {
        switch self {
        case .tooFewExperts: .tooFewExperts
        case .noAuditor: .noAuditor
        case .noIndustryExpert: .noIndustryExpert
        case .noLeader: .noLeader
        case .tooFewOrganizations: .tooFewOrganizations
        case .noContinuity: .noContinuity
        case .combination: .combination
        }
    }

    /// The shortfall of a composition rule that no candidate can meet.
    init(_ rule: any PanelRule, _ panel: PanelContext) {
        switch rule {
        case is IndustryExpertRule: self = .noIndustryExpert(panel.enterprise.industry)
        case is AuditorRule: self = .noAuditor
        case is LeaderRule: self = .noLeader
        case is ContinuityRule: self = .noContinuity
        default: self = .combination
        }
    }
}

/// Staffs one panel with a small GLPK MIP over its candidates: panel size, a leader, an auditor,
/// an industry expert, one expert per organization, continuity, and the soft goals.
struct PanelStaffer {
    let batch: Batch
    let rules: BatchRules
    let experts: [Expert]
    /// Expert id → index, built once (Batch.expertIndex builds a dictionary on every call).
    let expertIndex: [String: Int]
    /// The hard rules as values: the composition rules give the panel MIP its rows.
    let hardRules: HardRules
    /// The objective: the panel MIP's coefficients.
    let objective: Objective

    init(batch: Batch, objective: Objective? = nil) {
        self.batch = batch
        self.rules = batch.rules
        self.experts = batch.experts
        self.expertIndex = batch.expertIndex
        self.hardRules = HardRules(batch)
        self.objective = objective ?? Objective(batch.rules)
    }

    /// The necessary conditions, checked by counting; nil when counts allow a panel.
    func shortfall(_ request: PanelRequest, _ candidates: [Candidate]) -> PanelShortfall? {
        if candidates.count < request.size { return .tooFewExperts(have: candidates.count, need: request.size) }
        let members = candidates.map(\.expert)
        let context = request.context
        for rule in hardRules.panel {
            switch rule.requirement(context, experts: experts) {
            case nil:
                continue
            case .atLeastOne(let qualifies):
                if !members.contains(where: qualifies) { return PanelShortfall(rule, context) }
            case .atMostOnePerGroup(let group):
                // Counted until there are enough: the count matters only when short.
                var groups = Set<String>()
                for i in members where groups.count < request.size { groups.insert(group(i)) }
                if groups.count < request.size {
                    return .tooFewOrganizations(have: groups.count, need: request.size)
                }
            }
        }
        if !request.requireOneOf.isEmpty && !candidates.contains(where: { request.requireOneOf.contains($0.expert) }) {
            return .noContinuity
        }
        return nil
    }

    /// The value of the coverage terms (expertise, continuity, previous experts) of a panel,
    /// under the staffer's objective or, when given, `objective` (one level's, say).
    func coverageValue(_ request: PanelRequest, panel: [Int], under objective: Objective? = nil) -> Double {
        let objective = objective ?? self.objective
        let members = panel.map { experts[$0] }
        var value =
            objective.coefficient(.coveredReason)
            * Double(objective.coveredReasons(request.enterprise, panel: members))
        if request.task == .site {
            if panel.contains(where: { request.initialPanel.contains($0) }) {
                value += objective.coefficient(.continuity)
            }
            let previous = previousExperts(request)
            if panel.contains(where: { previous.contains($0) }) { value += objective.coefficient(.previousExpert) }
        }
        return value
    }

    func previousExperts(_ request: PanelRequest) -> Set<Int> {
        guard request.enterprise.reasons.contains(.failedLastRound) || !request.enterprise.previousExperts.isEmpty
        else { return [] }
        return Set(request.enterprise.previousExperts.compactMap { expertIndex[$0] })
    }

    /// Staffs from the most promising candidates first (at most `limit`, keeping the best
    /// holders of every role the rules need), and from all of them when that fails: the MIP
    /// stays small on large pools without ever missing a panel that exists.
    func staffPruned(_ request: PanelRequest, _ candidates: [Candidate], limit: Int = 48) throws -> Result<
        StaffedPanel, PanelShortfallError
    > {
        guard candidates.count > limit else { return try staff(request, candidates) }
        if let s = shortfall(request, candidates) { return .failure(PanelShortfallError(shortfall: s)) }
        if case .success(let panel) = try staff(request, promising(request, candidates, limit: limit)) {
            return .success(panel)
        }
        return try staff(request, candidates)
    }

    /// The most promising candidates, at most about `limit` besides the special ones: the best
    /// by seat value, the best holders of every role the rules need and of every listing reason,
    /// and every expert a term of the objective or a rule singles out.
    /// - Complexity: O(*n* · *m*) for *n* candidates and *m* kept per role, without sorting them all.
    func promising(_ request: PanelRequest, _ candidates: [Candidate], limit: Int) -> [Candidate] {
        // The ranking: the higher seat value first, the lower expert index between equals.
        func outranks(_ a: Int, _ b: Int) -> Bool {
            candidates[a].seatValue != candidates[b].seatValue
                ? candidates[a].seatValue > candidates[b].seatValue : candidates[a].expert < candidates[b].expert
        }
        var keep = Set<Int>()
        // The `n` best-ranked candidates who qualify.
        func take(_ qualifies: (Expert) -> Bool, _ n: Int) {
            guard n > 0 else { return }
            var best: [Int] = []
            for k in candidates.indices where best.count < n || outranks(k, best[n - 1]) {
                guard qualifies(experts[candidates[k].expert]) else { continue }
                best.insert(k, at: best.firstIndex { outranks(k, $0) } ?? best.count)
                if best.count > n { best.removeLast() }
            }
            keep.formUnion(best)
        }
        take({ _ in true }, limit / 2)
        take({ $0.specialties.contains(request.enterprise.industry) }, 8)
        take({ $0.isAuditor }, 8)
        if request.needsLeader { take({ $0.canLead }, 8) }
        for reason in request.enterprise.reasons {
            if let tags = rules.expertise[reason], !tags.isEmpty { take({ !$0.specialties.isDisjoint(with: tags) }, 4) }
        }
        // Experts a term of the objective or a rule singles out always stay candidates: the
        // initial reviewers (continuity), the failed round's experts when they are rewarded,
        // the forced and required members, the leader to keep.
        var special = Set(request.initialPanel).union(request.forced).union(request.requireOneOf).union(
            request.preferredLeader.map { [$0] } ?? [])
        if request.task == .site && objective.coefficient(.previousExpert) > 0 {
            special.formUnion(previousExperts(request))
        }
        for (k, c) in candidates.enumerated() where special.contains(c.expert) { keep.insert(k) }
        return keep.sorted().map { candidates[$0] }
    }

    /// Solves the panel MIP; nil with the shortfall when no panel exists.
    func staff(_ request: PanelRequest, _ candidates: [Candidate]) throws -> Result<StaffedPanel, PanelShortfallError> {
        if let s = shortfall(request, candidates) { return .failure(PanelShortfallError(shortfall: s)) }
        if !request.forced.isSubset(of: Set(candidates.map(\.expert))) {
            return .failure(PanelShortfallError(shortfall: .combination))
        }
        var m = Model(name: "panel")
        m.sense = .maximize
        let columns = try addPanel(request, candidates, to: &m)
        // Panel MIPs are tiny: cuts and presolve cost more than they save.
        let solution = try m.solve(options: SolveOptions(presolve: false, cuts: false))
        guard solution.status.hasSolution else {
            return .failure(PanelShortfallError(shortfall: .combination))
        }
        var panel = columns.panel(in: solution)
        panel.value = solution.objective
        return .success(panel)
    }

    /// Adds one panel's columns and rows to `m` (maximized): a seat per candidate with its seat
    /// value, the panel size, the forced members, a leader among the members who can lead, the
    /// composition rules as their values state them (rules 5, 7), the required continuity and
    /// the coverage terms (a covered reason, continuity, a previous expert) each a binary bounded
    /// by the seats that give it. The single panel MIP is this alone; the joint re-staffing of
    /// several panels (``staffTogether(_:timeLimit:)``) adds one per panel and ties them.
    /// - Complexity: O(*n* · (*r* + *g*)) nonzeros for *n* candidates, *r* reasons and *g* rules.
    func addPanel(_ request: PanelRequest, _ candidates: [Candidate], to m: inout Model) throws -> PanelColumns {
        var columns = PanelColumns(experts: candidates.map(\.expert))
        for c in candidates {
            columns.seats.append(try m.addVariable(kind: .binary, objective: c.seatValue))
        }
        let x = columns.seats
        try m.addEqual(x.map { ($0, 1.0) }, Double(request.size))
        for (k, c) in candidates.enumerated() where request.forced.contains(c.expert) {
            try m.addEqual([(x[k], 1)], 1)
        }
        if request.needsLeader {
            for (k, c) in candidates.enumerated() where experts[c.expert].canLead {
                let v = try m.addVariable(
                    kind: .binary,
                    objective: request.leaderReserve
                        + (request.preferredLeader == c.expert ? request.preferredLeaderValue : 0))
                columns.leaders[k] = v
                try m.addLessOrEqual([(v, 1), (x[k], -1)], 0)
            }
            try m.addEqual(columns.leaders.keys.sorted().map { (columns.leaders[$0]!, 1.0) }, 1)
        }
        // The composition rules (5, 7) as their values state them; the leader rule is the leader
        // choice above.
        let seats = candidates.indices.map { (expert: candidates[$0].expert, variable: x[$0]) }
        for rule in hardRules.panel where !(rule is LeaderRule) {
            guard let requirement = rule.requirement(request.context, experts: experts) else { continue }
            try m.addComposition(requirement, seats: seats)
        }
        // Coverage of listing reasons: y_r ≤ Σ_{i covers r} x_i.
        for group in objective.expertiseGroups(request.enterprise) {
            let covering = candidates.indices.filter { objective.covers(experts[candidates[$0].expert], group) }
            guard !covering.isEmpty else { continue }
            let y = try m.addVariable(
                kind: .binary, objective: request.coverageScale * objective.coefficient(.coveredReason))
            try m.addLessOrEqual([(y, 1)] + covering.map { (x[$0], -1.0) }, 0)
            columns.coveredReasons.append(y)
        }
        if !request.requireOneOf.isEmpty {
            try m.addGreaterOrEqual(
                candidates.indices.filter { request.requireOneOf.contains(candidates[$0].expert) }.map { (x[$0], 1.0) },
                1)
        }
        if request.task == .site {
            let initial = candidates.indices.filter { request.initialPanel.contains(candidates[$0].expert) }
            let continuity = request.coverageScale * objective.coefficient(.continuity)
            if continuity > 0 && !initial.isEmpty {
                let y = try m.addVariable(kind: .binary, objective: continuity)
                try m.addLessOrEqual([(y, 1)] + initial.map { (x[$0], -1.0) }, 0)
                columns.continuity = y
            }
            let previous = previousExperts(request)
            let prev = candidates.indices.filter { previous.contains(candidates[$0].expert) }
            let previousValue = request.coverageScale * objective.coefficient(.previousExpert)
            if !prev.isEmpty && previousValue > 0 {
                // A reward: y ≤ Σ x over the previous experts.
                let y = try m.addVariable(kind: .binary, objective: previousValue)
                try m.addLessOrEqual([(y, 1)] + prev.map { (x[$0], -1.0) }, 0)
            } else if !prev.isEmpty && previousValue < 0 {
                // A penalty: y ≥ x for each previous expert.
                let y = try m.addVariable(kind: .binary, objective: previousValue)
                for k in prev { try m.addLessOrEqual([(x[k], 1), (y, -1)], 0) }
            }
        }
        return columns
    }
}

/// The columns one panel adds to a MIP (``PanelStaffer/addPanel(_:_:to:)``).
struct PanelColumns {
    /// The candidates' experts, in the order of ``seats``.
    var experts: [Int]
    /// A binary per candidate: the expert sits on the panel.
    var seats: [Variable] = []
    /// A binary per candidate who can lead (by index into ``experts``): the expert leads.
    var leaders: [Int: Variable] = [:]
    /// A binary per listing reason some candidate covers: the panel covers it.
    var coveredReasons: [Variable] = []
    /// The binary of continuity (continuity = "prefer" and an initial reviewer among the candidates).
    var continuity: Variable?

    /// The panel a solution gives: its members in order and its leader.
    func panel(in solution: Solution) -> StaffedPanel {
        let chosen = experts.indices.filter { solution.integerValue(seats[$0]) == 1 }.map { experts[$0] }
        let leader = leaders.keys.sorted().first(where: { solution.integerValue(leaders[$0]!) == 1 }).map {
            experts[$0]
        }
        return StaffedPanel(experts: chosen.sorted(), leader: leader, value: 0)
    }
}

struct PanelShortfallError: Error { var shortfall: PanelShortfall }
