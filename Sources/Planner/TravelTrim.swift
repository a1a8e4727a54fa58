import PanelModel
import PlanModel

/// The search's last pass (docs/formulation.md §2.6): each site panel, the farthest-travelling
/// first, staffed again at its own half-day, alone and then together with a panel holding an
/// expert who lives nearer, every other panel held. Candidates' seat values are the objective's
/// own terms alone (affinity, travel, load above the even share, min_total) besides the
/// coverage terms, without the construction's heuristic seat costs. A change is kept only when
/// the plan is better level by level, so the pass trims the travel that the search's gains at the
/// higher levels left behind and never gives up anything above it.
extension PlanningRun {
    /// The most panels holding nearer experts that a site panel is staffed again together with,
    /// one at a time, when staffing it alone gains nothing (in a pool whose site caps are all
    /// used, a nearer expert is free only once their own panel gives them up).
    static let trimPartners = 8
    /// The most passes of the trim over the site panels (it stops after a pass without a gain).
    static let trimPasses = 6
    /// The share of the time left that the trim may use: the rest stays for the explanations and
    /// the reserves (候补), which come after it and are cut short past the limit.
    static let trimTimeShare = 0.75

    /// Re-staffs the site panels one by one, then each with a partner panel, keeping each change
    /// that makes the plan better.
    /// Stopped by its deadline (``trimTimeShare`` of the time left), the run has timed out.
    /// - Complexity: at most 1 + ``trimPartners`` re-staffings per site panel, each up to two
    ///   panels of at most two MIPs each (``PanelStaffer/staffPruned(_:_:limit:)``) and one
    ///   scoring of the plan, O(*a*) for *a* assignments.
    mutating func trimTravel() throws {
        guard elapsed < timeLimit else { return }
        let deadline = elapsed + Self.trimTimeShare * (timeLimit - elapsed)
        let (heuristics, reserve) = (seatHeuristics, leaderReserve)
        seatHeuristics = false
        leaderReserve = 0
        defer {
            seatHeuristics = heuristics
            leaderReserve = reserve
        }
        let open = built.jobs.indices.filter { isOpenSite(built.jobs[$0]) }
        for _ in 0..<Self.trimPasses {
            let before = built.levels
            guard try trimPass(open, until: deadline), Objective.isBetter(built.levels, than: before) else { break }
        }
    }

    /// One pass over the open site panels, the farthest-travelling first; false when `deadline`
    /// (seconds since the start) stopped it.
    private mutating func trimPass(_ open: [Int], until deadline: Double) throws -> Bool {
        let farthestFirst = open.map { ($0, siteTravel(built.jobs[$0])) }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
        }
        for (done, (k, _)) in farthestFirst.enumerated() {
            if done % 50 == 0 { report("trim", done, farthestFirst.count) }
            for group in [[k]] + partners(of: k, among: open).map({ [k, $0] }) {
                guard elapsed < deadline else {
                    timedOut = true
                    return false
                }
                if let better = try restaffSites(group.map { built.jobs[$0] }, keepingOnlyAbove: built.levels) {
                    built.levels = better
                    break
                }
            }
        }
        return true
    }

    /// Whether a job's site panel is planned and may change (not fixed, not a kept reference).
    private func isOpenSite(_ job: Job) -> Bool {
        let id = batch.enterprises[job.enterprise].id
        guard let site = assignments[id]?[.site] else { return false }
        return !site.fixed && !locked.contains("\(id)|\(TaskKind.site.rawValue)")
    }

    /// The jobs among `open` whose site panels hold the experts who live nearer to job `k`'s
    /// enterprise than its farthest member, those holding the nearest first; at most
    /// ``trimPartners``.
    private func partners(of k: Int, among open: [Int]) -> [Int] {
        let e = batch.enterprises[built.jobs[k].enterprise]
        let nearer = nearerExperts(built.jobs[k])
        guard !nearer.isEmpty else { return [] }
        var nearest: [Int: Double] = [:]
        for j in open where j != k {
            let id = batch.enterprises[built.jobs[j].enterprise].id
            let held = assignments[id]?[.site]?.panel.experts.filter { nearer.contains($0) } ?? []
            if let minutes = held.map({ homeTravel($0, to: e.district) }).min() { nearest[j] = minutes }
        }
        return nearest.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.prefix(Self.trimPartners)
            .map(\.key)
    }

    /// A site panel's coverage value, affinity and its members' travel from home, in objective
    /// units: the change a re-staffing is worth scoring for (an estimate: the scoring counts a
    /// same-day site's way from the earlier one, load and min_total too).
    private func estimatedValue(_ request: PanelRequest, _ panel: [Int]) -> Double {
        let minutes = panel.reduce(0) { $0 + homeTravel($1, to: request.enterprise.district) }
        return ownValue(request, panel) + staffer.objective.coefficient(.travelMinute) * minutes
    }

    /// Staffs the jobs' site panels again at their half-days, in order, each from the experts
    /// free then; keeps the new panels and returns the plan's levels when they are better than
    /// `levels`, else restores the old panels (nil).
    private mutating func restaffSites(_ jobs: [Job], keepingOnlyAbove levels: [Double]) throws -> [Double]? {
        let enterprises = jobs.map { batch.enterprises[$0.enterprise] }
        let old = enterprises.map { assignments[$0.id]![.site]! }
        for (e, a) in zip(enterprises, old) {
            ledger.remove(.site, a.time, district: e.district, experts: a.panel.experts)
        }
        var staffed: [StaffedPanel] = []
        var estimatedGain = 0.0
        for (job, (e, a)) in zip(jobs, zip(enterprises, old)) {
            let initialPanel = assignments[e.id]?[.initial]?.panel.experts ?? []
            let request = PanelRequest(
                task: .site, enterprise: e, size: rules.panelSize(.site), initialPanel: initialPanel)
            guard case .success(let panel) = try staffer.staffPruned(request, candidates(job, .site, a.time)) else {
                break
            }
            ledger.add(.site, a.time, district: e.district, experts: panel.experts)
            staffed.append(panel)
            estimatedGain += estimatedValue(request, panel.experts) - estimatedValue(request, a.panel.experts)
        }
        // Scoring the plan costs far more than a panel MIP: only a change whose own panels gain
        // in coverage or in their members' way from home is scored.
        if staffed.count == jobs.count && estimatedGain > 1e-9 {
            for (e, (a, panel)) in zip(enterprises, zip(old, staffed)) {
                assignments[e.id]![.site] = (a.time, panel, false)
            }
            let values = levelValues()
            if Objective.isBetter(values, than: levels) { return values }
        }
        for (e, (a, panel)) in zip(enterprises, zip(old, staffed)) {
            ledger.remove(.site, a.time, district: e.district, experts: panel.experts)
        }
        for (e, a) in zip(enterprises, old) {
            ledger.add(.site, a.time, district: e.district, experts: a.panel.experts)
            assignments[e.id]![.site] = a
        }
        return nil
    }
}
