import ArgumentParser
import Foundation
import NightlyJob
import PanelModel
import PlanModel
import PlanStore
import Planner
import Reports

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan dates and panels for every initial review and site inspection of a batch.")

    @Argument(help: "The batch folder.") var batch: String
    @Option(help: "Where to write plan.json and plan.csv (default: the batch folder).") var out: String?
    @Option(name: .customLong("time-limit"), help: "Seconds (default: batch.toml [solver] time_limit_seconds).")
    var timeLimit: Double?
    @Option(help: "Seed for the reproducible random draw among equal experts (default: batch.toml [solver] seed).")
    var seed: UInt64?
    @Flag(help: "No progress on stderr.") var quiet = false
    @Flag(name: .customLong("no-store"), help: "Do not record the plan in the plan store.") var noStore = false
    @Option(help: "Who makes the plan, recorded with the version.") var by: String = "plan"
    @OptionGroup var store: StoreOption
    @Option(help: "Language of the summary: zh or en (default: the locale).") var lang: String?
    @Flag(help: "Plan anew even though the store holds a published plan (replan keeps what was announced).")
    var force = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
    }

    func run() throws {
        let b = try loadBatchOrExit(batch)
        var err = StandardError()
        // A published plan was announced: planning anew would ignore it (and publish defaults to
        // the latest version). The nightly job is `replan`.
        if !noStore && !force && FileManager.default.fileExists(atPath: store.path(batch: batch)) {
            let s = try store.open(batch: batch)
            if let published = try s.latestPublished() {
                print(
                    "error: the store holds published version \(published.id): use `panelplan replan \(batch)` to "
                        + "replan around it, or `plan --force` to plan anew", to: &err)
                throw ExitCode(ExitCode.validationFailure.rawValue)
            }
        }
        for w in b.warnings { print("warning: \(w)", to: &err) }
        let progress = quiet ? nil : ProgressPrinter.make()
        let planner = PanelPlanner(
            batch: b, options: PlannerOptions(timeLimitSeconds: timeLimit, seed: seed, progress: progress))
        let plan: Plan
        do {
            plan = try planner.plan()
        } catch {
            print("error: \(error); the previous plan (if any) is untouched", to: &err)
            throw ExitCode(ExitStatus.failure)
        }
        ProgressPrinter.finish()
        let directory = out ?? batch
        do {
            try PlanWriter.write(plan, to: directory)
        } catch {
            print("error: cannot write the plan to \(directory): \(error.localizedDescription)", to: &err)
            throw ExitCode(ExitStatus.cannotWrite)
        }
        for w in plan.warnings { print("warning: \(w)", to: &err) }
        var versionNote = ""
        if !noStore {
            do {
                let s = try PlanStore(path: store.path(batch: batch))
                let snapshot = try importSnapshot(s, folder: batch, batch: b)
                let parameters = "seed=\(seed ?? b.rules.seed);time-limit=\(timeLimit ?? b.rules.timeLimitSeconds)"
                let version = try s.record(
                    plan, snapshotID: snapshot.id, inputsHash: contentHash(snapshot.files, extra: parameters),
                    parameters: parameters, createdBy: by, files: [("plan.json", PlanWriter.json(plan))])
                try s.markAnnounced(version)
                versionNote = " (version \(version) in \(store.path(batch: batch)))"
            } catch {
                print("warning: the plan was written but not recorded in the store: \(error)", to: &err)
            }
        }
        print(PlanSummary.text(plan, batch: b, language: Language.resolve(lang)))
        print(
            "\(Strings.text("wrote", Language.resolve(lang))) \(directory)/plan.json, "
                + "\(directory)/plan.csv\(versionNote)"
        )
    }
}

/// Progress on stderr: one updating line on a terminal, plain lines otherwise.
enum ProgressPrinter {
    static let isTerminal = isatty(STDERR_FILENO) != 0

    static func make() -> @Sendable (PlannerProgress) -> Void {
        { p in
            var line = "[\(String(format: "%6.1f", p.elapsedSeconds)) s] \(p.phase) \(p.done)/\(p.total)"
            if let t = p.plannedTasks { line += "  tasks planned \(t)" }
            if let i = p.incumbent { line += String(format: "  incumbent %.1f", i) }
            if let b = p.bound { line += String(format: "  bound %.1f", b) }
            if let g = p.gap { line += String(format: "  gap %.4f%%", g * 100) }
            let text = isTerminal ? "\r\u{1B}[K" + line : line + "\n"
            StandardError.write(text)
        }
    }

    static func finish() {
        if isTerminal { StandardError.write("\n") }
    }
}
