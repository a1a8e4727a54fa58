import Foundation
import PanelModel
import Phrasebook
import PlanModel
import PlanStore
import Reports

/// The files of a plan version in the out folder, and the causes of its changes.
enum VersionFiles {
    /// Writes a recorded version's files (plan.json, plan.csv, changes.txt, notifications).
    static func write(_ s: PlanStore, _ version: Int64, to dir: String) throws {
        let recorded = try s.files(version).filter { $0.name != "plan.json" }
        try writeOrFail(try planFiles(s, version) + recorded, to: dir, version, "nightly.version-files-not-written")
    }

    /// A run with nothing new: the latest version's plan files, and changes.txt and the
    /// notifications saying so, so that no mailing script sends the last version's news again.
    static func writeNothingNew(_ s: PlanStore, _ version: Int64, to dir: String, language: Language) throws {
        let files = [
            ("changes.txt", Strings.format("no_changes_since", language, version) + "\n"),
            ("notifications.csv", PlanDiff.notificationsCSV([])),
            ("notifications.json", PlanDiff.notificationsJSON([])),
        ]
        try writeOrFail(try planFiles(s, version) + files, to: dir, version, "nightly.no-news-not-written")
    }

    /// plan.json as recorded with the version (levels and all; rebuilt from the store for
    /// versions recorded before it was kept), and plan.csv.
    static func planFiles(_ s: PlanStore, _ version: Int64) throws -> [(name: String, content: String)] {
        let plan = try s.plan(version)
        let json = try s.files(version).first { $0.name == "plan.json" }?.content ?? PlanWriter.json(plan)
        return [("plan.json", json), ("plan.csv", PlanWriter.csv(plan.assignments))]
    }

    /// Writes `files` to `dir`, or fails with the sentence `failureKey` (placeholders `version`,
    /// `folder`, `text`).
    static func writeOrFail(
        _ files: [(name: String, content: String)], to dir: String, _ version: Int64, _ failureKey: String
    ) throws {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try PlanWriter.writeAtomically(files, in: dir)
        } catch {
            let values: [String: Phrase.Value] = [
                "version": "\(version)", "folder": .text(dir), "text": .text(error.localizedDescription),
            ]
            throw NightlyJob.Failure.cannotWrite(Phrase(failureKey, values))
        }
    }
}
