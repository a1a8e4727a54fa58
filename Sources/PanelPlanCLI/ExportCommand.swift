import ArgumentParser
import Foundation
import PanelModel
import Phrasebook
import PlanModel
import PlanStore
import Planner
import Reports

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    /// plan.json and plan.csv.
    case json
    /// One .ics per expert and one for the batch.
    case ics
    /// Excel-ready CSV sheets (UTF-8 with BOM).
    case xlsxCSV = "xlsx-csv"
    /// One Excel workbook (plan.xlsx): schedule, workload, unplanned, notifications.
    case xlsx
    /// A self-contained HTML report.
    case html
    /// Printable notices (告知书) for enterprises and invitation letters (邀请函) for experts.
    case notices
    /// Everything above.
    case all
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Help.text("help.write-a-stored-plan-version"))

    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String = "."
    @Option(help: Help.argument("help.the-version-to-export-default")) var version: Int64?
    @Option(help: Help.argument("help.a-plan-json-to-export")) var plan: String?
    @Option(help: Help.argument("help.json-plan-json-plan-csv"))
    var format: ExportFormat = .all
    @Option(help: Help.argument("help.the-folder-to-write")) var out: String
    @Option(help: Help.argument("help.language-zh-or-en-default-2")) var lang: String = "zh"
    @Option(help: Help.argument("help.morning-slot-hours-for-calendars")) var am: String = "09:00-12:00"
    @Option(help: Help.argument("help.afternoon-slot-hours-for-calendars")) var pm: String = "14:00-17:30"
    @OptionGroup var store: StoreOption

    func run() throws {
        // The options first: a usage error before any file is read.
        guard let language = Language(rawValue: lang.lowercased()) else {
            throw Help.usage("usage.lang")
        }
        guard let amHours = CalendarWriter.SlotHours.range(am), let pmHours = CalendarWriter.SlotHours.range(pm) else {
            throw Help.usage("usage.slot-hours")
        }
        var err = StandardError()
        var chosen: Plan
        var previous: [Assignment] = []
        if let plan {
            guard let data = FileManager.default.contents(atPath: plan), let p = try? PlanReader.read(data) else {
                print(Strings.fill("cli.not-a-plan", language, ["file": plan]), to: &err)
                throw ExitCode(ExitStatus.badInput)
            }
            chosen = p
        } else {
            let s = try store.open(batch: batch, mustExist: true)
            do {
                guard let id = try version ?? s.latest()?.id else { throw PlanStoreError.noVersions }
                chosen = try s.plan(id)
                // What people's calendars hold: the version before, whose dropped tasks are cancelled.
                previous = id > 1 ? (try? s.assignments(id - 1)) ?? [] : []
            } catch let e as PlanStoreError {
                print(Strings.fill("cli.error", language, ["text": e.text(language)]), to: &err)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let b = try loadBatchOrExit(batch, lang: lang)
        if plan != nil { chosen = PlanReader.completed(chosen, with: b) }
        var files: [(name: String, content: String)] = []
        if format == .json || format == .all {
            files += [("plan.json", PlanWriter.json(chosen)), ("plan.csv", PlanWriter.csv(chosen.assignments))]
        }
        if format == .ics || format == .all {
            var writer = CalendarWriter(plan: chosen, batch: b, language: language)
            writer.previous = previous
            writer.hours.amStart = amHours.0
            writer.hours.amEnd = amHours.1
            writer.hours.pmStart = pmHours.0
            writer.hours.pmEnd = pmHours.1
            files += writer.files().map { ("calendars/\($0.name)", $0.content) }
        }
        if format == .xlsxCSV || format == .all {
            files += SheetWriter(plan: chosen, batch: b, language: language).files()
        }
        if format == .html || format == .all {
            files.append(("report.html", HTMLReport(plan: chosen, batch: b, language: language).render()))
        }
        if format == .notices || format == .all {
            files += NoticeWriter(plan: chosen, batch: b, language: language).files()
        }
        do {
            try FileManager.default.createDirectory(atPath: out + "/calendars", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: out + "/notices", withIntermediateDirectories: true)
            // Nor a stale notice or invitation for someone the plan no longer holds.
            if format == .notices || format == .all {
                let notices = out + "/notices"
                for old in (try? FileManager.default.contentsOfDirectory(atPath: notices)) ?? []
                where (old.hasPrefix("expert-") || old.hasPrefix("enterprise-")) && old.hasSuffix(".html")
                    && !Set(files.map(\.name)).contains("notices/\(old)")
                {
                    try? FileManager.default.removeItem(atPath: notices + "/" + old)
                }
            }
            // An expert released from every task keeps no stale calendar from an earlier export.
            let fresh = Set(files.map(\.name))
            let dir = out + "/calendars"
            for old in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            where old.hasPrefix("expert-") && old.hasSuffix(".ics") {
                if !fresh.contains("calendars/\(old)") && (format == .ics || format == .all) {
                    try? FileManager.default.removeItem(atPath: dir + "/" + old)
                }
            }
            try PlanWriter.writeAtomically(files, in: out)
            if format == .xlsx || format == .all {
                try SheetWriter(plan: chosen, batch: b, language: language).writeWorkbook(to: out + "/plan.xlsx")
                files.append(("plan.xlsx", ""))
            }
        } catch {
            print(Strings.fill("cli.cannot-write", language, ["path": out, "text": "\(error)"]), to: &err)
            throw ExitCode(ExitStatus.cannotWrite)
        }
        let key = files.count == 1 ? "cli.wrote-files.one" : "cli.wrote-files"
        print(Strings.fill(key, language, ["count": "\(files.count)", "folder": out]))
    }
}
