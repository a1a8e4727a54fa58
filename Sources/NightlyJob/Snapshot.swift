import PanelModel
import PlanStore
import Reports

/// Imports the folder as a snapshot, recording what changed since the previous one.
public func importSnapshot(_ store: PlanStore, folder: String, batch: Batch) throws -> (
    id: Int64, isNew: Bool, previous: Int64?, files: [String: String]
) {
    let files = BatchLoader.inputFiles(path: folder)
    let s = try store.importSnapshot(folder: folder, files: files) { previous in
        guard let previous else { return [] }
        let fileEvents = ChangeDetector.fileEvents(from: previous, to: files)
        guard let old = ChangeDetector.batch(from: previous) else { return fileEvents }
        return ChangeDetector.events(from: old, to: batch) + fileEvents
    }
    return (s.id, s.isNew, s.previous, files)
}
