import Foundation
import GLPK
import PanelModel
import Phrasebook
import PlanModel
import Workflow

/// Plans dates, slots and panels for every eligible enterprise of a batch.
///
/// The search is a deadline-ordered construction: enterprises are taken by their latest
/// possible site inspection; each task goes to the earliest half-day where a panel exists, and
/// each panel is staffed by a small GLPK MIP (``PanelStaffer``) over the experts free then.
/// A re-staffing pass then re-solves every panel with the others fixed. The bound comes from
/// the relaxation that drops every constraint coupling two tasks (see docs/formulation.md).
public struct PanelPlanner {
    public let batch: Batch
    public let options: PlannerOptions

    /// Creates a planner for a loaded batch.
    public init(batch: Batch, options: PlannerOptions = PlannerOptions()) {
        self.batch = batch
        self.options = options
    }

    /// Plans the batch: constructions, then the large-neighbourhood search on the best of them.
    ///
    /// - Throws: ``PlannerError/solver(_:)`` when GLPK fails; the caller keeps its last plan.
    public func plan() throws -> Plan {
        var best = PlanningRun(batch: batch, options: options)
        try best.build()
        // More constructions while one leaves an enterprise out and time allows: seat values that
        // also keep the experts with room left in a kind for the panels that need it, then the
        // slots in time order (the first version's construction). The best is kept, compared
        // level by level (more enterprises planned first). A later construction can only help.
        // When the search follows, one in time order replaces a levelled one only when it plans
        // more enterprises: its other gains are the search's to find from the levelled start,
        // which it cannot undo from a crammed one (levelness is a lower level than expertise and
        // continuity).
        var levelled: PlanningRun?
        var variants: [(order: SpreadPolicy, capShare: Double)] = [(batch.rules.spread, PlanningRun.capShareCost)]
        if batch.rules.spread != .early { variants += [(.early, 0), (.early, PlanningRun.capShareCost)] }
        for variant in variants {
            guard best.built.failed.count > 0, !best.timedOut, best.elapsed < best.timeLimit / 2 else { break }
            var run = PlanningRun(batch: batch, options: options, start: best.start, conflictFree: best.conflictFree)
            run.capShareWeight = variant.capShare
            run.slotOrder = variant.order
            try run.build()
            let replaces =
                variant.order == batch.rules.spread || best.slotOrder == variant.order || !best.searches
                ? Objective.isBetter(run.built.levels, than: best.built.levels)
                : Objective.isBetter(Array(run.built.levels.prefix(1)), than: Array(best.built.levels.prefix(1)))
            if replaces {
                if variant.order == .early && best.slotOrder != .early && levelled == nil { levelled = best }
                best = run
            } else if run.timedOut {
                best.timedOut = true
            }
        }
        // When a construction in time order planned more, the search first tries, with a third
        // of the time left, to plan as many from the levelled plan; the levelled plan is kept
        // when it does. Stopped by its deadline, the choice depended on time: status time-limit.
        if var start = levelled, start.searches {
            let target = best.built.levels[0]
            try start.search(reaching: target, until: start.elapsed + (start.timeLimit - start.elapsed) / 3)
            if !Objective.isBetter([target], than: [start.built.levels[0]]) {
                best = start
            } else if start.timedOut {
                best.timedOut = true
            }
        }
        return try best.finish()
    }
}

/// One eligible enterprise's tasks still to plan.
struct Job {
    var enterprise: Int
    var status: EnterpriseStatus
    var needsInitial: Bool
    var needsSite: Bool
    var fixedInitial: Assignment?
    var fixedSite: Assignment?
    /// The latest day the site inspection (or the initial review alone) may be held.
    var latest: Day

    /// The tasks still to plan, initial review first.
    var openTasks: [TaskKind] { TaskKind.allCases.filter { $0 == .initial ? needsInitial : needsSite } }
}

/// The result of trying to place a job: placed tasks, or the reason nothing fits.
struct Placement {
    var initial: (time: SlotTime, panel: StaffedPanel)?
    var site: (time: SlotTime, panel: StaffedPanel)?
}

/// Tallies of why slots of a job's window were refused, for the explanation.
struct FailureTally {
    var slotsTried = 0
    var parallelFull = 0
    var shortfalls: [PanelShortfall.Kind: Int] = [:]
    var failedTask: TaskKind?
    var siteAfterInitialFailed = false
    /// The caps of rule 8 leave no panel in any slot (found before scanning slots).
    var exhausted: PanelShortfall?
    /// The time limit ran out before the construction reached the job.
    var notReached = false
    mutating func note(_ s: PanelShortfall) { shortfalls[s.kind, default: 0] += 1 }
}

struct PlanningRun {
    let batch: Batch
    var rules: BatchRules
    let options: PlannerOptions
    let calendar: WorkCalendar
    var staffer: PanelStaffer
    /// When the planning began: the time limit counts from here, across constructions.
    let start: Date
    let timeLimit: Double
    let seed: UInt64
    var ledger: ExpertLedger
    /// Working half-days of the horizon, in order.
    let times: [SlotTime]
    /// Enterprise id → index in `batch.enterprises`.
    let enterpriseIndex: [String: Int]
    /// enterprise → experts free of conflicts of interest (rule 6).
    let conflictFree: [[Int]]
    let affinity: [String: Double]
    var assignments: [String: [TaskKind: (time: SlotTime, panel: StaffedPanel, fixed: Bool)]] = [:]
    var warnings: [Phrase] = []
    var timedOut = false
    /// The levels' bounds, once computed (``boundsOfLevels()``).
    var cachedLevelBounds: ProvenBounds?
    /// Enterprise terms already computed (``levelValues()``), shared by the run's copies.
    let scoreMemo = ScoreMemo()
    /// ⌈demand seats / pool size⌉ (see ``PlanScorer/evenShare(statuses:)``).
    var evenShareTarget = 0
    /// The relaxation bound, once computed (shown in progress lines).
    var knownBound: Double?
    /// The reference plan (replanning), by enterprise and task.
    var reference: [String: [TaskKind: Assignment]] = [:]
    /// Tasks the improvement pass must not touch: history and frozen assignments.
    var locked = Set<String>()
    /// Reference assignments beyond the freeze that were kept (or repaired in place).
    var keptReference = Set<String>()
    /// Declined seats, by ``Decline/key``.
    let declined: Set<String>
    /// History (reference assignments on or before as-of), kept exactly as it was.
    var facts: [String: [TaskKind: Assignment]] = [:]
    /// Facts of tasks no longer open (the enterprise was recorded as held, or left the plan).
    var closedFacts: [Assignment] = []
    /// What seating an expert costs in scarce capacity, by task: for each scarce role they hold
    /// (leader, auditor, an industry the batch needs) λ × demand/supply of that role. Heuristic
    /// seat costs of the panel MIPs, not part of the objective; they keep the scarce experts
    /// for the panels that need them.
    var seatReserve = PerTask<[Double]>(repeating: [])
    /// The credit for the site panel's leader seat: the leader role's share of the seat cost.
    var leaderReserve = 0.0
    static let scarcityWeight = 60.0
    /// Load units a full cap of the kind costs a seat in the second construction.
    static let capShareCost = 10.0
    /// The share of the way to the enterprise counted when seating an initial panel's member
    /// (who, by continuity, is likely to sit on the site panel too) in the construction.
    static let constructionTravelShare = 0.1
    /// The share in force: ``constructionTravelShare`` in the construction, 0 in the search,
    /// whose steps the share would make too alike (on XL it stalled after 747 steps instead of
    /// gaining through the whole time limit).
    var initialTravelShare = constructionTravelShare
    /// The weight of the used share of an expert's cap of a kind in seat values (0: off).
    var capShareWeight = 0.0
    /// Whether seat values carry the construction's heuristic seat costs (load units, the cap
    /// share, scarce roles, the min_total credit); off in ``trimTravel(until:)``, whose seat
    /// values are the objective's own terms.
    var seatHeuristics = true
    /// The order half-days are tried in (the batch's `[schedule] spread` unless a later
    /// construction tries the other).
    var slotOrder: SpreadPolicy
    /// The smallest busiest week the windows allow (``WeekLevel``): the weekly load that
    /// `spread = "level"` fills before any week goes above it.
    var weekCap = Int.max
    /// When set (by the search), the half-days of weeks below ``weekCap`` are tried in a random
    /// order drawn from this seed instead of in time.
    var slotJitter: UInt64?

    /// What ``build()`` produced, for ``finish()``.
    var built = Construction()

    init(batch: Batch, options: PlannerOptions, start: Date = Date(), conflictFree: [[Int]]? = nil) {
        self.start = start
        self.batch = batch
        self.enterpriseIndex = batch.enterpriseIndex
        self.rules = batch.rules
        self.options = options
        self.slotOrder = batch.rules.spread
        self.declined = Set(options.declines.map(\.key))
        self.calendar = batch.calendar
        self.staffer = PanelStaffer(batch: batch)
        self.timeLimit = options.timeLimitSeconds ?? batch.rules.timeLimitSeconds
        self.seed = options.seed ?? batch.rules.seed
        self.ledger = ExpertLedger(batch: batch)
        var times: [SlotTime] = []
        for day in calendar.workingDayList(from: batch.rules.start, through: batch.rules.end) {
            times.append(SlotTime(day: day, slot: .am))
            times.append(SlotTime(day: day, slot: .pm))
        }
        // Replanning (an as-of date is given): nothing new is dated on or before it, nor within
        // [schedule] notice_days working days after it. Kept and repaired reference panels keep
        // their own dates (``keepReference``), so a sick expert is still swapped out.
        if let asOf = options.asOf {
            let noticeEnd = calendar.addingWorkingDays(batch.rules.noticeDays, to: asOf)
            times.removeAll { $0.day <= noticeEnd }
        }
        self.times = times
        self.conflictFree = conflictFree ?? staffer.hardRules.admittedExperts(in: batch)
        var affinity: [String: Double] = [:]
        for a in batch.affinity { affinity["\(a.expertID)\u{1}\(a.enterpriseID)"] = a.score }
        self.affinity = affinity
    }

    var elapsed: Double { Date().timeIntervalSince(start) }

    func report(_ phase: String, _ done: Int, _ total: Int, incumbent: Double? = nil, bound: Double? = nil) {
        var p = PlannerProgress(
            phase: phase, done: done, total: total, incumbent: incumbent, bound: bound ?? knownBound,
            elapsedSeconds: elapsed)
        p.plannedTasks = assignments.values.reduce(0) { $0 + $1.count }
        options.progress?(p)
    }

    // MARK: - Main

    /// The construction: facts and fixed rows first, then the jobs in deadline order, repairs and
    /// the re-staffing pass. Its result is kept in ``built``.
    mutating func build() throws {
        var statuses: [EnterpriseStatus] = []
        for e in batch.enterprises {
            let s = WorkflowRules.status(e, rules: rules, calendar: calendar)
            warnings.append(
                contentsOf: s.notes.map {
                    Phrase("plan.enterprise-note", ["enterprise": "\(e.id)", "note": .phrase($0)])
                })
            statuses.append(s)
        }
        let fixedBy = recordFixedRows()
        var (jobs, unscheduled, eligible) = makeJobs(statuses, fixedBy: fixedBy)
        for a in options.reference { reference[a.enterpriseID, default: [:]][a.task] = a }
        if !reference.isEmpty { jobs = try keepReference(jobs) }
        computeScarcity(jobs)

        var scorer = PlanScorer(batch: batch, conflictFree: conflictFree, affinity: affinity, staffer: staffer)
        scorer.weekLimit = WeekLevel(statuses: statuses, fixed: fixedBy, rules: rules, calendar: calendar).limit()
        weekCap = scorer.weekLimit
        evenShareTarget = scorer.evenShare(statuses: statuses)

        let (constructJobs, assignment) = try assignReviewersFirst(jobs)
        let failed = try construct(constructJobs)
        // Improvement: re-staff every planned panel with all the others fixed (not needed after
        // the exact reviewer assignment).
        if assignment == nil { try improve() }
        // Facts are as fixed as fixed rows: constants of every plan this replan can make.
        var constants = fixedBy
        for (id, tasks) in facts { constants[id, default: [:]].merge(tasks) { fixedRow, _ in fixedRow } }
        built = Construction(
            statuses: statuses, constants: constants, jobs: jobs, failed: failed, unscheduled: unscheduled,
            eligible: eligible, assignment: assignment, scorer: scorer)
        built.levels = levelValues()
    }

    /// The plan: the levels' bounds, the search, the draw, the explanations of what is left out,
    /// and the plan with its bounds.
    mutating func finish() throws -> Plan {
        let scorer = built.scorer!
        let statuses = built.statuses
        // The bounds depend on the batch and its fixed rows only. They come before the search,
        // which stops once every level meets its bound.
        report("bound", built.jobs.count, built.jobs.count)
        let proven = try boundsOfLevels()
        let (levelBounds, relaxationBound) = (proven.levels, proven.objective)
        knownBound = relaxationBound
        // The bounds fall back to their cheaper relaxations past the limit: the limit stopped them.
        if elapsed >= timeLimit { timedOut = true }
        if searches {
            try search(bounds: levelBounds)
            try polish()
            try shortenTravel()
        }
        // The random draw (随机抽取) replaces each planned panel by one drawn among those the rules
        // allow then; a replan keeps what was announced and draws nothing.
        var draw: [DrawnPanel] = []
        if let drawSeed = options.drawSeed, options.reference.isEmpty { draw = try drawPanels(seed: drawSeed) }
        var unscheduled = built.unscheduled
        for (job, tally) in built.failed {
            unscheduled.append(try explain(job, tally))
        }
        // Fixed rows breaking rules are kept (rule 11 wins) but reported; with any, no plan keeps
        // every hard rule, and the status says so (infeasible, docs/format.md).
        let contradictions = FixedRowAudit.warnings(batch: batch)
        warnings.append(contentsOf: contradictions)

        let result = assembleAssignments()
        let (objective, breakdown, planned) = scorer.score(
            result, statuses: statuses, reference: options.reference, asOf: options.asOf ?? rules.today)
        // Two valid bounds on the weighted sum: the whole objective's relaxation, and the sum of
        // the levels' bounds (each holds for every plan); the smaller is reported.
        var bound = min(relaxationBound, levelBounds.reduce(0, +))
        if let assignment = built.assignment, draw.isEmpty {
            // The assignment MIP is the objective up to a constant, with the dates relaxed.
            let tighter = objective + (assignment.bound - assignment.objective)
            if tighter >= objective - 1e-6 * max(1, abs(objective)) { bound = min(bound, tighter) }
        }
        // The bound is reported as computed, never clamped: one below the objective is a defect.
        if bound < objective - 1e-6 * max(1, abs(objective)) {
            warnings.append(Phrase("plan.internal-bound", ["bound": "\(bound)", "objective": "\(objective)"]))
        }
        report("done", built.jobs.count, built.jobs.count, incumbent: objective, bound: bound)
        unscheduled.sort { a, b in
            if a.eligible != b.eligible { return a.eligible }
            return a.enterpriseID < b.enterpriseID
        }
        // Each level's bound as written: given the levels before it at the plan's values.
        let values = Objective.Level.allCases.map { staffer.objective.value(of: $0, in: breakdown) }
        let writtenBounds = try conditionedLevelBounds(
            values: values, bounds: levelBounds, relaxation: proven.relaxation)
        let levels = Objective.Level.allCases.enumerated().map { k, level in
            PlanLevel(name: level.rawValue, value: values[k], bound: writtenBounds[k])
        }
        // Optimal only when every level meets its bound (docs/format.md, status).
        let status = PlanStatus(
            levels: levels.map { ($0.value, $0.bound) }, timedOut: timedOut, contradicted: !contradictions.isEmpty)
        var plan = Plan(
            batchName: rules.name, status: status,
            objective: objective, bound: bound, assignments: result, unscheduled: unscheduled, breakdown: breakdown,
            eligibleCount: built.eligible, plannedCount: planned, elapsedSeconds: elapsed, warnings: warnings)
        plan.asOf = options.asOf
        plan.reserves = reserves(for: result)
        if elapsed >= timeLimit && !timedOut {
            timedOut = true
            if plan.status != .infeasible { plan.status = .timeLimit }
        }
        plan.draw = draw
        plan.levels = levels
        plan.elapsedSeconds = elapsed
        return plan
    }

    /// The number of eligible enterprises the current assignments complete.
    func plannedCount() -> Int {
        Int(((built.levels.first ?? 0) / max(1, staffer.objective.coefficient(.plannedEnterprise))).rounded())
    }

    /// The current assignments' value at each level, in level order (objective units): the
    /// scorer's breakdown of ``scoredAssignments()``, the enterprises a step left as they were
    /// taken from ``scoreMemo``; the changes term from the assembled plan when replanning.
    func levelValues() -> [Double] {
        guard let scorer = built.scorer else { return [] }
        var breakdown = scorer.breakdown(of: scoredAssignments(), statuses: built.statuses, memo: scoreMemo)
        if !options.reference.isEmpty {
            breakdown.changedAssignments = scorer.changes(
                assembleAssignments(), reference: options.reference, asOf: options.asOf ?? rules.today)
        }
        return Objective.Level.allCases.map { staffer.objective.value(of: $0, in: breakdown) }
    }

    /// The plan of ``assembleAssignments()`` as the scorer reads it, built from the run's own
    /// indices: fixed rows and history (facts) as they were, the closed facts added.
    /// - Complexity: O(*t*) for *t* tasks, with no text built.
    func scoredAssignments() -> ScoredPlan {
        var scored = ScoredPlan(enterprises: batch.enterprises.count)
        let expertIndex = staffer.expertIndex
        func fact(_ a: Assignment) -> ScoredTask { ScoredTask(a, expertIndex: expertIndex) }
        for (id, tasks) in assignments {
            for (task, a) in tasks {
                guard let k = enterpriseIndex[id] else {
                    scored.elsewhere.append(a.time)
                    continue
                }
                let history = a.fixed ? nil : facts[id]?[task]
                scored.tasks[k][task] = history.map(fact) ?? ScoredTask(time: a.time, panel: a.panel.experts)
            }
        }
        for a in closedFacts {
            guard let k = enterpriseIndex[a.enterpriseID] else {
                scored.elsewhere.append(a.time)
                continue
            }
            scored.tasks[k][a.task] = fact(a)
        }
        return scored
    }

    /// Fixed rows are facts: recorded first, they count against every cap. Returns them by
    /// enterprise and task.
    mutating func recordFixedRows() -> [String: [TaskKind: Assignment]] {
        let expertIndex = batch.expertIndex
        var fixedBy: [String: [TaskKind: Assignment]] = [:]
        for f in batch.fixed {
            let panel = f.experts.compactMap { expertIndex[$0] }
            let district = enterpriseIndex[f.enterpriseID].map { batch.enterprises[$0].district } ?? ""
            ledger.add(f.task, f.time, district: district, experts: panel)
            fixedBy[f.enterpriseID, default: [:]][f.task] = f
            let leader = f.leader.flatMap { expertIndex[$0] }
            assignments[f.enterpriseID, default: [:]][f.task] = (
                f.time, StaffedPanel(experts: panel, leader: leader, value: 0), true
            )
        }
        return fixedBy
    }

    /// The jobs (eligible enterprises with tasks left after the fixed rows) in deadline order,
    /// least room first; the ineligible enterprises with their reasons; the eligible count.
    func makeJobs(
        _ statuses: [EnterpriseStatus], fixedBy: [String: [TaskKind: Assignment]]
    ) -> (jobs: [Job], unscheduled: [UnscheduledEntry], eligible: Int) {
        var jobs: [Job] = []
        var unscheduled: [UnscheduledEntry] = []
        var eligible = 0
        for (k, s) in statuses.enumerated() {
            let e = batch.enterprises[k]
            guard let window = s.window else {
                if let reason = s.ineligibility {
                    unscheduled.append(
                        UnscheduledEntry(
                            enterpriseID: e.id, task: nil, code: ReasonCode(reason.code), phrase: reason.phrase,
                            eligible: false))
                }
                continue
            }
            eligible += 1
            let fixed = fixedBy[e.id] ?? [:]
            let job = Job(
                enterprise: k, status: s,
                needsInitial: window.tasks.contains(.initial) && fixed[.initial] == nil,
                needsSite: window.tasks.contains(.site) && fixed[.site] == nil,
                fixedInitial: fixed[.initial], fixedSite: fixed[.site],
                latest: window.tasks.contains(.site) ? window.latestSite : min(rules.end, window.deadline))
            if job.needsInitial || job.needsSite { jobs.append(job) }
        }
        jobs.sort { a, b in
            if a.latest != b.latest { return a.latest < b.latest }
            let ea = a.status.window?.earliestInitial ?? a.status.window?.earliestSite ?? rules.start
            let eb = b.status.window?.earliestInitial ?? b.status.window?.earliestSite ?? rules.start
            if ea != eb { return ea > eb }
            return batch.enterprises[a.enterprise].id < batch.enterprises[b.enterprise].id
        }
        return (jobs, unscheduled, eligible)
    }

    /// A batch of initial reviews only: the exact reviewer assignment, then dates. Returns the
    /// jobs left to construct, and the assignment when it dated every panel (its bound then
    /// tightens the plan's).
    mutating func assignReviewersFirst(_ jobs: [Job]) throws -> ([Job], ReviewerAssignmentResult?) {
        guard !rules.planSite && reference.isEmpty && !jobs.isEmpty,
            jobs.allSatisfy({ $0.needsInitial && !$0.needsSite }),
            let result = try assignReviewers(jobs)
        else { return (jobs, nil) }
        var rest: [Job] = []
        var datedAll = true
        for (j, job) in jobs.enumerated() {
            guard let panel = result.panels[j] else {
                rest.append(job)
                continue
            }
            if let time = firstFreeTime(job, panel: panel) {
                commit(job, Placement(initial: (time, StaffedPanel(experts: panel, leader: nil, value: 0)), site: nil))
            } else {
                datedAll = false
                rest.append(job)
            }
        }
        if result.status == .timeLimit { timedOut = true }
        return (rest, datedAll ? result : nil)
    }

    /// Places the jobs in order; then, once every other job is placed, gives each failed job a
    /// second chance (capacity may be left in slots the deadline order passed over) and frees
    /// scarce specialists for it. Returns the jobs still unplaced, with why.
    mutating func construct(_ jobs: [Job]) throws -> [(Job, FailureTally)] {
        report("construct", 0, jobs.count)
        var failed: [(Job, FailureTally)] = []
        for (n, job) in jobs.enumerated() {
            if elapsed > timeLimit {
                timedOut = true
                failed.append((job, FailureTally(notReached: true)))
                continue
            }
            var tally = FailureTally()
            if let placement = try place(job, tally: &tally) {
                commit(job, placement)
            } else {
                failed.append((job, tally))
            }
            if n % 10 == 9 || n == jobs.count - 1 { report("construct", n + 1, jobs.count) }
        }
        var stillFailed: [(Job, FailureTally)] = []
        for (job, tally) in failed {
            if timedOut || elapsed > timeLimit {
                timedOut = true
                stillFailed.append((job, tally))
                continue
            }
            var again = FailureTally()
            if let placement = try place(job, tally: &again) {
                commit(job, placement)
            } else {
                stillFailed.append((job, again.slotsTried > 0 ? again : tally))
            }
        }
        // Scarce specialists used up by panels that only gained from them: free them and retry.
        var unplaced: [(Job, FailureTally)] = []
        for (job, tally) in stillFailed {
            if !timedOut, elapsed < timeLimit, try releaseBlockers(job) { continue }
            unplaced.append((job, tally))
        }
        return unplaced
    }

    /// A valid bound of each level and of the whole objective over every plan, and the relaxation
    /// they come from (``BoundRelaxation``, one objective per level and one for the whole, built
    /// once). The planned count's is also the seat-assignment bound
    /// (``PlanScorer/plannedBound(statuses:fixed:planned:secondsLeft:)``) when that is smaller. The
    /// penalties' level (balance) cannot be above 0.
    func levelBounds(
        scorer: PlanScorer, statuses: [EnterpriseStatus], constants: [String: [TaskKind: Assignment]]
    ) throws -> ProvenBounds {
        let levels = Objective.Level.allCases
        let relaxation = try PlanScorer.relaxation(
            levels.map { scorer.restricted(to: $0) } + [scorer], statuses: statuses, fixed: constants
        ) { elapsed < timeLimit }
        var bounds = try levels.indices.map { try relaxation.bound($0) }
        let objectiveBound = try relaxation.bound(levels.count)
        // The planned count has a second bound, seat by seat; both are valid, the smaller wins.
        // Not needed when the first already equals the plan's count.
        let perEnterprise = staffer.objective.coefficient(.plannedEnterprise)
        if bounds[0] > perEnterprise * Double(plannedCount()),
            let seats = try scorer.plannedBound(
                statuses: statuses, fixed: constants, planned: plannedCount(), secondsLeft: { timeLimit - elapsed })
        {
            bounds[0] = min(bounds[0], perEnterprise * seats)
        }
        return ProvenBounds(levels: bounds, objective: objectiveBound, relaxation: relaxation)
    }

    /// Each level's bound given the levels before it (docs/formulation.md §3.1): the bound of
    /// level k over the plans that hold each earlier level proven at its bound (`values` equal to
    /// `bounds`) at its value and the first earlier level not proven at least at its value. Every
    /// plan at least as good as one with these `values`, level by level in order, is one of them,
    /// so no such plan passes the result at level k; it is never above `bounds`. Levels not
    /// reached before the time limit keep `bounds`.
    /// - Complexity: one LP of the levels' relaxation per level after the first.
    func conditionedLevelBounds(
        values: [Double], bounds: [Double], relaxation: BoundRelaxation
    ) throws -> [Double] {
        guard elapsed < timeLimit, relaxation.hasCapacityRows else { return bounds }
        var conditioned = bounds
        var floors: [BoundRelaxation.Floor] = []
        var provenSoFar = true  // every level in `floors` is at its (given-the-earlier) bound
        for k in bounds.indices.dropFirst() where elapsed < timeLimit {
            if provenSoFar {
                floors.append((k - 1, values[k - 1]))
                provenSoFar = meets(values[k - 1], conditioned[k - 1])
            }
            if let bound = try relaxation.bound(k, floors: floors) { conditioned[k] = min(bounds[k], bound) }
        }
        return conditioned
    }

    // MARK: - Placing a job

    /// Half-days from `from` (inclusive) to the last one on or before `through`.
    func timesBetween(_ from: SlotTime, _ through: Day) -> ArraySlice<SlotTime> {
        guard let lo = times.firstIndex(where: { $0 >= from }) else { return [] }
        let hi = times.lastIndex(where: { $0.day <= through }) ?? -1
        return lo <= hi ? times[lo...hi] : []
    }

    /// The earliest site time after an initial review at `initial`: wd(initial, revision_days),
    /// in a later slot when that is the same day.
    func earliestSite(after initial: SlotTime) -> SlotTime {
        let day = calendar.addingWorkingDays(rules.revisionDays, to: initial.day)
        guard day == initial.day else { return SlotTime(day: day, slot: .am) }
        // revision_days = 0: a later slot of the same day, or the next working day.
        return initial.slot == .am
            ? SlotTime(day: day, slot: .pm) : SlotTime(day: calendar.addingWorkingDays(1, to: day), slot: .am)
    }

    /// Under continuity = "require", the experts of an already placed site panel, one of whom
    /// the initial panel must hold.
    func continuityPartners(_ enterpriseID: String, _ task: TaskKind) -> [Int] {
        guard task == .initial, rules.continuity == .require, let site = assignments[enterpriseID]?[.site] else {
            return []
        }
        return site.panel.experts
    }

    /// A shortfall that holds in every slot: the conflict-free experts still below their caps
    /// cannot form the panel anywhere. Checked once per job instead of once per slot.
    func exhausted(_ job: Job, _ task: TaskKind) -> PanelShortfall? {
        let e = batch.enterprises[job.enterprise]
        let ledger = self.ledger
        let open = conflictFree[job.enterprise].filter { ledger.count($0, task) < ledger.cap($0, task) }
        let request = PanelRequest(task: task, enterprise: e, size: rules.panelSize(task), initialPanel: [])
        return staffer.shortfall(request, open.map { Candidate(expert: $0, seatValue: 0) })
    }

    mutating func place(_ job: Job, tally: inout FailureTally) throws -> Placement? {
        let e = batch.enterprises[job.enterprise]
        let window = job.status.window!
        for task in [job.needsInitial ? TaskKind.initial : nil, job.needsSite ? TaskKind.site : nil].compactMap({ $0 })
        {
            if let s = exhausted(job, task) {
                tally.exhausted = s
                tally.failedTask = task
                return nil
            }
        }
        if job.needsInitial {
            var earliest = SlotTime(day: window.earliestInitial ?? rules.start, slot: .am)
            if earliest.day < rules.start { earliest = SlotTime(day: rules.start, slot: .am) }
            var initialTimes = spreadOrder(Array(timesBetween(earliest, job.latest)))
            if let ref = reference[e.id]?[.initial], let k = initialTimes.firstIndex(of: ref.time) {
                initialTimes.remove(at: k)
                initialTimes.insert(ref.time, at: 0)  // stay where announced when possible
            }
            var siteFailures = 0
            for t1 in initialTimes {
                // The site inspection must still fit after this initial review.
                // (In time order the later half-days fail too; in spread order they may not.)
                if job.needsSite && earliestSite(after: t1).day > job.latest {
                    if slotOrder == .early { break } else { continue }
                }
                if let fixedSite = job.fixedSite, earliestSite(after: t1) > fixedSite.time {
                    if slotOrder == .early { break } else { continue }
                }
                guard let initialPanel = try staffAt(job, .initial, t1, initialPanel: [], tally: &tally) else {
                    continue
                }
                if !job.needsSite { return Placement(initial: (t1, initialPanel), site: nil) }
                // Tentatively hold the initial panel, then look for the site inspection.
                ledger.add(.initial, t1, district: e.district, experts: initialPanel.experts)
                var siteTally = FailureTally()
                let site = try findSite(job, after: t1, initialPanel: initialPanel.experts, tally: &siteTally)
                ledger.remove(.initial, t1, district: e.district, experts: initialPanel.experts)
                if let site { return Placement(initial: (t1, initialPanel), site: site) }
                tally.failedTask = .site
                tally.siteAfterInitialFailed = true
                tally.slotsTried += siteTally.slotsTried
                tally.parallelFull += siteTally.parallelFull
                for (k, v) in siteTally.shortfalls { tally.shortfalls[k, default: 0] += v }
                siteFailures += 1
                if siteFailures >= 3 { break }
            }
            if tally.failedTask == nil { tally.failedTask = .initial }
            return nil
        }
        // Site only: after a held or fixed initial review.
        let after: SlotTime
        var initialPanel: [Int] = []
        after = siteLowerBound(job)
        if job.fixedInitial != nil { initialPanel = assignments[e.id]?[.initial]?.panel.experts ?? [] }
        tally.failedTask = .site
        if let site = try findSite(job, from: after, initialPanel: initialPanel, tally: &tally) {
            return Placement(initial: nil, site: site)
        }
        return nil
    }

    /// The earliest site inspection of a job whose initial review is not open: after the held
    /// initial review (initial_review_done) and after a fixed or kept one, whichever is later.
    func siteLowerBound(_ job: Job, initialAt: SlotTime? = nil) -> SlotTime {
        var lower = SlotTime(day: rules.start, slot: .am)
        if let held = job.status.window?.earliestSite { lower = max(lower, SlotTime(day: held, slot: .am)) }
        if let initial = initialAt ?? job.fixedInitial?.time { lower = max(lower, earliestSite(after: initial)) }
        return lower
    }

    mutating func findSite(_ job: Job, after initial: SlotTime, initialPanel: [Int], tally: inout FailureTally) throws
        -> (time: SlotTime, panel: StaffedPanel)?
    {
        try findSite(job, from: earliestSite(after: initial), initialPanel: initialPanel, tally: &tally)
    }

    mutating func findSite(_ job: Job, from: SlotTime, initialPanel: [Int], tally: inout FailureTally) throws -> (
        time: SlotTime, panel: StaffedPanel
    )? {
        let lower = max(from, SlotTime(day: rules.start, slot: .am))
        var siteTimes = spreadOrder(Array(timesBetween(lower, job.latest)))
        if let ref = reference[batch.enterprises[job.enterprise].id]?[.site], let k = siteTimes.firstIndex(of: ref.time)
        {
            siteTimes.remove(at: k)
            siteTimes.insert(ref.time, at: 0)
        }
        for t2 in siteTimes {
            if let panel = try staffAt(job, .site, t2, initialPanel: initialPanel, tally: &tally) { return (t2, panel) }
        }
        return nil
    }

    /// The half-days of a window in the order to try them: in time with `spread = "early"`; with
    /// `"level"`, the weeks holding the fewest tasks so far first (in time within a week and
    /// between equal weeks), so that each task fills the emptiest week its window allows.
    /// - Complexity: O(*t* log *t*) for *t* half-days.
    func spreadOrder(_ times: [SlotTime]) -> [SlotTime] {
        guard slotOrder == .level else { return times }
        // Weeks below the proven limit first, in time (the earliest such slot, as the early
        // construction would pick, so the windows' capacity is used as tightly); then the others,
        // the emptiest first.
        var open = times.filter { (ledger.weekLoad[$0.day.weekKey] ?? 0) < weekCap }
        if let slotJitter {
            // The search's variation: the free weeks' half-days in a seeded random order.
            open.sort { a, b in jitter(slotJitter, a) < jitter(slotJitter, b) }
        }
        let full = times.filter { (ledger.weekLoad[$0.day.weekKey] ?? 0) >= weekCap }
        return open
            + full.sorted { a, b in
                let loadA = ledger.weekLoad[a.day.weekKey] ?? 0
                let loadB = ledger.weekLoad[b.day.weekKey] ?? 0
                return loadA != loadB ? loadA < loadB : a < b
            }
    }

    /// A half-day's place in the search's random order of half-days.
    func jitter(_ seed: UInt64, _ time: SlotTime) -> UInt64 {
        Self.seatHash(seed, time.day.ordinal, time.slot == .am ? 0 : 1, .initial)
    }

    /// The candidates free for a task at a time, with their seat values, in the order of the
    /// experts' indices; only those among `experts` when given. With `checkingLoad` false the
    /// load rules (8, 9) are left to the caller: conflicts and declines only.
    func candidates(
        _ job: Job, _ task: TaskKind, _ time: SlotTime, checkingLoad: Bool = true, among experts: Set<Int>? = nil
    ) -> [Candidate] {
        // The enterprise's id and district alone: a copy of the whole record costs more than the
        // checks of a small pool.
        let enterpriseID = batch.enterprises[job.enterprise].id
        let district = batch.enterprises[job.enterprise].district
        let referencePanel = reference[enterpriseID]?[task]
        let objective = staffer.objective
        // What the loop reads, as locals: read through `self`, each access may copy a large
        // struct (the ledger, the rules) once per expert.
        let ledger = self.ledger
        let pool = batch.experts
        let hasAffinity = batch.hasAffinity
        let continuity = rules.continuity
        let defaultMinTotal = rules.minTotal
        let reserve = seatReserve[task]
        let (capShareWeight, initialTravelShare) = (capShareWeight, initialTravelShare)
        let (evenShareTarget, seatHeuristics, seed) = (evenShareTarget, seatHeuristics, seed)
        var result: [Candidate] = []
        result.reserveCapacity(conflictFree[job.enterprise].count)
        for i in conflictFree[job.enterprise]
        where (experts?.contains(i) ?? true) && !isDeclined(i, enterpriseID, task) {
            guard !checkingLoad || ledger.block(i, task, time, district: district) == nil else { continue }
            var value = 0.0
            if hasAffinity {
                let seat = "\(pool[i].id)\u{1}\(enterpriseID)"
                value += objective.coefficient(.affinity) * (affinity[seat] ?? 0)
            }
            if task == .site {
                value += objective.coefficient(.travelMinute) * ledger.travelMinutes(i, to: district, at: time)
            } else if continuity != .none {
                // The initial panel's members are the site panel's likely members (continuity):
                // their way from home to the enterprise counts already, at a share of its weight.
                value +=
                    objective.coefficient(.travelMinute) * initialTravelShare
                    * ledger.homeTravelMinutes(i, to: district)
            }
            let load = ledger.total(i)
            let belowMinTotal = load < (pool[i].minTotal ?? defaultMinTotal)
            if seatHeuristics {
                // Seat heuristics in the objective's units (not terms of it): each task already
                // held costs one load unit, each one above the even share ten, in the second
                // construction the share of the expert's cap of this kind already used up to ten
                // more, and an expert below their min_total earns two.
                value += objective.coefficient(.loadExcess) * Double(load)
                let cap = ledger.cap(i, task)
                if cap > 0 && capShareWeight > 0 {
                    value +=
                        objective.coefficient(.loadExcess) * capShareWeight * Double(ledger.count(i, task))
                        / Double(cap)
                }
                value += objective.coefficient(.loadExcess) * 10 * Double(max(0, load + 1 - evenShareTarget))
                value -= reserve.isEmpty ? 0 : reserve[i]
                if belowMinTotal { value -= objective.coefficient(.minTotalShortfall) * 2 }
            } else {
                // The objective's own change: one more task above the even share, one less short
                // of min_total.
                if load + 1 > evenShareTarget { value += objective.coefficient(.loadExcess) }
                if belowMinTotal { value -= objective.coefficient(.minTotalShortfall) }
            }
            value += 0.001 * Self.tieBreak(seed, i, job.enterprise, task)
            if let ref = referencePanel, ref.experts.contains(pool[i].id) {
                value -= objective.coefficient(.changedAssignment)
            }
            result.append(Candidate(expert: i, seatValue: value))
        }
        return result
    }

    /// A reproducible draw in [0, 1) from the seed: the published-seed random choice among
    /// otherwise equal experts (随机抽取).
    func tieBreak(_ expert: Int, _ enterprise: Int, _ task: TaskKind) -> Double {
        Self.tieBreak(seed, expert, enterprise, task)
    }

    /// ``tieBreak(_:_:_:)`` under a given seed.
    static func tieBreak(_ seed: UInt64, _ expert: Int, _ enterprise: Int, _ task: TaskKind) -> Double {
        Double(seatHash(seed, expert, enterprise, task) >> 11) / Double(1 << 53)
    }

    /// A reproducible 64-bit hash of a seed and a seat (expert, enterprise, task): the tie-break
    /// among equal experts and, with the draw's seed, the reserves' random order.
    static func seatHash(_ seed: UInt64, _ expert: Int, _ enterprise: Int, _ task: TaskKind) -> UInt64 {
        func mix(_ h: UInt64, _ part: UInt64) -> UInt64 {
            let m = (h ^ part) &* 0xBF58_476D_1CE4_E5B9
            return m ^ (m >> 29)
        }
        let h = seed &* 0x9E37_79B9_7F4A_7C15
        return mix(mix(mix(h, UInt64(expert)), UInt64(enterprise)), task == .initial ? 1 : 2)
    }

    mutating func staffAt(
        _ job: Job, _ task: TaskKind, _ time: SlotTime, initialPanel: [Int], tally: inout FailureTally
    ) throws -> StaffedPanel? {
        tally.slotsTried += 1
        if ledger.parallelCount(task, time) >= rules.maxParallel(task) {
            tally.parallelFull += 1
            return nil
        }
        let e = batch.enterprises[job.enterprise]
        var request = PanelRequest(task: task, enterprise: e, size: rules.panelSize(task), initialPanel: initialPanel)
        request.leaderReserve = leaderReserve
        request.requireOneOf = continuityPartners(e.id, task)
        if let leader = reference[e.id]?[task]?.leader {
            request.preferredLeader = staffer.expertIndex[leader]
            request.preferredLeaderValue = -staffer.objective.coefficient(.changedAssignment)
        }
        let cands = candidates(job, task, time)
        if task == .initial && job.needsSite && rules.continuity == .require && request.requireOneOf.isEmpty {
            // The initial panel must hold someone who can also sit on the site panel: an expert
            // free on some day of the site window after this review, with a site seat left.
            let first = earliestSite(after: time).day
            request.requireOneOf = cands.map(\.expert).filter { i in
                ledger.count(i, .site) < ledger.cap(i, .site)
                    && calendar.workingDayList(from: first, through: job.latest).contains {
                        !ledger.isUnavailable(i, on: $0)
                    }
            }
            if request.requireOneOf.isEmpty {
                tally.note(.noContinuity)
                return nil
            }
        }
        do {
            switch try staffer.staffPruned(request, cands) {
            case .success(let panel): return panel
            case .failure(let f):
                tally.note(f.shortfall)
                return nil
            }
        } catch let error as GLPKError {
            throw PlannerError.solver(.verbatim(error.description))
        }
    }

    /// The earliest half-day of the job's window where every expert of a given initial panel is
    /// free under rules 8 and 10.
    func firstFreeTime(_ job: Job, panel: [Int]) -> SlotTime? {
        let e = batch.enterprises[job.enterprise]
        let earliest = SlotTime(day: max(job.status.window?.earliestInitial ?? rules.start, rules.start), slot: .am)
        for t in timesBetween(earliest, job.latest)
        where ledger.parallelCount(.initial, t) < rules.maxParallel(.initial) {
            if panel.allSatisfy({ ledger.block($0, .initial, t, district: e.district) == nil }) { return t }
        }
        return nil
    }

    mutating func commit(_ job: Job, _ p: Placement) {
        let e = batch.enterprises[job.enterprise]
        if let i = p.initial {
            ledger.add(.initial, i.time, district: e.district, experts: i.panel.experts)
            assignments[e.id, default: [:]][.initial] = (i.time, i.panel, false)
        }
        if let s = p.site {
            ledger.add(.site, s.time, district: e.district, experts: s.panel.experts)
            assignments[e.id, default: [:]][.site] = (s.time, s.panel, false)
        }
    }

    // MARK: - Scarcity

    /// Demand and supply of the scarce roles over the open tasks (see ``seatReserve``): each
    /// role the composition rules ask of a panel (``HardRules/roles(_:)``) against the caps left
    /// to the experts who hold it.
    mutating func computeScarcity(_ jobs: [Job]) {
        var demand = PerTask<[PanelRole: Int]>(repeating: [:])
        for job in jobs {
            let e = batch.enterprises[job.enterprise]
            for task in job.openTasks {
                for role in staffer.hardRules.roles(PanelContext(task: task, enterprise: e)) {
                    demand[task][role, default: 0] += 1
                }
            }
        }
        func remaining(_ i: Int, _ task: TaskKind) -> Int { max(0, ledger.cap(i, task) - ledger.count(i, task)) }
        // The cost grows with the square of demand/supply: negligible while a role is plentiful,
        // decisive when it is nearly used up.
        func share(_ need: Int, _ supply: Int) -> Double {
            let r = need == 0 ? 0 : (supply == 0 ? 1 : min(1, Double(need) / Double(supply)))
            return r * r
        }
        var costs = PerTask<[(role: PanelRole, cost: Double)]>(repeating: [])
        for task in TaskKind.allCases {
            // Sorted, so that the sums below come out the same in every run.
            for (role, need) in demand[task].sorted(by: { $0.key < $1.key }) {
                let holders = batch.experts.indices.filter { role.isHeld(by: batch.experts[$0]) }
                let supply = holders.reduce(0) { $0 + remaining($1, task) }
                costs[task].append((role, Self.scarcityWeight * share(need, supply)))
            }
        }
        leaderReserve = costs.site.first { $0.role == .leader }?.cost ?? 0
        seatReserve = PerTask { task in
            batch.experts.map { x in costs[task].reduce(0.0) { $0 + ($1.role.isHeld(by: x) ? $1.cost : 0) } }
        }
    }

    // MARK: - Replanning

    /// Keeps the reference plan's history (on or before as-of) as it is and its frozen
    /// assignments (up to freeze_days working days later) where they are still possible,
    /// repairing an impossible frozen panel by swapping only the experts who cannot serve.
    /// Returns the jobs with tasks still to plan.
    mutating func keepReference(_ jobs: [Job]) throws -> [Job] {
        let asOf = options.asOf ?? rules.today
        let freezeEnd = calendar.addingWorkingDays(options.freezeDays, to: asOf)
        let expertIndex = batch.expertIndex
        var jobs = jobs
        // Past tasks that are no longer open (recorded as held, or the enterprise left the plan
        // since) are history too: not in the plan any more, but their experts did them, so they
        // still count against every cap.
        var open = Set<String>()
        for job in jobs {
            let id = batch.enterprises[job.enterprise].id
            if job.needsInitial { open.insert("\(id)|initial") }
            if job.needsSite { open.insert("\(id)|site") }
        }
        let fixedKeys = Set(batch.fixed.map { "\($0.enterpriseID)|\($0.task.rawValue)" })
        for ref in options.reference where ref.day <= asOf {
            let key = "\(ref.enterpriseID)|\(ref.task.rawValue)"
            guard !open.contains(key), !fixedKeys.contains(key) else { continue }
            let district = enterpriseIndex[ref.enterpriseID].map { batch.enterprises[$0].district } ?? ""
            ledger.add(ref.task, ref.time, district: district, experts: ref.experts.compactMap { expertIndex[$0] })
            // A fact of a task that is no longer open stays in the plan too (written as a fact).
            facts[ref.enterpriseID, default: [:]][ref.task] = ref
            closedFacts.append(ref)
        }
        // History first, then frozen assignments in time order.
        for phase in 0..<2 {
            var order: [(job: Int, task: TaskKind, ref: Assignment)] = []
            for (k, job) in jobs.enumerated() {
                let id = batch.enterprises[job.enterprise].id
                for task in jobs[k].openTasks {
                    guard let ref = reference[id]?[task] else { continue }
                    let isHistory = ref.day <= asOf
                    if (phase == 0 && isHistory) || (phase == 1 && !isHistory) { order.append((k, task, ref)) }
                }
            }
            order.sort { ($0.ref.time, $0.ref.enterpriseID, $0.task) < ($1.ref.time, $1.ref.enterpriseID, $1.task) }
            // Frozen panels first hold their members who can still serve, so that repairing one
            // panel never takes an expert another frozen panel keeps.
            var holds: [Int: [Int]] = [:]
            if phase == 1 {
                var heldInitial: [Int: SlotTime] = [:]  // job → its held initial review (order is by time)
                for (n, item) in order.enumerated()
                where frozenTimeStillFits(jobs[item.job], item.task, item.ref.time, initialAt: heldInitial[item.job]) {
                    let e = batch.enterprises[jobs[item.job].enterprise]
                    if item.task == .initial { heldInitial[item.job] = item.ref.time }
                    let valid = validMembers(jobs[item.job], item.task, item.ref)
                    ledger.add(item.task, item.ref.time, district: e.district, experts: valid)
                    holds[n] = valid
                }
            }
            for (n, item) in order.enumerated() {
                let (k, task, ref) = item
                let e = batch.enterprises[jobs[k].enterprise]
                var panel: StaffedPanel?
                if phase == 0 {
                    // History is fact: it took place and stays exactly as it was. When today's
                    // data says it breaks a rule (an expert left the pool, a conflict was
                    // declared since), the organizer is told; nothing is re-planned.
                    if let problem = historyProblem(jobs[k], task, ref) {
                        let fact: [String: Phrase.Value] = [
                            "enterprise": "\(e.id)", "task": .phrase(Phrase("task_\(task.rawValue)")),
                            "day": "\(ref.day.iso)", "slot": "\(ref.slot.rawValue)", "problem": .phrase(problem),
                        ]
                        warnings.append(Phrase("plan.history.fact", fact))
                    }
                    facts[e.id, default: [:]][task] = ref
                    panel = StaffedPanel(
                        experts: ref.experts.compactMap { expertIndex[$0] },
                        leader: ref.leader.flatMap { expertIndex[$0] }, value: 0)
                } else if let held = holds[n] {
                    ledger.remove(task, ref.time, district: e.district, experts: held)
                    if frozenTimeStillFits(jobs[k], task, ref.time) {
                        panel = try repairFrozen(jobs[k], task, ref, keep: held)
                    }
                }
                guard let panel else { continue }
                ledger.add(task, ref.time, district: e.district, experts: panel.experts)
                assignments[e.id, default: [:]][task] = (ref.time, panel, false)
                // History and the freeze horizon are locked; later kept assignments may still
                // change in the improvement pass, but only for a real gain (see improve()).
                if ref.day <= freezeEnd {
                    locked.insert("\(e.id)|\(task.rawValue)")
                } else {
                    keptReference.insert("\(e.id)|\(task.rawValue)")
                }
                let kept = Assignment(
                    enterpriseID: e.id, task: task, day: ref.day, slot: ref.slot, experts: [], leader: nil)
                if task == .initial {
                    jobs[k].needsInitial = false
                    jobs[k].fixedInitial = kept
                } else {
                    jobs[k].needsSite = false
                    jobs[k].fixedSite = kept
                }
            }
        }
        return jobs.filter { $0.needsInitial || $0.needsSite }
    }

    /// Why a past assignment of the reference plan breaks a rule under today's data, or nil.
    func historyProblem(_ job: Job, _ task: TaskKind, _ ref: Assignment) -> Phrase? {
        let e = batch.enterprises[job.enterprise]
        let index = staffer.expertIndex
        if let missing = ref.experts.first(where: { index[$0] == nil }) {
            return Phrase("plan.history.left-pool", ["expert": "\(missing)"])
        }
        if ref.experts.count != rules.panelSize(task) {
            return Phrase(
                "plan.history.panel-size", ["count": "\(ref.experts.count)", "size": "\(rules.panelSize(task))"])
        }
        if task == .site, let l = ref.leader, let i = index[l], !batch.experts[i].canLead {
            return Phrase("plan.history.leader", ["leader": "\(l)"])
        }
        for id in ref.experts {
            guard let i = index[id] else { continue }
            if let v = staffer.hardRules.excludes(batch.experts[i], from: e, in: batch) {
                return v.rule == 6
                    ? Phrase("plan.history.conflict", ["expert": "\(id)"])
                    : Phrase("plan.history.now", ["expert": "\(id)", "message": .phrase(v.message)])
            }
            let seat = Seat(expert: i, task: task, time: ref.time, district: e.district)
            for rule in staffer.hardRules.load {
                if let why = rule.blocks(seat, ledger) {
                    return Phrase("plan.history.cannot-serve", ["expert": "\(id)", "why": .phrase(why)])
                }
            }
        }
        if !frozenTimeStillFits(job, task, ref.time) { return Phrase("plan.history.window") }
        return nil
    }

    /// Whether a frozen time still keeps rules 1, 3, 4 and 10 under today's data.
    func frozenTimeStillFits(_ job: Job, _ task: TaskKind, _ time: SlotTime, initialAt: SlotTime? = nil) -> Bool {
        guard time.day >= rules.start, time.day <= rules.end, calendar.isWorkingDay(time.day) else { return false }
        guard ledger.parallelCount(task, time) < rules.maxParallel(task) else { return false }
        let window = job.status.window!
        if task == .initial {
            if let earliest = window.earliestInitial, time.day < earliest { return false }
            if let site = job.fixedSite, earliestSite(after: time) > site.time { return false }
            return time.day <= job.latest
        }
        if time.day > job.latest { return false }
        if initialAt == nil && job.fixedInitial == nil && window.earliestSite == nil { return false }
        return time >= siteLowerBound(job, initialAt: initialAt)
    }

    /// Whether the expert declined this task (`panelplan decline`).
    func isDeclined(_ expert: Int, _ enterpriseID: String, _ task: TaskKind) -> Bool {
        !declined.isEmpty && declined.contains("\(enterpriseID)|\(task.rawValue)|\(batch.experts[expert].id)")
    }

    /// The members of a frozen panel who can still serve: free of conflicts and of every rule
    /// of 8 and 9 given what is already held.
    func validMembers(_ job: Job, _ task: TaskKind, _ ref: Assignment) -> [Int] {
        let e = batch.enterprises[job.enterprise]
        let conflictFreeSet = Set(conflictFree[job.enterprise])
        var kept: [Int] = []
        for i in ref.experts.compactMap({ staffer.expertIndex[$0] })
        where conflictFreeSet.contains(i) && !isDeclined(i, e.id, task) {
            if ledger.block(i, task, ref.time, district: e.district) == nil { kept.append(i) }
        }
        return kept
    }

    /// The frozen panel with the experts who can no longer serve swapped out, or nil.
    func repairFrozen(_ job: Job, _ task: TaskKind, _ ref: Assignment, keep: [Int]) throws -> StaffedPanel? {
        let e = batch.enterprises[job.enterprise]
        if let fromReserves = repairFromReserves(job, task, ref, keep: keep) { return fromReserves }
        var request = PanelRequest(
            task: task, enterprise: e, size: rules.panelSize(task),
            initialPanel: task == .site ? (assignments[e.id]?[.initial]?.panel.experts ?? []) : [])
        request.forced = Set(keep)
        request.leaderReserve = leaderReserve
        request.requireOneOf = continuityPartners(e.id, task)
        if let l = ref.leader.flatMap({ staffer.expertIndex[$0] }) {
            request.preferredLeader = l
            request.preferredLeaderValue = -staffer.objective.coefficient(.changedAssignment)
        }
        if case .success(let panel) = try staffer.staffPruned(request, candidates(job, task, ref.time)) { return panel }
        return nil
    }

    /// A frozen panel repaired from the reference plan's reserves (候补), in the order they are
    /// to be asked, when every member it lost declined: each gives their seat to the first of their
    /// reserves who is still free (rules 6, 8, 9 and declines), able to lead for the leader's
    /// seat. Nil when a seat has no such reserve or the panel would break a composition rule;
    /// the panel MIP then finds the swap.
    func repairFromReserves(_ job: Job, _ task: TaskKind, _ ref: Assignment, keep: [Int]) -> StaffedPanel? {
        guard let seats = options.referenceReserves[Plan.key(ref)], keep.count < ref.experts.count else {
            return nil
        }
        let e = batch.enterprises[job.enterprise]
        let index = staffer.expertIndex
        // Only seats whose member declined: the organizer asks that seat's reserves in order. A
        // member who fell ill or left is replaced by the panel MIP, which weighs the whole plan.
        let missing = ref.experts.filter { id in index[id].map { !keep.contains($0) } ?? true }
        guard missing.allSatisfy({ id in index[id].map { isDeclined($0, e.id, task) } ?? false }) else { return nil }
        let free = Set(candidates(job, task, ref.time).map(\.expert))
        var panel: [Int] = []
        var leader: Int?
        for member in ref.experts {
            let isLeader = member == ref.leader
            var seated: Int?
            if let i = index[member], keep.contains(i) {
                seated = i
            } else {
                let reserves = (seats[member] ?? []).compactMap { index[$0] }
                seated = reserves.first { r in
                    free.contains(r) && !panel.contains(r) && !keep.contains(r)
                        && (!isLeader || batch.experts[r].canLead)
                }
            }
            guard let seated else { return nil }
            panel.append(seated)
            if isLeader { leader = seated }
        }
        let initialPanel = task == .site ? (assignments[e.id]?[.initial]?.panel.experts ?? []) : []
        let context = PanelContext(task: task, enterprise: e, initialPanel: initialPanel)
        guard staffer.hardRules.panel.allSatisfy({ $0.check(panel, context, experts: batch.experts) == nil }) else {
            return nil
        }
        let partners = continuityPartners(e.id, task)
        guard partners.isEmpty || !Set(partners).isDisjoint(with: panel) else { return nil }
        return StaffedPanel(experts: panel, leader: leader, value: 0)
    }

    // MARK: - Improvement

    /// Re-staffs every planned (non-fixed) panel at its time with all other panels fixed; a
    /// panel changes only when the MIP finds a strictly better one, so the pass never loses value.
    mutating func improve() throws {
        let ids = assignments.keys.sorted()
        var done = 0
        for id in ids {
            guard let k = enterpriseIndex[id] else { continue }
            let e = batch.enterprises[k]
            for task in TaskKind.allCases {
                guard elapsed < timeLimit else {
                    timedOut = true
                    return
                }
                guard let current = assignments[id]?[task], !current.fixed, !locked.contains("\(id)|\(task.rawValue)")
                else { continue }
                let initialPanel = task == .site ? (assignments[id]?[.initial]?.panel.experts ?? []) : []
                ledger.remove(task, current.time, district: e.district, experts: current.panel.experts)
                let job = Job(
                    enterprise: k, status: WorkflowRules.status(e, rules: rules, calendar: calendar),
                    needsInitial: task == .initial, needsSite: task == .site, fixedInitial: nil, fixedSite: nil,
                    latest: rules.end)
                var request = PanelRequest(
                    task: task, enterprise: e, size: rules.panelSize(task), initialPanel: initialPanel)
                request.leaderReserve = leaderReserve
                request.requireOneOf = continuityPartners(id, task)
                let cands = candidates(job, task, current.time)
                let seat = Dictionary(uniqueKeysWithValues: cands.map { ($0.expert, $0.seatValue) })
                var currentValue =
                    staffer.coverageValue(request, panel: current.panel.experts)
                    + current.panel.experts.reduce(0.0) { $0 + (seat[$1] ?? 0) }
                if task == .site { currentValue += leaderReserve }  // the leader seat's credit
                var replacement = current.panel
                if case .success(let better)? = try? staffer.staffPruned(request, cands),
                    better.value > currentValue + 1e-6
                {
                    replacement = better
                    if keptReference.contains("\(id)|\(task.rawValue)")
                        && !gainsEnough(request, from: current.panel, to: better)
                    {
                        replacement = current.panel
                    }
                    if task == .initial, rules.continuity != .none, let site = assignments[id]?[.site] {
                        // A new initial panel must keep the continuity the site panel has.
                        let onSite = Set(site.panel.experts)
                        if !onSite.isDisjoint(with: current.panel.experts) && onSite.isDisjoint(with: better.experts) {
                            replacement = current.panel
                        }
                    }
                }
                ledger.add(task, current.time, district: e.district, experts: replacement.experts)
                assignments[id]![task] = (current.time, replacement, false)
            }
            done += 1
            if done % 20 == 0 { report("improve", done, ids.count) }
        }
    }

    /// Whether replacing a kept reference panel gains more in the objective's own terms
    /// (expertise, affinity, continuity, previous experts) than the change costs.
    func gainsEnough(_ request: PanelRequest, from old: StaffedPanel, to new: StaffedPanel) -> Bool {
        let changed = Set(old.experts) != Set(new.experts) || old.leader != new.leader
        return !changed
            || ownValue(request, new.experts) - ownValue(request, old.experts)
                > -staffer.objective.coefficient(.changedAssignment)
    }

    /// A panel's value in the objective's per-panel terms: coverage (expertise, continuity,
    /// previous experts) and its seats' affinity; those of `level` alone when it is given.
    func ownValue(_ request: PanelRequest, _ panel: [Int], level: Objective.Level? = nil) -> Double {
        let objective = level.map { staffer.objective.restricted(to: $0) } ?? staffer.objective
        var value = staffer.coverageValue(request, panel: panel, under: objective)
        if batch.hasAffinity {
            let e = request.enterprise
            value +=
                objective.coefficient(.affinity)
                * panel.reduce(0) { $0 + (affinity["\(batch.experts[$1].id)\u{1}\(e.id)"] ?? 0) }
        }
        return value
    }

    // MARK: - Output

    func assembleAssignments() -> [Assignment] {
        var result: [Assignment] = []
        for (id, tasks) in assignments {
            for (task, a) in tasks {
                if a.fixed, let f = batch.fixed.first(where: { $0.enterpriseID == id && $0.task == task }) {
                    result.append(f)
                    continue
                }
                if let fact = facts[id]?[task] {
                    result.append(fact)
                    continue
                }
                result.append(
                    Assignment(
                        enterpriseID: id, task: task, day: a.time.day, slot: a.time.slot,
                        experts: a.panel.experts.map { batch.experts[$0].id }.sorted(),
                        leader: a.panel.leader.map { batch.experts[$0].id }))
            }
        }
        result += closedFacts
        result.sort { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.task != b.task { return a.task < b.task }
            return a.enterpriseID < b.enterpriseID
        }
        return result
    }
}
