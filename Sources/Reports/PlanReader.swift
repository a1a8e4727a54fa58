import Foundation
import PanelModel
import PlanModel
import Workflow

/// Reads a FORMAT v1 plan.json back into a ``Plan``.
public enum PlanReader {
    struct Raw: Decodable {
        struct A: Decodable {
            var enterprise: String
            var task: String
            var date: String
            var slot: String
            var experts: [String]
            var leader: String?
            /// Reserves (候补) by member, in the order to ask them.
            var reserves: [String: [String]]?
        }
        struct U: Decodable {
            var enterprise: String
            var task: String?
            var code: String
            var reason: String
            var reasonZh: String?
            var eligible: Bool?

            enum CodingKeys: String, CodingKey {
                case enterprise, task, code, reason, eligible
                case reasonZh = "reason_zh"
            }
        }
        var format: Int
        var batch: String
        /// `as_of`.
        var asOf: String?
        var status: String
        var objective: Double?
        var bound: Double?
        var planned: Int?
        var eligible: Int?
        var assignments: [A]
        var unscheduled: [U]

        // Written out rather than converted from snake case, which would rewrite the expert ids
        // that key `reserves`.
        enum CodingKeys: String, CodingKey {
            case format, batch, status, objective, bound, planned, eligible, assignments, unscheduled
            case asOf = "as_of"
        }
    }

    public enum ReadError: Error { case invalid(String) }

    /// A plain FORMAT v1 plan.json has no `planned`, `eligible` or per-entry `eligible`: derive
    /// them from the batch (rule 2 and the tasks each enterprise needs).
    public static func completed(_ plan: Plan, with batch: Batch) -> Plan {
        var p = plan
        let statuses = batch.enterprises.map { WorkflowRules.status($0, rules: batch.rules, calendar: batch.calendar) }
        let eligible = Dictionary(
            statuses.map { ($0.enterprise.id, $0.window?.tasks) }, uniquingKeysWith: { a, _ in a })
        var held: [String: Set<TaskKind>] = [:]
        for a in plan.assignments { held[a.enterpriseID, default: []].insert(a.task) }
        p.eligibleCount = eligible.values.filter { $0 != nil }.count
        p.plannedCount =
            eligible.filter { id, tasks in tasks.map { Set($0).isSubset(of: held[id] ?? []) } ?? false }.count
        p.unscheduled = plan.unscheduled.map { u in
            var u = u
            u.eligible = eligible[u.enterpriseID].map { $0 != nil } ?? false
            return u
        }
        return p
    }

    public static func read(_ data: Data) throws -> Plan {
        let decoder = JSONDecoder()
        let raw = try decoder.decode(Raw.self, from: data)
        guard raw.format == 1 else { throw ReadError.invalid("format \(raw.format) is not 1") }
        let assignments = try raw.assignments.map { a -> Assignment in
            guard let task = TaskKind(rawValue: a.task), let day = Day(iso: a.date), let slot = Slot(rawValue: a.slot)
            else {
                throw ReadError.invalid("assignment of \(a.enterprise)")
            }
            return Assignment(
                enterpriseID: a.enterprise, task: task, day: day, slot: slot, experts: a.experts, leader: a.leader)
        }
        let unscheduled = raw.unscheduled.map {
            UnscheduledEntry(
                enterpriseID: $0.enterprise, task: $0.task.flatMap(TaskKind.init(rawValue:)), code: ReasonCode($0.code),
                reason: $0.reason, reasonZh: $0.reasonZh, eligible: $0.eligible ?? true)
        }
        var plan = Plan(
            batchName: raw.batch, status: PlanStatus(rawValue: raw.status) ?? .feasible, objective: raw.objective ?? 0,
            bound: raw.bound ?? 0,
            assignments: assignments, unscheduled: unscheduled, breakdown: ObjectiveBreakdown(),
            eligibleCount: raw.eligible ?? 0, plannedCount: raw.planned ?? 0, elapsedSeconds: 0, warnings: [])
        for a in raw.assignments {
            if let seats = a.reserves, !seats.isEmpty { plan.reserves["\(a.enterprise)|\(a.task)"] = seats }
        }
        if let text = raw.asOf {
            guard let day = Day(iso: text) else { throw ReadError.invalid("as_of '\(text)' is not a date") }
            plan.asOf = day
        }
        return plan
    }
}
