import GLPK
import PanelModel
import Phrasebook
import PlanModel
import Workflow

/// Computes a plan's objective (the soft goals of FORMAT.md, weighted) and the relaxation its
/// bounds come from (``relaxation(_:statuses:fixed:exact:)``, BoundRelaxation.swift).
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
        let firstInitial = batch.calendar.firstWorkingDay(
            from: max(window.earliestInitial ?? rules.start, rules.start),
            through: min(rules.end, window.deadline))
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
}
