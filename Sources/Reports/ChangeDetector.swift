import Foundation
import PanelModel

/// Finds what changed between two versions of a batch folder, in the words the nightly diff
/// uses for causes: "E017 unavailable 2026-04-02..2026-04-10 (病假)".
public enum ChangeDetector {
    /// Event kinds that can move a task in time but do not change who may sit on its panels.
    public static let timingOnlyKinds: Set<String> = [
        "draft-arrived", "initial-review-done", "site-inspection-done", "deadline-changed",
        "extension-requested", "extension-granted", "extension-refused", "penalized",
    ]

    /// The events between a previous and the current batch.
    public static func events(from old: Batch, to new: Batch) -> [ChangeEvent] {
        var out: [ChangeEvent] = []
        let oldE = Dictionary(old.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newE = Dictionary(new.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in newE.keys.sorted() where oldE[id] == nil {
            out.append(ChangeEvent(kind: "enterprise-added", subjects: [id], detail: "\(id) added to the batch"))
        }
        for id in oldE.keys.sorted() where newE[id] == nil {
            out.append(
                ChangeEvent(kind: "enterprise-withdrawn", subjects: [id], detail: "\(id) withdrawn from the batch"))
        }
        for id in newE.keys.sorted() {
            guard let a = oldE[id], let b = newE[id] else { continue }
            func dateChange(_ kind: String, _ x: Day?, _ y: Day?, _ text: String) {
                if x != y, let y {
                    out.append(ChangeEvent(kind: kind, subjects: [id], detail: "\(id) \(text) \(y.iso)"))
                } else if x != y {
                    out.append(ChangeEvent(kind: kind + "-cleared", subjects: [id], detail: "\(id) \(text) cleared"))
                }
            }
            dateChange("draft-arrived", a.draftSubmitted, b.draftSubmitted, "draft submitted")
            dateChange("penalized", a.penalized, b.penalized, "penalized (one-vote veto)")
            dateChange("extension-requested", a.extensionRequested, b.extensionRequested, "extension requested")
            dateChange("extension-granted", a.extendedDeadline, b.extendedDeadline, "deadline extended to")
            dateChange("extension-refused", a.extensionRefused, b.extensionRefused, "extension refused")
            dateChange("initial-review-done", a.initialReviewDone, b.initialReviewDone, "initial review held")
            dateChange("site-inspection-done", a.siteInspectionDone, b.siteInspectionDone, "site inspection held")
            if a.deadline != b.deadline {
                out.append(
                    ChangeEvent(
                        kind: "deadline-changed", subjects: [id],
                        detail: "\(id) deadline \(a.deadline.iso) → \(b.deadline.iso)"))
            }
            if a.consultancy != b.consultancy || a.district != b.district || a.industry != b.industry
                || a.reasons != b.reasons
            {
                out.append(ChangeEvent(kind: "enterprise-changed", subjects: [id], detail: "\(id) details changed"))
            }
        }
        let oldX = Dictionary(old.experts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newX = Dictionary(new.experts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in newX.keys.sorted() where oldX[id] == nil {
            out.append(ChangeEvent(kind: "expert-added", subjects: [id], detail: "\(id) joined the pool"))
        }
        for id in oldX.keys.sorted() where newX[id] == nil {
            out.append(ChangeEvent(kind: "expert-removed", subjects: [id], detail: "\(id) left the pool"))
        }
        for id in newX.keys.sorted() {
            guard let a = oldX[id], let b = newX[id] else { continue }
            if a.organization != b.organization || a.specialties != b.specialties || a.isAuditor != b.isAuditor
                || a.canLead != b.canLead || a.maxInitial != b.maxInitial || a.maxSite != b.maxSite
                || a.district != b.district
            {
                out.append(ChangeEvent(kind: "expert-changed", subjects: [id], detail: "\(id) details changed"))
            }
        }
        let oldU = Set(old.unavailability)
        let newU = Set(new.unavailability)
        for u in newU.subtracting(oldU).sorted(by: { ($0.expertID, $0.from) < ($1.expertID, $1.from) }) {
            out.append(
                ChangeEvent(
                    kind: "expert-unavailable", subjects: [u.expertID],
                    detail:
                        "\(u.expertID) unavailable "
                        + "\(u.from.iso)..\(u.to.iso)\(u.reason.isEmpty ? "" : " (\(u.reason))")"
                ))
        }
        for u in oldU.subtracting(newU).sorted(by: { ($0.expertID, $0.from) < ($1.expertID, $1.from) }) {
            out.append(
                ChangeEvent(
                    kind: "expert-available", subjects: [u.expertID],
                    detail: "\(u.expertID) available again \(u.from.iso)..\(u.to.iso)"))
        }
        let oldC = Set(old.conflicts.map { "\($0.expertID)\u{1}\($0.with)" })
        let newC = Set(new.conflicts.map { "\($0.expertID)\u{1}\($0.with)" })
        for c in new.conflicts where !oldC.contains("\(c.expertID)\u{1}\(c.with)") {
            out.append(
                ChangeEvent(
                    kind: "conflict-declared", subjects: [c.expertID, c.with],
                    detail: "\(c.expertID) declared a conflict with \(c.with)"))
        }
        for c in old.conflicts where !newC.contains("\(c.expertID)\u{1}\(c.with)") {
            out.append(
                ChangeEvent(
                    kind: "conflict-withdrawn", subjects: [c.expertID, c.with],
                    detail: "\(c.expertID) conflict with \(c.with) withdrawn"))
        }
        let oldF = Set(old.fixed)
        let newF = Set(new.fixed)
        for f in newF.subtracting(oldF).sorted(by: { ($0.enterpriseID, $0.task) < ($1.enterpriseID, $1.task) }) {
            out.append(
                ChangeEvent(
                    kind: "fixed-added", subjects: [f.enterpriseID] + f.experts,
                    detail: "\(f.enterpriseID) \(f.task.rawValue) fixed on \(f.day.iso) \(f.slot.rawValue)"))
        }
        for f in oldF.subtracting(newF).sorted(by: { ($0.enterpriseID, $0.task) < ($1.enterpriseID, $1.task) }) {
            out.append(
                ChangeEvent(
                    kind: "fixed-removed", subjects: [f.enterpriseID],
                    detail: "\(f.enterpriseID) \(f.task.rawValue) no longer fixed"))
        }
        return out
    }

    /// Changes to the files that affect every task: batch.toml, calendar.csv, affinity.csv, travel.csv.
    public static func fileEvents(from old: [String: String], to new: [String: String]) -> [ChangeEvent] {
        var out: [ChangeEvent] = []
        let described = [
            "batch.toml": "the batch rules (batch.toml) changed", "calendar.csv": "the calendar (calendar.csv) changed",
            "affinity.csv": "the affinity scores (affinity.csv) changed",
            "travel.csv": "the travel times (travel.csv) changed",
        ]
        for name in described.keys.sorted() where old[name] != new[name] {
            out.append(ChangeEvent(kind: "file-changed", subjects: ["*"], detail: described[name]!))
        }
        return out
    }

    /// Loads a snapshot's files as a batch, nil when they do not load.
    public static func batch(from files: [String: String]) -> Batch? {
        try? BatchLoader.load(files: files)
    }
}
