import GLPK
import PanelModel
import Phrasebook
import PlanModel
import Workflow

/// Computes a plan's objective (the soft goals of FORMAT.md, weighted) and a valid upper bound.
///
/// The bound relaxes every constraint that couples two tasks (expert capacity, slots,
/// max_parallel, weekly and daily caps, travel) and drops every penalty term: what remains
/// separates by task, and each task's best panel is a small MIP solved exactly.
struct PlanScorer {
    let batch: Batch
    let conflictFree: [[Int]]
    let affinity: [String: Double]
    let staffer: PanelStaffer
    /// The smallest busiest week the windows allow (``WeekLevel``), for the levelness term.
    var weekLimit = 0
    var rules: BatchRules { batch.rules }
    var objective: Objective { staffer.objective }

    func affinityScore(_ expert: String, _ enterprise: String) -> Double {
        affinity["\(expert)\u{1}\(enterprise)"] ?? 0
    }

    func buffer(site day: Day, deadline: Day) -> Int {
        batch.calendar.workingDays(from: day + 1, through: deadline, atMost: Objective.bufferCap)
    }

    /// Objective, its parts, and the number of eligible enterprises fully planned.
    func score(_ plan: [Assignment], statuses: [EnterpriseStatus], reference: [Assignment] = [], asOf: Day? = nil) -> (
        Double, ObjectiveBreakdown, Int
    ) {
        var b = breakdown(of: scoredPlan(plan), statuses: statuses)
        b.changedAssignments = changes(plan, reference: reference, asOf: asOf)
        return (objective.value(b), b, b.plannedEnterprises)
    }

    /// The even share of the batch's demand: ⌈(seats the eligible enterprises' tasks need +
    /// seats of fixed rows of other enterprises) / pool size⌉. A constant of the batch, so the
    /// load term does not reward planning less.
    func evenShare(statuses: [EnterpriseStatus]) -> Int {
        guard !batch.experts.isEmpty else { return 0 }
        var seats = 0
        var eligible = Set<String>()
        for s in statuses {
            guard let window = s.window else { continue }
            eligible.insert(s.enterprise.id)
            seats += window.tasks.reduce(0) { $0 + rules.panelSize($1) }
        }
        for f in batch.fixed where !eligible.contains(f.enterpriseID) { seats += f.experts.count }
        return (seats + batch.experts.count - 1) / batch.experts.count
    }

    /// An upper bound on the panel MIP's optimum: every reason some candidate covers, plus the
    /// best `size` seat values (continuity and previous-expert terms are added by the caller or
    /// cannot be positive here).
    func relaxedPanelValue(_ request: PanelRequest, _ candidates: [Candidate]) -> Double {
        let pool = candidates.map { batch.experts[$0.expert] }
        var value =
            objective.coefficient(.coveredReason) * Double(objective.coveredReasons(request.enterprise, panel: pool))
        if request.task == .site && !staffer.previousExperts(request).isEmpty {
            value += max(0, objective.coefficient(.previousExpert))
        }
        let seats = candidates.map(\.seatValue).sorted(by: >).prefix(request.size)
        return value + seats.reduce(0) { $0 + max(0, $1) }
    }

    /// An upper bound on a panel's value that reads nothing of the pool: every listing reason
    /// covered, the `size` best positive affinity scores of the enterprise, a previous expert
    /// where that is rewarded.
    /// - Complexity: O(*a* log *a*) for the enterprise's *a* affinity rows.
    func unconstrainedPanelValue(_ request: PanelRequest) -> Double {
        let e = request.enterprise
        var value = objective.coefficient(.coveredReason) * Double(objective.expertiseGroups(e).count)
        if batch.hasAffinity {
            let scores = batch.affinity.filter { $0.enterpriseID == e.id }.map(\.score).sorted(by: >)
            value += objective.coefficient(.affinity) * scores.prefix(request.size).reduce(0) { $0 + max(0, $1) }
        }
        if request.task == .site && !staffer.previousExperts(request).isEmpty {
            value += max(0, objective.coefficient(.previousExpert))
        }
        return value
    }

    /// The earliest day each task of an eligible enterprise could take, ignoring all other tasks
    /// (the held or fixed initial review counts); a task missing from the result cannot be dated
    /// inside its window at all.
    func earliestDays(_ window: PlanningWindow, _ fixedTasks: [TaskKind: Assignment]) -> [TaskKind: Day] {
        var days: [TaskKind: Day] = [:]
        let firstInitial = batch.calendar.workingDayList(
            from: max(window.earliestInitial ?? rules.start, rules.start),
            through: min(rules.end, window.deadline)
        ).first
        days[.initial] = firstInitial
        var earliestSite: Day?
        if window.tasks.contains(.initial) && fixedTasks[.initial] == nil {
            earliestSite = firstInitial.map { batch.calendar.addingWorkingDays(rules.revisionDays, to: $0) }
        } else if let f = fixedTasks[.initial] {
            earliestSite = batch.calendar.addingWorkingDays(rules.revisionDays, to: f.day)
        } else {
            earliestSite = window.earliestSite
        }
        if let from = earliestSite.map({ max($0, rules.start) }), from <= window.latestSite { days[.site] = from }
        return days
    }

    /// The bound of one level alone: the same relaxation with only the level's terms counted.
    /// Holding the levels before it would only shrink the plans it ranges over, so it is also
    /// a valid bound for the level given them.
    func bound(
        of level: Objective.Level, statuses: [EnterpriseStatus], fixed: [String: [TaskKind: Assignment]],
        exact: () -> Bool
    ) throws -> Double {
        let restricted = objective.restricted(to: level)
        var scorer = PlanScorer(
            batch: batch, conflictFree: conflictFree, affinity: affinity,
            staffer: PanelStaffer(batch: batch, objective: restricted))
        scorer.weekLimit = weekLimit
        return try scorer.bound(statuses: statuses, fixed: fixed, exact: exact)
    }

    /// A valid upper bound on the objective of any plan of the batch with these fixed rows.
    /// Each open task's value is its exact panel MIP while `exact()` says there is time, and the
    /// cheaper relaxation of ``relaxedPanelValue(_:_:)`` (still an upper bound) after.
    func bound(
        statuses: [EnterpriseStatus], fixed: [String: [TaskKind: Assignment]], exact: () -> Bool = { true }
    ) throws -> Double {
        let objective = objective
        let expertIndex = batch.expertIndex
        let enterpriseIndex = batch.enterpriseIndex
        var total = 0.0
        // Fixed rows are constants: their positive terms as they are.
        for (id, tasks) in fixed {
            guard let k = enterpriseIndex[id] else { continue }
            let e = batch.enterprises[k]
            for (task, a) in tasks {
                let panel = a.experts.compactMap { expertIndex[$0] }
                let request = PanelRequest(task: task, enterprise: e, size: panel.count, initialPanel: [])
                total += max(0, staffer.coverageValue(request, panel: panel))
                if batch.hasAffinity {
                    let score = a.experts.reduce(0) { $0 + affinityScore($1, e.id) }
                    total += objective.coefficient(.affinity) * score
                }
                if task == .site { total += max(0, objective.coefficient(.continuity)) }
                if task == .site, let window = statuses[k].window {
                    total += objective.coefficient(.bufferDay) * Double(buffer(site: a.day, deadline: window.deadline))
                }
            }
        }
        // Open tasks: each one's best value alone (a panel MIP over the whole conflict-free pool),
        // then an LP over "planned" and "task held" fractions with the batch's aggregate capacities.
        var m = Model(name: "bound")
        m.sense = .maximize
        var seatsUsed = PerTask<[Term]>(repeating: [])
        // Tasks whose composition rules need a member of the same set of experts share that set's
        // remaining capacity (an auditor, an industry expert, a leader: whatever the rule values say).
        var needs = PerTask<[[Int]: [Term]]>(repeating: [:])
        var any = false
        var everyVariableAtOne = 0.0
        for (k, s) in statuses.enumerated() {
            guard let window = s.window else { continue }
            let e = batch.enterprises[k]
            let fixedTasks = fixed[e.id] ?? [:]
            let open = window.tasks.filter { fixedTasks[$0] == nil }
            guard !open.isEmpty else {
                total += objective.coefficient(.plannedEnterprise)  // every task fixed: planned for certain
                continue
            }
            let earliest = earliestDays(window, fixedTasks)
            var held: [Variable] = []
            var allFeasible = true
            for task in open {
                var value = 0.0
                guard let from = earliest[task] else {
                    allFeasible = false
                    continue
                }
                if task == .site {
                    value += objective.coefficient(.bufferDay) * Double(buffer(site: from, deadline: window.deadline))
                    value += max(0, objective.coefficient(.continuity))
                }
                let request = PanelRequest(task: task, enterprise: e, size: rules.panelSize(task), initialPanel: [])
                if !exact() {
                    // Out of time: a bound with no look at the pool (every reason covered, the best
                    // affinity seats, a previous expert), feasibility assumed: larger, still valid.
                    value += unconstrainedPanelValue(request)
                } else {
                    let pool = conflictFree[k].filter { i in
                        (task == .initial
                            ? (batch.experts[i].maxInitial ?? rules.maxInitial)
                            : (batch.experts[i].maxSite ?? rules.maxSite)) > 0
                    }
                    let candidates = pool.map { i in
                        Candidate(
                            expert: i,
                            seatValue: batch.hasAffinity
                                ? objective.coefficient(.affinity) * affinityScore(batch.experts[i].id, e.id) : 0)
                    }
                    if candidates.count <= 150 {
                        guard case .success(let best) = try staffer.staff(request, candidates) else {
                            allFeasible = false
                            continue
                        }
                        value += best.value
                    } else {
                        // Large pools: an upper bound on the panel MIP instead of its optimum (every
                        // coverable reason, the best seats), and its necessary conditions for feasibility.
                        guard staffer.shortfall(request, candidates) == nil else {
                            allFeasible = false
                            continue
                        }
                        value += relaxedPanelValue(request, candidates)
                    }
                }
                let r = try m.addVariable(lowerBound: 0, upperBound: 1, objective: max(0, value))
                everyVariableAtOne += max(0, value)
                held.append(r)
                any = true
                seatsUsed[task].append((r, Double(rules.panelSize(task))))
                let context = PanelContext(task: task, enterprise: e)
                var sets = Set<[Int]>()  // two rules may need the same experts: one row for them
                for rule in staffer.hardRules.panel where exact() {
                    guard case .atLeastOne(let qualifies) = rule.requirement(context, experts: batch.experts) else {
                        continue
                    }
                    sets.insert(batch.experts.indices.filter(qualifies))
                }
                for set in sets { needs[task][set, default: []].append((r, 1)) }
            }
            if allFeasible && !held.isEmpty {
                let q = try m.addVariable(
                    lowerBound: 0, upperBound: 1, objective: objective.coefficient(.plannedEnterprise))
                everyVariableAtOne += objective.coefficient(.plannedEnterprise)
                for r in held { try m.addLessOrEqual([(q, 1), (r, -1)], 0) }
            }
        }
        guard any else { return total }
        // Out of time: the LP without its capacity rows, solved by hand (every variable at its
        // upper bound 1): a larger optimum, still a valid bound, found at once.
        guard exact() else { return total + everyVariableAtOne }
        // Aggregate capacities: seats, leaders, auditors and industry experts per task kind
        // (caps left after the fixed rows), and max_parallel over the horizon's half-days.
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
        let lp = try m.solve()
        guard lp.status == .optimal else {
            throw PlannerError.solver(Phrase("solver.bound-lp", ["status": .text(lp.status.rawValue)]))
        }
        return total + lp.objective
    }
}
