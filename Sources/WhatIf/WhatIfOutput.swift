import Foundation
import TextFormats

/// The comparison table of what-if rows as text, CSV, JSON and an SVG chart.
public enum WhatIfOutput {
    public static let header = [
        "scenario", "value", "planned", "eligible", "unplanned_top_reasons", "min_buffer", "median_buffer",
        "max_load", "mean_load", "bottleneck_specialties", "bottleneck_days", "status", "gap",
    ]

    static func cells(_ r: WhatIfRow) -> [String] {
        [
            r.scenario, r.value.map { fmt($0) } ?? "", "\(r.planned)", "\(r.eligible)",
            r.unplannedReasons.prefix(3).map { "\($0.code)×\($0.count)" }.joined(separator: "; "),
            r.minBuffer.map(String.init) ?? "", r.medianBuffer.map { fmt($0) } ?? "", "\(r.maxLoad)",
            String(format: "%.2f", r.meanLoad),
            r.bottleneckSpecialties.joined(separator: "; "),
            r.bottleneckDays.prefix(3).joined(separator: "; ")
                + (r.bottleneckDays.count > 3 ? " (+\(r.bottleneckDays.count - 3) more)" : ""),
            r.status, String(format: "%.4f%%", r.gap * 100),
        ]
    }

    /// A number for a table: whole numbers without decimals (any size, never trapping).
    static func fmt(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(format: "%.0f", x) : String(format: "%.2f", x)
    }

    public static func csv(_ rows: [WhatIfRow]) -> String {
        ([header] + rows.map(cells)).map { $0.map(CSVText.field).joined(separator: ",") }.joined(separator: "\n")
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
                + "\"bottleneck_days\": [\(r.bottleneckDays.map(q).joined(separator: ", "))], \"status\": "
                + "\(q(r.status)), \"gap\": \(String(format: "%.6f", r.gap))}"
        }
        return "[\n" + items.joined(separator: ",\n") + (items.isEmpty ? "]\n" : "\n]\n")
    }

    /// Rows for a terminal table (the CLI aligns them).
    public static func tableRows(_ rows: [WhatIfRow]) -> [[String]] { rows.map(cells) }

    /// An SVG line chart: planned share (%) and median deadline buffer against the swept value.
    public static func svg(_ rows: [WhatIfRow], xLabel: String) -> String {
        let points = rows.compactMap { r in r.value.map { ($0, r.plannedShare * 100, r.medianBuffer ?? 0) } }
        let w = 720.0
        let h = 400.0
        let left = 60.0
        let right = 60.0
        let top = 30.0
        let bottom = 50.0
        let xs = points.map(\.0)
        let xMin = xs.min() ?? 0
        let xMax = max(xs.max() ?? 1, (xs.min() ?? 0) + 1e-9)
        let bMax = max(1, points.map(\.2).max() ?? 1)
        func x(_ v: Double) -> Double { left + (v - xMin) / (xMax - xMin) * (w - left - right) }
        func yShare(_ v: Double) -> Double { top + (100 - v) / 100 * (h - top - bottom) }
        func yBuf(_ v: Double) -> Double { top + (bMax - v) / bMax * (h - top - bottom) }
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 "
            + "\(Int(w)) \(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
        for k in 0...5 {
            let v = Double(k) * 20
            s += "<line x1=\"\(left)\" x2=\"\(w - right)\" y1=\"\(yShare(v))\" y2=\"\(yShare(v))\" stroke=\"#e2e8f0\"/>"
            s += "<text x=\"\(left - 6)\" y=\"\(yShare(v) + 4)\" text-anchor=\"end\" fill=\"#2b6cb0\">\(Int(v))%</text>"
            s +=
                "<text x=\"\(w - right + 6)\" y=\"\(yBuf(bMax * Double(k) / 5) + 4)\" fill=\"#c05621\">"
                + "\(fmt((bMax * Double(k) / 5 * 10).rounded() / 10))</text>"
        }
        for p in points {
            s += "<text x=\"\(x(p.0))\" y=\"\(h - bottom + 16)\" text-anchor=\"middle\">\(fmt(p.0))</text>"
        }
        func path(_ ys: [Double], _ color: String) -> String {
            let d = zip(points, ys).enumerated().map {
                "\($0.offset == 0 ? "M" : "L")\(x($0.element.0.0)),\($0.element.1)"
            }.joined(separator: " ")
            return "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
                + zip(points, ys).map { "<circle cx=\"\(x($0.0.0))\" cy=\"\($0.1)\" r=\"3\" fill=\"\(color)\"/>" }
                .joined()
        }
        s += path(points.map { yShare($0.1) }, "#2b6cb0")
        s += path(points.map { yBuf($0.2) }, "#c05621")
        s +=
            "<text x=\"\(w / 2)\" y=\"\(h - 12)\" text-anchor=\"middle\">"
            + xLabel.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            + "</text>"
        s += "<text x=\"\(left)\" y=\"18\" fill=\"#2b6cb0\">planned share (%)</text>"
        s +=
            "<text x=\"\(w - right)\" y=\"18\" text-anchor=\"end\" fill=\"#c05621\">median deadline buffer (working "
            + "days)</text>"
        return s + "</svg>\n"
    }
}
