import PanelModel
import PlanModel
import Workflow

/// A task of a plan as the scorer reads it: its time and its panel by expert index.
struct ScoredTask: Equatable {
    var time: SlotTime
    var panel: [Int]

    init(time: SlotTime, panel: [Int]) {
        self.time = time
        self.panel = panel
    }

    /// A written assignment by expert index; members the pool does not hold are left out.
    init(_ assignment: Assignment, expertIndex: [String: Int]) {
        self.init(time: assignment.time, panel: assignment.experts.compactMap { expertIndex[$0] })
    }
}

/// A plan as the scorer reads it.
struct ScoredPlan {
    /// Per enterprise (batch order), its tasks.
    var tasks: [PerTask<ScoredTask?>]
    /// The times of tasks of enterprises the batch no longer holds (history of an enterprise
    /// that left it): they count in their week only.
    var elsewhere: [SlotTime] = []

    /// A plan of no task.
    init(enterprises: Int) { tasks = Array(repeating: PerTask(repeating: nil), count: enterprises) }
}

/// The terms that one enterprise's own tasks decide: whether it is planned, its buffer, and its
/// panels' covered reasons, affinity, continuity and previous experts.
struct EnterpriseTerms: Equatable {
    var planned = 0
    var bufferDays = 0
    var coveredReasons = 0
    var affinity = 0.0
    var continuity = 0
    var previousExperts = 0
}

/// The enterprise terms last computed for each enterprise, with the tasks they were computed
/// from: a search step changes a few enterprises, and the others' terms are taken from here.
/// Entries are keyed by content, never stale: a reference shared by the copies of a run (a step
/// undone keeps what it computed, which a later step may meet again).
final class ScoreMemo {
    fileprivate var entries: [Int: (tasks: PerTask<ScoredTask?>, terms: EnterpriseTerms)] = [:]
    /// The batch's even share (``PlanScorer/evenShare(statuses:)``), a constant of the run.
    fileprivate var evenShare: Int?
}

extension PlanScorer {
    /// A plan's assignments as the scorer reads them; members the pool does not hold are left out.
    func scoredPlan(_ plan: [Assignment]) -> ScoredPlan {
        let expertIndex = staffer.expertIndex
        let enterpriseIndex = batch.enterpriseIndex
        var scored = ScoredPlan(enterprises: batch.enterprises.count)
        for a in plan {
            guard let k = enterpriseIndex[a.enterpriseID] else {
                scored.elsewhere.append(a.time)
                continue
            }
            scored.tasks[k][a.task] = ScoredTask(a, expertIndex: expertIndex)
        }
        return scored
    }

    /// The breakdown of a plan's soft goals but the replanning changes (``changes(_:reference:asOf:)``).
    /// With a `memo`, an enterprise whose tasks are those of its entry takes the entry's terms.
    /// - Complexity: O(*s* log *s*) for *s* site seats, plus each enterprise's terms when the
    ///   memo does not hold them (all of them without one).
    func breakdown(of plan: ScoredPlan, statuses: [EnterpriseStatus], memo: ScoreMemo? = nil) -> ObjectiveBreakdown {
        var b = ObjectiveBreakdown()
        var load = Array(repeating: 0, count: batch.experts.count)
        var weeks: [Int: Int] = [:]
        // (expert, day ordinal, half-day index, enterprise) of every site seat.
        var visits: [(expert: Int, day: Int, time: Int, enterprise: Int)] = []
        for time in plan.elsewhere { weeks[time.day.weekKey, default: 0] += 1 }
        for (k, tasks) in plan.tasks.enumerated() {
            guard tasks.initial != nil || tasks.site != nil else { continue }
            let terms: EnterpriseTerms
            if let memo, let entry = memo.entries[k], entry.tasks == tasks {
                terms = entry.terms
            } else {
                terms = enterpriseTerms(k, tasks, status: statuses[k])
                memo?.entries[k] = (tasks, terms)
            }
            b.plannedEnterprises += terms.planned
            b.bufferDays += terms.bufferDays
            b.coveredReasons += terms.coveredReasons
            b.affinity += terms.affinity
            b.continuity += terms.continuity
            b.previousExperts += terms.previousExperts
            for task in TaskKind.allCases {
                guard let t = tasks[task] else { continue }
                weeks[t.time.day.weekKey, default: 0] += 1
                for i in t.panel { load[i] += 1 }
                if task == .site {
                    for i in t.panel {
                        visits.append((expert: i, day: t.time.day.ordinal, time: t.time.index, enterprise: k))
                    }
                }
            }
        }
        b.travelMinutes = travelMinutes(visits)
        b.busiestWeek = weeks.values.max() ?? 0
        b.weekLimit = weekLimit
        b.weekExcess = Double(weeks.values.reduce(0) { $0 + max(0, $1 - weekLimit) })
        let target = memo?.evenShare ?? evenShare(statuses: statuses)
        memo?.evenShare = target
        for (i, l) in load.enumerated() {
            b.loadExcess += Double(max(0, l - target))
            b.minTotalShortfall += Double(max(0, (batch.experts[i].minTotal ?? rules.minTotal) - l))
        }
        return b
    }

    /// One enterprise's terms: planned when it is eligible and every task its window needs is
    /// planned; the buffer of its site inspection; each panel's covered reasons and affinity; its
    /// site panel's continuity and previous experts.
    func enterpriseTerms(_ k: Int, _ tasks: PerTask<ScoredTask?>, status: EnterpriseStatus) -> EnterpriseTerms {
        let e = batch.enterprises[k]
        var terms = EnterpriseTerms()
        if let window = status.window {
            if window.tasks.allSatisfy({ tasks[$0] != nil }) { terms.planned = 1 }
            if let site = tasks.site { terms.bufferDays = buffer(site: site.time.day, deadline: window.deadline) }
        }
        let initialPanel = tasks.initial?.panel ?? []
        for task in TaskKind.allCases {
            guard let panel = tasks[task]?.panel else { continue }
            terms.coveredReasons += objective.coveredReasons(e, panel: panel.map { batch.experts[$0] })
            if batch.hasAffinity {
                terms.affinity += panel.reduce(0) { $0 + affinityScore(batch.experts[$1].id, e.id) }
            }
            guard task == .site else { continue }
            if rules.continuity == .prefer, panel.contains(where: { initialPanel.contains($0) }) {
                terms.continuity = 1
            }
            let request = PanelRequest(task: task, enterprise: e, size: panel.count, initialPanel: initialPanel)
            let previous = staffer.previousExperts(request)
            if rules.previousExperts != .none, panel.contains(where: { previous.contains($0) }) {
                terms.previousExperts = 1
            }
        }
        return terms
    }

    /// The travel of the site seats: each expert's way from home to their first site of a day,
    /// then from site to site in half-day order (ways not known count 0 from home).
    /// - Complexity: O(*s* log *s*) for *s* seats.
    func travelMinutes(_ visits: [(expert: Int, day: Int, time: Int, enterprise: Int)]) -> Double {
        let sorted = visits.sorted { a, b in
            if a.expert != b.expert { return a.expert < b.expert }
            if a.time != b.time { return a.time < b.time }
            return a.enterprise < b.enterprise
        }
        var total = 0.0
        for (n, visit) in sorted.enumerated() {
            let district = batch.enterprises[visit.enterprise].district
            if n > 0, sorted[n - 1].expert == visit.expert, sorted[n - 1].day == visit.day {
                total += batch.districts.travelMinutes(batch.enterprises[sorted[n - 1].enterprise].district, district)
            } else if let home = batch.experts[visit.expert].district {
                let minutes = batch.districts.travelMinutes(home, district)
                if minutes.isFinite { total += minutes }
            }
        }
        return total
    }

    /// Replanning: the reference assignments after `asOf` that the plan does not hold as they were
    /// (date, half-day, members and leader).
    func changes(_ plan: [Assignment], reference: [Assignment], asOf: Day?) -> Int {
        guard !reference.isEmpty else { return 0 }
        func key(_ a: Assignment) -> String {
            "\(a.enterpriseID)|\(a.task.rawValue)|\(a.day.iso)|\(a.slot.rawValue)|"
                + "\(a.experts.sorted().joined(separator: ";"))|\(a.leader ?? "")"
        }
        let current = Set(plan.map(key))
        return reference.filter { r in asOf.map { r.day > $0 } ?? true }.filter { !current.contains(key($0)) }.count
    }
}
