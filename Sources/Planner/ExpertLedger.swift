import PanelModel

/// Why an expert cannot take a task in a slot: the load rule (8, 9) that blocks it.
enum Block: Int, CaseIterable, Sendable, CustomStringConvertible {
    case unavailable  // rule 8
    case busySlot  // rule 8: one task per slot
    case maxPerDay  // rule 8
    case maxPerWeek  // rule 8
    case maxOfKind  // rule 8: max_initial / max_site
    case travel  // rule 9

    /// The block of a load rule value.
    init?(_ rule: any LoadRule) {
        switch rule {
        case is AvailabilityRule: self = .unavailable
        case is OneTaskPerSlotRule: self = .busySlot
        case is DailyCapRule: self = .maxPerDay
        case is WeeklyCapRule: self = .maxPerWeek
        case is TaskCapRule: self = .maxOfKind
        case is TravelRule: self = .travel
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .unavailable: "unavailable"
        case .busySlot: "busySlot"
        case .maxPerDay: "maxPerDay"
        case .maxPerWeek: "maxPerWeek"
        case .maxOfKind: "maxOfKind"
        case .travel: "travel"
        }
    }
}

/// What every expert already does in the plan: the state behind rules 8, 9 and 10, checked
/// through the rule values of ``HardRules``.
struct ExpertLedger: ExpertLoad {
    struct SiteVisit {
        var slot: Slot
        var district: String
    }

    /// The batch's rules; changing them (an explanation's relaxation) changes the rule values.
    var rules: BatchRules {
        didSet {
            hardRules = HardRules(rules, experts: experts, districts: districts)
            loadRules = Self.loadRules(hardRules, ignoreCaps: ignoreCaps)
        }
    }
    let experts: [Expert]
    let districts: DistrictTable
    private(set) var hardRules: HardRules
    /// The load rules in force: all of them, or all but the per-kind caps (explanations).
    private var loadRules: [(block: Block, rule: any LoadRule)]
    /// expert → unavailable day ordinals.
    var unavailable: [Set<Int>]
    /// For explanations only: ignore the per-expert caps max_initial and max_site.
    var ignoreCaps = false {
        didSet { loadRules = Self.loadRules(hardRules, ignoreCaps: ignoreCaps) }
    }
    var busy: [Set<Int>]  // expert → slot indices
    var perDay: [[Int: Int]]  // expert → day ordinal → tasks
    var perWeek: [[Int: Int]]  // expert → week key → tasks
    /// Tasks of each kind per expert.
    var counts: PerTask<[Int]>
    var siteVisits: [[Int: [SiteVisit]]]  // expert → day ordinal → site visits
    var parallel = PerTask<[Int: Int]>(repeating: [:])  // slot index → tasks of kind
    /// ISO week key → tasks of every kind in the plan (the bureau's weekly load).
    var weekLoad: [Int: Int] = [:]

    init(batch: Batch) {
        rules = batch.rules
        experts = batch.experts
        districts = batch.districts
        hardRules = HardRules(batch)
        loadRules = Self.loadRules(hardRules, ignoreCaps: false)
        unavailable = Self.unavailableDays(batch)
        let n = batch.experts.count
        busy = Array(repeating: [], count: n)
        perDay = Array(repeating: [:], count: n)
        perWeek = Array(repeating: [:], count: n)
        counts = PerTask(repeating: Array(repeating: 0, count: n))
        siteVisits = Array(repeating: [:], count: n)
    }

    private static func loadRules(_ rules: HardRules, ignoreCaps: Bool) -> [(block: Block, rule: any LoadRule)] {
        rules.load.compactMap { rule in
            guard let block = Block(rule), !(ignoreCaps && block == .maxOfKind) else { return nil }
            return (block, rule)
        }
    }

    func cap(_ expert: Int, _ task: TaskKind) -> Int {
        if ignoreCaps { return Int.max / 4 }
        return hardRules.taskCap.cap(expert, task)
    }

    func count(_ expert: Int, _ task: TaskKind) -> Int { counts[task][expert] }

    func total(_ expert: Int) -> Int { counts.initial[expert] + counts.site[expert] }

    /// The first load rule that stops `expert` from taking a `task` at `time` in `district`, or
    /// nil. Conflicts of interest and `active` are checked by the caller (``ExpertRule``s).
    func block(_ expert: Int, _ task: TaskKind, _ time: SlotTime, district: String) -> Block? {
        let seat = Seat(expert: expert, task: task, time: time, district: district)
        for (block, rule) in loadRules where !rule.admits(seat, self) {
            return block
        }
        return nil
    }

    /// Records a task (planned or fixed) for its experts.
    mutating func add(_ task: TaskKind, _ time: SlotTime, district: String, experts panel: [Int]) {
        for i in panel {
            busy[i].insert(time.index)
            perDay[i][time.day.ordinal, default: 0] += 1
            perWeek[i][time.day.weekKey, default: 0] += 1
            counts[task][i] += 1
            if task == .site {
                siteVisits[i][time.day.ordinal, default: []].append(SiteVisit(slot: time.slot, district: district))
            }
        }
        parallel[task][time.index, default: 0] += 1
        weekLoad[time.day.weekKey, default: 0] += 1
    }

    /// Removes a task recorded with ``add(_:_:district:experts:)``.
    mutating func remove(_ task: TaskKind, _ time: SlotTime, district: String, experts panel: [Int]) {
        for i in panel {
            busy[i].remove(time.index)
            perDay[i][time.day.ordinal, default: 0] -= 1
            perWeek[i][time.day.weekKey, default: 0] -= 1
            counts[task][i] -= 1
            if task == .site, var visits = siteVisits[i][time.day.ordinal],
                let k = visits.firstIndex(where: { $0.slot == time.slot && $0.district == district })
            {
                visits.remove(at: k)
                siteVisits[i][time.day.ordinal] = visits.isEmpty ? nil : visits
            }
        }
        parallel[task][time.index, default: 0] -= 1
        weekLoad[time.day.weekKey, default: 0] -= 1
    }

    func parallelCount(_ task: TaskKind, _ time: SlotTime) -> Int { parallel[task][time.index] ?? 0 }

    /// Travel minutes for the expert to reach `district` at `time`: from the other same-day site
    /// visit when there is one in the earlier slot, else from home (0 when home is unknown).
    func travelMinutes(_ expert: Int, to district: String, at time: SlotTime) -> Double {
        if let visits = siteVisits[expert][time.day.ordinal], let earlier = visits.first(where: { $0.slot < time.slot })
        {
            return districts.travelMinutes(earlier.district, district)
        }
        return homeTravelMinutes(expert, to: district)
    }

    /// Minutes from the expert's home district to `district` (0 when the home or the way is not
    /// known).
    func homeTravelMinutes(_ expert: Int, to district: String) -> Double {
        guard let home = experts[expert].district else { return 0 }
        let t = districts.travelMinutes(home, district)
        return t.isFinite ? t : 0
    }

    // MARK: - ExpertLoad

    /// Per expert (batch order), the ordinals of the days unavailability.csv rules out.
    static func unavailableDays(_ batch: Batch) -> [Set<Int>] {
        let index = batch.expertIndex
        var unavailable = Array(repeating: Set<Int>(), count: batch.experts.count)
        for u in batch.unavailability {
            guard let i = index[u.expertID], u.from <= u.to else { continue }
            for d in u.from.ordinal...u.to.ordinal { unavailable[i].insert(d) }
        }
        return unavailable
    }

    func isUnavailable(_ expert: Int, on day: Day) -> Bool { unavailable[expert].contains(day.ordinal) }

    func isBusy(_ expert: Int, at time: SlotTime) -> Bool { busy[expert].contains(time.index) }

    func tasks(_ expert: Int, on day: Day) -> Int { perDay[expert][day.ordinal] ?? 0 }

    func tasks(_ expert: Int, inWeekOf day: Day) -> Int { perWeek[expert][day.weekKey] ?? 0 }

    func tasks(_ expert: Int, of kind: TaskKind) -> Int { count(expert, kind) }

    func siteDistricts(_ expert: Int, on day: Day) -> [String] {
        siteVisits[expert][day.ordinal]?.map(\.district) ?? []
    }

    func panels(_ kind: TaskKind, at time: SlotTime) -> Int { parallelCount(kind, time) }
}
