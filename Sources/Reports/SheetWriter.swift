import Foundation
import PanelModel
import Phrasebook
import PlanModel
import TextFormats
import Workbook

/// The plan as sheets for the bureau's Excel: one workbook (.xlsx, real dates, frozen headers)
/// or Excel-ready CSV files (UTF-8 with a BOM, so Excel shows Chinese), from the same tables.
public struct SheetWriter {
    public let plan: Plan
    public let batch: Batch
    public let language: Language

    /// One sheet: its CSV file stem, its title in the workbook, its header and rows.
    public struct Table {
        public var file: String
        public var title: String
        public var header: [String]
        public var rows: [[WorkbookCell]]
    }

    public init(plan: Plan, batch: Batch, language: Language) {
        self.plan = plan
        self.batch = batch
        self.language = language
    }

    func t(_ key: String) -> String { Strings.text(key, language) }

    /// The sheets: schedule, workload, unplanned, and one row per expert for the invitations.
    public func tables() -> [Table] {
        let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let experts = Dictionary(batch.experts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func districtName(_ code: String) -> String {
            batch.districts.lookup(code).map { Strings.district($0, language) } ?? code
        }
        func person(_ id: String) -> String { "\(experts[id]?.name ?? id)(\(id))" }
        func date(_ d: Day) -> WorkbookCell {
            let c = d.components
            return .date(year: c.year, month: c.month, day: c.day)
        }
        let schedule = plan.assignments.map { a -> [WorkbookCell] in
            let e = enterprises[a.enterpriseID]
            let panel = a.experts.map(person).joined(separator: "；")
            // 候补: for each member with reserves, "member→first、second", in the order to call them.
            let seats = plan.reserves[Plan.key(a)] ?? [:]
            let reserves = a.experts.compactMap { member in
                seats[member].map { "\(person(member))→\($0.map(person).joined(separator: "、"))" }
            }.joined(separator: "；")
            return [
                date(a.day), .text(t(a.slot.rawValue)), .text(t(a.task.rawValue)), .text(a.enterpriseID),
                .text(e?.name ?? ""), .text(e.map { districtName($0.district) } ?? ""), .text(panel),
                .text(a.leader.map(person) ?? ""), e.map { date($0.effectiveDeadline) } ?? .text(""), .text(reserves),
            ]
        }
        let load = Workload.perExpert(plan.assignments)
        let workload = batch.experts.map { x -> [WorkbookCell] in
            let l = load[x.id] ?? Workload.Count()
            return [
                .text(x.id), .text(x.name), .text(batch.organizations[x.organization]?.name ?? x.organization),
                .number(Double(l.initial)), .number(Double(l.site)), .number(Double(l.total)),
            ]
        }
        let unplanned = plan.unscheduled.map { u -> [WorkbookCell] in
            [
                .text(u.enterpriseID), .text(enterprises[u.enterpriseID]?.name ?? ""),
                .text(u.task.map { t($0.rawValue) } ?? t("both")), .text(u.code.rawValue),
                .text(Strings.cause(u.code.rawValue, language)), .text(u.reason(in: language)),
            ]
        }
        // What each expert is invited to, one row an expert with a task: for mail merge and calls.
        let byExpert = Dictionary(grouping: plan.assignments.flatMap { a in a.experts.map { ($0, a) } }, by: \.0)
        let notices = batch.experts.filter { byExpert[$0.id] != nil }.map { x -> [WorkbookCell] in
            let tasks = (byExpert[x.id] ?? []).map(\.1).sorted {
                ($0.day, $0.slot.rawValue) < ($1.day, $1.slot.rawValue)
            }
            let lines = tasks.map { a in
                let e = enterprises[a.enterpriseID]
                return "\(a.day.iso) \(t(a.slot.rawValue)) \(t(a.task.rawValue)) \(e?.name ?? a.enterpriseID)"
                    + "（\(e.map { districtName($0.district) } ?? "")）" + (a.leader == x.id ? " \(t("leader"))" : "")
            }
            return [
                .text(x.id), .text(x.name), .text(batch.organizations[x.organization]?.name ?? x.organization),
                .number(Double(tasks.count)), .text(lines.joined(separator: "\n")),
            ]
        }
        return [
            Table(
                file: "schedule", title: t("sheet.schedule"),
                header: [
                    t("date"), t("slot"), t("task"), t("enterprise_id"), t("enterprise"), t("district"), t("experts"),
                    t("leader"), t("deadline"), t("reserves"),
                ], rows: schedule),
            Table(
                file: "workload", title: t("sheet.workload"),
                header: [
                    t("expert_id"), t("name"), t("organization"), t("initial_count"), t("site_count"), t("total"),
                ],
                rows: workload),
            Table(
                file: "unplanned", title: t("sheet.unplanned"),
                header: [t("enterprise_id"), t("enterprise"), t("task"), t("code"), t("cause"), t("reason")],
                rows: unplanned),
            Table(
                file: "notifications", title: t("sheet.notifications"),
                header: [t("expert_id"), t("name"), t("organization"), t("total"), t("tasks")], rows: notices),
        ]
    }

    /// schedule.csv, workload.csv, unplanned.csv, notifications.csv: UTF-8 with a BOM, CRLF, cells
    /// that a spreadsheet would read as a formula neutralised.
    public func files() -> [(name: String, content: String)] {
        tables().map { table in
            let rows = [table.header] + table.rows.map { $0.map(SheetWriter.csvText) }
            return (
                "\(table.file).csv",
                "\u{FEFF}" + rows.map { $0.map(CSVText.sheetField).joined(separator: ",") }.joined(separator: "\r\n")
                    + "\r\n"
            )
        }
    }

    /// The workbook: one sheet a table, titles in the language, real dates, frozen header rows,
    /// fitted column widths, never a formula.
    public func writeWorkbook(to path: String) throws {
        try Workbook.write(tables().map { WorkbookSheet(name: $0.title, header: $0.header, rows: $0.rows) }, to: path)
    }

    static func csvText(_ cell: WorkbookCell) -> String {
        switch cell {
        case .text(let s): return s
        case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .date(let y, let m, let d): return String(format: "%04d-%02d-%02d", y, m, d)
        }
    }
}
