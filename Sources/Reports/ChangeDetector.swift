import Foundation
import PanelModel
import Phrasebook
import PlanModel

/// Finds what changed between two versions of a batch folder, in the words the nightly diff
/// uses for causes: "E017 unavailable 2026-04-02..2026-04-10 (病假)", or in Chinese
/// "E017 2026-04-02..2026-04-10 不能参加（病假）".
public enum ChangeDetector {
    /// Event kinds that can move a task in time but do not change who may sit on its panels.
    public static let timingOnlyKinds: Set<ChangeEvent.Kind> = [
        .draftArrived, .initialReviewDone, .siteInspectionDone, .deadlineChanged, .extensionRequested,
        .extensionGranted, .extensionRefused, .penalized,
    ]

    /// Event kinds that make experts available again, so they explain an expert joining a panel.
    public static let freeingKinds: Set<ChangeEvent.Kind> = [
        .expertAvailable, .expertAdded, .expertActive, .conflictWithdrawn,
    ]

    /// The events between a previous and the current batch, in `language`.
    /// - Complexity: O(*n* log *n*) in the rows of both batches.
    public static func events(from old: Batch, to new: Batch, language: Language = .en) -> [ChangeEvent] {
        var out: [ChangeEvent] = []
        func add(_ kind: ChangeEvent.Kind, _ subjects: [String], _ key: String, _ args: CVarArg...) {
            out.append(
                ChangeEvent(
                    kind: kind, subjects: subjects, detail: String(format: Strings.text(key, language), arguments: args)
                ))
        }
        let oldE = Dictionary(old.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newE = Dictionary(new.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in newE.keys.sorted() where oldE[id] == nil {
            add(.enterpriseAdded, [id], "event_enterprise_added", id)
        }
        for id in oldE.keys.sorted() where newE[id] == nil {
            add(.enterpriseWithdrawn, [id], "event_enterprise_withdrawn", id)
        }
        for id in newE.keys.sorted() {
            guard let a = oldE[id], let b = newE[id] else { continue }
            func dateChange(_ kind: ChangeEvent.Kind, cleared: ChangeEvent.Kind, _ x: Day?, _ y: Day?) {
                guard x != y else { return }
                let label = Strings.text("event_label_" + kind.rawValue, language)
                if let y {
                    add(kind, [id], "event_dated", id, label, y.iso)
                } else {
                    add(cleared, [id], "event_cleared", id, label)
                }
            }
            dateChange(.draftArrived, cleared: .draftCleared, a.draftSubmitted, b.draftSubmitted)
            dateChange(.penalized, cleared: .penaltyCleared, a.penalized, b.penalized)
            dateChange(
                .extensionRequested, cleared: .extensionRequestCleared, a.extensionRequested, b.extensionRequested)
            dateChange(.extensionGranted, cleared: .extensionGrantCleared, a.extendedDeadline, b.extendedDeadline)
            dateChange(.extensionRefused, cleared: .extensionRefusalCleared, a.extensionRefused, b.extensionRefused)
            dateChange(
                .initialReviewDone, cleared: .initialReviewDoneCleared, a.initialReviewDone, b.initialReviewDone)
            dateChange(
                .siteInspectionDone, cleared: .siteInspectionDoneCleared, a.siteInspectionDone, b.siteInspectionDone)
            if a.deadline != b.deadline {
                add(.deadlineChanged, [id], "event_deadline_changed", id, a.deadline.iso, b.deadline.iso)
            }
            if a.consultancy != b.consultancy || a.district != b.district || a.industry != b.industry
                || a.reasons != b.reasons
            {
                add(.enterpriseChanged, [id], "event_enterprise_changed", id)
            }
        }
        expertEvents(from: old, to: new, add: add)
        let oldU = Set(old.unavailability)
        let newU = Set(new.unavailability)
        let byExpertAndStart = { (x: Unavailability, y: Unavailability) in (x.expertID, x.from) < (y.expertID, y.from) }
        for u in newU.subtracting(oldU).sorted(by: byExpertAndStart) {
            let why = u.reason.isEmpty ? "" : String(format: Strings.text("event_reason", language), u.reason)
            add(.expertUnavailable, [u.expertID], "event_unavailable", u.expertID, u.from.iso, u.to.iso, why)
        }
        for u in oldU.subtracting(newU).sorted(by: byExpertAndStart) {
            add(.expertAvailable, [u.expertID], "event_available", u.expertID, u.from.iso, u.to.iso)
        }
        let oldC = Set(old.conflicts.map { "\($0.expertID)\u{1}\($0.with)" })
        let newC = Set(new.conflicts.map { "\($0.expertID)\u{1}\($0.with)" })
        for c in new.conflicts where !oldC.contains("\(c.expertID)\u{1}\(c.with)") {
            add(.conflictDeclared, [c.expertID, c.with], "event_conflict_declared", c.expertID, c.with)
        }
        for c in old.conflicts where !newC.contains("\(c.expertID)\u{1}\(c.with)") {
            add(.conflictWithdrawn, [c.expertID, c.with], "event_conflict_withdrawn", c.expertID, c.with)
        }
        let oldF = Set(old.fixed)
        let newF = Set(new.fixed)
        let byTask = { (x: Assignment, y: Assignment) in (x.enterpriseID, x.task) < (y.enterpriseID, y.task) }
        for f in newF.subtracting(oldF).sorted(by: byTask) {
            add(
                .fixedAdded, [f.enterpriseID] + f.experts, "event_fixed_added", f.enterpriseID,
                Strings.task(f.task, language), f.day.iso, Strings.slot(f.slot, language))
        }
        for f in oldF.subtracting(newF).sorted(by: byTask) {
            add(
                .fixedRemoved, [f.enterpriseID], "event_fixed_removed", f.enterpriseID, Strings.task(f.task, language)
            )
        }
        return out
    }

    /// Experts who joined, left, stopped serving (`active = no`) or whose details changed.
    static func expertEvents(
        from old: Batch, to new: Batch, add: (ChangeEvent.Kind, [String], String, CVarArg...) -> Void
    ) {
        let oldX = Dictionary(old.experts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newX = Dictionary(new.experts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in newX.keys.sorted() where oldX[id] == nil {
            add(.expertAdded, [id], "event_expert_added", id)
        }
        for id in oldX.keys.sorted() where newX[id] == nil {
            add(.expertRemoved, [id], "event_expert_removed", id)
        }
        for id in newX.keys.sorted() {
            guard let a = oldX[id], let b = newX[id] else { continue }
            if a.isActive != b.isActive {
                add(b.isActive ? .expertActive : .expertInactive, [id], "event_expert_active_\(b.isActive)", id)
            }
            if a.organization != b.organization || a.specialties != b.specialties || a.isAuditor != b.isAuditor
                || a.canLead != b.canLead || a.maxInitial != b.maxInitial || a.maxSite != b.maxSite
                || a.district != b.district
            {
                add(.expertChanged, [id], "event_expert_changed", id)
            }
        }
    }

    /// Changes to the files that affect every task: batch.toml, calendar.csv, affinity.csv, travel.csv.
    public static func fileEvents(
        from old: [String: String], to new: [String: String], language: Language = .en
    ) -> [ChangeEvent] {
        let files = ["affinity.csv", "batch.toml", "calendar.csv", "travel.csv"]
        return files.filter { old[$0] != new[$0] }.map {
            ChangeEvent(kind: .fileChanged, subjects: ["*"], detail: Strings.text("event_file_" + $0, language))
        }
    }

    /// Loads a snapshot's files as a batch, nil when they do not load.
    public static func batch(from files: [String: String]) -> Batch? {
        try? BatchLoader.load(files: files)
    }
}
