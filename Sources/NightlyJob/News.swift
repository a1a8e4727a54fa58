import PanelModel
import Phrasebook
import PlanModel
import PlanStore
import Reports

/// What a new version tells people: its changes against the reference plan with their causes
/// (changes.txt) and one notification per expert and change, in the batch's language.
struct News {
    var changes: [PlanChange]
    var notifications: [PlanDiff.Notification]
    /// changes.txt: a header naming the reference, then one line a change.
    var text: String

    /// changes.txt, notifications.csv and notifications.json.
    var files: [(name: String, content: String)] {
        [
            ("changes.txt", text),
            ("notifications.csv", PlanDiff.notificationsCSV(notifications)),
            ("notifications.json", PlanDiff.notificationsJSON(notifications)),
        ]
    }

    /// The news of `plan` against `reference`. Only declines the reference did not obey yet are
    /// causes. Experts are named from the reference's folder first, so that one who has left is
    /// still named.
    init(
        store s: PlanStore, reference: PlanVersion?, referenceAssignments: [Assignment], plan: Plan, batch b: Batch,
        snapshot: (id: Int64, files: [String: String]), declines: [Decline], language: Language
    ) throws {
        let obeyed = ChangeCauses.declineKeys(ofParameters: reference?.parameters ?? "")
        let causes = try ChangeCauses.between(
            s, from: reference?.snapshotID, to: snapshot.id, newFiles: snapshot.files,
            declines: declines.filter { !obeyed.contains($0.key) }, language: language)
        changes = PlanDiff.changes(from: referenceAssignments, to: plan.assignments, causes: causes)
        var expertNames: [String: String] = [:]
        if let reference, let old = ChangeDetector.batch(from: try s.snapshotFiles(reference.snapshotID)) {
            for x in old.experts { expertNames[x.id] = x.name }
        }
        for x in b.experts { expertNames[x.id] = x.name }
        let enterpriseNames = Dictionary(b.enterprises.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        notifications = PlanDiff.notifications(
            changes, expertNames: expertNames, enterpriseNames: enterpriseNames, language: language)
        let against =
            reference.map {
                Strings.format($0.published ? "changes_against_published" : "changes_against_latest", language, $0.id)
            } ?? Strings.text("changes_against_none", language)
        let header = Strings.format(
            changes.count == 1 ? "changes_count_one" : "changes_count", language, against, changes.count)
        text = header + "\n" + changes.map { "  " + $0.line(in: language) + "\n" }.joined()
    }
}
