import PanelModel
import Workflow

/// The smallest peak week any plan can have: a lower bound on the busiest ISO week's tasks.
///
/// Each task may fall in a range of weeks (its window, from the workflow dates, the horizon and
/// the revision gap; a fixed task in its own week). Whatever the plan, the tasks whose ranges lie
/// inside weeks *a…b* fall in those *b − a + 1* weeks, so some week holds at least
/// ⌈count / (b − a + 1)⌉ of them; for unit tasks with interval windows the largest such count
/// over all *a ≤ b* is exactly the smallest peak the windows allow (Hall's condition). Capacity
/// (experts, max_parallel) is ignored, so the limit is a lower bound, never above the truth.
struct WeekLevel {
    /// Week ranges (first week key, last week key; keys are Mondays' ordinals) of the tasks.
    var ranges: [(first: Int, last: Int)] = []

    /// The limit: ⌈count / length⌉ maximized over week intervals.
    /// - Complexity: O(*w*² + *n*) for *w* weeks and *n* tasks.
    func limit() -> Int {
        guard let low = ranges.map(\.first).min(), let high = ranges.map(\.last).max() else { return 0 }
        let weeks = (high - low) / 7 + 1
        // inside[a][b]: tasks whose range is exactly weeks a…b; then a 2-D suffix/prefix sum.
        var exact = Array(repeating: Array(repeating: 0, count: weeks), count: weeks)
        for r in ranges {
            exact[(r.first - low) / 7][(r.last - low) / 7] += 1
        }
        // within[a][b] = tasks with a ≤ first and last ≤ b.
        var within = Array(repeating: Array(repeating: 0, count: weeks), count: weeks)
        var best = 0
        for a in stride(from: weeks - 1, through: 0, by: -1) {
            var row = 0
            for b in a..<weeks {
                row += exact[a][b]
                within[a][b] = row + (a + 1 < weeks && a + 1 <= b ? within[a + 1][b] : 0)
                let length = b - a + 1
                best = max(best, (within[a][b] + length - 1) / length)
            }
        }
        return best
    }

    /// The week ranges of every task of the batch: eligible enterprises' open tasks within their
    /// windows, and fixed rows in their own week.
    init(
        statuses: [EnterpriseStatus], fixed: [String: [TaskKind: Assignment]], rules: BatchRules, calendar: WorkCalendar
    ) {
        for s in statuses {
            guard let window = s.window else { continue }
            let own = fixed[s.enterprise.id] ?? [:]
            for task in window.tasks {
                if let f = own[task] {
                    ranges.append((f.day.weekKey, f.day.weekKey))
                } else if let days = Self.days(of: task, window, own: own, rules: rules, calendar: calendar) {
                    ranges.append((days.first.weekKey, days.last.weekKey))
                }
            }
        }
        for (id, tasks) in fixed where !statuses.contains(where: { $0.enterprise.id == id && $0.window != nil }) {
            for (_, f) in tasks { ranges.append((f.day.weekKey, f.day.weekKey)) }
        }
    }

    /// The days an open `task` of an enterprise with this window can fall on in any plan: from the
    /// earliest initial review (or site inspection, revision_days working days after it) to the
    /// deadline in force (an initial review revision_days working days before it when a site
    /// inspection follows), within the horizon. Nil when no day is left. A superset of the true
    /// dates, so every bound built on it stays valid.
    static func days(
        of task: TaskKind, _ window: PlanningWindow, own: [TaskKind: Assignment], rules: BatchRules,
        calendar: WorkCalendar
    ) -> (first: Day, last: Day)? {
        let last = min(rules.end, window.latestSite)
        let firstInitial = max(rules.start, window.earliestInitial ?? rules.start)
        var first = firstInitial
        var latest = last
        if task == .initial && window.tasks.contains(.site) {
            latest = latestInitial(before: last, revisionDays: rules.revisionDays, calendar: calendar)
        }
        if task == .site {
            if window.tasks.contains(.initial) {
                first = calendar.addingWorkingDays(rules.revisionDays, to: own[.initial]?.day ?? firstInitial)
            } else {
                first = max(rules.start, window.earliestSite ?? rules.start)
            }
        }
        return first <= latest ? (first, latest) : nil
    }

    /// The last day an initial review leaves revision_days working days before `last`.
    static func latestInitial(before last: Day, revisionDays: Int, calendar: WorkCalendar) -> Day {
        var day = last
        var counted = 0
        while counted < revisionDays {
            day = day - 1
            if calendar.isWorkingDay(day) { counted += 1 }
        }
        return day
    }
}
