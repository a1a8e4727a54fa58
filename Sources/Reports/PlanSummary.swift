import Foundation
import PanelModel
import Phrasebook
import PlanModel

/// The text summary printed after planning.
public enum PlanSummary {
    public static func text(_ plan: Plan, batch: Batch, language: Language = .en) -> String {
        let t = { (key: String) in Strings.text(key, language) }
        var out = ""
        out += "\(t("batch")) \(plan.batchName.isEmpty ? "-" : plan.batchName)\n"
        out +=
            Strings.format("summary_planned", language, plan.plannedCount, plan.eligibleCount, plan.assignments.count)
            + "\n"
        out +=
            Strings.format(
                "summary_status", language, t(plan.status.rawValue), plan.objective, plan.bound, plan.gap * 100,
                plan.elapsedSeconds) + "\n"
        if plan.status == .infeasible { out += t("summary_infeasible") + "\n" }
        let b = plan.breakdown
        out +=
            Strings.format(
                "summary_parts", language, b.coveredReasons, b.continuity, b.travelMinutes, b.loadExcess, b.bufferDays)
            + "\n"
        if b.busiestWeek > 0 { out += Strings.format("summary_weeks", language, b.busiestWeek, b.weekLimit) + "\n" }
        // The levels with something to gain (balance is a penalty whose bound is 0: no percentage).
        let gaps = plan.levels.filter { $0.name != "balance" && $0.bound > 0 }.map { level in
            let gap = max(0, level.bound - level.value) / max(1, abs(level.bound)) * 100
            return "\(t("level_" + level.name)) \(String(format: "%.1f", gap)) %"
        }
        if !gaps.isEmpty { out += t("summary_levels") + gaps.joined(separator: ", ") + "\n" }
        let load = Workload.perExpert(plan.assignments)
        let busiest = load.sorted { ($0.value.total, $1.key) > ($1.value.total, $0.key) }.prefix(5)
        if !busiest.isEmpty {
            let names = Dictionary(batch.experts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            out +=
                "\(t("busiest")): "
                + busiest.map {
                    "\($0.key) \(names[$0.key] ?? "") (\($0.value.initial) \(t("initial_short")), \($0.value.site) "
                        + "\(t("site_short")))"
                }.joined(separator: ", ") + "\n"
        }
        let eligibleLeft = plan.unscheduled.filter(\.eligible)
        if eligibleLeft.isEmpty {
            out += t("all_planned") + "\n"
        } else {
            out += "\(t("not_planned")) (\(eligibleLeft.count)):\n"
            for u in eligibleLeft {
                out +=
                    "  \(u.enterpriseID) \(u.task.map { t($0.rawValue) } ?? t("both")) [\(u.code)] "
                    + "\(Strings.cause(u.code.rawValue, language)): \(u.reason(in: language))\n"
            }
        }
        let ineligible = plan.unscheduled.filter { !$0.eligible }
        if !ineligible.isEmpty {
            var codes: [String: Int] = [:]
            for u in ineligible { codes[u.code.rawValue, default: 0] += 1 }
            out +=
                "\(t("not_eligible")): "
                + codes.sorted { $0.key < $1.key }.map {
                    "\(Strings.cause($0.key, language)) [\($0.key)] × \($0.value)"
                }.joined(separator: ", ") + "\n"
        }
        return out
    }
}

/// Tasks per expert.
public enum Workload {
    public struct Count: Sendable, Hashable {
        public var initial = 0
        public var site = 0
        public var total: Int { initial + site }
    }

    public static func perExpert(_ assignments: [Assignment]) -> [String: Count] {
        var load: [String: Count] = [:]
        for a in assignments {
            for e in a.experts {
                if a.task == .initial {
                    load[e, default: Count()].initial += 1
                } else {
                    load[e, default: Count()].site += 1
                }
            }
        }
        return load
    }
}
