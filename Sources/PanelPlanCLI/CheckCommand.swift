import ArgumentParser
import PanelModel
import Phrasebook
import Reports
import Workflow

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Help.text("help.validate-a-batch-folder-errors"))

    @Argument(help: Help.argument("help.the-batch-folder")) var batch: String
    @Option(help: Help.argument("help.language-zh-or-en-default")) var lang: String?
    @Option(
        name: .customLong("as-of"),
        help: Help.argument("help.the-date-to-judge-the"))
    var asOf: String?

    func run() throws {
        let date = try parseAsOf(asOf)
        let b = try loadBatchOrExit(batch, lang: lang)
        let language = Language.resolve(lang, batch: b.rules.language, batchName: b.rules.name)
        var err = StandardError()
        printWarnings(b, language)
        let statuses = b.enterprises.map {
            WorkflowRules.status($0, rules: b.rules, calendar: b.calendar, asOf: date ?? b.rules.today)
        }
        for s in statuses {
            for note in s.notes {
                let message = Phrase(
                    "plan.enterprise-note", ["enterprise": "\(s.enterprise.id)", "note": .phrase(note)])
                let d = Diagnostic(.warning, file: "enterprises.csv", line: s.enterprise.line, message)
                print(Diagnostic.line(d, language), to: &err)
            }
        }
        let eligible = statuses.filter { $0.window != nil }
        print(
            "\(batch): \(Strings.text("ok", language)) — "
                + Strings.format(
                    "counts", language, b.experts.count, b.enterprises.count,
                    b.organizations.count, b.conflicts.count, b.unavailability.count, b.fixed.count))
        print(
            Strings.format(
                "horizon", language, b.rules.start.iso, b.rules.end.iso,
                b.calendar.workingDays(from: b.rules.start, through: b.rules.end)))
        print(Strings.format("eligible_of", language, eligible.count, b.enterprises.count))
        var reasons: [String: Int] = [:]
        for s in statuses { if let r = s.ineligibility { reasons[r.code, default: 0] += 1 } }
        for (code, n) in reasons.sorted(by: { $0.key < $1.key }) {
            print("  \(Strings.text("not_eligible", language)): \(Strings.text(code, language)) × \(n)")
        }
        print("")
        print(CapacityHint.table(batch: b, enterprises: eligible.map(\.enterprise), language: language))
    }
}

/// Per industry and listing reason: how many conflict-free, qualified experts the eligible
/// enterprises have (the fewest among them), the first hint of capacity.
enum CapacityHint {
    static func table(batch b: Batch, enterprises: [Enterprise], language: Language) -> String {
        let t = { (key: String) in Strings.text(key, language) }
        var rows: [[String]] = []
        let industries = Set(enterprises.map(\.industry)).sorted()
        for tag in industries {
            let group = enterprises.filter { $0.industry == tag }
            let holders = b.experts.filter { $0.specialties.contains(tag) }
            let free = group.map { e in holders.filter { !b.hasConflict(expert: $0, enterprise: e) }.count }
            rows.append([
                t("industry"), tag, "\(group.count)", "\(holders.count)", "\(free.min() ?? 0)",
                free.min() == 0 ? Strings.text("none_for_some", language) : "",
            ])
        }
        for reason in ListingReason.allCases {
            let group = enterprises.filter { $0.reasons.contains(reason) }
            guard !group.isEmpty else { continue }
            let tags = b.rules.expertise[reason] ?? []
            let holders = b.experts.filter { !$0.specialties.isDisjoint(with: tags) }
            let free = group.map { e in holders.filter { !b.hasConflict(expert: $0, enterprise: e) }.count }
            rows.append([
                t("reason"), reason.rawValue, "\(group.count)", "\(holders.count)",
                tags.isEmpty ? "-" : "\(free.min() ?? 0)", tags.joined(separator: ";"),
            ])
        }
        let auditors = b.experts.filter(\.isAuditor).count
        let leaders = b.experts.filter(\.canLead).count
        rows.append([t("pool"), t("auditors"), "-", "\(auditors)", "-", ""])
        rows.append([t("pool"), t("leaders"), "-", "\(leaders)", "-", ""])
        return TextTable.render(
            header: [t("kind"), t("tag"), t("enterprises"), t("experts_count"), t("conflict_free_min"), t("note")],
            rows: rows)
    }
}
