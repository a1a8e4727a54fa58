import ArgumentParser
import BatchGenerator
import Foundation
import PanelModel

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic batch folder of any size, deterministically from a seed.")

    @Option(help: "Number of enterprises.") var enterprises: Int = 90
    @Option(help: "Number of experts in the pool.") var experts: Int = 150
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Horizon length in months.") var months: Int = 4
    @Option(help: "First plannable day (YYYY-MM-DD).") var start: String = "2026-03-02"
    @Option(help: "Batch name.") var name: String?
    @Argument(help: "The folder to write.") var out: String
    @Flag(help: "Overwrite the files of an existing folder.") var force = false

    func run() throws {
        guard let day = Day(iso: start) else {
            throw ValidationError("--start '\(start)' is not a date (expected YYYY-MM-DD)")
        }
        guard enterprises > 0, experts > 0, months > 0 else {
            throw ValidationError("--enterprises, --experts and --months must be positive")
        }
        if !force, let existing = try? FileManager.default.contentsOfDirectory(atPath: out), !existing.isEmpty {
            throw ValidationError("\(out) exists and is not empty: choose another folder or pass --force")
        }
        var g = BatchGenerator(
            .init(enterprises: enterprises, experts: experts, seed: seed, start: day, months: months, name: name))
        try g.write(to: out)
        print("wrote \(out): \(enterprises) enterprises, \(experts) experts, \(months) months from \(day.iso)")
    }
}
