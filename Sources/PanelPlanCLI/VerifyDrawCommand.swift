import ArgumentParser
import Foundation
import PanelModel
import Phrasebook
import PlanModel
import Planner
import Reports

/// `panelplan verify-draw BATCH DRAW.json`: recomputes a random draw from the batch folder and
/// the seed text recorded in draw.json and says whether everything matches.
struct VerifyDrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-draw",
        abstract: Help.text("help.check-a-random-draw-draw"),
        discussion: Help.text("help.prints-verified-and-exits-0"))

    @Argument(help: Help.argument("help.the-batch-folder-the-draw")) var batch: String
    @Argument(help: Help.argument("help.the-draw-json-to-check")) var drawFile: String
    @OptionGroup var language: LanguageOption

    func run() throws {
        var err = StandardError()
        guard let data = FileManager.default.contents(atPath: drawFile) else {
            print(Strings.fill("cli.cannot-read", Help.language, ["file": drawFile]), to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
        guard let recorded = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let seedText = recorded["seed_text"] as? String,
            let solverSeed = (recorded["solver_seed"] as? NSNumber)?.uint64Value,
            let timeLimit = (recorded["time_limit_seconds"] as? NSNumber)?.doubleValue,
            timeLimit > 0, timeLimit <= 86_400
        else {
            print(Strings.fill("cli.not-a-draw", Help.language, ["file": drawFile]), to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
        let b = try loadBatchOrExit(batch, lang: self.language.lang?.rawValue)
        let language = self.language.resolve(batch: b.rules.language, name: b.rules.name)
        let setup = DrawSetup(folder: batch, text: seedText)
        var options = PlannerOptions(timeLimitSeconds: timeLimit, seed: solverSeed)
        options.drawSeed = setup.seed.value
        let plan: Plan
        do {
            plan = try PanelPlanner(batch: b, options: options).plan()
        } catch {
            print(Strings.fill("cli.error", language, ["text": errorText(error, language)]), to: &err)
            throw ExitCode(ExitStatus.failure)
        }
        let expectedText = DrawWriter.json(plan, header: setup.header(b, solverSeed: solverSeed, timeLimit: timeLimit))
        if expectedText.utf8.elementsEqual(data) {
            print(Strings.text("cli.verified", language))
            return
        }
        let expected = (try? JSONSerialization.jsonObject(with: Data(expectedText.utf8))) as? [String: Any] ?? [:]
        let differences = DrawComparison.differences(recorded: recorded, recomputed: expected, language: language)
        for line in differences.isEmpty ? [Strings.text("cli.draw-text-differs", language)] : differences {
            print(line)
        }
        if plan.status == .timeLimit {
            print(Strings.text("cli.draw-time-limit", language))
        }
        throw ExitCode(1)
    }
}

/// Describes how a recorded draw.json differs from a recomputed one, field by field, in `language`.
/// Field names are draw.json's own keys, the same in both languages.
enum DrawComparison {
    static let fields = [
        "format", "inputs_sha256", "seed", "max_pair_probability", "quality_floor", "batch", "status",
        "panelplan_version",
    ]
    static let panelFields = ["enterprise_id", "task", "date", "half_day", "cap", "drawn", "leader", "proven"]

    static func differences(recorded: [String: Any], recomputed: [String: Any], language: Language) -> [String] {
        let say = { (key: String, values: [String: String]) in Strings.fill(key, language, values) }
        let shown = { (value: Any?) in flat(value, language) }
        var out: [String] = []
        let recordedFiles = recorded["inputs"] as? [String: String] ?? [:]
        let files = recomputed["inputs"] as? [String: String] ?? [:]
        for name in Set(recordedFiles.keys).union(files.keys).sorted() where recordedFiles[name] != files[name] {
            switch (recordedFiles[name], files[name]) {
            case (nil, _): out.append(say("draw.input-added", ["file": name]))
            case (_, nil): out.append(say("draw.input-removed", ["file": name]))
            default: out.append(say("draw.input-changed", ["file": name]))
            }
        }
        for key in fields where shown(recorded[key]) != shown(recomputed[key]) {
            out.append(
                say(
                    "draw.field-differs",
                    ["field": key, "recorded": shown(recorded[key]), "recomputed": shown(recomputed[key])]))
        }
        let a = recorded["panels"] as? [[String: Any]] ?? []
        let b = recomputed["panels"] as? [[String: Any]] ?? []
        if a.count != b.count {
            out.append(say("draw.panel-count", ["recorded": "\(a.count)", "recomputed": "\(b.count)"]))
        }
        for (x, y) in zip(a, b) {
            let task = (y["task"] as? String).flatMap(TaskKind.init(rawValue:)).map { Strings.task($0, language) }
            let panel = ["enterprise": "\(y["enterprise_id"] ?? "?")", "task": task ?? "\(y["task"] ?? "?")"]
            for key in panelFields where shown(x[key]) != shown(y[key]) {
                let values = ["field": key, "recorded": shown(x[key]), "recomputed": shown(y[key])]
                out.append(say("draw.panel-field-differs", panel.merging(values) { first, _ in first }))
            }
            let p = probabilities(x["candidates"])
            let q = probabilities(y["candidates"])
            for expert in Set(p.keys).union(q.keys).sorted() where p[expert] != q[expert] {
                let none = Strings.text("draw.none", language)
                let values = [
                    "expert": expert, "recorded": p[expert].map { "\($0)" } ?? none,
                    "recomputed": q[expert].map { "\($0)" } ?? none,
                ]
                out.append(say("draw.probability-differs", panel.merging(values) { first, _ in first }))
            }
        }
        return out
    }

    private static func probabilities(_ value: Any?) -> [String: Double] {
        var out: [String: Double] = [:]
        for c in value as? [[String: Any]] ?? [] {
            if let id = c["expert_id"] as? String, let p = (c["probability"] as? NSNumber)?.doubleValue { out[id] = p }
        }
        return out
    }

    private static func flat(_ value: Any?, _ language: Language) -> String {
        if let list = value as? [Any] { return "[" + list.map { "\($0)" }.joined(separator: ", ") + "]" }
        return value.map { "\($0)" } ?? Strings.text("draw.missing", language)
    }
}
