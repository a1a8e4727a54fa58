import Foundation
import PanelModel
import TextFormats

/// What changed between two plans, task by task.
public struct PlanChange: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case added, removed, moved
        case panelChanged = "panel-changed"
    }
    public var kind: Kind
    public var enterpriseID: String
    public var task: TaskKind
    public var before: Assignment?
    public var after: Assignment?
    /// Sentences from the change events that explain it, e.g. "E017 unavailable 2026-04-02..2026-04-10".
    public var causes: [String]

    /// Experts who joined the panel.
    public var expertsAdded: [String] { Array(Set(after?.experts ?? []).subtracting(before?.experts ?? [])).sorted() }
    /// Experts who left the panel.
    public var expertsRemoved: [String] { Array(Set(before?.experts ?? []).subtracting(after?.experts ?? [])).sorted() }

    /// One line for people.
    public var line: String {
        func when(_ a: Assignment?) -> String { a.map { "\($0.day.iso) \($0.slot.rawValue)" } ?? "-" }
        var s: String
        switch kind {
        case .added:
            s = "added   \(enterpriseID) \(task.rawValue) \(when(after)) [\(after!.experts.joined(separator: ", "))]"
        case .removed: s = "removed \(enterpriseID) \(task.rawValue) \(when(before))"
        case .moved: s = "moved   \(enterpriseID) \(task.rawValue) \(when(before)) → \(when(after))"
        case .panelChanged: s = "panel   \(enterpriseID) \(task.rawValue) \(when(after))"
        }
        if kind == .moved || kind == .panelChanged {
            if !expertsRemoved.isEmpty || !expertsAdded.isEmpty {
                s += ": " + (expertsRemoved.map { "−\($0)" } + expertsAdded.map { "+\($0)" }).joined(separator: " ")
            }
            if before?.leader != after?.leader { s += " (leader \(before?.leader ?? "-") → \(after?.leader ?? "-"))" }
        }
        if !causes.isEmpty { s += "  because " + causes.joined(separator: "; ") }
        return s
    }
}

/// A causing event, as the diff sees it: a sentence and the ids it concerns.
public struct ChangeCause: Sendable, Hashable {
    public var subjects: [String]
    public var detail: String
    /// Whether it can change who sits on the enterprise's panels (a declared conflict, a new
    /// fixed row), not only when they sit.
    public var affectsPanels: Bool
    public init(subjects: [String], detail: String, affectsPanels: Bool = true) {
        self.subjects = subjects
        self.detail = detail
        self.affectsPanels = affectsPanels
    }
}

/// Compares plans and writes the per-expert notifications of the nightly job.
public enum PlanDiff {
    /// The changes from `before` to `after`, each with the events that concern its enterprise or
    /// the experts it removed.
    /// Assignments of `before` on or before `historyUpTo` that `after` no longer holds were held
    /// (or their task was recorded as done): they are history, not changes. Causes whose
    /// subjects include `*` (a calendar, rules, affinity or travel change) explain any change no
    /// specific cause explains.
    public static func changes(
        from before: [Assignment], to after: [Assignment], causes: [ChangeCause] = [], historyUpTo: Day? = nil
    ) -> [PlanChange] {
        func key(_ a: Assignment) -> String { "\(a.enterpriseID)|\(a.task.rawValue)" }
        let old = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [PlanChange] = []
        for k in Set(old.keys).union(new.keys).sorted() {
            let a = old[k]
            let b = new[k]
            let kind: PlanChange.Kind
            switch (a, b) {
            case (nil, .some): kind = .added
            case (.some(let x), nil):
                if let h = historyUpTo, x.day <= h { continue }
                kind = .removed
            case (.some(let x), .some(let y)):
                if x.time != y.time {
                    kind = .moved
                } else if Set(x.experts) != Set(y.experts) || x.leader != y.leader {
                    kind = .panelChanged
                } else {
                    continue
                }
            default: continue
            }
            let any = (a ?? b)!
            var change = PlanChange(
                kind: kind, enterpriseID: any.enterpriseID, task: any.task, before: a, after: b, causes: [])
            // A panel change is explained by what happened to the experts who left it; a move or
            // a removal by what happened to the enterprise or to anyone on the old panel.
            let experts = kind == .panelChanged ? change.expertsRemoved : (a?.experts ?? [])
            let enterpriseEvents = causes.filter {
                $0.subjects.contains(any.enterpriseID) && (kind != .panelChanged || $0.affectsPanels)
            }
            let expertEvents = causes.filter { !Set(experts).isDisjoint(with: $0.subjects) }
            var seen = Set<String>()
            change.causes = (enterpriseEvents + expertEvents).map(\.detail).filter { seen.insert($0).inserted }
            if change.causes.isEmpty {
                change.causes = causes.filter { $0.subjects.contains("*") }.map(\.detail).filter {
                    seen.insert($0).inserted
                }
            }
            out.append(change)
        }
        return out.sorted {
            ($0.after ?? $0.before)!.time != ($1.after ?? $1.before)!.time
                ? ($0.after ?? $0.before)!.time < ($1.after ?? $1.before)!.time : $0.enterpriseID < $1.enterpriseID
        }
    }

    /// One notification a changed expert should receive.
    public struct Notification: Sendable, Hashable {
        public var expertID: String
        /// `assigned`, `released`, `moved`, `panel-changed`.
        public var change: String
        /// `leader` or `member`: the expert's role on the panel (after the change; before it for a
        /// release).
        public var role: String
        public var enterpriseID: String
        public var task: TaskKind
        public var before: String?
        public var after: String?
        public var cause: String
    }

    /// The notifications per expert: new assignments, released ones, moved ones.
    public static func notifications(_ changes: [PlanChange]) -> [Notification] {
        var out: [Notification] = []
        for c in changes {
            let before = c.before.map { "\($0.day.iso) \($0.slot.rawValue)" }
            let after = c.after.map { "\($0.day.iso) \($0.slot.rawValue)" }
            let cause = c.causes.joined(separator: "; ")
            func add(_ expert: String, _ change: String, before: String?, after: String?) {
                let panel = change == "released" ? c.before : c.after
                let role = panel?.leader == expert ? "leader" : "member"
                out.append(
                    Notification(
                        expertID: expert, change: change, role: role, enterpriseID: c.enterpriseID, task: c.task,
                        before: before, after: after, cause: cause))
            }
            // A released expert has no new slot; a newly assigned one had no old slot.
            switch c.kind {
            case .added:
                for e in c.after!.experts { add(e, "assigned", before: nil, after: after) }
            case .removed:
                for e in c.before!.experts { add(e, "released", before: before, after: nil) }
            case .moved, .panelChanged:
                for e in c.expertsRemoved { add(e, "released", before: before, after: nil) }
                for e in c.expertsAdded { add(e, "assigned", before: nil, after: after) }
                for e in Set(c.before!.experts).intersection(c.after!.experts).sorted() {
                    add(e, c.kind == .moved ? "moved" : "panel-changed", before: before, after: after)
                }
            }
        }
        return out.sorted {
            ($0.expertID, $0.enterpriseID, $0.task.rawValue) < ($1.expertID, $1.enterpriseID, $1.task.rawValue)
        }
    }

    /// notifications.csv: UTF-8 with a BOM (Excel), one row per expert and change, with names.
    public static func notificationsCSV(
        _ list: [Notification], expertNames: [String: String] = [:], enterpriseNames: [String: String] = [:]
    ) -> String {
        var out = "\u{FEFF}expert_id,expert_name,change,role,enterprise_id,enterprise_name,task,before,after,cause\n"
        for n in list {
            out +=
                [
                    n.expertID, expertNames[n.expertID] ?? "", n.change, n.role, n.enterpriseID,
                    enterpriseNames[n.enterpriseID] ?? "",
                    n.task.rawValue, n.before ?? "", n.after ?? "", n.cause,
                ]
                .map(CSVText.sheetField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// notifications.json
    public static func notificationsJSON(
        _ list: [Notification], expertNames: [String: String] = [:], enterpriseNames: [String: String] = [:]
    ) -> String {
        let q = JSONText.quote
        let items = list.map { n in
            "  {\"expert\": \(q(n.expertID)), \"expert_name\": \(q(expertNames[n.expertID] ?? "")), "
                + "\"change\": \(q(n.change)), \"role\": \(q(n.role)), \"enterprise\": \(q(n.enterpriseID)), "
                + "\"enterprise_name\": \(q(enterpriseNames[n.enterpriseID] ?? "")), \"task\": \(q(n.task.rawValue)), "
                + "\"before\": \(n.before.map(q) ?? "null"), \"after\": \(n.after.map(q) ?? "null"), \"cause\": "
                + "\(q(n.cause))}"
        }
        return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
    }
}
