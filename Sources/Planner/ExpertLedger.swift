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
    /// A task an expert holds: its half-day, day and ISO week, and a site inspection's district.
    struct HeldTask {
        var slotIndex: Int
        var day: Int
        var week: Int
        var slot: Slot
        var siteDistrict: String?
    }

    /// The batch's rules; changing them (an explanation's relaxation) changes the rule values.
    var rules: BatchRules {
        didSet {
            hardRules = HardRules(rules, experts: experts, districts: districts)
            loadBlocks = Self.loadBlocks(hardRules, ignoreCaps: ignoreCaps)
        }
    }
    let experts: [Expert]
    /// Each expert's home district (their `district`), read without copying the expert.
    let homes: [String?]
    let districts: DistrictTable
    private(set) var hardRules: HardRules
    /// The load rules in force, in their order: all of them, or all but the per-kind caps
    /// (explanations).
    private var loadBlocks: [Block]
    /// What the experts hold, as the load rules read it: passed to them by value, so kept apart
    /// from the rule values and the pool (a copy of the whole ledger per check cost more than the
    /// checks).
    private(set) var load: HeldLoad
    /// expert → unavailable day ordinals.
    var unavailable: [Set<Int>] {
        get { load.unavailable }
        set { load.unavailable = newValue }
    }
    /// For explanations only: ignore the per-expert caps max_initial and max_site.
    var ignoreCaps = false {
        didSet { loadBlocks = Self.loadBlocks(hardRules, ignoreCaps: ignoreCaps) }
    }
    /// Tasks of each kind per expert.
    var counts: PerTask<[Int]> { load.counts }
    /// ISO week key → tasks of every kind in the plan (the bureau's weekly load).
    var weekLoad: [Int: Int] = [:]

    init(batch: Batch) {
        rules = batch.rules
        experts = batch.experts
        homes = batch.experts.map(\.district)
        districts = batch.districts
        hardRules = HardRules(batch)
        loadBlocks = Self.loadBlocks(hardRules, ignoreCaps: false)
        let n = batch.experts.count
        load = HeldLoad(
            unavailable: Self.unavailableDays(batch), held: Array(repeating: [], count: n),
            counts: PerTask(repeating: Array(repeating: 0, count: n)))
    }

    private static func loadBlocks(_ rules: HardRules, ignoreCaps: Bool) -> [Block] {
        rules.load.compactMap { rule in
            guard let block = Block(rule), !(ignoreCaps && block == .maxOfKind) else { return nil }
            return block
        }
    }

    func cap(_ expert: Int, _ task: TaskKind) -> Int {
        if ignoreCaps { return Int.max / 4 }
        return hardRules.taskCap.cap(expert, task)
    }

    func count(_ expert: Int, _ task: TaskKind) -> Int { load.counts[task][expert] }

    func total(_ expert: Int) -> Int { load.counts.initial[expert] + load.counts.site[expert] }

    /// The first load rule that stops `expert` from taking a `task` at `time` in `district`, or
    /// nil. Conflicts of interest and `active` are checked by the caller (``ExpertRule``s).
    func block(_ expert: Int, _ task: TaskKind, _ time: SlotTime, district: String) -> Block? {
        let seat = Seat(expert: expert, task: task, time: time, district: district)
        for block in loadBlocks where !admits(seat, under: block) {
            return block
        }
        return nil
    }

    /// Whether the seat keeps the load rule behind `block`: the rule value's own check, called by
    /// its name rather than through ``LoadRule`` (the candidate checks make millions).
    private func admits(_ seat: Seat, under block: Block) -> Bool {
        switch block {
        case .unavailable: hardRules.availability.admits(seat, load)
        case .busySlot: hardRules.oneTaskPerSlot.admits(seat, load)
        case .maxPerDay: hardRules.dailyCap.admits(seat, load)
        case .maxPerWeek: hardRules.weeklyCap.admits(seat, load)
        case .maxOfKind: hardRules.taskCap.admits(seat, load)
        case .travel: hardRules.travel.admits(seat, load)
        }
    }

    /// Records a task (planned or fixed) for its experts.
    mutating func add(_ task: TaskKind, _ time: SlotTime, district: String, experts panel: [Int]) {
        let heldTask = HeldTask(
            slotIndex: time.index, day: time.day.ordinal, week: time.day.weekKey, slot: time.slot,
            siteDistrict: task == .site ? district : nil)
        for i in panel {
            load.held[i].append(heldTask)
            load.counts[task][i] += 1
        }
        load.parallel[task][time.index, default: 0] += 1
        weekLoad[time.day.weekKey, default: 0] += 1
    }

    /// Removes a task recorded with ``add(_:_:district:experts:)``.
    mutating func remove(_ task: TaskKind, _ time: SlotTime, district: String, experts panel: [Int]) {
        let siteDistrict = task == .site ? district : nil
        for i in panel {
            if let k = load.held[i].firstIndex(where: { $0.slotIndex == time.index && $0.siteDistrict == siteDistrict })
            {
                load.held[i].remove(at: k)
            }
            load.counts[task][i] -= 1
        }
        load.parallel[task][time.index, default: 0] -= 1
        weekLoad[time.day.weekKey, default: 0] -= 1
    }

    func parallelCount(_ task: TaskKind, _ time: SlotTime) -> Int { load.panels(task, at: time) }

    /// Travel minutes for the expert to reach `district` at `time`: from the other same-day site
    /// visit when there is one in the earlier slot, else from home (0 when home is unknown).
    func travelMinutes(_ expert: Int, to district: String, at time: SlotTime) -> Double {
        let day = time.day.ordinal
        for t in load.held[expert] where t.day == day && t.slot < time.slot {
            if let earlier = t.siteDistrict { return districts.travelMinutes(earlier, district) }
        }
        return homeTravelMinutes(expert, to: district)
    }

    /// Minutes from the expert's home district to `district` (0 when the home or the way is not
    /// known).
    func homeTravelMinutes(_ expert: Int, to district: String) -> Double {
        knownHomeTravelMinutes(expert, to: district) ?? 0
    }

    /// The minutes from the expert's home to `district`; nil when the home district or the way
    /// between the two is unknown.
    func knownHomeTravelMinutes(_ expert: Int, to district: String) -> Double? {
        guard let home = homes[expert] else { return nil }
        let t = districts.travelMinutes(home, district)
        return t.isFinite ? t : nil
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

    func isUnavailable(_ expert: Int, on day: Day) -> Bool { load.isUnavailable(expert, on: day) }

    func isBusy(_ expert: Int, at time: SlotTime) -> Bool { load.isBusy(expert, at: time) }

    func tasks(_ expert: Int, on day: Day) -> Int { load.tasks(expert, on: day) }

    func tasks(_ expert: Int, inWeekOf day: Day) -> Int { load.tasks(expert, inWeekOf: day) }

    func tasks(_ expert: Int, of kind: TaskKind) -> Int { load.tasks(expert, of: kind) }

    func siteDistricts(_ expert: Int, on day: Day) -> [String] { load.siteDistricts(expert, on: day) }

    func panels(_ kind: TaskKind, at time: SlotTime) -> Int { load.panels(kind, at: time) }
}

/// What every expert holds in a plan: the state the load rules (8, 9, 10) read through
/// ``ExpertLoad``, a few references, cheap to pass.
struct HeldLoad: ExpertLoad {
    /// expert → unavailable day ordinals.
    var unavailable: [Set<Int>]
    /// expert → the tasks they hold, in the order recorded. An expert holds a few tasks, so a
    /// scan of them is cheaper than a table keyed by day, week or half-day.
    var held: [[ExpertLedger.HeldTask]]
    /// Tasks of each kind per expert.
    var counts: PerTask<[Int]>
    /// Slot index → tasks of each kind.
    var parallel = PerTask<[Int: Int]>(repeating: [:])

    func isUnavailable(_ expert: Int, on day: Day) -> Bool {
        !unavailable[expert].isEmpty && unavailable[expert].contains(day.ordinal)
    }

    /// - Complexity: O(*t*) for the *t* tasks the expert holds, as the counts below.
    func isBusy(_ expert: Int, at time: SlotTime) -> Bool {
        let index = time.index
        return held[expert].contains { $0.slotIndex == index }
    }

    func tasks(_ expert: Int, on day: Day) -> Int {
        let ordinal = day.ordinal
        return held[expert].reduce(0) { $0 + ($1.day == ordinal ? 1 : 0) }
    }

    func tasks(_ expert: Int, inWeekOf day: Day) -> Int {
        let week = day.weekKey
        return held[expert].reduce(0) { $0 + ($1.week == week ? 1 : 0) }
    }

    func tasks(_ expert: Int, of kind: TaskKind) -> Int { counts[kind][expert] }

    func siteDistricts(_ expert: Int, on day: Day) -> [String] {
        let ordinal = day.ordinal
        return held[expert].compactMap { $0.day == ordinal ? $0.siteDistrict : nil }
    }

    func panels(_ kind: TaskKind, at time: SlotTime) -> Int { parallel[kind][time.index] ?? 0 }
}
