import Foundation
import PanelModel
import Phrasebook
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

    /// One line for people, in `language`.
    public func line(in language: Language = .en) -> String {
        func when(_ a: Assignment?) -> String {
            a.map { "\($0.day.iso) \(Strings.slot($0.slot, language))" } ?? "-"
        }
        let task = Strings.task(self.task, language)
        var s: String
        switch kind {
        case .added:
            let experts = (after?.experts ?? []).joined(separator: ", ")
            s = Strings.format("change_added", language, enterpriseID, task, when(after), experts)
        case .removed: s = Strings.format("change_removed", language, enterpriseID, task, when(before))
        case .moved: s = Strings.format("change_moved", language, enterpriseID, task, when(before), when(after))
        case .panelChanged: s = Strings.format("change_panel", language, enterpriseID, task, when(after))
        }
        if kind == .moved || kind == .panelChanged {
            if !expertsRemoved.isEmpty || !expertsAdded.isEmpty {
                s += ": " + (expertsRemoved.map { "−\($0)" } + expertsAdded.map { "+\($0)" }).joined(separator: " ")
            }
            if before?.leader != after?.leader {
                s += Strings.format("change_leader", language, before?.leader ?? "-", after?.leader ?? "-")
            }
        }
        if !causes.isEmpty {
            s += Strings.format(
                "change_because", language, causes.joined(separator: Strings.text("list_separator", language)))
        }
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
    /// Whether it makes its experts available again (back from leave, a conflict withdrawn,
    /// joined the pool): it explains their joining a panel.
    public var freesExperts: Bool
    public init(subjects: [String], detail: String, affectsPanels: Bool = true, freesExperts: Bool = false) {
        self.subjects = subjects
        self.detail = detail
        self.affectsPanels = affectsPanels
        self.freesExperts = freesExperts
    }
}

/// Compares plans and writes the per-expert notifications of the nightly job.
public enum PlanDiff {
    /// The changes from `before` to `after`, each with the events that concern its enterprise or
    /// the experts it removed. Every assignment of either plan counts: replans keep what took
    /// place as facts, so a task `after` no longer holds was removed, whatever its date. Causes
    /// whose subjects include `*` (a calendar, rules, affinity or travel change) explain any
    /// change no specific cause explains.
    /// - Complexity: O((*a* + *c*) · *k*) for *a* assignments, *c* causes and panels of *k*.
    public static func changes(
        from before: [Assignment], to after: [Assignment], causes: [ChangeCause] = []
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
            case (.some, nil): kind = .removed
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
            let joined = Set(change.expertsAdded)
            let expertEvents = causes.filter {
                !Set(experts).isDisjoint(with: $0.subjects)
                    || ($0.freesExperts && !joined.isDisjoint(with: $0.subjects))
            }
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
        public var expertName: String
        /// What happened to the expert's seat.
        public enum Change: String, Sendable {
            case assigned, released, moved
            case panelChanged = "panel-changed"
        }
        /// The expert's role on a panel.
        public enum Role: String, Sendable {
            case leader, member
        }
        public var change: Change
        /// The expert's role on the panel (after the change; before it for a release).
        public var role: Role
        public var enterpriseID: String
        public var enterpriseName: String
        public var task: TaskKind
        public var before: String?
        public var after: String?
        public var cause: String
        /// The sentence to send, in the batch's language: who, what, when, in which role, why.
        public var message: String
    }

    /// The notifications per expert: new assignments, released ones, moved ones, each with its
    /// sentence in `language`. Names missing from the maps are left empty (the id still says who).
    public static func notifications(
        _ changes: [PlanChange], expertNames: [String: String] = [:], enterpriseNames: [String: String] = [:],
        language: Language = .en
    ) -> [Notification] {
        var out: [Notification] = []
        for c in changes {
            func when(_ a: Assignment?) -> String? { a.map { "\($0.day.iso) \($0.slot.rawValue)" } }
            func spoken(_ a: Assignment?) -> String {
                a.map { "\($0.day.iso) \(Strings.slot($0.slot, language))" } ?? ""
            }
            let cause = c.causes.joined(separator: Strings.text("list_separator", language))
            func add(_ expert: String, _ change: Notification.Change) {
                let released = change == .released
                let panel = released ? c.before : c.after
                let role: Notification.Role = panel?.leader == expert ? .leader : .member
                let name = expertNames[expert] ?? ""
                let enterpriseName = enterpriseNames[c.enterpriseID] ?? ""
                var message = Strings.fill(
                    "note_" + change.rawValue, language,
                    [
                        "expert": name.isEmpty ? expert : name, "enterprise": c.enterpriseID,
                        "enterprise_name": enterpriseName,
                        "task": Strings.text("task_phrase_" + c.task.rawValue, language),
                        "before": spoken(c.before), "after": spoken(c.after),
                        "role": Strings.text(role.rawValue, language),
                    ])
                if !cause.isEmpty { message += Strings.format("note_cause", language, cause) }
                out.append(
                    Notification(
                        expertID: expert, expertName: name, change: change, role: role, enterpriseID: c.enterpriseID,
                        enterpriseName: enterpriseName, task: c.task,
                        before: change == .assigned ? nil : when(c.before),
                        after: released ? nil : when(c.after), cause: cause, message: message))
            }
            // A released expert has no new slot; a newly assigned one had no old slot.
            switch c.kind {
            case .added:
                for e in c.after?.experts ?? [] { add(e, .assigned) }
            case .removed:
                for e in c.before?.experts ?? [] { add(e, .released) }
            case .moved, .panelChanged:
                for e in c.expertsRemoved { add(e, .released) }
                for e in c.expertsAdded { add(e, .assigned) }
                let stayed = Set(c.before?.experts ?? []).intersection(c.after?.experts ?? [])
                for e in stayed.sorted() { add(e, c.kind == .moved ? .moved : .panelChanged) }
            }
        }
        return out.sorted {
            ($0.expertID, $0.enterpriseID, $0.task.rawValue) < ($1.expertID, $1.enterpriseID, $1.task.rawValue)
        }
    }

    /// notifications.csv: UTF-8 with a BOM (Excel), one row per expert and change, with names
    /// and the sentence to send; the codes stay English for scripts.
    public static func notificationsCSV(_ list: [Notification]) -> String {
        var out =
            "\u{FEFF}expert_id,expert_name,change,role,enterprise_id,enterprise_name,task,before,after,cause,message\n"
        for n in list {
            let fields = [
                n.expertID, n.expertName, n.change.rawValue, n.role.rawValue, n.enterpriseID, n.enterpriseName,
                n.task.rawValue,
                n.before ?? "", n.after ?? "", n.cause, n.message,
            ]
            out += fields.map(CSVText.sheetField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// notifications.json: the same members as the CSV.
    public static func notificationsJSON(_ list: [Notification]) -> String {
        let q = JSONText.quote
        let items = list.map { n in
            "  {\"expert\": \(q(n.expertID)), \"expert_name\": \(q(n.expertName)), "
                + "\"change\": \(q(n.change.rawValue)), \"role\": \(q(n.role.rawValue)), "
                + "\"enterprise\": \(q(n.enterpriseID)), "
                + "\"enterprise_name\": \(q(n.enterpriseName)), \"task\": \(q(n.task.rawValue)), "
                + "\"before\": \(n.before.map(q) ?? "null"), \"after\": \(n.after.map(q) ?? "null"), "
                + "\"cause\": \(q(n.cause)), \"message\": \(q(n.message))}"
        }
        return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
    }
}
