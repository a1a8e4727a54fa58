import Foundation
import Phrasebook
import Reports
import TextFormats

/// The comparison table of what-if rows as text, CSV, JSON and an SVG chart.
public enum WhatIfOutput {
    public static let header = [
        "scenario", "value", "planned", "eligible", "unplanned_top_reasons", "min_buffer", "median_buffer",
        "max_load", "mean_load", "bottleneck_specialties", "binding_weeks", "status", "gap",
    ]

    /// Columns named as the plan summary names them, with the string table's general keys.
    static let generalColumns: Set = ["planned", "status", "gap"]

    /// The table's column names in `language` (whatif.csv and whatif.json keep ``header``'s keys).
    public static func tableHeader(_ language: Language) -> [String] {
        header.map { Strings.text(generalColumns.contains($0) ? $0 : "whatif.column." + $0, language) }
    }

    /// A week table's role in `language`: seats, leaders and auditors from the string table, an
    /// industry by its tag.
    static func roleName(_ role: String, _ language: Language) -> String {
        role.hasPrefix("industry:")
            ? String(role.dropFirst("industry:".count)) : Strings.text("whatif.role." + role, language)
    }

    /// The name of the first scenario, the batch as it is, in whatif.csv and whatif.json.
    public static let baseline = "baseline"

    /// A scenario's name as the terminal table shows it: the baseline's in `language`, the
    /// others as the scenario files name them.
    public static func scenarioName(_ name: String, _ language: Language) -> String {
        name == baseline && language != .en ? Strings.text("whatif.baseline", language) : name
    }

    /// A row's cells; in the terminal table (`language` given) the status and the baseline's
    /// name read in that language.
    static func cells(_ r: WhatIfRow, _ language: Language = .en) -> [String] {
        let binding =
            language == .en
            ? r.bindingWeeks : r.weeks.filter(\.isBinding).map { "\($0.week) \(roleName($0.role, language))" }
        let more = binding.count - 3
        return [
            scenarioName(r.scenario, language), r.value.map { fmt($0) } ?? "", "\(r.planned)", "\(r.eligible)",
            r.unplannedReasons.prefix(3).map { "\($0.code)×\($0.count)" }.joined(separator: "; "),
            r.minBuffer.map(String.init) ?? "", r.medianBuffer.map { fmt($0) } ?? "", "\(r.maxLoad)",
            String(format: "%.2f", r.meanLoad),
            r.bottleneckSpecialties.joined(separator: "; "),
            binding.prefix(3).joined(separator: "; ")
                + (more > 0 ? Strings.fill("whatif.more-weeks", language, ["count": "\(more)"]) : ""),
            language == .en ? r.status : Strings.text(r.status, language), String(format: "%.4f%%", r.gap * 100),
        ]
    }

    /// A number for a table: whole numbers without decimals (any size, never trapping).
    static func fmt(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(format: "%.0f", x) : String(format: "%.2f", x)
    }

    public static func csv(_ rows: [WhatIfRow]) -> String {
        ([header] + rows.map { cells($0) }).map { $0.map(CSVText.field).joined(separator: ",") }.joined(separator: "\n")
            + "\n"
    }

    public static func json(_ rows: [WhatIfRow]) -> String {
        let q = JSONText.quote
        let items = rows.map { r in
            "  {\"scenario\": \(q(r.scenario)), \"value\": \(r.value.map { fmt($0) } ?? "null"), \"planned\": "
                + "\(r.planned), \"eligible\": \(r.eligible), "
                + "\"unplanned_reasons\": "
                + "{\(r.unplannedReasons.map { "\(q($0.code)): \($0.count)" }.joined(separator: ", "))}, "
                + "\"min_buffer\": \(r.minBuffer.map(String.init) ?? "null"), \"median_buffer\": "
                + "\(r.medianBuffer.map { fmt($0) } ?? "null"), "
                + "\"max_load\": \(r.maxLoad), \"mean_load\": \(String(format: "%.4f", r.meanLoad)), "
                + "\"bottleneck_specialties\": [\(r.bottleneckSpecialties.map(q).joined(separator: ", "))], "
                + "\"binding_weeks\": [\(r.bindingWeeks.map(q).joined(separator: ", "))], \"weeks\": ["
                + r.weeks.map(weekJSON).joined(separator: ", ") + "], \"status\": "
                + "\(q(r.status)), \"gap\": \(String(format: "%.6f", r.gap))}"
        }
        return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
    }

    static func weekJSON(_ w: WeekCapacity) -> String {
        "{\"week\": \(JSONText.quote(w.week)), \"role\": \(JSONText.quote(w.role)), \"demand\": \(w.demand), "
            + "\"supply\": \(w.supply), \"binding\": \(w.isBinding)}"
    }

    /// A plan's weeks as a terminal table: one row a week, `demand/supply` per role (every seat,
    /// leaders, auditors, and the industries that are binding some week), `*` when binding.
    public static func weekTable(_ row: WhatIfRow, language: Language = .en) -> (header: [String], rows: [[String]]) {
        let binding = Set(row.weeks.filter(\.isBinding).map(\.role))
        var roles: [String] = []
        for w in row.weeks where !roles.contains(w.role) {
            if !w.role.hasPrefix("industry:") || binding.contains(w.role) { roles.append(w.role) }
        }
        var cells: [String: [String: String]] = [:]
        var weeks: [String] = []
        for w in row.weeks {
            if !weeks.contains(w.week) { weeks.append(w.week) }
            cells[w.week, default: [:]][w.role] = "\(w.demand)/\(w.supply)\(w.isBinding ? "*" : "")"
        }
        let header = [Strings.text("whatif.column.week", language)] + roles.map { roleName($0, language) }
        return (header, weeks.map { w in [w] + roles.map { cells[w]?[$0] ?? "" } })
    }

    /// whatif-weeks.csv: one row per scenario, week and role.
    public static func weeksCSV(_ rows: [WhatIfRow]) -> String {
        var out = "scenario,week,role,demand,supply,binding\n"
        for r in rows {
            for w in r.weeks {
                out +=
                    [r.scenario, w.week, w.role, "\(w.demand)", "\(w.supply)", w.isBinding ? "yes" : "no"]
                    .map(CSVText.field).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// The terminal table's rows, in `language` (the CLI aligns them).
    public static func tableRows(_ rows: [WhatIfRow], language: Language = .en) -> [[String]] {
        rows.map { cells($0, language) }
    }

    /// An SVG line chart: planned share (%) and median deadline buffer against the swept value,
    /// in `language`; the buffer's ticks are whole working days, the two lines differ in colour,
    /// dash and marker and are named in a legend.
    public static func svg(_ rows: [WhatIfRow], xLabel: String, language: Language = .en) -> String {
        let points = rows.compactMap { r in r.value.map { ($0, r.plannedShare * 100, r.medianBuffer ?? 0) } }
        let chart = Chart(width: 720, height: 400)
        let xs = points.map(\.0)
        let xMin = xs.min() ?? 0
        let xMax = max(xs.max() ?? 1, (xs.min() ?? 0) + 1e-9)
        // Whole working days: a step of 1, 2, 5, 10, … giving at most 6 ticks.
        let step = Chart.niceStep(max(1, points.map(\.2).max() ?? 1), ticks: 5)
        let bMax = step * (max(1, points.map(\.2).max() ?? 1) / step).rounded(.up)
        func x(_ v: Double) -> Double { chart.left + (v - xMin) / (xMax - xMin) * chart.plotWidth }
        func yShare(_ v: Double) -> Double { chart.y(v / 100) }
        func yBuf(_ v: Double) -> Double { chart.y(v / bMax) }
        var s = chart.open()
        for k in 0...5 {
            let v = Double(k) * 20
            s += chart.gridLine(yShare(v))
            s += chart.label(chart.left - 6, yShare(v) + 4, "\(Int(v))%", anchor: "end", color: "#2b6cb0")
        }
        for v in stride(from: 0.0, through: bMax, by: step) {
            s += chart.label(chart.width - chart.right + 6, yBuf(v) + 4, "\(Int(v))", color: "#c05621")
        }
        for p in points {
            s += chart.label(x(p.0), chart.height - chart.bottom + 16, fmt(p.0), anchor: "middle")
        }
        let share = Chart.Series(
            name: Strings.text("chart_planned_share", language), color: "#2b6cb0", dash: nil, marker: .circle)
        let buffer = Chart.Series(
            name: Strings.text("chart_median_buffer", language), color: "#c05621", dash: "6 4", marker: .square)
        s += chart.line(points.map { (x($0.0), yShare($0.1)) }, share)
        s += chart.line(points.map { (x($0.0), yBuf($0.2)) }, buffer)
        s += chart.caption(xLabel)
        s += chart.legend([share, buffer])
        return s + "</svg>\n"
    }

    /// An SVG chart of a plan's weeks: demand as a share of supply for every seat, the leaders,
    /// the auditors and the three industries that come closest to their supply; one line each,
    /// told apart by colour, dash and marker, named in a legend.
    public static func weeksSVG(_ row: WhatIfRow, language: Language = .en) -> String {
        let weeks = Array(Set(row.weeks.map(\.week))).sorted()
        guard !weeks.isEmpty else { return Chart(width: 720, height: 400).open() + "</svg>\n" }
        var byRole: [String: [String: Double]] = [:]
        for w in row.weeks where w.supply > 0 {
            byRole[w.role, default: [:]][w.week] = Double(w.demand) / Double(w.supply)
        }
        let industries = byRole.keys.filter { $0.hasPrefix("industry:") }.sorted { a, b in
            let pa = byRole[a]?.values.max() ?? 0
            let pb = byRole[b]?.values.max() ?? 0
            return pa != pb ? pa > pb : a < b
        }
        let roles = ["seats", "leaders", "auditors"].filter { byRole[$0] != nil } + industries.prefix(3)
        let peak = max(1, byRole.values.flatMap(\.values).max() ?? 1)
        let top = (peak * 5).rounded(.up) / 5
        let chart = Chart(width: 760, height: 420)
        func x(_ k: Int) -> Double {
            chart.left + (weeks.count == 1 ? 0.5 : Double(k) / Double(weeks.count - 1)) * chart.plotWidth
        }
        var s = chart.open()
        for k in 0...5 {
            let v = top * Double(k) / 5
            s += chart.gridLine(chart.y(v / top))
            s += chart.label(chart.left - 6, chart.y(v / top) + 4, "\(Int(v * 100))%", anchor: "end")
        }
        let every = max(1, weeks.count / 12)
        for (k, w) in weeks.enumerated() where k % every == 0 {
            s += chart.label(x(k), chart.height - chart.bottom + 16, String(w.suffix(3)), anchor: "middle")
        }
        let styles: [(String, String?, Chart.Marker)] = [
            ("#2b6cb0", nil, .circle), ("#c05621", "6 4", .square), ("#2f855a", "2 3", .triangle),
            ("#6b46c1", "8 3 2 3", .diamond), ("#b7791f", "4 2", .circle), ("#718096", "1 3", .square),
        ]
        var series: [Chart.Series] = []
        for (k, role) in roles.enumerated() {
            let style = styles[k % styles.count]
            let name =
                role.hasPrefix("industry:")
                ? Strings.format("role_industry", language, String(role.dropFirst("industry:".count)))
                : Strings.text("role_" + role, language)
            let one = Chart.Series(name: name, color: style.0, dash: style.1, marker: style.2)
            series.append(one)
            let points = weeks.enumerated().map { (x($0.offset), chart.y((byRole[role]?[$0.element] ?? 0) / top)) }
            s += chart.line(points, one)
        }
        s += chart.caption(Strings.text("chart_week", language) + " (\(weeks.first!)..\(weeks.last!))")
        s += chart.title(Strings.text("chart_week_use", language))
        s += chart.legend(series)
        return s + "</svg>\n"
    }
}
