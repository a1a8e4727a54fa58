import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet part (xl/worksheets/sheetN.xml) as text rows.
enum SheetPart {
    /// The most columns a row may have (Excel's own limit, XFD).
    static let columnLimit = 16_384

    static func parse(_ data: Data, strings: [String], styles: StylesPart, date1904: Bool) throws -> [(
        row: Int, cells: [String]
    )] {
        final class Delegate: NSObject, XMLParserDelegate {
            let strings: [String]
            let styles: StylesPart
            let date1904: Bool
            var rows: [(row: Int, cells: [String])] = []
            var rowNumber = 0
            var cells: [String] = []
            var column = 0
            var type = ""
            var style = 0
            var value = ""
            var inValue = false
            var inInline = false
            var failure: XLSXError?

            init(strings: [String], styles: StylesPart, date1904: Bool) {
                self.strings = strings
                self.styles = styles
                self.date1904 = date1904
            }

            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                switch localName(name) {
                case "row":
                    rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    cells = []
                    column = 0
                case "c":
                    if let reference = attributes["r"], let c = XLSXCellReference.column(reference) {
                        column = c
                    }
                    type = attributes["t"] ?? "n"
                    style = attributes["s"].flatMap { Int($0) } ?? 0
                    value = ""
                case "v": inValue = true
                case "is": inInline = true
                case "t" where inInline: inValue = true
                default: break
                }
            }

            func parser(
                _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
            ) {
                switch localName(name) {
                case "v", "t": inValue = false
                case "is": inInline = false
                case "c":
                    guard column < SheetPart.columnLimit else {
                        failure = XLSXError(message: "row \(rowNumber) has more than \(SheetPart.columnLimit) columns")
                        parser.abortParsing()
                        return
                    }
                    if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
                    cells[column] = text()
                    column += 1
                case "row":
                    if cells.contains(where: { !$0.isEmpty }) { rows.append((rowNumber, cells)) }
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inValue { value += string }
            }

            /// The cell's text: its string, its number (a date when its format is one), or its
            /// boolean as 1/0; an error value (#N/A) as written.
            func text() -> String {
                switch type {
                case "s":
                    guard let k = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(k) else {
                        return ""
                    }
                    return strings[k]
                case "inlineStr", "str", "e": return value
                case "b": return value == "1" ? "1" : "0"
                default:
                    guard let x = Double(value.trimmingCharacters(in: .whitespaces)), x.isFinite else { return value }
                    if style < styles.isDate.count && styles.isDate[style],
                        let day = ExcelDate.iso(serial: x, date1904: date1904)
                    {
                        return day
                    }
                    return ExcelDate.numberText(x)
                }
            }
        }
        let delegate = Delegate(strings: strings, styles: styles, date1904: date1904)
        do {
            try parseXML(data, delegate, part: "a worksheet")
        } catch {
            throw delegate.failure ?? error
        }
        return delegate.rows
    }
}

/// A1-style cell references.
enum XLSXCellReference {
    /// The 0-based column of a reference like `C12` (nil when it has no letters).
    static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for u in reference.unicodeScalars {
            guard ("A"..."Z").contains(u) || ("a"..."z").contains(u) else { break }
            let v = Int(u.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
            column = column * 26 + v
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }
}

/// Excel's serial dates and its number text.
enum ExcelDate {
    /// `YYYY-MM-DD` of a serial day number (the fraction, a time of day, is dropped), nil out of
    /// range. The 1900 system counts 1900-02-29, a day that never was: serials from 61 on are
    /// days after 1899-12-30; the 1904 system counts from 1904-01-01.
    static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        // Days since 1970-01-01 of day 0 of each system (1899-12-30 and 1904-01-01).
        let days = date1904 ? whole - 24_107 : (whole < 61 ? whole - 25_568 : whole - 25_569)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// A number as a person typed it: integers without a decimal point, others in the shortest
    /// form that reads back the same.
    static func numberText(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}
