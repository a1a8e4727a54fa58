import ArgumentParser
import Foundation
import PanelModel
import PlanModel

/// Exit codes, documented in docs/user-guide.md.
public enum ExitStatus {
    /// Bad input: the batch folder has errors.
    public static let badInput: Int32 = 65
    /// The solver or the process failed; the last good plan is untouched.
    public static let failure: Int32 = 70
    /// Output could not be written.
    public static let cannotWrite: Int32 = 73
}

/// `panelplan`: plans expert panels for Shenzhen's cleaner-production audit acceptance.
public struct PanelPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "panelplan",
        abstract: "Plan expert panels for the Shenzhen mandatory cleaner-production audit acceptance.",
        discussion:
            "A batch folder holds batch.toml, experts.csv, enterprises.csv and optional files (see "
            + "docs/user-guide.md).",
        subcommands: [
            CheckCommand.self, StatusCommand.self, PlanCommand.self, ReplanCommand.self, PublishCommand.self,
            HistoryCommand.self, DiffCommand.self, ExportCommand.self, WhatIfCommand.self, GenerateCommand.self,
        ])

    public init() {}
}

/// Loads a batch folder or exits 65 with every error.
func loadBatchOrExit(_ path: String) throws -> Batch {
    do {
        return try BatchLoader.load(path: path)
    } catch let error as BatchLoadError {
        var err = StandardError()
        for d in error.errors { print("error: \(d)", to: &err) }
        for d in error.warnings { print("warning: \(d)", to: &err) }
        print(
            "\(error.errors.count) error\(error.errors.count == 1 ? "" : "s"), \(error.warnings.count) "
                + "warning\(error.warnings.count == 1 ? "" : "s") in \(path)",
            to: &err)
        throw ExitCode(ExitStatus.badInput)
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
