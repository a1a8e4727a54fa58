import ArgumentParser
import Foundation
import Logging
import NightlyJob
import PanelModel
import Phrasebook
import PlanModel
import PlanStore
import Planner
import Reports

/// `--db`: the plan store; by default panelplan.sqlite in the batch folder.
struct StoreOption: ParsableArguments {
    @Option(help: "The plan store (default: BATCH/panelplan.sqlite).") var db: String?

    func path(batch: String) -> String {
        db ?? URL(fileURLWithPath: batch).appendingPathComponent("panelplan.sqlite").path
    }

    func open(batch: String, mustExist: Bool = false) throws -> PlanStore {
        if mustExist && !FileManager.default.fileExists(atPath: path(batch: batch)) {
            var err = StandardError()
            print("error: no plan store at \(path(batch: batch)) (run `panelplan plan` first, or give --db)", to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
        do {
            return try PlanStore(path: path(batch: batch))
        } catch let error as PlanStoreError {
            StandardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.cannotWrite)
        } catch {
            StandardError.write(
                "error: cannot open the plan store \(path(batch: batch)) (\(error.localizedDescription)): check that "
                    + "the folder is writable and the disk not full\n")
            throw ExitCode(ExitStatus.cannotWrite)
        }
    }
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Mark a plan version as announced (published).")
    @Argument(help: "The batch folder.") var batch: String
    @Option(help: "The version (default: the latest).") var version: Int64?
    @OptionGroup var store: StoreOption

    func run() throws {
        let s = try store.open(batch: batch)
        do {
            let id = try s.publish(version: version)
            print("published version \(id)")
        } catch let e as PlanStoreError {
            var err = StandardError()
            print("error: \(e)", to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the plan versions of the store.")
    @Argument(help: "The batch folder.") var batch: String = "."
    @OptionGroup var store: StoreOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let s = try store.open(batch: batch, mustExist: true)
        let versions = try s.versions()
        let reference = try s.latestPublished()?.id ?? versions.last?.id
        let batchRules = try versions.last.flatMap {
            ChangeDetector.batch(from: try s.snapshotFiles($0.snapshotID))?.rules
        }
        let lang = language.resolve(batch: batchRules?.language, name: batchRules?.name)
        let t = { (key: String) in Strings.text(key, lang) }
        let rows = versions.map { v in
            [
                "\(v.id)", v.createdAt, v.createdBy, t(v.status), "\(v.planned)/\(v.eligible)",
                String(format: "%.1f", v.objective), String(format: "%.4f%%", v.gap * 100),
                v.published ? Strings.format("history_published_at", lang, v.publishedAt ?? "") : "",
                v.id == reference ? t("history_reference") : "",
            ]
        }
        let header = [
            t("history_version"), t("history_created"), t("history_by"), t("status"), t("planned"), t("objective"),
            t("gap"), t("history_published"), "",
        ]
        print(TextTable.render(header: header, rows: rows), terminator: "")
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Compare two plan versions task by task, with the causes of each change.")
    @Argument(help: "The older version.") var from: Int64
    @Argument(help: "The newer version.") var to: Int64
    @Option(help: "The batch folder holding the store.") var batch: String = "."
    @OptionGroup var store: StoreOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let s = try store.open(batch: batch, mustExist: true)
        do {
            let a = try s.version(from)
            let b = try s.version(to)
            let files = try s.snapshotFiles(b.snapshotID)
            let rules = ChangeDetector.batch(from: files)?.rules
            let lang = language.resolve(batch: rules?.language, name: rules?.name)
            // The declines the newer version obeyed and the older did not.
            let obeyed = ChangeCauses.declineKeys(ofParameters: b.parameters).subtracting(
                ChangeCauses.declineKeys(ofParameters: a.parameters))
            let causes = try ChangeCauses.between(
                s, from: a.snapshotID, to: b.snapshotID, newFiles: files,
                declines: try s.declines().filter { obeyed.contains($0.key) }, language: lang)
            let changes = PlanDiff.changes(from: try s.assignments(from), to: try s.assignments(to), causes: causes)
            print(Strings.format(changes.count == 1 ? "diff_header_one" : "diff_header", lang, from, to, changes.count))
            for c in changes { print("  " + c.line(in: lang)) }
        } catch let e as PlanStoreError {
            var err = StandardError()
            print("error: \(e)", to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Nightly regeneration: re-import the folder and re-plan around the published plan.",
        discussion: """
            Exit codes: 0 nothing new to announce, 3 a new plan version with changes (or one an earlier
            run could not announce), 64 --as-of earlier than the last run's, 65 bad input, 70 solver
            failure, 73 cannot write (files, lock, store), 75 locked.
            Assignments on or before --as-of are history (facts, kept as they were); those within
            --freeze-days working days are kept unless a change makes them impossible (then only the
            experts who cannot serve are swapped); later ones move only where the plan gains. A run at
            02:15 on day D passes --as-of D − 1.
            """)

    @Argument(help: "The batch folder.") var batch: String
    @Option(name: .customLong("freeze-days"), help: "Working days after --as-of that stay as announced.")
    var freezeDays: Int = 5
    @Option(name: .customLong("as-of"), help: "The last day of history (default: batch.toml today).")
    var asOf: String?
    @Option(help: "Who runs it, recorded with the version.") var by: String = "replan"
    @Option(help: "Where to write plan.json, plan.csv, changes.txt and notifications (default: the batch folder).")
    var out: String?
    @Option(name: .customLong("time-limit"), help: "Seconds for the solver.") var timeLimit: Double?
    @Option(help: "Seconds to wait for a concurrent run before giving up with exit 75.") var wait: Double = 10
    @Flag(help: "Accept an --as-of earlier than the last run's.") var force = false
    @OptionGroup var store: StoreOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let log = nightlyLogger("panelplan.replan")
        guard freezeDays >= 0 else { throw ValidationError("--freeze-days must be ≥ 0") }
        let b = try loadBatchOrExit(batch, lang: language.lang?.rawValue)
        let asOfDay = try parseAsOf(asOf) ?? b.rules.today
        var options = NightlyJob.Options(
            batchFolder: batch, storePath: store.path(batch: batch), outFolder: out ?? batch, asOf: asOfDay)
        options.freezeDays = freezeDays
        options.timeLimitSeconds = timeLimit
        options.createdBy = by
        options.waitSeconds = wait
        options.force = force
        options.language = language.lang
        let outcome: NightlyJob.Outcome
        do {
            outcome = try NightlyJob(options: options, log: log).run(batch: b)
        } catch {
            log.error("\(error)")
            throw ExitCode(Self.exitStatus(error))
        }
        if case .newPlan(let version, let diff) = outcome { print("version \(version) " + diff, terminator: "") }
        if outcome.announces { throw ExitCode(ExitStatus.newPlan) }
    }

    /// The exit code of each way a nightly run can fail.
    static func exitStatus(_ failure: NightlyJob.Failure) -> Int32 {
        switch failure {
        case .locked: return ExitStatus.locked
        case .cannotWrite: return ExitStatus.cannotWrite
        case .asOfBackwards: return ExitCode.validationFailure.rawValue
        case .solver: return ExitStatus.failure
        }
    }
}

struct DeclineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: "Record that an invited expert declined a task, swap in a replacement and notify.",
        discussion: """
            The decline is kept in the plan store: no later replan puts that expert back on that task.
            The panel is repaired by replanning as of --as-of (default: the last replan's, else batch.toml
            today), which swaps the expert out of the frozen panel; exit codes as for replan (3: the swap
            is announced).
            """)

    @Argument(help: "The batch folder.") var batch: String
    @Argument(help: "The enterprise id.") var enterprise: String
    @Argument(help: "The task: initial or site.") var task: String
    @Argument(help: "The expert who declined.") var expert: String
    @Option(help: "Why, as the expert said (recorded and shown as the cause).") var reason: String = ""
    @Option(name: .customLong("as-of"), help: "The last day of history (default: batch.toml today).")
    var asOf: String?
    @Option(help: "Where to write plan.json, changes.txt and notifications (default: the batch folder).")
    var out: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let log = nightlyLogger("panelplan.decline")
        guard let kind = TaskKind(rawValue: task.lowercased()) else {
            throw ValidationError("task '\(task)' is not initial or site")
        }
        let b = try loadBatchOrExit(batch, lang: language.lang?.rawValue)
        let s = try store.open(batch: batch, mustExist: true)
        // By default, as of the last night's run (or batch.toml today before the first).
        let asOfDay = try parseAsOf(asOf) ?? s.lastAsOf().flatMap(Day.init(iso:)) ?? b.rules.today
        guard let reference = try s.latestPublished() ?? s.latest() else {
            throw ValidationError("the store holds no plan yet: run `panelplan plan` first")
        }
        guard
            let seat = try s.assignments(reference.id).first(where: {
                $0.enterpriseID == enterprise && $0.task == kind && $0.experts.contains(expert)
            })
        else {
            throw ValidationError(
                "\(expert) is not on the \(kind.rawValue) panel of \(enterprise) in version \(reference.id)")
        }
        guard seat.day > asOfDay else {
            throw ValidationError(
                "the \(kind.rawValue) of \(enterprise) was on \(seat.day.iso), on or before --as-of \(asOfDay.iso): "
                    + "it took place and cannot be declined")
        }
        try s.recordDecline(Decline(enterpriseID: enterprise, task: kind, expertID: expert, reason: reason))
        log.info("recorded: \(expert) declined \(enterprise) \(kind.rawValue) of \(seat.day.iso)")
        var options = NightlyJob.Options(
            batchFolder: batch, storePath: store.path(batch: batch), outFolder: out ?? batch, asOf: asOfDay)
        options.createdBy = "decline"
        options.language = language.lang
        let outcome: NightlyJob.Outcome
        do {
            outcome = try NightlyJob(options: options, log: log).run(batch: b)
        } catch {
            log.error("\(error); the decline is recorded and the next replan applies it")
            throw ExitCode(ReplanCommand.exitStatus(error))
        }
        if case .newPlan(let version, let diff) = outcome { print("version \(version) " + diff, terminator: "") }
        if outcome.announces { throw ExitCode(ExitStatus.newPlan) }
    }
}

/// Logs of the nightly job: one line each on stderr, at info level, fit for cron mail.
func nightlyLogger(_ label: String) -> Logger {
    LoggingSystem.bootstrap { label in
        var h = StreamLogHandler.standardError(label: label)
        h.logLevel = .info
        return h
    }
    return Logger(label: label)
}

/// An `--as-of` option's date, nil when it is not given; a usage error when it is not a date.
func parseAsOf(_ text: String?) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(iso: text) else {
        throw ValidationError("--as-of '\(text)' is not a date (expected YYYY-MM-DD)")
    }
    return day
}
