import Foundation
import PanelModel
import PlanModel
import PlanStore
import Reports

/// The files of a plan version in the out folder, and the causes of its changes.
enum VersionFiles {
    /// Writes a recorded version's files (plan.json, plan.csv, changes.txt, notifications).
    static func write(_ s: PlanStore, _ version: Int64, to dir: String) throws {
        let plan = try s.plan(version)
        let files =
            [("plan.json", PlanWriter.json(plan)), ("plan.csv", PlanWriter.csv(plan.assignments))]
            + (try s.files(version))
        try writeOrFail(files, to: dir, what: "version \(version)'s files")
    }

    /// A run with nothing new: the latest version's plan files, and changes.txt and the
    /// notifications saying so, so that no mailing script sends the last version's news again.
    static func writeNothingNew(_ s: PlanStore, _ version: Int64, to dir: String) throws {
        let plan = try s.plan(version)
        let files = [
            ("plan.json", PlanWriter.json(plan)), ("plan.csv", PlanWriter.csv(plan.assignments)),
            ("changes.txt", "no changes since version \(version)\n"),
            ("notifications.csv", PlanDiff.notificationsCSV([])),
            ("notifications.json", PlanDiff.notificationsJSON([])),
        ]
        try writeOrFail(files, to: dir, what: "the files")
    }

    static func writeOrFail(_ files: [(name: String, content: String)], to dir: String, what: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try PlanWriter.writeAtomically(files, in: dir)
        } catch {
            throw NightlyJob.Failure.cannotWrite(
                "\(what) could not be written to \(dir): \(error.localizedDescription)")
        }
    }

    /// The causes of the changes since the reference snapshot: the recorded events, and the
    /// rule, calendar, affinity and travel files compared with the reference's own (so a change
    /// that was made and undone in between is no cause).
    static func causes(_ s: PlanStore, from reference: Int64?, to current: Int64, currentFiles: [String: String]) throws
        -> [ChangeCause]
    {
        let timingOnly = ChangeDetector.timingOnlyKinds
        var causes = try s.events(after: reference, upTo: current).filter { !$0.subjects.contains("*") }.map {
            ChangeCause(subjects: $0.subjects, detail: $0.detail, affectsPanels: !timingOnly.contains($0.kind))
        }
        if let reference {
            causes += ChangeDetector.fileEvents(from: try s.snapshotFiles(reference), to: currentFiles).map {
                ChangeCause(subjects: $0.subjects, detail: $0.detail)
            }
        }
        return causes
    }
}
