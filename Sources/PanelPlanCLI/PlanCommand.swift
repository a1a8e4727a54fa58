import ArgumentParser
import Foundation
import NightlyJob
import PanelModel
import Phrasebook
import PlanModel
import PlanStore
import Planner
import Reports

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: Help.text("help.plan-dates-and-panels-for"))

    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String
    @Option(help: Help.argument("help.where-to-write-plan-json")) var out: String?
    @Option(name: .customLong("time-limit"), help: Help.argument("help.seconds-default-batch-toml-solver"))
    var timeLimit: Double?
    @Option(help: Help.argument("help.seed-for-the-reproducible-random"))
    var seed: UInt64?
    @Flag(help: Help.argument("help.no-progress-on-stderr")) var quiet = false
    @Flag(name: .customLong("no-store"), help: Help.argument("help.do-not-record-the-plan")) var noStore = false
    @Option(help: Help.argument("help.who-makes-the-plan-recorded")) var by: String = "plan"
    @OptionGroup var store: StoreOption
    @Option(help: Help.argument("help.language-of-the-summary-zh")) var lang: String?
    @Flag(help: Help.argument("help.plan-anew-even-though-the"))
    var force = false
    @Flag(help: Help.argument("help.draw-each-panel-s-members"))
    var draw = false
    @Option(
        name: .customLong("seed-text"),
        help: Help.argument("help.the-public-text-the-draw"))
    var seedText: String?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) {
            throw Help.usage("usage.time-limit-positive")
        }
        if draw && seedText == nil {
            throw Help.usage("usage.draw-needs-seed-text")
        }
        if let seedText, seedText.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Help.usage("usage.seed-text-empty")
        }
    }

    func run() throws {
        let b = try loadBatchOrExit(batch, lang: lang)
        let language = Language.resolve(lang, batch: b.rules.language, batchName: b.rules.name)
        var err = StandardError()
        // A published plan was announced: planning anew would ignore it (and publish defaults to
        // the latest version). The nightly job is `replan`.
        if !noStore && !force && FileManager.default.fileExists(atPath: store.path(batch: batch)) {
            let s = try store.open(batch: batch)
            if let published = try s.latestPublished() {
                let values = ["version": "\(published.id)", "batch": batch]
                print(Strings.fill("cli.published-exists", language, values), to: &err)
                throw ExitCode(ExitCode.validationFailure.rawValue)
            }
        }
        printWarnings(b, language)
        let progress = quiet ? nil : ProgressPrinter.make(language)
        var options = PlannerOptions(timeLimitSeconds: timeLimit, seed: seed, progress: progress)
        var drawSetup: DrawSetup?
        if draw || b.rules.drawEnabled {
            guard let seedText else {
                print(Strings.text("cli.draw-needs-seed-text", language), to: &err)
                throw ExitCode(ExitCode.validationFailure.rawValue)
            }
            let setup = DrawSetup(folder: batch, text: seedText)
            options.drawSeed = setup.seed.value
            drawSetup = setup
        }
        let planner = PanelPlanner(batch: b, options: options)
        let plan: Plan
        do {
            plan = try planner.plan()
        } catch {
            print(Strings.fill("cli.plan-failed", language, ["text": errorText(error, language)]), to: &err)
            throw ExitCode(ExitStatus.failure)
        }
        ProgressPrinter.finish()
        let directory = out ?? batch
        let drawJSON = drawSetup.map {
            DrawWriter.json(
                plan,
                header: $0.header(
                    b, solverSeed: seed ?? b.rules.seed, timeLimit: timeLimit ?? b.rules.timeLimitSeconds))
        }
        do {
            try PlanWriter.write(plan, to: directory, extra: drawJSON.map { [("draw.json", $0)] } ?? [])
            // A draw.json left from an earlier draw no longer describes this plan.
            let staleDraw = URL(fileURLWithPath: directory).appendingPathComponent("draw.json").path
            if drawJSON == nil && FileManager.default.fileExists(atPath: staleDraw) {
                try FileManager.default.removeItem(atPath: staleDraw)
            }
        } catch {
            let values = ["folder": directory, "text": error.localizedDescription]
            print(Strings.fill("cli.cannot-write-plan", language, values), to: &err)
            throw ExitCode(ExitStatus.cannotWrite)
        }
        for w in plan.warnings { print(Strings.fill("load.warning", language, ["text": w.text(language)]), to: &err) }
        var versionNote = ""
        if !noStore {
            do {
                let s = try PlanStore(path: store.path(batch: batch))
                let snapshot = try importSnapshot(s, folder: batch, batch: b)
                var parameters = "seed=\(seed ?? b.rules.seed);time-limit=\(timeLimit ?? b.rules.timeLimitSeconds)"
                if let drawSetup { parameters += ";draw-seed=\(drawSetup.seed.hex)" }
                let version = try s.record(
                    plan, snapshotID: snapshot.id, inputsHash: contentHash(snapshot.files, extra: parameters),
                    parameters: parameters, createdBy: by,
                    files: [("plan.json", PlanWriter.json(plan))] + (drawJSON.map { [("draw.json", $0)] } ?? []))
                try s.markAnnounced(version)
                let values = ["version": "\(version)", "store": store.path(batch: batch)]
                versionNote = Strings.fill("cli.recorded-version", language, values)
            } catch {
                print(Strings.fill("cli.not-recorded", language, ["text": errorText(error, language)]), to: &err)
            }
        }
        print(PlanSummary.text(plan, batch: b, language: language))
        print(
            "\(Strings.text("wrote", language)) \(directory)/plan.json, "
                + "\(directory)/plan.csv\(drawJSON == nil ? "" : ", \(directory)/draw.json")\(versionNote)"
        )
    }
}

/// Progress on stderr: one updating line on a terminal, plain lines otherwise.
enum ProgressPrinter {
    static let isTerminal = isatty(STDERR_FILENO) != 0

    /// Progress lines in `language`: `[   1.2 s] search 3/3  incumbent 5.0  bound 6.0  gap 0.1000%`.
    static func make(_ language: Language) -> @Sendable (PlannerProgress) -> Void {
        { p in
            func say(_ key: String, _ value: String) -> String {
                Strings.fill(key, language, ["value": value, "n": value])
            }
            let seconds = say("progress.seconds", String(format: "%6.1f", p.elapsedSeconds))
            let phaseKey = "progress.phase." + p.phase
            let phase = Strings.text(phaseKey, language) == phaseKey ? p.phase : Strings.text(phaseKey, language)
            var line = "[\(seconds)] \(phase) \(p.done)/\(p.total)"
            if let t = p.plannedTasks { line += "  " + say("progress.tasks", "\(t)") }
            if let i = p.incumbent { line += "  " + say("progress.incumbent", String(format: "%.1f", i)) }
            if let b = p.bound { line += "  " + say("progress.bound", String(format: "%.1f", b)) }
            if let g = p.gap { line += "  " + say("progress.gap", String(format: "%.4f", g * 100)) }
            let text = isTerminal ? "\r\u{1B}[K" + line : line + "\n"
            StandardError.write(text)
        }
    }

    static func finish() {
        if isTerminal { StandardError.write("\n") }
    }
}
