import GLPK
import PanelModel
import PlanModel
import Workflow

extension PlanScorer {
    /// Seat variables the LP of ``plannedBound(statuses:fixed:planned:secondsLeft:)`` may hold; larger batches
    /// keep the aggregate bound alone.
    static let seatBoundVariableLimit = 60_000
    /// Seat variables up to which the same model is also solved with whole seats (a MIP), when
    /// its LP leaves a gap: its proven optimum is a bound as valid and often smaller.
    static let seatBoundIntegerLimit = 20_000
    /// The longest the whole-seat MIP may run; it counts only when GLPK proves it optimal.
    static let seatBoundIntegerSeconds = 3.0

    /// A bound on the number of eligible enterprises any plan completes, from the LP relaxation of
    /// seating experts one by one (docs/formulation.md §3.2): per enterprise a "planned" fraction
    /// z ∈ [0, 1] and, for each open task, a seat fraction y ∈ [0, 1] per conflict-free expert with
    /// a cap of that kind left; each panel's seats sum to its size × z; each composition rule's
    /// qualifying experts hold at least z of them, each organization at most z
    /// (one_per_organization); each expert's seats of a kind stay within their cap left after the
    /// fixed rows; each kind's panels within max_parallel × half-days; and, for the week intervals
    /// where they bind, each expert's seats and each kind's panels of the tasks that must fall
    /// inside within that interval's capacity (``SeatTimeRows``). Every plan is a 0/1 point of
    /// this LP, so its optimum, rounded down (the count is whole), bounds the count. When that
    /// exceeds `planned` (the count of a plan at hand) on a small batch, the same model with whole
    /// seats is solved too, and its optimum counts when GLPK proves it within
    /// ``seatBoundIntegerSeconds``. Nil when the LP would be too large, or time ran out
    /// (`secondsLeft`, the time limit's rest, also limits each solve).
    /// - Complexity: an LP over Σ (open tasks × conflict-free experts) seat variables.
    func plannedBound(
        statuses: [EnterpriseStatus], fixed: [String: [TaskKind: Assignment]], planned: Int,
        secondsLeft: () -> Double
    ) throws -> Double? {
        guard secondsLeft() > 0 else { return nil }
        let expertIndex = batch.expertIndex
        var fixedCount = PerTask(repeating: Array(repeating: 0, count: batch.experts.count))
        for (_, tasks) in fixed {
            for (task, a) in tasks {
                for i in a.experts.compactMap({ expertIndex[$0] }) { fixedCount[task][i] += 1 }
            }
        }
        func remaining(_ i: Int, _ task: TaskKind) -> Int {
            max(0, rules.cap(of: batch.experts[i], task) - fixedCount[task][i])
        }
        // The enterprises to seat: eligible, with open tasks that can each be dated in the window.
        var certain = 0
        var open: [OpenEnterprise] = []
        var seatCount = 0
        for (k, s) in statuses.enumerated() {
            guard let window = s.window else { continue }
            let fixedTasks = fixed[batch.enterprises[k].id] ?? [:]
            let tasks = window.tasks.filter { fixedTasks[$0] == nil }
            if tasks.isEmpty {
                certain += 1
                continue
            }
            let earliest = earliestDays(window, fixedTasks)
            let days = tasks.compactMap {
                WeekLevel.days(of: $0, window, own: fixedTasks, rules: rules, calendar: batch.calendar)
            }
            guard tasks.allSatisfy({ earliest[$0] != nil }), days.count == tasks.count else { continue }
            open.append(OpenEnterprise(k: k, tasks: tasks, days: days))
            seatCount += tasks.count * conflictFree[k].count
        }
        guard seatCount <= Self.seatBoundVariableLimit else { return nil }
        guard !open.isEmpty else { return Double(certain) }
        guard secondsLeft() > 0 else { return nil }
        var lpOptions = SolveOptions()
        lpOptions.timeLimitSeconds = secondsLeft()
        let time = SeatTimeRows(batch: batch, fixed: fixed)
        let lp = try seatModel(open, remaining: remaining, time: time, kind: .continuous).solve(options: lpOptions)
        guard lp.status == .optimal else { return nil }
        var bound = Double(certain) + (lp.objective + 1e-6).rounded(.down)
        if bound > Double(planned), seatCount <= Self.seatBoundIntegerLimit, secondsLeft() > 0 {
            var options = SolveOptions()
            options.timeLimitSeconds = min(Self.seatBoundIntegerSeconds, secondsLeft())
            let mip = try seatModel(open, remaining: remaining, time: time, kind: .binary).solve(options: options)
            if mip.status == .optimal { bound = min(bound, Double(certain) + (mip.objective + 1e-6).rounded(.down)) }
        }
        return bound
    }

    /// An enterprise the seat model may complete: its open tasks and, for each, the days it can
    /// fall on in any plan.
    struct OpenEnterprise {
        var k: Int
        var tasks: [TaskKind]
        var days: [(first: Day, last: Day)]
    }

    /// The seat model of ``plannedBound(statuses:fixed:planned:secondsLeft:)`` with variables of
    /// `kind`, with the week intervals' rows of `time`.
    func seatModel(
        _ open: [OpenEnterprise], remaining: (Int, TaskKind) -> Int, time: SeatTimeRows, kind: VariableKind
    ) throws -> Model {
        var m = Model(name: "planned-bound")
        m.sense = .maximize
        var seatsOf = PerTask(repeating: Array(repeating: [Term](), count: batch.experts.count))
        var panels = PerTask<[Term]>(repeating: [])
        var entries: [SeatTimeRows.Entry] = []
        for enterprise in open {
            let e = batch.enterprises[enterprise.k]
            let z = try m.addVariable(kind: kind, lowerBound: 0, upperBound: 1, objective: 1)
            for (task, days) in zip(enterprise.tasks, enterprise.days) {
                panels[task].append((z, 1))
                let pool = conflictFree[enterprise.k].filter { remaining($0, task) > 0 }
                var seat: [Int: Variable] = [:]
                for i in pool {
                    let y = try m.addVariable(kind: kind, lowerBound: 0, upperBound: 1, objective: 0)
                    seat[i] = y
                    seatsOf[task][i].append((y, 1))
                }
                try m.addEqual(pool.map { (seat[$0]!, 1.0) } + [(z, -Double(rules.panelSize(task)))], 0)
                let weeks = (first: time.week(of: days.first), last: time.week(of: days.last))
                let seats = pool.map { (expert: $0, seat: seat[$0]!) }
                entries.append(
                    SeatTimeRows.Entry(
                        planned: z, task: task, firstWeek: weeks.first, lastWeek: weeks.last, seats: seats))
                let context = PanelContext(task: task, enterprise: e)
                for rule in staffer.hardRules.panel {
                    switch rule.requirement(context, experts: batch.experts) {
                    case .atLeastOne(let qualifies)?:
                        try m.addGreaterOrEqual(pool.filter(qualifies).map { (seat[$0]!, 1.0) } + [(z, -1)], 0)
                    case .atMostOnePerGroup(let group)?:
                        let groups = Dictionary(grouping: pool, by: group).values.filter { $0.count > 1 }
                        for members in groups.sorted(by: { $0[0] < $1[0] }) {
                            try m.addLessOrEqual(members.map { (seat[$0]!, 1.0) } + [(z, -1)], 0)
                        }
                    case nil:
                        continue
                    }
                }
            }
        }
        for task in TaskKind.allCases {
            for (i, terms) in seatsOf[task].enumerated() where !terms.isEmpty {
                try m.addLessOrEqual(terms, Double(remaining(i, task)))
            }
            guard !panels[task].isEmpty else { continue }
            let slots = Double(2 * batch.calendar.workingDays(from: rules.start, through: rules.end))
            try m.addLessOrEqual(panels[task], Double(rules.maxParallel(task)) * slots)
        }
        try time.add(to: &m, entries)
        return m
    }
}
