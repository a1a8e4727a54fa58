import PanelModel
import Phrasebook
import PlanModel
import PlanStore
import Reports

/// Why two plan versions differ: what changed in the batch folder between their snapshots, and
/// the declines recorded in between. Both ends are compared directly, so a change made and
/// undone between them is no cause.
public enum ChangeCauses {
    /// The causes from the snapshot `old` (nil: none, so no cause) to the snapshot `new`, in
    /// `language`. `newFiles` saves reading the new snapshot back when the caller holds it.
    /// - Complexity: loads both snapshots as batches: O(size of the folder).
    public static func between(
        _ store: PlanStore, from old: Int64?, to new: Int64, newFiles: [String: String]? = nil,
        declines: [Decline] = [], language: Language = .en
    ) throws -> [ChangeCause] {
        var causes = declines.map { d in
            let why = d.reason.isEmpty ? "" : Strings.format("event_reason", language, d.reason)
            return ChangeCause(
                subjects: [d.expertID, d.enterpriseID],
                detail: Strings.format(
                    "event_declined", language, d.expertID, d.enterpriseID, Strings.task(d.task, language), why))
        }
        guard let old else { return causes }
        let oldFiles = try store.snapshotFiles(old)
        let currentFiles = try newFiles ?? store.snapshotFiles(new)
        let timingOnly = ChangeDetector.timingOnlyKinds
        let events: [ChangeEvent]
        if let before = ChangeDetector.batch(from: oldFiles), let after = ChangeDetector.batch(from: currentFiles) {
            events = ChangeDetector.events(from: before, to: after, language: language)
        } else {
            // A snapshot that no longer loads (an older format): the events recorded at import.
            events = try store.events(after: old, upTo: new).filter { !$0.subjects.contains("*") }
        }
        let freeing = ChangeDetector.freeingKinds
        causes += events.map {
            ChangeCause(
                subjects: $0.subjects, detail: $0.detail, affectsPanels: !timingOnly.contains($0.kind),
                freesExperts: freeing.contains($0.kind))
        }
        causes += ChangeDetector.fileEvents(from: oldFiles, to: currentFiles, language: language).map {
            ChangeCause(subjects: $0.subjects, detail: $0.detail)
        }
        return causes
    }

    /// The declines a version's parameters name (`declines=E|T|X,…`): the ones its plan obeyed.
    public static func declineKeys(ofParameters parameters: String) -> Set<String> {
        let field = parameters.split(separator: ";").first { $0.hasPrefix("declines=") }
        return Set(field.map { $0.dropFirst("declines=".count).split(separator: ",").map(String.init) } ?? [])
    }
}
