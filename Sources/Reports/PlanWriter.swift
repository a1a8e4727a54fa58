import Foundation
import PanelModel
import PlanModel
import TextFormats

/// Writes plans as FORMAT v1 `plan.json` and `plan.csv`, byte-for-byte deterministic.
public enum PlanWriter {
    /// plan.json: the fields of FORMAT.md in its order, plus (compatible additions, documented
    /// in docs/user-guide.md) `planned`, `eligible` and each unscheduled entry's `eligible`.
    public static func json(_ plan: Plan) -> String {
        let q = JSONText.quote
        var out = "{\n"
        out += "  \"format\": 1,\n"
        out += "  \"batch\": \(q(plan.batchName)),\n"
        out += "  \"status\": \(q(plan.status.rawValue)),\n"
        out += "  \"objective\": \(number(plan.objective)),\n"
        out += "  \"bound\": \(number(plan.bound)),\n"
        out += "  \"gap\": \(number(plan.gap)),\n"
        out += "  \"planned\": \(plan.plannedCount),\n"
        out += "  \"eligible\": \(plan.eligibleCount),\n"
        if let asOf = plan.asOf { out += "  \"as_of\": \(q(asOf.iso)),\n" }
        if !plan.levels.isEmpty {
            let levels = plan.levels.map {
                "{\"name\": \(q($0.name)), \"value\": \(number($0.value)), \"bound\": \(number($0.bound))}"
            }
            out += "  \"levels\": [\n    " + levels.joined(separator: ",\n    ") + "\n  ],\n"
        }
        out += "  \"assignments\": ["
        out += plan.assignments.map { a in
            "\n    {\"enterprise\": \(q(a.enterpriseID)), \"task\": \(q(a.task.rawValue)), \"date\": "
                + "\(q(a.day.iso)), \"slot\": \(q(a.slot.rawValue)),\n"
                + "     \"experts\": [\(a.experts.map(q).joined(separator: ", "))], \"leader\": "
                + "\(a.leader.map(q) ?? "null")\(plan.isFact(a) ? ", \"fact\": true" : "")"
                + reservesMember(plan.reserves[Plan.key(a)], experts: a.experts) + "}"
        }.joined(separator: ",")
        out += plan.assignments.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"unscheduled\": ["
        out += plan.unscheduled.map { u in
            "\n    {\"enterprise\": \(q(u.enterpriseID)), \"task\": "
                + "\(u.task.map { q($0.rawValue) } ?? "null"), \"code\": \(q(u.code.rawValue)), \"eligible\": "
                + "\(u.eligible),\n"
                + "     \"reason\": \(q(u.reason))\(u.reasonZh.map { ", \"reason_zh\": \(q($0))" } ?? "")}"
        }.joined(separator: ",")
        out += plan.unscheduled.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }

    /// plan.csv: `enterprise_id,task,date,slot,experts,leader`, one row a task.
    public static func csv(_ assignments: [Assignment]) -> String {
        var out = "enterprise_id,task,date,slot,experts,leader\n"
        for a in assignments {
            out +=
                [
                    a.enterpriseID, a.task.rawValue, a.day.iso, a.slot.rawValue, a.experts.joined(separator: ";"),
                    a.leader ?? "",
                ]
                .map(CSVText.field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes plan.json and plan.csv into `directory` atomically: both go to temporary files
    /// first and are renamed into place only when both are complete, so a crash never leaves a
    /// half-written plan and the previous plan stays until the new one is whole.
    public static func write(_ plan: Plan, to directory: String, extra: [(name: String, content: String)] = []) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeAtomically(
            [("plan.json", json(plan)), ("plan.csv", csv(plan.assignments))] + extra, in: directory)
    }

    /// Writes several files so that each appears whole or not at all.
    /// Temporary files that a killed run left behind (`.NAME.tmp-PID` of a process that is gone)
    /// are removed first.
    public static func writeAtomically(_ files: [(name: String, content: String)], in directory: String) throws {
        let dir = URL(fileURLWithPath: directory)
        removeStaleTemporaries(for: files.map(\.name), in: dir)
        var temps: [(URL, URL)] = []
        defer { for (tmp, _) in temps { try? FileManager.default.removeItem(at: tmp) } }
        for (name, content) in files {
            let final = dir.appendingPathComponent(name)
            let tmp = final.deletingLastPathComponent().appendingPathComponent(
                ".\(final.lastPathComponent).tmp-\(getpid())")
            try Data(content.utf8).write(to: tmp)
            temps.append((tmp, final))
        }
        for (tmp, final) in temps {
            if rename(tmp.path, final.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
            }
        }
        temps.removeAll()
    }

    /// Removes `.NAME.tmp-PID` files of these names whose process no longer runs.
    static func removeStaleTemporaries(for names: [String], in dir: URL) {
        let fm = FileManager.default
        for folder in Set(names.map { dir.appendingPathComponent($0).deletingLastPathComponent() }) {
            for entry in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard entry.hasPrefix("."), let mark = entry.range(of: ".tmp-", options: .backwards),
                    let pid = Int32(entry[mark.upperBound...])
                else { continue }
                if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                    try? fm.removeItem(at: folder.appendingPathComponent(entry))
                }
            }
        }
    }

    /// `, "reserves": {member: [ids]}` in the panel's member order, or nothing.
    static func reservesMember(_ seats: [String: [String]]?, experts: [String]) -> String {
        guard let seats, !seats.isEmpty else { return "" }
        let q = JSONText.quote
        let items = experts.compactMap { member in
            seats[member].map { "\(q(member)): [\($0.map(q).joined(separator: ", "))]" }
        }
        return ",\n     \"reserves\": {" + items.joined(separator: ", ") + "}"
    }

    static func number(_ x: Double, decimals: Int = 6) -> String {
        guard x.isFinite else { return "null" }
        var s = String(format: "%.\(decimals)f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s += "0" }
        if s == "-0.0" { s = "0.0" }
        return s
    }
}
