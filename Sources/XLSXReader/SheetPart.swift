import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet part (xl/worksheets/sheetN.xml) as text rows.
enum SheetPart {
    /// The most columns a row may have (Excel's own limit, XFD).
    static let columnLimit = 16_384

    static func parse(_ data: Data, strings: [String], styles: StylesPart, date1904: Bool) throws -> [(
        row: Int, cells: [XLSXCell]
    )] {
        final class Delegate: NSObject, XMLParserDelegate {
            let strings: [String]
            let styles: StylesPart
            let date1904: Bool
            var rows: [(row: Int, cells: [XLSXCell])] = []
            var rowNumber = 0
            var cells: [XLSXCell] = []
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
                    if cells.count <= column { cells += Array(repeating: .text(""), count: column + 1 - cells.count) }
                    cells[column] = cell()
                    column += 1
                case "row":
                    if cells.contains(where: { $0 != .text("") }) { rows.append((rowNumber, cells)) }
                default: break
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inValue { value += string }
            }

            /// The cell: its string, its number (a date when its format is one), or its boolean as
            /// 1/0; an error value (#N/A) as written.
            func cell() -> XLSXCell {
                switch type {
                case "s":
                    guard let k = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(k) else {
                        return .text("")
                    }
                    return .text(strings[k])
                case "inlineStr", "str", "e": return .text(value)
                case "b": return .text(value == "1" ? "1" : "0")
                default:
                    guard let x = Double(value.trimmingCharacters(in: .whitespaces)), x.isFinite else {
                        return .text(value)
                    }
                    if style < styles.isDate.count && styles.isDate[style],
                        let days = ExcelDate.daysSince1970(serial: x, date1904: date1904)
                    {
                        return .date(daysSince1970: days)
                    }
                    return .text(ExcelDate.numberText(x))
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
    /// Days since 1970-01-01 of a serial day number (the fraction, a time of day, is dropped),
    /// nil out of range. The 1900 system counts 1900-02-29, a day that never was: serials from
    /// 61 on are days after 1899-12-30; the 1904 system counts from 1904-01-01.
    static func daysSince1970(serial: Double, date1904: Bool) -> Int? {
        guard serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        return date1904 ? whole - 24_107 : (whole < 61 ? whole - 25_568 : whole - 25_569)
    }

    /// A number as a person typed it: integers without a decimal point, others in the shortest
    /// form that reads back the same.
    static func numberText(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}
