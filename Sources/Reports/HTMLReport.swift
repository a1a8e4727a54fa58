import Foundation
import PanelModel
import Phrasebook
import PlanModel
import TextFormats

/// A one-file HTML report of a plan: no scripts, no network, no external fonts; prints on A4.
public struct HTMLReport {
    public let plan: Plan
    public let batch: Batch
    public let language: Language

    public init(plan: Plan, batch: Batch, language: Language) {
        self.plan = plan
        self.batch = batch
        self.language = language
    }

    func t(_ key: String) -> String { Strings.text(key, language) }

    var enterprises: [String: Enterprise] {
        Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
    var expertNames: [String: String] {
        Dictionary(batch.experts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The whole document.
    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Strings.text("html_lang", language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(t("report_title"))) — \(HTMLText.escape(plan.batchName))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header><h1>\(HTMLText.escape(t("report_title")))</h1><p class="sub">\(HTMLText.escape(plan.batchName)) · \
        \(batch.rules.start.iso) – \(batch.rules.end.iso)</p></header>
        \(glance())
        \(calendarSection())
        \(timelineSection())
        \(loadSection())
        \(mapSection())
        \(unplannedSection())
        <footer>PanelPlan · \(HTMLText.escape(plan.status.rawValue)) · \(t("objective")) \
        \(String(format: "%.2f", plan.objective)) · \(t("bound")) \(String(format: "%.2f", plan.bound))</footer>
        </body>
        </html>

        """
    }

    static let css = """
        :root { --initial: #2b6cb0; --site: #c05621; --holiday: #fde8e8; --workday: #e6fffa; --ink: #1a202c; --muted: \
        #718096; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, \
        sans-serif; color: var(--ink); margin: 24px; font-size: 13px; }
        h1 { font-size: 22px; margin: 0; } h2 { font-size: 16px; border-bottom: 2px solid #e2e8f0; padding-bottom: \
        4px; margin-top: 28px; }
        .sub { color: var(--muted); margin: 4px 0 0; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { border: 1px solid #e2e8f0; border-radius: 6px; padding: 10px 14px; min-width: 140px; }
        .card .v { font-size: 22px; font-weight: bold; } .card .k { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #e2e8f0; padding: 3px 5px; text-align: left; vertical-align: top; }
        th { background: #f7fafc; }
        .month { margin-bottom: 14px; break-inside: avoid; }
        .month td { height: 58px; width: 14.28%; font-size: 11px; }
        .month td.off { background: #f7fafc; color: #a0aec0; }
        .month td.holiday { background: var(--holiday); }
        .month td.workday { background: var(--workday); }
        .day { font-weight: bold; } .note { color: var(--muted); font-size: 10px; }
        .task { display: block; border-radius: 3px; padding: 0 3px; margin: 1px 0; color: #fff; white-space: nowrap; \
        overflow: hidden; }
        .task.initial { background: var(--initial); } .task.site { background: var(--site); }
        .legend span { display: inline-block; margin-right: 12px; }
        .sw { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
        svg text { font-size: 10px; fill: var(--ink); }
        footer { margin-top: 28px; color: var(--muted); font-size: 11px; }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { margin: 0; font-size: 10px; }
          h2 { break-after: avoid; }
          section { break-inside: auto; }
          .month, .card, svg { break-inside: avoid; }
          .task { color: #000; background: none !important; border: 1px solid #999; }
        }
        """

    // MARK: sections

    func glance() -> String {
        var atRisk: [String] = []
        for a in plan.assignments where a.task == .site {
            guard let e = enterprises[a.enterpriseID] else { continue }
            let buffer = batch.calendar.workingDays(from: a.day + 1, through: e.effectiveDeadline)
            if buffer < 5 {
                atRisk.append("\(e.id) \(e.name): \(a.day.iso) → \(e.effectiveDeadline.iso) " + "(\(buffer))")
            }
        }
        let cards = [
            (t("planned") + " / " + t("eligible"), "\(plan.plannedCount) / \(plan.eligibleCount)"),
            (t("status"), plan.status.rawValue),
            (t("gap"), String(format: "%.4f%%", plan.gap * 100)),
            (t("panels"), "\(plan.assignments.count)"),
            (t("deadlines_at_risk"), "\(atRisk.count + plan.unscheduled.filter(\.eligible).count)"),
            (t("experts"), "\(Set(plan.assignments.flatMap(\.experts)).count) / \(batch.experts.count)"),
        ]
        var html = "<section id=\"glance\"><h2>\(t("at_a_glance"))</h2><div class=\"cards\">"
        for (k, v) in cards {
            html +=
                "<div class=\"card\"><div class=\"v\">\(HTMLText.escape(v))</div>"
                + "<div class=\"k\">\(HTMLText.escape(k))</div></div>"
        }
        html += "</div>"
        if !atRisk.isEmpty {
            html +=
                "<p>\(t("deadlines_at_risk")):</p><ul>" + atRisk.map { "<li>\(HTMLText.escape($0))</li>" }.joined()
                + "</ul>"
        }
        return html + "</section>"
    }

    func calendarSection() -> String {
        var byDay: [Day: [Assignment]] = [:]
        for a in plan.assignments { byDay[a.day, default: []].append(a) }
        var html =
            "<section id=\"calendar\"><h2>\(t("calendar"))</h2><p class=\"legend\"><span><i class=\"sw\" "
            + "style=\"background:var(--initial)\"></i>\(t("initial"))</span><span><i class=\"sw\" "
            + "style=\"background:var(--site)\"></i>\(t("site"))</span><span><i class=\"sw\" "
            + "style=\"background:var(--holiday)\"></i>\(t("holiday"))</span><span><i class=\"sw\" "
            + "style=\"background:var(--workday)\"></i>\(t("workday"))</span></p>"
        var (y, m, _) = batch.rules.start.components
        let (ey, em, _) = batch.rules.end.components
        let weekdays =
            language == .zh
            ? ["一", "二", "三", "四", "五", "六", "日"]
            : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var months = 0
        while (y, m) <= (ey, em) && months < 24 {
            let first = Day(year: y, month: m, day: 1)!
            html +=
                "<div class=\"month\"><h3>"
                + "\(Strings.format("month_heading", language, y, m))</h3><table><tr>"
                + weekdays.map { "<th>\($0)</th>" }.joined() + "</tr><tr>"
            html += String(repeating: "<td class=\"off\"></td>", count: first.weekday - 1)
            for d in 1...Day.daysIn(year: y, month: m) {
                let day = Day(year: y, month: m, day: d)!
                var cls = batch.calendar.isWorkingDay(day) ? "" : "off"
                if batch.calendar.holidays[day] != nil { cls = "holiday" }
                if batch.calendar.workdays[day] != nil { cls = "workday" }
                html += "<td class=\"\(cls)\"><span class=\"day\">\(d)</span>"
                if let name = batch.calendar.officialName(of: day), !name.isEmpty {
                    html += " <span class=\"note\">\(HTMLText.escape(name))</span>"
                }
                for a in (byDay[day] ?? []).sorted(by: { ($0.slot, $0.enterpriseID) < ($1.slot, $1.enterpriseID) }) {
                    let title =
                        "\(t(a.task.rawValue)) \(enterprises[a.enterpriseID]?.name ?? a.enterpriseID) "
                        + "\(t(a.slot.rawValue))"
                    html +=
                        "<span class=\"task \(a.task.rawValue)\" title=\"\(HTMLText.escape(title))\">"
                        + "\(a.slot == .am ? "☀" : "☾") \(HTMLText.escape(a.enterpriseID))</span>"
                }
                html += "</td>"
                if day.weekday == 7 && d < Day.daysIn(year: y, month: m) { html += "</tr><tr>" }
            }
            let last = Day(year: y, month: m, day: Day.daysIn(year: y, month: m))!
            html += String(repeating: "<td class=\"off\"></td>", count: 7 - last.weekday) + "</tr></table></div>"
            m += 1
            if m > 12 {
                m = 1
                y += 1
            }
            months += 1
        }
        return html + "</section>"
    }

    func timelineSection() -> String {
        let days = batch.calendar.workingDayList(from: batch.rules.start, through: batch.rules.end)
        guard !days.isEmpty else { return "" }
        let index = Dictionary(days.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [String: [Assignment]] = [:]
        for a in plan.assignments { for e in a.experts { rows[e, default: []].append(a) } }
        let experts = rows.keys.sorted()
        let left = 130.0
        let cell = max(4.0, min(12.0, 640.0 / Double(days.count)))
        let row = 13.0
        let width = left + cell * Double(days.count) + 40
        let height = 24 + row * Double(experts.count)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 "
            + "0 \(Int(width)) \(Int(height))\" role=\"img\" font-size=\"10\">"
        // A tick at each month's first working day (the 1st may be a holiday or a weekend); a
        // label that would run past the right edge ends at its tick instead.
        for (k, day) in days.enumerated() where k == 0 || day.components.month != days[k - 1].components.month {
            let x = left + cell * Double(k)
            let anchor = x + 34 > width ? "end" : "start"
            svg +=
                "<text x=\"\(x)\" y=\"12\" text-anchor=\"\(anchor)\">\(day.iso.dropFirst(5))</text><line "
                + "x1=\"\(x)\" y1=\"16\" x2=\"\(x)\" y2=\"\(height)\" stroke=\"#e2e8f0\"/>"
        }
        for (r, id) in experts.enumerated() {
            let y = 20 + row * Double(r)
            svg +=
                "<text x=\"0\" y=\"\(y + 9)\">\(HTMLText.escape(id)) \(HTMLText.escape(expertNames[id] ?? ""))</text>"
            for a in rows[id]! {
                guard let k = index[a.day] else { continue }
                let x = left + cell * Double(k) + (a.slot == .pm ? cell / 2 : 0)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y + 1)\" width=\"\(cell / 2)\" height=\"\(row - 3)\" "
                    + "fill=\"\(a.task == .initial ? "#2b6cb0" : "#c05621")\"><title>"
                    + HTMLText.escape("\(a.day.iso) \(t(a.slot.rawValue)) \(t(a.task.rawValue)) \(a.enterpriseID)")
                    + "</title></rect>"
            }
        }
        return "<section id=\"timeline\"><h2>\(t("timeline"))</h2>\(svg)</svg></section>"
    }

    func loadSection() -> String {
        let load = Workload.perExpert(plan.assignments)
        let experts = batch.experts.map(\.id).sorted { (load[$0]?.total ?? 0, $1) > (load[$1]?.total ?? 0, $0) }
        let maxLoad = max(1, load.values.map(\.total).max() ?? 1)
        let barW = max(3.0, min(14.0, 700.0 / Double(max(1, experts.count))))
        let h = 160.0
        let width = 40 + barW * Double(experts.count) + 10
        let height = h + 90
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 "
            + "0 \(Int(width)) \(Int(height))\" role=\"img\" font-size=\"10\">"
        // Expert ids under the bars, turned upright; every n-th when the bars are narrow.
        let every = max(1, Int((10 / barW).rounded(.up)))
        for (k, id) in experts.enumerated() where k % every == 0 {
            let x = 40 + barW * (Double(k) + 0.5) + 3
            svg +=
                "<text x=\"\(x)\" y=\"\(h + 14)\" transform=\"rotate(-90 \(x) \(h + 14))\" text-anchor=\"end\" "
                + "font-size=\"9\">\(HTMLText.escape(id))</text>"
        }
        for tick in 0...maxLoad where maxLoad <= 12 || tick % 2 == 0 {
            let y = 10 + h - h * Double(tick) / Double(maxLoad)
            svg +=
                "<line x1=\"36\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#edf2f7\"/><text x=\"0\" "
                + "y=\"\(y + 3)\">\(tick)</text>"
        }
        for (k, id) in experts.enumerated() {
            let l = load[id] ?? Workload.Count()
            let x = 40 + barW * Double(k)
            let hi = h * Double(l.initial) / Double(maxLoad)
            let hs = h * Double(l.site) / Double(maxLoad)
            svg +=
                "<rect x=\"\(x)\" y=\"\(10 + h - hi - hs)\" width=\"\(barW - 1)\" height=\"\(hs)\" fill=\"#c05621\">"
                + "<title>\(HTMLText.escape("\(id) \(expertNames[id] ?? ""): \(l.site) \(t("site"))"))</title></rect>"
            svg +=
                "<rect x=\"\(x)\" y=\"\(10 + h - hi)\" width=\"\(barW - 1)\" height=\"\(hi)\" fill=\"#2b6cb0\">"
                + "<title>"
                + HTMLText.escape("\(id) \(expertNames[id] ?? ""): \(l.initial) \(t("initial"))") + "</title></rect>"
        }
        svg += "<text x=\"40\" y=\"\(height - 4)\">\(HTMLText.escape(t("experts"))) (\(experts.count))</text></svg>"
        return "<section id=\"load\"><h2>\(t("load_chart"))</h2>\(svg)</section>"
    }

    func mapSection() -> String {
        let districts = batch.districts.districts
        guard !districts.isEmpty else { return "" }
        var visits: [String: Int] = [:]
        for a in plan.assignments where a.task == .site {
            if let e = enterprises[a.enterpriseID] { visits[e.district, default: 0] += 1 }
        }
        let lats = districts.map(\.latitude)
        let lons = districts.map(\.longitude)
        let (minLat, maxLat, minLon, maxLon) = (lats.min()!, lats.max()!, lons.min()!, lons.max()!)
        let w = 720.0
        let h = 320.0
        let pad = 40.0
        func x(_ lon: Double) -> Double { pad + (lon - minLon) / max(1e-9, maxLon - minLon) * (w - 2 * pad) }
        func y(_ lat: Double) -> Double { h - pad - (lat - minLat) / max(1e-9, maxLat - minLat) * (h - 2 * pad) }
        let maxVisits = max(1, visits.values.max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 "
            + "\(Int(w)) \(Int(h))\" role=\"img\" font-size=\"12\"><rect width=\"\(Int(w))\" height=\"\(Int(h))\" "
            + "fill=\"#f0f7ff\"/>"
        // Bubbles first, then each label beside its bubble where it neither leaves the map nor
        // covers a bubble or a label already placed: right, left, above, below.
        func radius(_ d: District) -> Double { 5 + 14 * sqrt(Double(visits[d.code] ?? 0) / Double(maxVisits)) }
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = districts.map { d in
            let (cx, cy, r) = (x(d.longitude), y(d.latitude), radius(d))
            return (cx - r, cy - r, cx + r, cy + r)
        }
        var labels = ""
        for d in districts {
            let n = visits[d.code] ?? 0
            let r = radius(d)
            let (cx, cy) = (x(d.longitude), y(d.latitude))
            svg +=
                "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(r)\" fill=\"#c05621\" "
                + "fill-opacity=\"\(n == 0 ? 0.15 : 0.6)\" stroke=\"#7b341e\"><title>"
                + "\(HTMLText.escape("\(d.nameZh) \(d.nameEn): \(n)"))</title></circle>"
            let text = "\(Strings.district(d, language)) \(n)"
            let width = text.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E80 ? 12 : 7) }
            let spots = [
                (cx + r + 3, cy + 4), (cx - r - 3 - width, cy + 4), (cx - width / 2, cy - r - 4),
                (cx - width / 2, cy + r + 13),
            ]
            let fits = spots.map { s in (x0: s.0, y0: s.1 - 11, x1: s.0 + width, y1: s.1 + 2) }
            let free = fits.first { b in
                b.x0 >= 2 && b.x1 <= w - 2 && b.y0 >= 2 && b.y1 <= h - 2
                    && !placed.contains { $0.x0 < b.x1 && b.x0 < $0.x1 && $0.y0 < b.y1 && b.y0 < $0.y1 }
            }
            let box = free ?? fits.first { $0.x0 >= 2 && $0.x1 <= w - 2 } ?? fits[0]
            placed.append(box)
            labels += "<text x=\"\(box.x0)\" y=\"\(box.y1 - 2)\">\(HTMLText.escape(text))</text>"
        }
        svg += labels
        return "<section id=\"map\"><h2>\(t("map"))</h2>\(svg)</svg></section>"
    }

    func unplannedSection() -> String {
        var html = "<section id=\"unplanned\"><h2>\(t("unplanned"))</h2>"
        guard !plan.unscheduled.isEmpty else { return html + "<p>\(t("none"))</p></section>" }
        html +=
            "<table><tr><th>\(t("enterprise_id"))</th><th>\(t("enterprise"))</th><th>\(t("task"))</th><th>"
            + "\(t("code"))</th><th>\(t("cause"))</th><th>\(t("reason"))</th></tr>"
        for u in plan.unscheduled {
            html +=
                "<tr><td>\(HTMLText.escape(u.enterpriseID))</td><td>"
                + "\(HTMLText.escape(enterprises[u.enterpriseID]?.name ?? ""))</td><td>"
                + HTMLText.escape(u.task.map { t($0.rawValue) } ?? t("both"))
                + "</td><td>\(HTMLText.escape(u.code.rawValue))</td><td>"
                + "\(HTMLText.escape(Strings.cause(u.code.rawValue, language)))</td><td>"
                + "\(HTMLText.escape(u.reason(in: language)))</td></tr>"
        }
        return html + "</table></section>"
    }
}
