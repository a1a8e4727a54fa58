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
    @Option(help: Help.argument("help.the-plan-store-default-batch")) var db: String?

    func path(batch: String) -> String {
        db ?? URL(fileURLWithPath: batch).appendingPathComponent("panelplan.sqlite").path
    }

    func open(batch: String, mustExist: Bool = false) throws -> PlanStore {
        if mustExist && !FileManager.default.fileExists(atPath: path(batch: batch)) {
            var err = StandardError()
            print(Strings.fill("cli.no-store", Help.language, ["store": path(batch: batch)]), to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
        do {
            return try PlanStore(path: path(batch: batch))
        } catch let error as PlanStoreError {
            StandardError.write(Strings.fill("cli.error", Help.language, ["text": error.text(Help.language)]) + "\n")
            throw ExitCode(ExitStatus.cannotWrite)
        } catch {
            let values = ["store": path(batch: batch), "text": error.localizedDescription]
            StandardError.write(Strings.fill("cli.cannot-open-store", Help.language, values) + "\n")
            throw ExitCode(ExitStatus.cannotWrite)
        }
    }
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: Help.text("help.mark-a-plan-version-as"))
    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String
    @Option(help: Help.argument("help.the-version-default-the-latest")) var version: Int64?
    @OptionGroup var store: StoreOption
    /// What the command says (read by ``Help/language`` before parsing).
    @OptionGroup var language: LanguageOption

    func run() throws {
        let s = try store.open(batch: batch)
        do {
            let id = try s.publish(version: version)
            print(Strings.fill("cli.published", Help.language, ["version": "\(id)"]))
        } catch let e as PlanStoreError {
            var err = StandardError()
            print(Strings.fill("cli.error", Help.language, ["text": e.text(Help.language)]), to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: Help.text("help.list-the-plan-versions-of"))
    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String = "."
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
        commandName: "diff", abstract: Help.text("help.compare-two-plan-versions-task"))
    @Argument(help: Help.argument("help.the-older-version")) var from: Int64
    @Argument(help: Help.argument("help.the-newer-version")) var to: Int64
    @Option(help: Help.argument("help.the-batch-folder-holding-the")) var batch: String = "."
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
            print(Strings.fill("cli.error", Help.language, ["text": e.text(Help.language)]), to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: Help.text("help.nightly-regeneration-re-import-the"),
        discussion: Help.text("help.exit-codes-0-nothing-new"))

    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String
    @Option(name: .customLong("freeze-days"), help: Help.argument("help.working-days-after-as-of"))
    var freezeDays: Int = 5
    @Option(name: .customLong("as-of"), help: Help.argument("help.the-last-day-of-history"))
    var asOf: String?
    @Option(help: Help.argument("help.who-runs-it-recorded-with")) var by: String = "replan"
    @Option(help: Help.argument("help.where-to-write-plan-json-2"))
    var out: String?
    @Option(name: .customLong("time-limit"), help: Help.argument("help.seconds-for-the-solver")) var timeLimit: Double?
    @Option(help: Help.argument("help.seconds-to-wait-for-a")) var wait: Double = 10
    @Flag(help: Help.argument("help.accept-an-as-of-earlier")) var force = false
    @OptionGroup var store: StoreOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let log = nightlyLogger("panelplan.replan")
        guard freezeDays >= 0 else { throw Help.usage("usage.freeze-days") }
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
        let job = NightlyJob(options: options, log: log)
        let outcome: NightlyJob.Outcome
        do {
            outcome = try job.run(batch: b)
        } catch {
            log.error("\(error.text(job.language(of: b)))")
            throw ExitCode(Self.exitStatus(error))
        }
        try Self.report(outcome, in: job.language(of: b))
    }

    /// Prints a new version's changes on standard output; throws exit 3 when the run announces.
    static func report(_ outcome: NightlyJob.Outcome, in language: Language) throws {
        if case .newPlan(let version, let diff) = outcome {
            print(Strings.fill("nightly.new-version", language, ["version": "\(version)"]) + diff, terminator: "")
        }
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
        abstract: Help.text("help.record-that-an-invited-expert"),
        discussion: Help.text("help.the-decline-is-kept-in"))

    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String
    @Argument(help: Help.argument("help.the-enterprise-id")) var enterprise: String
    @Argument(help: Help.argument("help.the-task-initial-or-site")) var task: String
    @Argument(help: Help.argument("help.the-expert-who-declined")) var expert: String
    @Option(help: Help.argument("help.why-as-the-expert-said")) var reason: String = ""
    @Option(name: .customLong("as-of"), help: Help.argument("help.the-last-day-of-history"))
    var asOf: String?
    @Option(help: Help.argument("help.where-to-write-plan-json-3"))
    var out: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let log = nightlyLogger("panelplan.decline")
        guard let kind = TaskKind(rawValue: task.lowercased()) else {
            throw Help.usage("usage.task", ["task": task])
        }
        let b = try loadBatchOrExit(batch, lang: language.lang?.rawValue)
        let s = try store.open(batch: batch, mustExist: true)
        // By default, as of the last night's run (or batch.toml today before the first).
        let asOfDay = try parseAsOf(asOf) ?? s.lastAsOf().flatMap(Day.init(iso:)) ?? b.rules.today
        guard let reference = try s.latestPublished() ?? s.latest() else {
            throw Help.usage("usage.no-plan-yet")
        }
        guard
            let seat = try s.assignments(reference.id).first(where: {
                $0.enterpriseID == enterprise && $0.task == kind && $0.experts.contains(expert)
            })
        else {
            throw Help.usage(
                "usage.not-on-panel",
                [
                    "expert": expert, "task": Strings.task(kind, Help.language), "enterprise": enterprise,
                    "version": "\(reference.id)",
                ])
        }
        guard seat.day > asOfDay else {
            throw Help.usage(
                "usage.took-place",
                [
                    "task": Strings.task(kind, Help.language), "enterprise": enterprise, "day": seat.day.iso,
                    "asof": asOfDay.iso,
                ])
        }
        try s.recordDecline(Decline(enterpriseID: enterprise, task: kind, expertID: expert, reason: reason))
        var options = NightlyJob.Options(
            batchFolder: batch, storePath: store.path(batch: batch), outFolder: out ?? batch, asOf: asOfDay)
        options.createdBy = "decline"
        options.language = language.lang
        let job = NightlyJob(options: options, log: log)
        let lang = job.language(of: b)
        let recorded = [
            "expert": expert, "enterprise": enterprise, "task": Strings.task(kind, lang), "day": seat.day.iso,
        ]
        log.info("\(Strings.fill("nightly.decline-recorded", lang, recorded))")
        let outcome: NightlyJob.Outcome
        do {
            outcome = try job.run(batch: b)
        } catch {
            log.error("\(Strings.fill("nightly.decline-kept", lang, ["text": error.text(lang)]))")
            throw ExitCode(ReplanCommand.exitStatus(error))
        }
        try ReplanCommand.report(outcome, in: lang)
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
        throw Help.usage("usage.not-a-date", ["option": "--as-of", "value": text])
    }
    return day
}
