import Foundation
import PanelModel
import PlanModel

/// One week's demand against supply for one role: which weeks are short of whom.
public struct WeekCapacity: Sendable, Hashable {
    /// The ISO week, `2026-W11`.
    public var week: String
    /// `seats` (every seat), `leaders`, `auditors`, or `industry:TAG`.
    public var role: String
    /// Seats the plan fills that week (`seats`), or panels that need one holder of the role.
    public var demand: Int
    /// Tasks the experts (holding the role) can take that week: for each, the fewest of
    /// max_per_week, max_per_day × their available working days, and two half-days a day.
    public var supply: Int

    /// At least 90 % of the supply used: the week holds little room for more of this role.
    public var isBinding: Bool { demand > 0 && demand * 10 >= supply * 9 }
}

extension WeekCapacity {
    /// The week-by-role table of a plan of `batch`, weeks in order, roles in a fixed order
    /// (seats, leaders, auditors, then industries by tag).
    /// - Complexity: O(*w* · *n* + *a* · *k*) for *w* weeks, *n* experts, *a* assignments of *k* seats.
    public static func table(_ plan: Plan, _ batch: Batch) -> [WeekCapacity] {
        let rules = batch.rules
        let hardRules = HardRules(batch)
        let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Working days of the horizon by week.
        var weeks: [Int: [Day]] = [:]
        for day in batch.calendar.workingDayList(from: rules.start, through: rules.end) {
            weeks[day.weekKey, default: []].append(day)
        }
        let weekKeys = weeks.keys.sorted()
        // Demand: seats filled, and panels needing each role.
        var demand: [Int: [String: Int]] = [:]
        for a in plan.assignments {
            guard let e = enterprises[a.enterpriseID] else { continue }
            demand[a.day.weekKey, default: [:]]["seats", default: 0] += a.experts.count
            for role in hardRules.roles(PanelContext(task: a.task, enterprise: e)) {
                demand[a.day.weekKey, default: [:]][name(role), default: 0] += 1
            }
        }
        var roles: [PanelRole] = []
        for e in batch.enterprises {
            for task in TaskKind.allCases where rules.plans(task) {
                for role in hardRules.roles(PanelContext(task: task, enterprise: e)) where !roles.contains(role) {
                    roles.append(role)
                }
            }
        }
        roles.sort()
        var unavailable: [String: [Unavailability]] = [:]
        for u in batch.unavailability { unavailable[u.expertID, default: []].append(u) }
        var out: [WeekCapacity] = []
        for key in weekKeys {
            let days = weeks[key] ?? []
            // Each active expert's room that week.
            let room: [Int] = batch.experts.map { x in
                guard x.isActive else { return 0 }
                let free = days.filter { d in !(unavailable[x.id] ?? []).contains { $0.from <= d && d <= $0.to } }.count
                return min(rules.maxPerWeek, rules.maxPerDay * free, 2 * free)
            }
            let label = days.first.map { d in String(format: "%04d-W%02d", d.isoWeek.year, d.isoWeek.week) } ?? ""
            let seatSupply = room.reduce(0, +)
            out.append(
                WeekCapacity(week: label, role: "seats", demand: demand[key]?["seats"] ?? 0, supply: seatSupply))
            for role in roles {
                let supply = batch.experts.indices.filter { role.isHeld(by: batch.experts[$0]) }.reduce(0) {
                    $0 + room[$1]
                }
                out.append(
                    WeekCapacity(week: label, role: name(role), demand: demand[key]?[name(role)] ?? 0, supply: supply))
            }
        }
        return out
    }

    /// The role's name in the table.
    static func name(_ role: PanelRole) -> String {
        switch role {
        case .leader: "leaders"
        case .auditor: "auditors"
        case .specialty(let tag): "industry:\(tag)"
        }
    }
}
