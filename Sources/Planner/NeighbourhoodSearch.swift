import PanelModel
import PlanModel
import Workflow

/// The large-neighbourhood search that follows the construction (`[solver] search = "lns"`).
///
/// Each step frees the open tasks of a few related enterprises (one left out and the panels that
/// hold its scarce experts; enterprises with a task in one week; enterprises one expert serves;
/// an enterprise whose site panel travels far and those holding the experts who live nearer)
/// and plans them again: new dates and new panels, each panel a GLPK MIP over the experts free
/// then, in a new order and, half the time, with the free weeks' half-days in a seeded random
/// order. The step is kept only when the plan is better level by level (``Objective/isBetter``):
/// more enterprises planned, else better expertise with as many planned, and so on. The plan is
/// always the best found. The search stops when every level meets its bound, after
/// ``searchStallLimit`` steps in a row without a gain (``unplannedStallFactor`` times more while
/// the planned level has a gap), or at its share of the time left (``searchTimeShare``).
extension PlanningRun {
    /// Steps in a row without a gain after which the search stops.
    static let searchStallLimit = 60
    /// How many times longer a phase runs without a gain while the planned level has a gap.
    static let unplannedStallFactor = 4
    /// The fewest and the most enterprises one step frees.
    static let neighbourhoodSizes = 3...6
    /// The enterprises with the most site-panel travel among which a travel step picks its centre.
    static let travelCentres = 10
    /// Travel steps in a row without a gain after which the travel phase stops.
    static let travelStallLimit = 30
    /// The share of the time left that the search may use; a search stopped there has timed out.
    static let searchTimeShare = 0.8

    /// The kinds of related enterprises a step frees.
    enum Neighbourhood: CaseIterable {
        /// An enterprise left out, and the planned ones holding the experts it lacks.
        case unplanned
        /// Planned enterprises with a task in one ISO week.
        case week
        /// Planned enterprises one expert serves.
        case expert
        /// A planned enterprise whose panels miss a reason, continuity or a previous expert that
        /// the pool could give, and the planned ones holding the experts who would give it.
        case deficient
        /// A planned enterprise among those whose site panels travel the most, and the planned
        /// ones holding the conflict-free experts who live nearer to it than its farthest member.
        case travel
    }

    /// Runs the search on the constructed plan (``built``); `bounds` are the levels' bounds.
    /// Its first phase frees every kind of neighbourhood but ``Neighbourhood/travel``; once it
    /// stalls, a second phase frees only travel neighbourhoods, for the travel that the first
    /// phase's gains at the higher levels left behind (a step is still kept only when the plan is
    /// better level by level, so the higher levels never fall).
    /// - Complexity: each step places at most ``neighbourhoodSizes`` enterprises (a few panel
    ///   MIPs each) and scores the plan once: O(*s* log *s*) for *s* site seats, the terms of
    ///   the enterprises it changed computed again (``ScoreMemo``).
    /// It uses at most ``searchTimeShare`` of the time left when it starts: the rest is for the
    /// re-staffing pass, the seat exchanges, the travel trim, the explanations of what stays
    /// unplanned and the reserves.
    mutating func search(bounds: [Double]) throws {
        let phases: [(kinds: [Neighbourhood], stallLimit: Int)] = [
            (Neighbourhood.allCases.filter { $0 != .travel }, Self.searchStallLimit),
            ([.travel], Self.travelStallLimit),
        ]
        let deadline = elapsed + Self.searchTimeShare * (timeLimit - elapsed)
        try walk(phases, bounds: bounds, deadline: deadline, reaching: nil, salt: 0x6C6E_735F_7365_6564)
    }

    /// The search's first phase only, until the planned level reaches `target`, the phase
    /// stalls or `deadline` (seconds since the start) passes: a levelled plan's chance to plan as
    /// many as a construction in time order did (``PanelPlanner/plan()``).
    mutating func search(reaching target: Double, until deadline: Double) throws {
        let bounds = try boundsOfLevels().levels
        let kinds = Neighbourhood.allCases.filter { $0 != .travel }
        try walk(
            [(kinds, Self.searchStallLimit)], bounds: bounds, deadline: min(deadline, timeLimit), reaching: target,
            salt: 0x6C65_7665_6C6C_6564)
    }

    /// Whether this run searches after its construction: `[solver] search = "lns"`, not a
    /// replan, and no exact reviewer assignment.
    var searches: Bool { rules.search == .lns && options.reference.isEmpty && built.assignment == nil }

    /// The levels' and the whole objective's bounds over every plan and their relaxation,
    /// computed once per run.
    mutating func boundsOfLevels() throws -> ProvenBounds {
        if let cachedLevelBounds { return cachedLevelBounds }
        let computed = try levelBounds(scorer: built.scorer!, statuses: built.statuses, constants: built.constants)
        cachedLevelBounds = computed
        return computed
    }

    /// Runs `phases` of steps, each until it stalls, every level meets its bound, the planned
    /// level reaches `target` or `deadline` passes; stopped by a deadline, the run has timed out
    /// (what it found depended on time). `salt` varies the seeded random choices by walk.
    private mutating func walk(
        _ phases: [(kinds: [Neighbourhood], stallLimit: Int)], bounds: [Double], deadline: Double,
        reaching target: Double?, salt: UInt64
    ) throws {
        let jobIndex = Dictionary(
            built.jobs.enumerated().map { (batch.enterprises[$1.enterprise].id, $0) }, uniquingKeysWith: { a, _ in a })
        guard !jobIndex.isEmpty else { return }
        initialTravelShare = 0
        var walk = SearchWalk(random: SplitMix64(seed: seed ^ salt), current: built.levels)
        // Past the deadline no step is taken: the loop below stops at once.
        walk.deficient = elapsed < deadline ? deficientJobs() : []
        for phase in phases {
            walk.stall = 0
            while walk.stall < stallLimit(phase, walk.current, bounds) && !meets(walk.current, bounds) {
                if let target, !Objective.isBetter([target], than: [walk.current[0]]) { break }
                guard elapsed < deadline else {
                    timedOut = true
                    built.levels = walk.current
                    return
                }
                try step(phase.kinds, jobIndex: jobIndex, walk: &walk)
            }
        }
        built.levels = walk.current
    }

    /// A phase's stall limit, ``unplannedStallFactor`` times longer when the phase can free the
    /// enterprises left out and the planned level is below its bound: the first level outweighs
    /// every other, and an enterprise won back often needs several neighbourhoods in a row.
    func stallLimit(
        _ phase: (kinds: [Neighbourhood], stallLimit: Int), _ current: [Double], _ bounds: [Double]
    ) -> Int {
        guard phase.kinds.contains(.unplanned), !built.failed.isEmpty, let value = current.first,
            let bound = bounds.first, Objective.isBetter([bound], than: [value])
        else { return phase.stallLimit }
        return phase.stallLimit * Self.unplannedStallFactor
    }

    /// The state of the search between steps.
    struct SearchWalk {
        var random: SplitMix64
        /// The levels of the best plan found (the current one).
        var current: [Double]
        /// Steps in a row without a gain.
        var stall = 0
        var steps = 0
        /// The deficient jobs; they change only when a step is kept.
        var deficient: [Int] = []
    }

    /// One step: frees a neighbourhood of one of `kinds` and plans it again, keeping the result
    /// only when the plan is better level by level.
    mutating func step(_ kinds: [Neighbourhood], jobIndex: [String: Int], walk: inout SearchWalk) throws {
        walk.steps += 1
        let usable = kinds.filter { kind in
            switch kind {
            case .unplanned: return !built.failed.isEmpty
            case .deficient: return !walk.deficient.isEmpty
            default: return true
            }
        }
        guard !usable.isEmpty else {
            walk.stall += 1
            return
        }
        let kind = usable[Int(walk.random.next() % UInt64(usable.count))]
        let size =
            Self.neighbourhoodSizes.lowerBound + Int(walk.random.next() % UInt64(Self.neighbourhoodSizes.count))
        let chosen = neighbourhood(
            kind, size: size, jobIndex: jobIndex, deficient: walk.deficient, random: &walk.random)
        guard !chosen.isEmpty else {
            walk.stall += 1
            return
        }
        let saved = self
        slotJitter = walk.random.next() % 2 == 0 ? walk.random.next() : nil
        try replan(chosen, shuffled: walk.random.next() % 2 == 0, random: &walk.random)
        slotJitter = nil
        let values = levelValues()
        if Objective.isBetter(values, than: walk.current) {
            walk.current = values
            walk.stall = 0
            walk.deficient = deficientJobs()
            report("search", walk.steps, walk.steps, incumbent: values.reduce(0, +))
        } else {
            self = saved
            walk.stall += 1
        }
    }

    /// A last re-staffing pass (docs/formulation.md §2.4) over the searched plan: each panel
    /// re-solved at its time with every other panel held, which trims the travel and load that
    /// the search's steps, judged at the higher levels first, left behind. Kept only when the
    /// plan is better level by level, like a step of the search.
    mutating func polish() throws {
        guard elapsed < timeLimit else { return }
        let saved = self
        try improve()
        let values = levelValues()
        if Objective.isBetter(values, than: built.levels) {
            built.levels = values
        } else {
            let stopped = timedOut
            self = saved
            timedOut = stopped
        }
    }

    /// Whether every level reaches its bound (nothing left to gain).
    func meets(_ values: [Double], _ bounds: [Double]) -> Bool {
        zip(values, bounds).allSatisfy { v, b in meets(v, b) }
    }

    /// Whether one level's value meets its bound, up to rounding.
    func meets(_ value: Double, _ bound: Double) -> Bool {
        value >= bound - 1e-9 * max(1, abs(bound))
    }

    /// The jobs (indices into ``Construction/jobs``) one step frees, the first of them the
    /// step's centre.
    func neighbourhood(
        _ kind: Neighbourhood, size: Int, jobIndex: [String: Int], deficient: [Int], random: inout SplitMix64
    ) -> [Int] {
        let planned = built.jobs.indices.filter { isPlaced(built.jobs[$0]) }
        var centre: [Int] = []
        var related: [Int] = []
        switch kind {
        case .deficient:
            return around(deficient[Int(random.next() % UInt64(deficient.count))], size: size, random: &random)
        case .travel:
            let far = planned.map { ($0, siteTravel(built.jobs[$0])) }.filter { $0.1 > 0 }
            guard !far.isEmpty else { return [] }
            let ranked = far.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(Self.travelCentres)
            let k = ranked[Int(random.next() % UInt64(ranked.count))].0
            centre = [k]
            let nearer = nearerExperts(built.jobs[k])
            related = planned.filter { holdsAny(built.jobs[$0], nearer) && overlaps(built.jobs[$0], built.jobs[k]) }
        case .unplanned:
            let (job, _) = built.failed[Int(random.next() % UInt64(built.failed.count))]
            centre = [jobIndex[batch.enterprises[job.enterprise].id]!]
            let scarce = Set(scarceExperts(job))
            let lacking = scarce.isEmpty ? Set(conflictFree[job.enterprise]) : scarce
            related = planned.filter { holdsAny(built.jobs[$0], lacking) && overlaps(built.jobs[$0], job) }
        case .week:
            guard !planned.isEmpty else { return [] }
            let pick = built.jobs[planned[Int(random.next() % UInt64(planned.count))]]
            let pickID = batch.enterprises[pick.enterprise].id
            let week = pick.openTasks.compactMap { assignments[pickID]?[$0]?.time.day.weekKey }.first
            related = planned.filter { k in
                let id = batch.enterprises[built.jobs[k].enterprise].id
                return built.jobs[k].openTasks.contains { assignments[id]?[$0]?.time.day.weekKey == week }
            }
        case .expert:
            guard !planned.isEmpty else { return [] }
            let pick = built.jobs[planned[Int(random.next() % UInt64(planned.count))]]
            let id = batch.enterprises[pick.enterprise].id
            let members = pick.openTasks.flatMap { assignments[id]?[$0]?.panel.experts ?? [] }
            guard !members.isEmpty else { return [] }
            let expert = members[Int(random.next() % UInt64(members.count))]
            related = planned.filter { holdsAny(built.jobs[$0], [expert]) }
        }
        related.removeAll { centre.contains($0) }
        related.shuffle(using: &random)
        return centre + related.prefix(max(0, size - centre.count)).sorted()
    }

    /// The minutes a job's site panel travels from its members' homes to the enterprise.
    func siteTravel(_ job: Job) -> Double {
        let e = batch.enterprises[job.enterprise]
        let panel = assignments[e.id]?[.site]?.panel.experts ?? []
        return panel.reduce(0) { $0 + homeTravel($1, to: e.district) }
    }

    /// The conflict-free experts off a job's site panel who live nearer to the enterprise than
    /// the panel's farthest member.
    func nearerExperts(_ job: Job) -> Set<Int> {
        let e = batch.enterprises[job.enterprise]
        let panel = assignments[e.id]?[.site]?.panel.experts ?? []
        let farthest = panel.map { homeTravel($0, to: e.district) }.max() ?? 0
        return Set(
            conflictFree[job.enterprise].filter { !panel.contains($0) && homeTravel($0, to: e.district) < farthest })
    }

    /// Minutes from an expert's home district to `district` (0 when the home or the way is not
    /// known).
    func homeTravel(_ expert: Int, to district: String) -> Double {
        ledger.homeTravelMinutes(expert, to: district)
    }

    /// The placed jobs whose panels lack what the pool could give (``helpers(_:)``).
    func deficientJobs() -> [Int] {
        built.jobs.indices.filter { isPlaced(built.jobs[$0]) && !helpers(built.jobs[$0]).isEmpty }
    }

    /// A deficient job (the first) and up to `size − 1` planned jobs holding its helpers.
    func around(_ k: Int, size: Int, random: inout SplitMix64) -> [Int] {
        let job = built.jobs[k]
        let wanted = helpers(job)
        var related = built.jobs.indices.filter { j in
            j != k && isPlaced(built.jobs[j]) && holdsAny(built.jobs[j], wanted) && overlaps(built.jobs[j], job)
        }
        related.shuffle(using: &random)
        return [k] + related.prefix(size - 1).sorted()
    }

    /// The experts who would raise a placed job's panels at the expertise or continuity level:
    /// free of conflicts, covering a reason its panels miss; its initial reviewers when its site
    /// panel holds none (continuity = "prefer"); its previous experts when none sits on the site
    /// panel (previous_experts = "prefer"). Empty when the panels have all the pool could give.
    func helpers(_ job: Job) -> Set<Int> {
        let e = batch.enterprises[job.enterprise]
        let objective = staffer.objective
        var wanted = Set<Int>()
        for task in job.openTasks {
            guard let panel = assignments[e.id]?[task]?.panel.experts else { continue }
            for group in objective.expertiseGroups(e)
            where !panel.contains(where: { objective.covers(batch.experts[$0], group) }) {
                wanted.formUnion(conflictFree[job.enterprise].filter { objective.covers(batch.experts[$0], group) })
            }
            guard task == .site else { continue }
            let initial = assignments[e.id]?[.initial]?.panel.experts ?? []
            if rules.continuity == .prefer, Set(initial).isDisjoint(with: panel) { wanted.formUnion(initial) }
            let request = PanelRequest(task: task, enterprise: e, size: panel.count, initialPanel: initial)
            let previous = staffer.previousExperts(request)
            if rules.previousExperts == .prefer, previous.isDisjoint(with: panel) {
                wanted.formUnion(previous.filter { conflictFree[job.enterprise].contains($0) })
            }
        }
        return wanted
    }

    /// Whether every open task of a job is placed.
    func isPlaced(_ job: Job) -> Bool {
        let id = batch.enterprises[job.enterprise].id
        return job.openTasks.allSatisfy { assignments[id]?[$0] != nil }
    }

    /// Whether a job's open panels seat any of `experts`.
    func holdsAny(_ job: Job, _ experts: Set<Int>) -> Bool {
        let id = batch.enterprises[job.enterprise].id
        return job.openTasks.contains { task in
            assignments[id]?[task]?.panel.experts.contains { experts.contains($0) } ?? false
        }
    }

    /// Whether two jobs' windows share a day.
    func overlaps(_ a: Job, _ b: Job) -> Bool {
        func first(_ job: Job) -> Day {
            job.status.window?.earliestInitial ?? job.status.window?.earliestSite ?? rules.start
        }
        return first(a) <= b.latest && first(b) <= a.latest
    }

    /// Frees the chosen jobs' open tasks and places them again: the centre first, then the
    /// others in deadline order or shuffled. A job that no longer fits is left out, with why.
    mutating func replan(_ chosen: [Int], shuffled: Bool, random: inout SplitMix64) throws {
        for k in chosen { free(built.jobs[k]) }
        var order = chosen
        if shuffled { order[1...].shuffle(using: &random) }
        let freed = Set(chosen.map { built.jobs[$0].enterprise })
        built.failed.removeAll { freed.contains($0.0.enterprise) }
        for k in order {
            let job = built.jobs[k]
            var tally = FailureTally()
            if let placement = try place(job, tally: &tally) {
                commit(job, placement)
            } else {
                built.failed.append((job, tally))
            }
        }
        built.failed.sort { $0.0.enterprise < $1.0.enterprise }
    }

    /// Takes a job's open (planned, not fixed) tasks off the plan and the ledger.
    mutating func free(_ job: Job) {
        let e = batch.enterprises[job.enterprise]
        for task in job.openTasks {
            guard let a = assignments[e.id]?[task], !a.fixed else { continue }
            ledger.remove(task, a.time, district: e.district, experts: a.panel.experts)
            assignments[e.id]?[task] = nil
        }
        if assignments[e.id]?.isEmpty == true { assignments[e.id] = nil }
    }
}
