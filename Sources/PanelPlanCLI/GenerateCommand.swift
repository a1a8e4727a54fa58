import ArgumentParser
import BatchGenerator
import Foundation
import PanelModel
import Phrasebook

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: Help.text("help.write-a-realistic-synthetic-batch"))

    @Option(help: Help.argument("help.number-of-enterprises")) var enterprises: Int = 90
    @Option(help: Help.argument("help.number-of-experts-in-the")) var experts: Int = 150
    @Option(help: Help.argument("help.random-seed")) var seed: UInt64 = 1
    @Option(help: Help.argument("help.horizon-length-in-months")) var months: Int = 4
    @Option(help: Help.argument("help.first-plannable-day-yyyy-mm")) var start: String = "2026-03-02"
    @Option(help: Help.argument("help.batch-name")) var name: String?
    @Argument(help: Help.argument("help.the-folder-to-write")) var out: String
    @Flag(help: Help.argument("help.overwrite-the-files-of-an")) var force = false
    /// What the command says (read by ``Help/language`` before parsing).
    @OptionGroup var language: LanguageOption

    func run() throws {
        guard let day = Day(iso: start) else {
            throw Help.usage("usage.not-a-date", ["option": "--start", "value": start])
        }
        guard enterprises > 0, experts > 0, months > 0 else {
            throw Help.usage("usage.sizes-positive")
        }
        if !force, let existing = try? FileManager.default.contentsOfDirectory(atPath: out), !existing.isEmpty {
            throw Help.usage("usage.folder-not-empty", ["folder": out])
        }
        var g = BatchGenerator(
            .init(enterprises: enterprises, experts: experts, seed: seed, start: day, months: months, name: name))
        try g.write(to: out)
        let values = [
            "folder": out, "enterprises": "\(enterprises)", "experts": "\(experts)", "months": "\(months)",
            "start": day.iso,
        ]
        print(Strings.fill("cli.generated", Help.language, values))
    }
}
