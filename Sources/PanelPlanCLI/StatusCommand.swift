import ArgumentParser
import Foundation
import PanelModel
import Phrasebook
import Reports
import TextFormats
import Workflow

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: Help.text("help.workflow-status-of-every-enterprise"))

    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String
    @Option(name: .customLong("as-of"), help: Help.argument("help.the-date-to-judge-overdue"))
    var asOf: String?
    @Option(help: Help.argument("help.table-csv-or-json")) var format: OutputFormat = .table
    @Option(help: Help.argument("help.language-of-the-table-headers"))
    var lang: String?

    func run() throws {
        let b = try loadBatchOrExit(batch, lang: lang)
        let date = try parseAsOf(asOf) ?? b.rules.today
        let statuses = b.enterprises.map { WorkflowRules.status($0, rules: b.rules, calendar: b.calendar, asOf: date) }
        let header = [
            "id", "name", "stage", "next", "next_due", "overdue", "veto", "extension", "eligible", "earliest_initial",
            "latest_site",
        ]
        let rows: [[String]] = statuses.map { s in
            let overdue = s.overdue.map { f in
                f.doneLate.map { "\(f.step) late (\($0.iso) > \(f.due.iso))" } ?? "\(f.step) overdue (due \(f.due.iso))"
            }
            let passed = s.window.map { date > $0.latestSite } ?? false
            return [
                s.enterprise.id, s.enterprise.name, s.stage.rawValue, s.next?.step ?? "", s.next?.due?.iso ?? "",
                overdue.joined(separator: "; "), s.enterprise.penalized.map { "vetoed \($0.iso)" } ?? "",
                s.extensionState == .none ? "" : s.extensionState.rawValue,
                s.ineligibility?.code ?? (passed ? "deadline-passed" : "yes"),
                s.window?.earliestInitial?.iso ?? s.window?.earliestSite?.iso ?? "", s.window?.latestSite.iso ?? "",
            ]
        }
        switch format {
        case .table:
            let language = Language.resolve(lang, batch: b.rules.language, batchName: b.rules.name)
            print("\(Strings.text("status_as_of", language)) \(date.iso)")
            let names = ["id": "enterprise_id", "name": "enterprise", "eligible": "eligible"]
            let shown = header.map { Strings.text(names[$0] ?? $0, language) }
            // Workflow words in the table's language (codes stay in csv and json).
            let translated =
                language == .en
                ? rows
                : rows.map { r in
                    r.enumerated().map { k, v in [2, 3, 7, 8].contains(k) && !v.isEmpty ? Strings.text(v, language) : v
                    }
                }
            print(TextTable.render(header: shown, rows: translated), terminator: "")
        case .csv:
            print(header.joined(separator: ","))
            for r in rows { print(r.map(CSVText.field).joined(separator: ",")) }
        case .json:
            let objects = rows.map { r in
                "  {"
                    + zip(header, r).map { "\(JSONText.quote($0)): \(JSONText.quote($1))" }.joined(separator: ", ")
                    + "}"
            }
            print("[\n" + objects.joined(separator: ",\n") + "\n]")
        }
    }
}
