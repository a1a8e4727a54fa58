import GLPK
import PanelModel
import Phrasebook
import PlanModel
import Workflow

/// The relaxation of docs/formulation.md §3, built once for several objectives: one LP over
/// "task held" and "enterprise planned" fractions with the batch's aggregate capacities, each
/// variable carrying its value under each objective (the whole weighted one, or each level's).
///
/// Every plan of the batch gives a 0/1 point of the LP (its tasks held, its completed enterprises
/// planned) at which each objective's coefficients sum to at least the plan's value of that
/// objective. So the LP's maximum bounds every plan, and, with rows asking each of some
/// objectives to reach a plan's values (``bound(_:floors:)``), every plan that reaches them.
struct BoundRelaxation {
    /// A row asking objective `objective` to reach at least `value` (a plan's value of it).
    typealias Floor = (objective: Int, value: Double)

    /// The capacity rows and the "planned ≤ held" rows; the objective is set per solve.
    var model = Model(name: "bound")
    var variables: [Variable] = []
    /// Per objective, each variable's coefficient (aligned with `variables`), never negative.
    var coefficients: [[Double]]
    /// Per objective, what no variable carries: fixed rows' positive terms, enterprises with
    /// every task fixed.
    var constants: [Double]
    /// False when the time ran out while building: the LP has no capacity rows, and each bound
    /// counts every variable at its upper bound 1 (larger, still valid, found at once).
    var hasCapacityRows = true

    init(objectives: Int) {
        coefficients = Array(repeating: [], count: objectives)
        constants = Array(repeating: 0, count: objectives)
        model.sense = .maximize
    }

    /// Adds a variable in [0, 1] with one coefficient per objective (negative ones count 0).
    mutating func addVariable(_ values: [Double]) throws -> Variable {
        let variable = try model.addVariable(lowerBound: 0, upperBound: 1)
        variables.append(variable)
        for (k, value) in values.enumerated() { coefficients[k].append(max(0, value)) }
        return variable
    }

    /// A bound on objective `k` over every plan.
    /// - Complexity: one LP over the relaxation's variables and rows.
    func bound(_ k: Int) throws -> Double {
        let (status, value) = try solve(k, floors: [])
        guard status == .optimal else {
            throw PlannerError.solver(Phrase("solver.bound-lp", ["status": .text(status.rawValue)]))
        }
        return value
    }

    /// A bound on objective `k` over every plan whose objectives `floors` reach at least the
    /// values given; nil when these rows leave the LP without an optimum (only a plan outside the
    /// relaxation or GLPK's numerics could cause it: the caller keeps the bound without them).
    /// - Complexity: one LP over the relaxation's variables and rows, plus one row per floor.
    func bound(_ k: Int, floors: [Floor]) throws -> Double? {
        let (status, value) = try solve(k, floors: floors)
        return status == .optimal ? value : nil
    }

    private func solve(_ k: Int, floors: [Floor]) throws -> (SolveStatus, Double) {
        guard !variables.isEmpty else { return (.optimal, constants[k]) }
        // Nothing to gain (a penalty-only level, weights of 0): no LP to solve.
        guard hasCapacityRows, coefficients[k].contains(where: { $0 > 0 }) else {
            return (.optimal, constants[k] + coefficients[k].reduce(0, +))
        }
        var m = model
        for (variable, coefficient) in zip(variables, coefficients[k]) { try m.setObjective(variable, coefficient) }
        for floor in floors {
            let terms = zip(variables, coefficients[floor.objective]).filter { $0.1 != 0 }.map { ($0.0, $0.1) }
            // A plan's own value meets its floor; the tolerance keeps rounding from cutting it off.
            let need = floor.value - constants[floor.objective] - 1e-9 * max(1, abs(floor.value))
            guard !terms.isEmpty, need > 0 else { continue }
            try m.addConstraint(terms, lowerBound: need)
        }
        let lp = try m.solve()
        return (lp.status, constants[k] + lp.objective)
    }
}

extension PlanScorer {
    /// The same scorer with only one level's terms counted.
    func restricted(to level: Objective.Level) -> PlanScorer {
        var scorer = PlanScorer(
            batch: batch, conflictFree: conflictFree, affinity: affinity,
            staffer: PanelStaffer(batch: batch, objective: objective.restricted(to: level)))
        scorer.weekLimit = weekLimit
        return scorer
    }

    /// Whether a panel's members change this scorer's objective (covered reasons, affinity):
    /// only then is a panel MIP worth solving for the bound.
    var valuesMembers: Bool {
        objective.coefficient(.coveredReason) != 0 || (batch.hasAffinity && objective.coefficient(.affinity) != 0)
    }

    /// The relaxation with one objective per scorer (all of one batch, differing in their
    /// objective only). Each open task's value is its exact panel MIP while `exact()` says there
    /// is time, and the cheaper ``relaxedPanelValue(_:_:)`` or ``unconstrainedPanelValue(_:)``
    /// (still upper bounds) after; a scorer whose objective does not read the members skips the
    /// MIP. The first MIP solved for a task says whether it can be staffed at all.
    /// - Complexity: one panel MIP per open task and scorer that reads the members (at least one
    ///   per task for feasibility).
    static func relaxation(
        _ scorers: [PlanScorer], statuses: [EnterpriseStatus], fixed: [String: [TaskKind: Assignment]],
        exact: () -> Bool
    ) throws -> BoundRelaxation {
        let base = scorers[0]
        let batch = base.batch
        let rules = base.rules
        let expertIndex = batch.expertIndex
        let enterpriseIndex = batch.enterpriseIndex
        var relaxation = BoundRelaxation(objectives: scorers.count)
        // Fixed rows are constants: their positive terms as they are.
        for (id, tasks) in fixed {
            guard let k = enterpriseIndex[id] else { continue }
            let e = batch.enterprises[k]
            for (task, a) in tasks {
                let panel = a.experts.compactMap { expertIndex[$0] }
                let request = PanelRequest(task: task, enterprise: e, size: panel.count, initialPanel: [])
                let buffer = statuses[k].window.map { base.buffer(site: a.day, deadline: $0.deadline) }
                for (s, scorer) in scorers.enumerated() {
                    let objective = scorer.objective
                    var total = max(0, scorer.staffer.coverageValue(request, panel: panel))
                    if batch.hasAffinity {
                        let score = a.experts.reduce(0) { $0 + scorer.affinityScore($1, e.id) }
                        total += objective.coefficient(.affinity) * score
                    }
                    if task == .site {
                        total += max(0, objective.coefficient(.continuity))
                        total += objective.coefficient(.bufferDay) * Double(buffer ?? 0)
                    }
                    relaxation.constants[s] += total
                }
            }
        }
        // The MIP that decides a task's feasibility: the first scorer's that reads the members,
        // else the last one's (the whole objective after the levels): its panel MIP's value then,
        // as in a relaxation of its own. The others' values do not depend on the members.
        let feasibilityScorer = scorers.firstIndex(where: \.valuesMembers) ?? scorers.count - 1
        var seatsUsed = PerTask<[Term]>(repeating: [])
        // Tasks whose composition rules need a member of the same set of experts share that set's
        // remaining capacity (an auditor, an industry expert, a leader: whatever the rule values say).
        var needs = PerTask<[[Int]: [Term]]>(repeating: [:])
        for (k, s) in statuses.enumerated() {
            guard let window = s.window else { continue }
            let e = batch.enterprises[k]
            let fixedTasks = fixed[e.id] ?? [:]
            let open = window.tasks.filter { fixedTasks[$0] == nil }
            guard !open.isEmpty else {
                // Every task fixed: planned for certain.
                for (n, scorer) in scorers.enumerated() {
                    relaxation.constants[n] += scorer.objective.coefficient(.plannedEnterprise)
                }
                continue
            }
            let earliest = base.earliestDays(window, fixedTasks)
            var held: [Variable] = []
            var allFeasible = true
            for task in open {
                guard let from = earliest[task] else {
                    allFeasible = false
                    continue
                }
                let request = PanelRequest(task: task, enterprise: e, size: rules.panelSize(task), initialPanel: [])
                guard
                    let values = try taskValues(
                        scorers, request, enterprise: k, feasibilityScorer: feasibilityScorer, exact: exact())
                else {
                    allFeasible = false
                    continue
                }
                let buffer = task == .site ? Double(base.buffer(site: from, deadline: window.deadline)) : 0
                let withSite = zip(scorers, values).map { scorer, value in
                    guard task == .site else { return value }
                    let objective = scorer.objective
                    let continuity = max(0, objective.coefficient(.continuity))
                    return value + objective.coefficient(.bufferDay) * buffer + continuity
                }
                let r = try relaxation.addVariable(withSite)
                held.append(r)
                seatsUsed[task].append((r, Double(rules.panelSize(task))))
                let context = PanelContext(task: task, enterprise: e)
                var sets = Set<[Int]>()  // two rules may need the same experts: one row for them
                for rule in base.staffer.hardRules.panel where exact() {
                    guard case .atLeastOne(let qualifies) = rule.requirement(context, experts: batch.experts) else {
                        continue
                    }
                    sets.insert(batch.experts.indices.filter(qualifies))
                }
                for set in sets { needs[task][set, default: []].append((r, 1)) }
            }
            if allFeasible && !held.isEmpty {
                let q = try relaxation.addVariable(scorers.map { $0.objective.coefficient(.plannedEnterprise) })
                for r in held { try relaxation.model.addLessOrEqual([(q, 1), (r, -1)], 0) }
            }
        }
        // Out of time: the LP without its capacity rows (every variable at 1 when solved).
        guard exact() else {
            relaxation.hasCapacityRows = false
            return relaxation
        }
        try base.addCapacityRows(to: &relaxation.model, seatsUsed: seatsUsed, needs: needs, fixed: fixed)
        return relaxation
    }

    /// Each scorer's best value of one open task's panel alone, or nil when no panel can staff
    /// it: the panel MIP over the whole conflict-free pool with a nonzero cap (with `exact`), or
    /// a bound with no look at the pool (every reason covered, the best affinity seats, a
    /// previous expert; feasibility assumed).
    private static func taskValues(
        _ scorers: [PlanScorer], _ request: PanelRequest, enterprise k: Int, feasibilityScorer: Int, exact: Bool
    ) throws -> [Double]? {
        guard exact else { return scorers.map { $0.unconstrainedPanelValue(request) } }
        let base = scorers[0]
        let batch = base.batch
        let rules = base.rules
        let pool = base.conflictFree[k].filter { i in
            (request.task == .initial
                ? (batch.experts[i].maxInitial ?? rules.maxInitial)
                : (batch.experts[i].maxSite ?? rules.maxSite)) > 0
        }
        var values: [Double] = []
        for (n, scorer) in scorers.enumerated() {
            guard scorer.valuesMembers || n == feasibilityScorer else {
                values.append(scorer.unconstrainedPanelValue(request))
                continue
            }
            let coefficient = batch.hasAffinity ? scorer.objective.coefficient(.affinity) : 0
            let candidates = pool.map { i in
                Candidate(
                    expert: i,
                    seatValue: coefficient == 0
                        ? 0 : coefficient * scorer.affinityScore(batch.experts[i].id, request.enterprise.id))
            }
            if candidates.count <= 150 {
                guard case .success(let best) = try scorer.staffer.staff(request, candidates) else { return nil }
                values.append(best.value)
            } else {
                // Large pools: an upper bound on the panel MIP instead of its optimum (every
                // coverable reason, the best seats), and its necessary conditions for feasibility.
                guard scorer.staffer.shortfall(request, candidates) == nil else { return nil }
                values.append(scorer.relaxedPanelValue(request, candidates))
            }
        }
        return values
    }

    /// Aggregate capacities: seats, leaders, auditors and industry experts per task kind (caps
    /// left after the fixed rows), and max_parallel over the horizon's half-days.
    private func addCapacityRows(
        to m: inout Model, seatsUsed: PerTask<[Term]>, needs: PerTask<[[Int]: [Term]]>,
        fixed: [String: [TaskKind: Assignment]]
    ) throws {
        let expertIndex = batch.expertIndex
        let slots = Double(2 * batch.calendar.workingDays(from: rules.start, through: rules.end))
        var fixedCount = PerTask(repeating: Array(repeating: 0, count: batch.experts.count))
        for (_, tasks) in fixed {
            for (task, a) in tasks {
                for i in a.experts.compactMap({ expertIndex[$0] }) { fixedCount[task][i] += 1 }
            }
        }
        func remaining(_ i: Int, _ task: TaskKind) -> Double {
            Double(max(0, rules.cap(of: batch.experts[i], task) - fixedCount[task][i]))
        }
        for task in TaskKind.allCases where !seatsUsed[task].isEmpty {
            try m.addLessOrEqual(seatsUsed[task], batch.experts.indices.reduce(0) { $0 + remaining($1, task) })
            try m.addLessOrEqual(seatsUsed[task].map { ($0.variable, 1.0) }, Double(rules.maxParallel(task)) * slots)
            let groups = needs[task].sorted { $0.key.lexicographicallyPrecedes($1.key) }
            for (set, terms) in groups {
                try m.addLessOrEqual(terms, set.reduce(0) { $0 + remaining($1, task) })
            }
        }
    }
}

/// The bounds a run proves over every plan of its batch
/// (``PlanningRun/levelBounds(scorer:statuses:constants:)``).
struct ProvenBounds {
    /// A bound per level, in level order.
    var levels: [Double]
    /// A bound on the whole (weighted) objective.
    var objective: Double
    /// The relaxation behind them, one objective per level then the whole objective: the
    /// levels' bounds given the earlier levels solve it again with floors.
    var relaxation: BoundRelaxation
}
