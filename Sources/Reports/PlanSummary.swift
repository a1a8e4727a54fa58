import Foundation
import PanelModel
import Planner

/// The text summary printed after planning.
public enum PlanSummary {
    public static func text(_ plan: Plan, batch: Batch) -> String {
        var out = ""
        out += "batch \(plan.batchName.isEmpty ? "(unnamed)" : plan.batchName)\n"
        out += "planned \(plan.plannedCount)/\(plan.eligibleCount) eligible enterprises, \(plan.assignments.count) panels\n"
        out += String(format: "status %@  objective %.2f  bound %.2f  gap %.4f%%  time %.2f s\n",
                      plan.status.rawValue, plan.objective, plan.bound, plan.gap * 100, plan.elapsedSeconds)
        let b = plan.breakdown
        out += String(format: "covered listing reasons %d, continuity %d, travel %.0f min, load above even share %.0f, buffer %d working days\n",
                      b.coveredReasons, b.continuity, b.travelMinutes, b.loadExcess, b.bufferDays)
        var load: [String: (Int, Int)] = [:]
        for a in plan.assignments {
            for e in a.experts {
                var l = load[e, default: (0, 0)]
                if a.task == .initial { l.0 += 1 } else { l.1 += 1 }
                load[e] = l
            }
        }
        let busiest = load.sorted { ($0.value.0 + $0.value.1, $1.key) > ($1.value.0 + $1.value.1, $0.key) }.prefix(5)
        if !busiest.isEmpty {
            let names = Dictionary(batch.experts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            out += "busiest experts: " + busiest.map { "\($0.key) \(names[$0.key] ?? "") (\($0.value.0) initial, \($0.value.1) site)" }.joined(separator: ", ") + "\n"
        }
        let eligibleLeft = plan.unscheduled.filter(\.eligible)
        if eligibleLeft.isEmpty {
            out += "every eligible enterprise is planned\n"
        } else {
            out += "not planned (\(eligibleLeft.count)):\n"
            for u in eligibleLeft { out += "  \(u.enterpriseID) \(u.task?.rawValue ?? "both") [\(u.code)] \(u.reason)\n" }
        }
        let ineligible = plan.unscheduled.filter { !$0.eligible }
        if !ineligible.isEmpty {
            var codes: [String: Int] = [:]
            for u in ineligible { codes[u.code, default: 0] += 1 }
            out += "not eligible: " + codes.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}
