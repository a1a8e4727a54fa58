import ArgumentParser
import Foundation
import PanelModel
import Phrasebook
import Reports
import TextFormats
import WhatIf

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: Help.text("help.capacity-analysis-plan-scenarios-or"),
        discussion: Help.text("help.scenario-files-are-described-in"))

    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String
    @Argument(help: Help.argument("help.scenario-files-toml")) var scenarios: [String] = []
    @Option(help: Help.argument("help.a-sweep-e-g-pool")) var sweep: String?
    @Flag(
        name: .customLong("min-pool"),
        help: Help.argument("help.whom-to-recruit-so-that"))
    var minPool = false
    @Flag(name: .customLong("max-batch"), help: Help.argument("help.the-most-enterprises-drawn-like"))
    var maxBatch = false
    @Option(help: Help.argument("help.table-csv-or-json")) var format: OutputFormat = .table
    @Option(help: Help.argument("help.also-write-whatif-csv-whatif")) var out: String?
    @Option(name: .customLong("time-limit"), help: Help.argument("help.seconds-per-plan")) var timeLimit: Double?
    @Option(help: Help.argument("help.seed-for-sweeps-over-the")) var seed: UInt64 = 1
    @Option(help: Help.argument("help.scenarios-planned-at-once-default")) var jobs: Int?
    @OptionGroup var language: LanguageOption

    func run() throws {
        let base = try loadBatchOrExit(batch, lang: language.lang?.rawValue)
        let items = try scenarioItems(base)
        let words = language.resolve(batch: base.rules.language, name: base.rules.name)
        if minPool || maxBatch {
            try directAnswers(items, words)
            return
        }
        let started = Date()
        let rows = try WhatIfRunner.run(items, timeLimit: timeLimit, seed: nil, jobs: jobs)
        let elapsed = Date().timeIntervalSince(started)
        switch format {
        case .table:
            let table = TextTable.render(
                header: WhatIfOutput.tableHeader(words), rows: WhatIfOutput.tableRows(rows, language: words))
            print(table, terminator: "")
            let parallel = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, rows.count))
            let counts = [
                "count": "\(rows.count)", "seconds": String(format: "%.1f", elapsed), "jobs": "\(parallel)",
            ]
            print(Strings.fill("whatif.plans", words, counts))
            // Capacity by week: the baseline's, and each scenario's while there are few.
            for row in rows.prefix(rows.count <= 3 ? rows.count : 1) {
                let scenario = WhatIfOutput.scenarioName(row.scenario, words)
                print("\n" + Strings.fill("whatif.capacity-by-week", words, ["scenario": scenario]))
                let table = WhatIfOutput.weekTable(row, language: words)
                print(TextTable.render(header: table.header, rows: table.rows), terminator: "")
            }
        case .csv: print(WhatIfOutput.csv(rows), terminator: "")
        case .json: print(WhatIfOutput.json(rows), terminator: "")
        }
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let lang = language.resolve(batch: base.rules.language, name: base.rules.name)
            var files = [
                ("whatif.csv", WhatIfOutput.csv(rows)), ("whatif.json", WhatIfOutput.json(rows)),
                ("whatif-weeks.csv", WhatIfOutput.weeksCSV(rows)),
                ("whatif-weeks.svg", WhatIfOutput.weeksSVG(rows[0], language: lang)),
            ]
            for row in rows.dropFirst() {
                files.append(
                    ("whatif-weeks-\(FileNameText.safe(row.scenario)).svg", WhatIfOutput.weeksSVG(row, language: lang)))
            }
            if let sweep, let sw = try? Sweep.parse(sweep) {
                let xLabel = sw.key + (sw.isPercent ? " (%)" : "")
                files.append(("whatif.svg", WhatIfOutput.svg(Array(rows.dropFirst()), xLabel: xLabel, language: lang)))
            }
            try PlanWriter.writeAtomically(files, in: out)
        }
    }

    /// The baseline, each scenario file and each sweep point, applied to the batch. Every
    /// scenario error of every file and of the sweep is reported at once (exit 65).
    func scenarioItems(_ base: Batch) throws -> [(name: String, value: Double?, batch: Batch)] {
        var items: [(name: String, value: Double?, batch: Batch)] = [(WhatIfOutput.baseline, nil, base)]
        var errors: [String] = []
        for path in scenarios {
            do {
                let s = try Scenario.load(path: path)
                items.append((s.name, nil, try s.apply(to: base)))
            } catch let e as ScenarioError {
                errors.append(e.text(language.resolve(batch: base.rules.language, name: base.rules.name)))
            }
        }
        if let sweep {
            do {
                let sw = try Sweep.parse(sweep)
                for v in sw.values {
                    let s = try sw.scenario(at: v, seed: seed)
                    items.append((s.name, v, try s.apply(to: base)))
                }
            } catch let e as ScenarioError {
                errors.append(e.text(language.resolve(batch: base.rules.language, name: base.rules.name)))
            }
        }
        guard errors.isEmpty else {
            StandardError.write(errors.joined(separator: "\n") + "\n")
            throw ExitCode(ExitStatus.badInput)
        }
        return items
    }

    /// `--min-pool` and `--max-batch` for the batch and for each scenario or sweep point.
    func directAnswers(_ items: [(name: String, value: Double?, batch: Batch)], _ words: Language) throws {
        var text = ""
        var parts: [String] = []
        var files: [(String, String)] = []
        for (k, item) in items.enumerated() {
            if items.count > 1 { text += "== \(item.name) ==\n" }
            var json: [String] = []
            if minPool {
                let r =
                    k == 0
                    ? try CapacityAnalysis.recruitingList(
                        files: BatchLoader.inputFiles(path: batch), timeLimit: timeLimit)
                    : try CapacityAnalysis.recruitingList(batch: item.batch, timeLimit: timeLimit)
                text += RecruitingReport.text(r, words)
                json.append("\"min_pool\": " + RecruitingReport.json(r))
                let name = k == 0 ? "experts-to-recruit.csv" : "experts-to-recruit-\(FileNameText.safe(item.name)).csv"
                files.append((name, r.csv))
            }
            if maxBatch {
                let r = try CapacityAnalysis.maxBatch(item.batch, seed: seed, timeLimit: timeLimit)
                let answer = [
                    "verified": "\(r.verified)", "bound": "\(r.modelBound)", "baseline": "\(r.baselinePlanned)",
                ]
                text += Strings.fill("whatif.max-batch", words, answer) + "\n"
                for e in r.added {
                    // English keeps the code people type; Chinese the district's name.
                    let district = words == .zh ? DistrictTable.shenzhen.lookup(e.district)?.nameZh : nil
                    let item = [
                        "id": e.id, "industry": e.industry, "district": district ?? e.district,
                        "deadline": e.effectiveDeadline.iso,
                    ]
                    text += "  " + Strings.fill("whatif.max-batch.item", words, item) + "\n"
                }
                let added = r.added.map { JSONText.quote($0.id) }.joined(separator: ", ")
                json.append(
                    "\"max_batch\": {\"verified\": \(r.verified), \"model_bound\": \(r.modelBound), "
                        + "\"baseline_planned\": \(r.baselinePlanned), \"added\": [\(added)]}")
            }
            parts.append(
                k == 0
                    ? json.joined(separator: ", ")
                    : "{\"name\": \(JSONText.quote(item.name)), " + json.joined(separator: ", ") + "}")
        }
        let scenarioJSON = parts.dropFirst().joined(separator: ", ")
        let json = "{" + parts[0] + (items.count > 1 ? ", \"scenarios\": [\(scenarioJSON)]" : "") + "}\n"
        print(format == .json ? json : text, terminator: "")
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try PlanWriter.writeAtomically([("whatif-capacity.json", json)] + files, in: out)
            if minPool { print(Strings.fill("cli.wrote-recruits", words, ["folder": out])) }
        } else if minPool {
            print(Strings.text("cli.give-out-for-recruits", words))
        }
    }
}
