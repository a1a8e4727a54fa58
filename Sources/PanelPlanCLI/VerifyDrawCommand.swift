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
        let b = try loadBatchOrExit(batch)
        let language = Language.resolve(nil, batch: b.rules.language, batchName: b.rules.name)
        let setup = DrawSetup(folder: batch, text: seedText)
        var options = PlannerOptions(timeLimitSeconds: timeLimit, seed: solverSeed)
        options.drawSeed = setup.seed.value
        let plan: Plan
        do {
            plan = try PanelPlanner(batch: b, options: options).plan()
        } catch {
            print(Strings.fill("cli.error", language, ["text": "\(error)"]), to: &err)
            throw ExitCode(ExitStatus.failure)
        }
        let expectedText = DrawWriter.json(plan, header: setup.header(b, solverSeed: solverSeed, timeLimit: timeLimit))
        if expectedText.utf8.elementsEqual(data) {
            print(Strings.text("cli.verified", language))
            return
        }
        let expected = (try? JSONSerialization.jsonObject(with: Data(expectedText.utf8))) as? [String: Any] ?? [:]
        let differences = DrawComparison.differences(recorded: recorded, recomputed: expected)
        for line in differences.isEmpty ? [Strings.text("cli.draw-text-differs", language)] : differences {
            print(line)
        }
        if plan.status == .timeLimit {
            print(Strings.text("cli.draw-time-limit", language))
        }
        throw ExitCode(1)
    }
}

/// Describes how a recorded draw.json differs from a recomputed one, field by field.
enum DrawComparison {
    static func differences(recorded: [String: Any], recomputed: [String: Any]) -> [String] {
        var out: [String] = []
        let recordedFiles = recorded["inputs"] as? [String: String] ?? [:]
        let files = recomputed["inputs"] as? [String: String] ?? [:]
        for name in Set(recordedFiles.keys).union(files.keys).sorted() where recordedFiles[name] != files[name] {
            switch (recordedFiles[name], files[name]) {
            case (nil, _): out.append("input \(name): present now, absent when the draw was made")
            case (_, nil): out.append("input \(name): absent now, present when the draw was made")
            default: out.append("input \(name): its content changed since the draw (SHA-256 differs)")
            }
        }
        for key in [
            "format", "inputs_sha256", "seed", "max_pair_probability", "quality_floor", "batch", "status",
            "panelplan_version",
        ] where "\(recorded[key] ?? "missing")" != "\(recomputed[key] ?? "missing")" {
            out.append("\(key): recorded \(recorded[key] ?? "missing"), recomputed \(recomputed[key] ?? "missing")")
        }
        let a = recorded["panels"] as? [[String: Any]] ?? []
        let b = recomputed["panels"] as? [[String: Any]] ?? []
        if a.count != b.count { out.append("panels: recorded \(a.count), recomputed \(b.count)") }
        for (x, y) in zip(a, b) {
            let name = "\(y["enterprise_id"] ?? "?") \(y["task"] ?? "?")"
            for key in ["enterprise_id", "task", "date", "half_day", "cap", "drawn", "leader", "proven"]
            where "\(x[key] ?? "missing")" != "\(y[key] ?? "missing")" {
                out.append("\(name): \(key) recorded \(flat(x[key])), recomputed \(flat(y[key]))")
            }
            let p = probabilities(x["candidates"])
            let q = probabilities(y["candidates"])
            for expert in Set(p.keys).union(q.keys).sorted() where p[expert] != q[expert] {
                out.append(
                    "\(name): candidate \(expert) probability recorded \(p[expert].map { "\($0)" } ?? "none"), "
                        + "recomputed \(q[expert].map { "\($0)" } ?? "none")")
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

    private static func flat(_ value: Any?) -> String {
        if let list = value as? [Any] { return "[" + list.map { "\($0)" }.joined(separator: ", ") + "]" }
        return value.map { "\($0)" } ?? "missing"
    }
}
