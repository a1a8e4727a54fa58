import PanelModel
import PlanModel

/// The search's last pass (docs/formulation.md §2.6): groups of site panels staffed again
/// together at their own half-days in one MIP (``PanelStaffer/staffTogether(_:timeLimit:)``),
/// every other panel held: each site panel, the farthest-travelling first, alone, then with the
/// panels holding experts who live nearer; then runs of panels neighbouring in time, so that
/// members can change places when every site cap is used. Candidates' seat values are the objective's
/// own terms alone (affinity, travel, load above the even share, min_total) besides the
/// coverage terms, without the construction's heuristic seat costs. A change is kept only when
/// the plan is better level by level, so the pass trims the travel that the search's gains at the
/// higher levels left behind and never gives up anything above it.
extension PlanningRun {
    /// The most panels holding nearer experts that a site panel is staffed again together with,
    /// all of them and then one at a time, when staffing it alone gains nothing (in a pool whose
    /// site caps are all used, a nearer expert is free only once their own panel gives them up);
    /// a run of panels neighbouring in time holds one more.
    static let trimPartners = 8
    /// The most passes of the trim over the site panels (it stops after a pass without a gain).
    static let trimPasses = 6
    /// The most promising candidates per panel in the joint MIP (every member of the group too).
    static let trimCandidates = 24
    /// The most seconds one joint MIP of the trim may take.
    static let trimSolveSeconds = 2.0
    /// Re-staffs groups of site panels together, pass after pass while a pass gains, keeping each
    /// change that makes the plan better.
    /// Stopped by `deadline` (seconds since the start), the run has timed out.
    /// - Complexity: per pass and site panel at most 2 + ``trimPartners`` joint MIPs of up to
    ///   1 + ``trimPartners`` panels (each stopped after ``trimSolveSeconds``), and one run of
    ///   neighbours per 1 + ``trimPartners`` panels; each change whose panels gain is scored,
    ///   O(*s* log *s*) for *s* site seats (``PlanScorer/breakdown(of:statuses:memo:)``).
    mutating func trimTravel(until deadline: Double) throws {
        guard elapsed < deadline else { return }
        let (heuristics, reserve) = (seatHeuristics, leaderReserve)
        seatHeuristics = false
        leaderReserve = 0
        defer {
            seatHeuristics = heuristics
            leaderReserve = reserve
        }
        let open = built.jobs.indices.filter { isOpenSite(built.jobs[$0]) }
        for pass in 0..<Self.trimPasses {
            let before = built.levels
            guard try trimPass(open, pass: pass, until: deadline), Objective.isBetter(built.levels, than: before) else {
                break
            }
        }
    }

    /// One pass over the open site panels: each, the farthest-travelling first, alone, then with
    /// all the panels holding nearer experts (``partners(of:among:)``), then with each of them;
    /// then runs of panels neighbouring in time (``timeGroups(_:offset:)``, the cut shifted by
    /// half a run every other pass); false when `deadline` (seconds since the start) stopped it.
    private mutating func trimPass(_ open: [Int], pass: Int, until deadline: Double) throws -> Bool {
        let farthestFirst = open.map { ($0, siteTravel(built.jobs[$0])) }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
        }
        let groups = farthestFirst.map { [$0.0] } + timeGroups(open, offset: pass * (1 + Self.trimPartners) / 2)
        for (done, centre) in groups.enumerated() {
            if done % 50 == 0 { report("trim", done, groups.count) }
            guard elapsed < deadline else {
                timedOut = true
                return false
            }
            // A panel alone first, then with all the panels holding nearer experts, then with
            // each of them; a time group whole.
            let partnering = centre.count == 1 ? partners(of: centre[0], among: open) : []
            let tries = [centre] + (partnering.isEmpty ? [] : [centre + partnering] + partnering.map { centre + [$0] })
            // The tries share their panels' candidates, computed once for the whole lot.
            let shared = tries.count > 1 ? sharedCandidates(centre + partnering) : nil
            for group in tries {
                let better = try restaffSites(group, sharing: shared, keepingOnlyAbove: built.levels, until: deadline)
                if let better {
                    built.levels = better
                    break
                }
            }
        }
        return true
    }

    /// The open site panels in the time order of their half-days, cut into groups of
    /// 1 + ``trimPartners`` neighbours in time, the first group `offset` panels shorter.
    private func timeGroups(_ open: [Int], offset: Int) -> [[Int]] {
        let timed = open.compactMap { k in
            assignments[batch.enterprises[built.jobs[k].enterprise].id]?[.site].map { (k, $0.time) }
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        let size = 1 + Self.trimPartners
        var groups: [[Int]] = []
        var start = 0
        var end = offset % size == 0 ? size : offset % size
        while start < timed.count {
            let group = Array(timed[start..<min(end, timed.count)])
            if group.count > 1 { groups.append(group) }
            (start, end) = (end, end + size)
        }
        return groups
    }

    /// Whether a job's site panel is planned and may change (not fixed, not a kept reference).
    func isOpenSite(_ job: Job) -> Bool {
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

    /// The candidates of site panels `group` (job indices), each computed once with all of them
    /// off the plan, for tries over subsets of them.
    /// - Complexity: one candidate check per conflict-free expert and panel.
    mutating func sharedCandidates(_ group: [Int]) -> SharedCandidates {
        let enterprises = group.map { batch.enterprises[built.jobs[$0].enterprise] }
        let sites = enterprises.map { assignments[$0.id]![.site]! }
        for (e, a) in zip(enterprises, sites) {
            ledger.remove(.site, a.time, district: e.district, experts: a.panel.experts)
        }
        var free: [Int: [Candidate]] = [:]
        for (k, a) in zip(group, sites) {
            free[k] = candidates(built.jobs[k], .site, a.time)
        }
        for (e, a) in zip(enterprises, sites) {
            ledger.add(.site, a.time, district: e.district, experts: a.panel.experts)
        }
        return SharedCandidates(free: free, holders: Set(sites.flatMap(\.panel.experts)))
    }

    /// Staffs the site panels of jobs `group` (indices) again at their half-days, together in one
    /// MIP (``PanelStaffer/staffTogether(_:timeLimit:)``) over the experts free for each with all
    /// of them off the plan (from `shared` when given): the most promising and every member of the
    /// group; keeps the new panels and returns the plan's levels when they are better than
    /// `levels`, else restores the old panels (nil). The MIP stops at `deadline` (seconds since
    /// the start) at the latest.
    private mutating func restaffSites(
        _ group: [Int], sharing shared: SharedCandidates?, keepingOnlyAbove levels: [Double], until deadline: Double
    ) throws -> [Double]? {
        let jobs = group.map { built.jobs[$0] }
        let enterprises = jobs.map { batch.enterprises[$0.enterprise] }
        let old = enterprises.map { assignments[$0.id]![.site]! }
        for (e, a) in zip(enterprises, old) {
            ledger.remove(.site, a.time, district: e.district, experts: a.panel.experts)
        }
        let members = Set(old.flatMap(\.panel.experts))
        var panels: [JointPanel] = []
        for (k, (job, (e, a))) in zip(group, zip(jobs, zip(enterprises, old))) {
            let initialPanel = assignments[e.id]?[.initial]?.panel.experts ?? []
            let request = PanelRequest(
                task: .site, enterprise: e, size: rules.panelSize(.site), initialPanel: initialPanel)
            let free = shared.map { candidates(of: k, at: a.time, sharing: $0) } ?? candidates(job, .site, a.time)
            var pool = staffer.promising(request, free, limit: Self.trimCandidates)
            let pooled = Set(pool.map(\.expert))
            pool += free.filter { members.contains($0.expert) && !pooled.contains($0.expert) }
            panels.append(JointPanel(request: request, candidates: pool, members: a.panel.experts))
        }
        let limit = min(Self.trimSolveSeconds, deadline - elapsed)
        let staffed = try staffer.staffTogether(panels, timeLimit: limit) ?? []
        for (e, (a, panel)) in zip(enterprises, zip(old, staffed)) {
            ledger.add(.site, a.time, district: e.district, experts: panel.experts)
        }
        let estimatedGain = zip(panels, zip(old, staffed)).reduce(0.0) { sum, item in
            let (panel, (a, new)) = item
            return sum + estimatedValue(panel.request, new.experts) - estimatedValue(panel.request, a.panel.experts)
        }
        // Only a change whose own panels gain in coverage or in their members' way from home is
        // scored: the others would rarely make the plan better, and each score reads the whole plan.
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

    /// The candidates of job `k`'s site panel at `time` with the current group off the plan, from
    /// candidates computed with a larger group off it: the experts who hold no seat of the larger
    /// group as they were, the holders checked again.
    func candidates(of k: Int, at time: SlotTime, sharing shared: SharedCandidates) -> [Candidate] {
        let kept = shared.free[k]!.filter { !shared.holders.contains($0.expert) }
        let holders = candidates(built.jobs[k], .site, time, among: shared.holders)
        return (kept + holders).sorted { $0.expert < $1.expert }
    }
}

/// The candidates of several site panels, each computed once with all of them off the plan, for
/// the trim's tries over subsets of them. Every load rule (8, 9) reads only the expert's own
/// tasks, and so does a seat's value: an expert who holds no seat of these panels is free for a
/// panel, at the same value, whichever of them a try takes off; the experts holding their seats
/// (`holders`) are checked again per try.
struct SharedCandidates {
    /// Each panel's candidates (by job index) with all the panels off the plan.
    var free: [Int: [Candidate]]
    /// The experts holding the panels' seats now.
    var holders: Set<Int>
}
