import TextFormats

/// The frame of the what-if SVG charts: margins, grid lines, lines with markers and a legend.
struct Chart {
    let width: Double
    let height: Double
    let left = 60.0
    let right = 60.0
    let top = 40.0
    let bottom = 60.0

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// The y coordinate of a share of the plot's height (0 at the bottom, 1 at the top).
    func y(_ share: Double) -> Double { top + (1 - share) * plotHeight }

    enum Marker { case circle, square, triangle, diamond }

    /// A named line: colour, dash pattern (nil: solid) and marker tell it apart.
    struct Series {
        var name: String
        var color: String
        var dash: String?
        var marker: Marker
    }

    func open() -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"Noto Sans CJK SC, sans-serif\" "
            + "font-size=\"11\"><rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
    }

    /// A text at (x, y): `anchor` start, middle or end; `color` nil for black.
    func label(_ x: Double, _ y: Double, _ text: String, anchor: String = "start", color: String? = nil) -> String {
        let fill = color.map { " fill=\"\($0)\"" } ?? ""
        return "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\"\(fill)>\(HTMLText.escape(text))</text>"
    }

    func gridLine(_ y: Double) -> String {
        "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#e2e8f0\"/>"
    }

    func marker(_ m: Marker, _ x: Double, _ y: Double, _ color: String) -> String {
        switch m {
        case .circle: return "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"3\" fill=\"\(color)\"/>"
        case .square: return "<rect x=\"\(x - 3)\" y=\"\(y - 3)\" width=\"6\" height=\"6\" fill=\"\(color)\"/>"
        case .triangle:
            return "<path d=\"M\(x),\(y - 4) L\(x + 4),\(y + 3) L\(x - 4),\(y + 3) Z\" fill=\"\(color)\"/>"
        case .diamond:
            return "<path d=\"M\(x),\(y - 4) L\(x + 4),\(y) L\(x),\(y + 4) L\(x - 4),\(y) Z\" fill=\"\(color)\"/>"
        }
    }

    func line(_ points: [(Double, Double)], _ s: Series) -> String {
        let d = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\($0.element.0),\($0.element.1)" }
        let dash = s.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return "<path d=\"\(d.joined(separator: " "))\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2\"\(dash)/>"
            + points.map { marker(s.marker, $0.0, $0.1, s.color) }.joined()
    }

    /// The x axis' caption, under the ticks.
    func caption(_ text: String) -> String {
        "<text x=\"\(width / 2)\" y=\"\(height - 14)\" text-anchor=\"middle\">\(HTMLText.escape(text))</text>"
    }

    func title(_ text: String) -> String {
        "<text x=\"\(left)\" y=\"16\" font-weight=\"bold\">\(HTMLText.escape(text))</text>"
    }

    /// One entry per series along the top: a short line in its style, its marker and its name.
    func legend(_ series: [Series]) -> String {
        var out = ""
        var x = left
        for s in series {
            let y = top - 14
            let dash = s.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            out += "<line x1=\"\(x)\" x2=\"\(x + 24)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"\(s.color)\""
            out += " stroke-width=\"2\"\(dash)/>"
            out += marker(s.marker, x + 12, y, s.color)
            out += "<text x=\"\(x + 30)\" y=\"\(y + 4)\" fill=\"\(s.color)\">\(HTMLText.escape(s.name))</text>"
            x += 40 + Double(s.name.count) * 11
        }
        return out
    }

    /// A step of 1, 2 or 5 × 10^k that divides `maximum` into at most `ticks` (+1) whole steps.
    static func niceStep(_ maximum: Double, ticks: Int) -> Double {
        var step = 1.0
        while maximum / step > Double(ticks) {
            for factor in [2.0, 2.5, 2.0] {
                step *= factor
                if maximum / step <= Double(ticks) { break }
            }
        }
        return step.rounded()
    }
}
