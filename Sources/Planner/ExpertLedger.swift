import PanelModel

/// Why an expert cannot take a task in a slot (the hard rule that blocks it).
enum Block: Int, CaseIterable, Sendable {
    case conflict  // rule 6
    case unavailable  // rule 8
    case busySlot  // rule 8: one task per slot
    case maxPerDay  // rule 8
    case maxPerWeek  // rule 8
    case maxOfKind  // rule 8: max_initial / max_site
    case travel  // rule 9
}

/// What every expert already does in the plan: the state behind rules 8 and 9.
struct ExpertLedger {
    struct SiteVisit {
        var slot: Slot
        var district: String
    }

    var rules: BatchRules
    let experts: [Expert]
    let districts: DistrictTable
    /// expert → unavailable day ordinals.
    var unavailable: [Set<Int>]
    /// For explanations only: ignore the per-expert caps max_initial and max_site.
    var ignoreCaps = false
    var busy: [Set<Int>]  // expert → slot indices
    var perDay: [[Int: Int]]  // expert → day ordinal → tasks
    var perWeek: [[Int: Int]]  // expert → week key → tasks
    var initialCount: [Int]
    var siteCount: [Int]
    var siteVisits: [[Int: [SiteVisit]]]  // expert → day ordinal → site visits
    var parallel: [TaskKind: [Int: Int]] = [.initial: [:], .site: [:]]  // slot index → tasks of kind

    init(batch: Batch) {
        rules = batch.rules
        experts = batch.experts
        districts = batch.districts
        let index = batch.expertIndex
        var unavailable = Array(repeating: Set<Int>(), count: batch.experts.count)
        for u in batch.unavailability {
            guard let i = index[u.expertID], u.from <= u.to else { continue }
            for d in u.from.ordinal...u.to.ordinal { unavailable[i].insert(d) }
        }
        self.unavailable = unavailable
        let n = batch.experts.count
        busy = Array(repeating: [], count: n)
        perDay = Array(repeating: [:], count: n)
        perWeek = Array(repeating: [:], count: n)
        initialCount = Array(repeating: 0, count: n)
        siteCount = Array(repeating: 0, count: n)
        siteVisits = Array(repeating: [:], count: n)
    }

    func cap(_ expert: Int, _ task: TaskKind) -> Int {
        if ignoreCaps { return Int.max / 4 }
        return task == .initial
            ? (experts[expert].maxInitial ?? rules.maxInitial) : (experts[expert].maxSite ?? rules.maxSite)
    }

    func count(_ expert: Int, _ task: TaskKind) -> Int { task == .initial ? initialCount[expert] : siteCount[expert] }

    func total(_ expert: Int) -> Int { initialCount[expert] + siteCount[expert] }

    /// The first rule that stops `expert` from taking a `task` at `time` in `district`, or nil.
    /// Conflicts of interest are checked by the caller.
    func block(_ expert: Int, _ task: TaskKind, _ time: SlotTime, district: String) -> Block? {
        let day = time.day
        if unavailable[expert].contains(day.ordinal) { return .unavailable }
        if busy[expert].contains(time.index) { return .busySlot }
        if perDay[expert][day.ordinal, default: 0] >= rules.maxPerDay { return .maxPerDay }
        if perWeek[expert][day.weekKey, default: 0] >= rules.maxPerWeek { return .maxPerWeek }
        if count(expert, task) >= cap(expert, task) { return .maxOfKind }
        if task == .site, let visits = siteVisits[expert][day.ordinal] {
            for v in visits where districts.travelMinutes(v.district, district) > rules.maxTravelMinutes {
                return .travel
            }
        }
        return nil
    }

    /// Records a task (planned or fixed) for its experts.
    mutating func add(_ task: TaskKind, _ time: SlotTime, district: String, experts panel: [Int]) {
        for i in panel {
            busy[i].insert(time.index)
            perDay[i][time.day.ordinal, default: 0] += 1
            perWeek[i][time.day.weekKey, default: 0] += 1
            if task == .initial { initialCount[i] += 1 } else { siteCount[i] += 1 }
            if task == .site {
                siteVisits[i][time.day.ordinal, default: []].append(SiteVisit(slot: time.slot, district: district))
            }
        }
        parallel[task]![time.index, default: 0] += 1
    }

    /// Removes a task recorded with ``add(_:_:district:experts:)``.
    mutating func remove(_ task: TaskKind, _ time: SlotTime, district: String, experts panel: [Int]) {
        for i in panel {
            busy[i].remove(time.index)
            perDay[i][time.day.ordinal, default: 0] -= 1
            perWeek[i][time.day.weekKey, default: 0] -= 1
            if task == .initial { initialCount[i] -= 1 } else { siteCount[i] -= 1 }
            if task == .site, var visits = siteVisits[i][time.day.ordinal],
                let k = visits.firstIndex(where: { $0.slot == time.slot && $0.district == district })
            {
                visits.remove(at: k)
                siteVisits[i][time.day.ordinal] = visits.isEmpty ? nil : visits
            }
        }
        parallel[task]![time.index, default: 0] -= 1
    }

    func parallelCount(_ task: TaskKind, _ time: SlotTime) -> Int { parallel[task]![time.index, default: 0] }

    /// Travel minutes for the expert to reach `district` at `time`: from the other same-day site
    /// visit when there is one in the earlier slot, else from home (0 when home is unknown).
    func travelMinutes(_ expert: Int, to district: String, at time: SlotTime) -> Double {
        if let visits = siteVisits[expert][time.day.ordinal], let earlier = visits.first(where: { $0.slot < time.slot })
        {
            return districts.travelMinutes(earlier.district, district)
        }
        guard let home = experts[expert].district else { return 0 }
        let t = districts.travelMinutes(home, district)
        return t.isFinite ? t : 0
    }
}
