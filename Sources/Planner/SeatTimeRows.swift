import GLPK
import PanelModel

/// The rows that give the seat-assignment bound a sense of time (docs/formulation.md §3.2).
///
/// Every plan dates each open task inside its days (``WeekLevel/days(of:_:own:rules:calendar:)``),
/// so the tasks whose days lie inside weeks *a…b* all fall in those weeks. There they share each
/// expert's weekly capacity — per ISO week at most max_per_week tasks, and no more than
/// min(max_per_day, 2) on each working day of the horizon the expert is available, less the
/// fixed tasks of that week — and each kind's half-days, max_parallel per half-day less the fixed
/// panels of that week. A week interval's row sums those caps over its weeks; every plan's seats
/// keep it, so the rows keep the relaxation valid.
struct SeatTimeRows {
    /// One open task of the seat model: its planned variable, its days and its seats.
    struct Entry {
        var planned: Variable
        var task: TaskKind
        var firstWeek: Int
        var lastWeek: Int
        var seats: [(expert: Int, seat: Variable)]
    }

    /// Seats visited while building rows, at most; the shortest intervals come first, and stopping
    /// early only drops rows (still a valid relaxation).
    static let workBudget = 3_000_000

    /// Per expert, the tasks each week of the horizon can take (index 0: the horizon's first week).
    let expertWeeks: [[Int]]
    /// Per kind, the panels each week of the horizon can hold.
    let panelWeeks: PerTask<[Int]>
    /// Monday ordinal of the horizon's first week.
    let firstMonday: Int

    init(batch: Batch, fixed: [String: [TaskKind: Assignment]]) {
        let rules = batch.rules
        let calendar = batch.calendar
        firstMonday = rules.start.weekKey
        let weeks = (rules.end.weekKey - firstMonday) / 7 + 1
        let expertIndex = batch.expertIndex
        var fixedSeats = Array(repeating: Array(repeating: 0, count: weeks), count: batch.experts.count)
        var fixedPanels = PerTask(repeating: Array(repeating: 0, count: weeks))
        for (_, tasks) in fixed {
            for (task, a) in tasks {
                let w = (a.day.weekKey - firstMonday) / 7
                guard w >= 0, w < weeks else { continue }
                fixedPanels[task][w] += 1
                for i in a.experts.compactMap({ expertIndex[$0] }) { fixedSeats[i][w] += 1 }
            }
        }
        let workingDays = calendar.workingDayList(from: rules.start, through: rules.end)
        var daysOfWeek = Array(repeating: [Day](), count: weeks)
        for day in workingDays { daysOfWeek[(day.weekKey - firstMonday) / 7].append(day) }
        let unavailable = ExpertLedger.unavailableDays(batch)
        let perDay = min(rules.maxPerDay, Slot.allCases.count)
        expertWeeks = batch.experts.indices.map { i in
            (0..<weeks).map { w in
                let open = daysOfWeek[w].filter { !unavailable[i].contains($0.ordinal) }.count
                return max(0, min(rules.maxPerWeek, perDay * open) - fixedSeats[i][w])
            }
        }
        var panelWeeks = PerTask(repeating: Array(repeating: 0, count: weeks))
        for task in TaskKind.allCases {
            for w in 0..<weeks {
                let halfDays = Slot.allCases.count * daysOfWeek[w].count
                panelWeeks[task][w] = max(0, rules.maxParallel(task) * halfDays - fixedPanels[task][w])
            }
        }
        self.panelWeeks = panelWeeks
    }

    /// The week index (0 = the horizon's first week) of `day`.
    func week(of day: Day) -> Int { (day.weekKey - firstMonday) / 7 }

    /// Adds to `model` the rows of the week intervals that bind: for each interval whose first week
    /// starts some task's days and whose last week ends some task's days (any other interval holds
    /// the same tasks as a shorter one, with no less capacity), a row per kind whose panels there
    /// exceed its half-days' capacity and a row per expert whose seats there exceed their capacity.
    /// Returns the number of rows added.
    /// - Complexity: O(Σ over intervals of the seats inside), at most ``workBudget``.
    @discardableResult
    func add(to model: inout Model, _ entries: [Entry]) throws -> Int {
        let starts = Set(entries.map(\.firstWeek))
        let ends = Set(entries.map(\.lastWeek))
        var intervals: [(a: Int, b: Int)] = []
        for a in starts.sorted() {
            for b in ends.sorted() where b >= a { intervals.append((a, b)) }
        }
        intervals.sort { ($0.b - $0.a, $0.a) < ($1.b - $1.a, $1.a) }
        let expertPrefix = expertWeeks.map(Self.prefixSums)
        let panelPrefix = TaskKind.allCases.map { Self.prefixSums(panelWeeks[$0]) }
        var work = 0
        var rows = 0
        for (a, b) in intervals {
            let inside = entries.filter { $0.firstWeek >= a && $0.lastWeek <= b }
            guard inside.contains(where: { $0.firstWeek == a }), inside.contains(where: { $0.lastWeek == b }) else {
                continue
            }
            work += inside.count
            for (n, task) in TaskKind.allCases.enumerated() {
                let panels = inside.filter { $0.task == task }
                let capacity = panelPrefix[n][b + 1] - panelPrefix[n][a]
                guard panels.count > capacity else { continue }
                try model.addLessOrEqual(panels.map { ($0.planned, 1.0) }, Double(capacity))
                rows += 1
            }
            var seatsOf: [Int: [Term]] = [:]
            for entry in inside {
                for s in entry.seats { seatsOf[s.expert, default: []].append((s.seat, 1)) }
                work += entry.seats.count
            }
            for (i, terms) in seatsOf.sorted(by: { $0.key < $1.key }) {
                let capacity = expertPrefix[i][b + 1] - expertPrefix[i][a]
                guard terms.count > capacity else { continue }
                try model.addLessOrEqual(terms, Double(capacity))
                rows += 1
            }
            if work > Self.workBudget { break }
        }
        return rows
    }

    /// Prefix sums: element *k* is the sum of the first *k* values.
    static func prefixSums(_ values: [Int]) -> [Int] {
        var sums = [0]
        sums.reserveCapacity(values.count + 1)
        for v in values { sums.append(sums[sums.count - 1] + v) }
        return sums
    }
}
