import PanelModel
import Phrasebook
import PlanModel
import TextFormats

/// Printable documents (`export --format notices`): for each enterprise a notice (告知书) of its
/// initial review and site inspection with what to prepare (the bureau's workflow, section 五),
/// and for each expert an invitation letter (邀请函) listing exactly their tasks. Self-contained
/// HTML, A4, one document per printed page; every sentence from ``Strings``.
///
/// Enterprises are not told who sits on their panels: the notice names dates, places and what
/// to prepare, never experts.
public struct NoticeWriter {
    public let plan: Plan
    public let batch: Batch
    public let language: Language

    public init(plan: Plan, batch: Batch, language: Language) {
        self.plan = plan
        self.batch = batch
        self.language = language
    }

    func t(_ key: String) -> String { HTMLText.escape(Strings.text(key, language)) }

    func fill(_ key: String, _ values: [String: String]) -> String {
        HTMLText.escape(Strings.fill(key, language, values))
    }

    /// `notices/enterprises.html` and `notices/experts.html` (every document, to print at once),
    /// and one file per enterprise and per expert (to send one).
    /// - Complexity: O(assignments · panel size).
    public func files() -> [(name: String, content: String)] {
        var enterprisePages: [(id: String, html: String)] = []
        let byEnterprise = Dictionary(grouping: plan.assignments, by: \.enterpriseID)
        for e in batch.enterprises {
            guard let tasks = byEnterprise[e.id] else { continue }
            enterprisePages.append((e.id, enterpriseNotice(e, tasks)))
        }
        var expertPages: [(id: String, html: String)] = []
        let byExpert = Dictionary(grouping: plan.assignments.flatMap { a in a.experts.map { ($0, a) } }, by: \.0)
        for x in batch.experts {
            guard let tasks = byExpert[x.id]?.map(\.1) else { continue }
            expertPages.append((x.id, invitation(x, tasks)))
        }
        var out = [
            ("notices/enterprises.html", page(t("notice.title"), enterprisePages.map(\.html))),
            ("notices/experts.html", page(t("invitation.title"), expertPages.map(\.html))),
        ]
        out += enterprisePages.map {
            ("notices/enterprise-\(FileNameText.safe($0.id)).html", page(t("notice.title"), [$0.html]))
        }
        out += expertPages.map {
            ("notices/expert-\(FileNameText.safe($0.id)).html", page(t("invitation.title"), [$0.html]))
        }
        return out
    }

    func date(_ day: Day) -> String {
        let c = day.components
        return language == .zh ? "\(c.year)年\(c.month)月\(c.day)日" : day.iso
    }

    func when(_ a: Assignment) -> String { "\(date(a.day)) \(HTMLText.escape(Strings.slot(a.slot, language)))" }

    func districtName(_ code: String) -> String {
        HTMLText.escape(batch.districts.lookup(code).map { Strings.district($0, language) } ?? code)
    }

    /// Where a task is held: desk reviews at the bureau (`[initial_review] location`), site
    /// inspections on the enterprise's premises ("your premises" in the enterprise's notice).
    func place(_ a: Assignment, _ e: Enterprise, toEnterprise: Bool) -> String {
        a.task == .initial
            ? HTMLText.escape(batch.rules.initialReviewLocation ?? Strings.text("bureau", language))
            : t(toEnterprise ? "notice.at_enterprise" : "notice.at_site") + "（\(districtName(e.district))）"
    }

    func enterpriseNotice(_ e: Enterprise, _ tasks: [Assignment]) -> String {
        let initial = tasks.first { $0.task == .initial }
        let site = tasks.first { $0.task == .site }
        var html = "<article class=\"doc\">\n<h1>\(t("notice.title"))</h1>\n"
        let addressee = "\(HTMLText.escape(e.name))（\(t("enterprise_id"))：\(HTMLText.escape(e.id))）"
        html += "<p class=\"to\">\(addressee)：</p>\n"
        html += "<p>\(t("notice.opening"))</p>\n<table>\n"
        html += "<tr><th>\(t("task"))</th><th>\(t("date"))</th><th>\(t("notice.place"))</th></tr>\n"
        for a in [initial, site].compactMap({ $0 }) {
            html += "<tr><td>\(t(a.task.rawValue))</td><td>\(when(a))</td>"
            html += "<td>\(place(a, e, toEnterprise: true))</td></tr>\n"
        }
        html += "</table>\n"
        if initial != nil { html += "<p>\(t("notice.revise"))</p>\n" }
        if site != nil {
            html += "<h2>\(t("notice.prepare_heading"))</h2>\n<ol>\n"
            html += "<li>\(t("notice.prepare_report"))</li>\n<li>\(t("notice.prepare_attachments"))</li>\n</ol>\n"
        }
        html += "<p>\(fill("notice.deadline", ["date": date(e.effectiveDeadline)]))</p>\n"
        html += "<p>\(t("notice.penalty"))</p>\n<p>\(t("notice.free"))</p>\n"
        html += signature()
        return html + "</article>"
    }

    func invitation(_ x: Expert, _ tasks: [Assignment]) -> String {
        let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var html = "<article class=\"doc\">\n<h1>\(t("invitation.title"))</h1>\n"
        html += "<p class=\"to\">\(fill("invitation.dear", ["name": x.name]))</p>\n"
        html += "<p>\(fill("invitation.opening", ["count": "\(tasks.count)"]))</p>\n<table>\n"
        html += "<tr><th>\(t("date"))</th><th>\(t("task"))</th><th>\(t("enterprise"))</th><th>\(t("district"))</th>"
        html += "<th>\(t("notice.place"))</th><th class=\"nw\">\(t("invitation.role"))</th></tr>\n"
        for a in tasks.sorted(by: { ($0.day, $0.slot.rawValue) < ($1.day, $1.slot.rawValue) }) {
            let e = enterprises[a.enterpriseID]
            let role = a.leader == x.id ? t("leader") : t("invitation.member")
            html += "<tr><td>\(when(a))</td><td class=\"nw\">\(t(a.task.rawValue))</td>"
            html += "<td>\(HTMLText.escape(e?.name ?? a.enterpriseID))</td>"
            html += "<td>\(e.map { districtName($0.district) } ?? "")</td>"
            html += "<td>\(e.map { place(a, $0, toEnterprise: false) } ?? "")</td><td class=\"nw\">\(role)</td></tr>\n"
        }
        html += "</table>\n<p>\(t("invitation.conflict"))</p>\n<p>\(t("invitation.decline"))</p>\n"
        html += signature()
        return html + "</article>"
    }

    func signature() -> String {
        "<p class=\"sign\">\(t("notice.issuer"))<br>\(date(batch.rules.today))</p>\n"
    }

    func page(_ title: String, _ documents: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head><meta charset="utf-8"><title>\(title) · \(HTMLText.escape(plan.batchName))</title>
        <style>\(Self.css)</style></head>
        <body>
        \(documents.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static let css = """
        @page { size: A4; margin: 22mm 20mm; }
        body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Songti SC", serif; color: #000;
          font-size: 11pt; line-height: 1.55; margin: 0 auto; max-width: 170mm; }
        .doc { padding: 0; break-after: page; page-break-after: always; }
        .doc:last-child { break-after: auto; page-break-after: auto; }
        h1 { text-align: center; font-size: 19pt; letter-spacing: 0.3em; margin: 0 0 6mm; }
        h2 { font-size: 13pt; margin: 5mm 0 2mm; }
        .to { font-weight: bold; }
        table { border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 10pt; line-height: 1.35; }
        tr { break-inside: avoid; }
        th, td { border: 1px solid #000; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .nw { white-space: nowrap; }
        .sign { text-align: right; margin-top: 8mm; }
        @media screen { .doc { border-bottom: 1px dashed #999; padding: 8mm 0; } }
        """
}
