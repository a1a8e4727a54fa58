import Foundation
import PanelModel
import PlanModel
import TextFormats

/// Excel-ready CSV sheets: UTF-8 with a BOM (so Excel shows Chinese), one file per sheet.
public struct SheetWriter {
    public let plan: Plan
    public let batch: Batch
    public let language: Language

    public init(plan: Plan, batch: Batch, language: Language) {
        self.plan = plan
        self.batch = batch
        self.language = language
    }

    func t(_ key: String) -> String { Strings.text(key, language) }

    func sheet(_ header: [String], _ rows: [[String]]) -> String {
        "\u{FEFF}"
            + ([header] + rows).map { $0.map(CSVText.sheetField).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    /// schedule.csv, workload.csv, unplanned.csv.
    public func files() -> [(name: String, content: String)] {
        let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let experts = Dictionary(batch.experts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func districtName(_ code: String) -> String {
            batch.districts.lookup(code).map { Strings.district($0, language) } ?? code
        }
        func person(_ id: String) -> String { "\(experts[id]?.name ?? id)(\(id))" }
        let schedule = plan.assignments.map { a -> [String] in
            let e = enterprises[a.enterpriseID]
            let panel = a.experts.map(person).joined(separator: "；")
            // 候补: for each member with reserves, "member→first、second", in the order to call them.
            let seats = plan.reserves[Plan.key(a)] ?? [:]
            let reserves = a.experts.compactMap { member in
                seats[member].map { "\(person(member))→\($0.map(person).joined(separator: "、"))" }
            }.joined(separator: "；")
            return [
                a.day.iso, t(a.slot.rawValue), t(a.task.rawValue), a.enterpriseID, e?.name ?? "",
                e.map { districtName($0.district) } ?? "",
                panel, a.leader.map(person) ?? "", e?.effectiveDeadline.iso ?? "", reserves,
            ]
        }
        let load = Workload.perExpert(plan.assignments)
        let workload = batch.experts.map { x -> [String] in
            let l = load[x.id] ?? Workload.Count()
            return [
                x.id, x.name, batch.organizations[x.organization]?.name ?? x.organization, "\(l.initial)", "\(l.site)",
                "\(l.total)",
            ]
        }
        let unplanned = plan.unscheduled.map { u in
            [
                u.enterpriseID, enterprises[u.enterpriseID]?.name ?? "", u.task.map { t($0.rawValue) } ?? t("both"),
                u.code.rawValue, u.reason,
            ]
        }
        return [
            (
                "schedule.csv",
                sheet(
                    [
                        t("date"), t("slot"), t("task"), t("enterprise_id"), t("enterprise"), t("district"),
                        t("experts"), t("leader"), t("deadline"), t("reserves"),
                    ], schedule)
            ),
            (
                "workload.csv",
                sheet(
                    [t("expert_id"), t("name"), t("organization"), t("initial_count"), t("site_count"), t("total")],
                    workload)
            ),
            (
                "unplanned.csv",
                sheet([t("enterprise_id"), t("enterprise"), t("task"), t("code"), t("reason")], unplanned)
            ),
        ]
    }
}
