import Foundation
import PanelModel
import Reports
import TOMLSubset
import WhatIf
import XLSXReader

/// One fuzz input run through every reader of outside bytes: the TOML parser, the batch-folder
/// loader, the scenario reader, the plan reader and the .xlsx workbook reader. Each must return or throw its own error;
/// anything else (a trap, an abort, a hang) is a defect. Shared by the libFuzzer target in
/// `Fuzz/` and by the corpus tests, so that what the fuzzer finds replays in `make test`.
public enum FuzzHarness {
    /// The files of a batch folder, in the order an input's parts fill them.
    public static let fileNames = [
        "batch.toml", "experts.csv", "enterprises.csv", "organizations.csv", "conflicts.csv",
        "unavailability.csv", "affinity.csv", "fixed.csv", "calendar.csv", "travel.csv",
    ]

    /// The byte that separates the files of one input (ASCII "file separator").
    public static let separator: UInt8 = 0x1C

    /// Splits an input into a batch folder: part *k* (between separators) is file *k*.
    public static func folder(_ bytes: [UInt8]) -> [String: String] {
        let parts = bytes.split(separator: separator, omittingEmptySubsequences: false)
        var files: [String: String] = [:]
        for (name, part) in zip(fileNames, parts) where !part.isEmpty {
            files[name] = String(decoding: part, as: UTF8.self)
        }
        return files
    }

    /// Joins a batch folder into one input (the inverse of ``folder(_:)`` for UTF-8 files).
    public static func input(_ files: [String: String]) -> [UInt8] {
        var out: [UInt8] = []
        for (k, name) in fileNames.enumerated() {
            if k > 0 { out.append(separator) }
            out += Array((files[name] ?? "").utf8)
        }
        return out
    }

    /// Runs one input through every reader; returns how many of them accepted it.
    @discardableResult
    public static func run(_ bytes: [UInt8]) -> Int {
        var accepted = 0
        if (try? TOMLParser.parse(bytes: bytes)) != nil { accepted += 1 }
        if (try? Scenario.parse(bytes: bytes, file: "scenario.toml")) != nil { accepted += 1 }
        if (try? PlanReader.read(Data(bytes))) != nil { accepted += 1 }
        if (try? XLSXWorkbook.read(Data(bytes))) != nil { accepted += 1 }
        let files = folder(bytes)
        if let batch = try? BatchLoader.load(files: files, name: "fuzz") {
            accepted += 1
            if (try? PlanReader.read(Data(bytes))).map({ PlanReader.completed($0, with: batch) }) != nil {
                accepted += 1
            }
        }
        return accepted
    }
}
