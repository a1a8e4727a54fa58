import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs an XMLParser over `data` with a delegate, turning a parse failure into ``XLSXError``.
func parseXML(_ data: Data, _ delegate: XMLParserDelegate, part: String) throws {
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    guard parser.parse() else {
        let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
        throw XLSXError(message: "\(part) is not valid XML (line \(parser.lineNumber)): \(reason)")
    }
}

/// An element's local name: `x:sheet` → `sheet` (some writers prefix the main namespace).
func localName(_ name: String) -> Substring { name.split(separator: ":").last ?? Substring(name) }

/// xl/workbook.xml: the sheets in order and the date system.
struct WorkbookPart {
    var sheets: [(name: String, relationship: String)] = []
    var date1904 = false

    static func parse(_ data: Data) throws -> WorkbookPart {
        final class Delegate: NSObject, XMLParserDelegate {
            var part = WorkbookPart()
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                switch localName(name) {
                case "sheet":
                    let id = attributes.first { localName($0.key) == "id" && $0.key.contains(":") }?.value ?? ""
                    part.sheets.append((attributes["name"] ?? "", id))
                case "workbookPr":
                    part.date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
                default:
                    break
                }
            }
        }
        let delegate = Delegate()
        try parseXML(data, delegate, part: "xl/workbook.xml")
        return delegate.part
    }
}

/// xl/_rels/workbook.xml.rels: relationship id → target part.
enum RelationshipsPart {
    static func parse(_ data: Data) throws -> [String: String] {
        final class Delegate: NSObject, XMLParserDelegate {
            var targets: [String: String] = [:]
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if localName(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                    targets[id] = target
                }
            }
        }
        let delegate = Delegate()
        try parseXML(data, delegate, part: "xl/_rels/workbook.xml.rels")
        return delegate.targets
    }
}

/// xl/sharedStrings.xml: the strings cells refer to by index (rich text runs joined; phonetic
/// runs left out).
enum SharedStringsPart {
    static func parse(_ data: Data) throws -> [String] {
        final class Delegate: NSObject, XMLParserDelegate {
            var strings: [String] = []
            var current = ""
            var inText = false
            var phonetic = 0
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                switch localName(name) {
                case "si": current = ""
                case "t": inText = phonetic == 0
                case "rPh": phonetic += 1
                default: break
                }
            }
            func parser(
                _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
            ) {
                switch localName(name) {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": phonetic -= 1
                default: break
                }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inText { current += string }
            }
        }
        let delegate = Delegate()
        try parseXML(data, delegate, part: "xl/sharedStrings.xml")
        return delegate.strings
    }
}

/// xl/styles.xml: which cell formats (`s` attribute of a cell) show a date.
struct StylesPart {
    /// Per cell format index: whether it is a date format.
    var isDate: [Bool] = []

    /// Excel's built-in date and date-time formats.
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A custom format shows a date when, outside quotes and brackets, it has a year or day code,
    /// or a month code without hours or seconds (`m` next to `h` or `s` means minutes: `[h]:mm`
    /// is elapsed time, not a date).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket: String?
        var codes = Set<Character>()
        for c in code.lowercased() {
            if quoted {
                if c == "\"" { quoted = false }
            } else if var inside = bracket {
                if c == "]" {
                    // [h], [mm], [ss]: elapsed time.
                    if !inside.isEmpty && inside.allSatisfy({ "hms".contains($0) }) { codes.insert("h") }
                    bracket = nil
                } else {
                    inside.append(c)
                    bracket = inside
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "[" {
                bracket = ""
            } else {
                codes.insert(c)
            }
        }
        if codes.contains("y") || codes.contains("d") { return true }
        return codes.contains("m") && !codes.contains("h") && !codes.contains("s")
    }

    static func parse(_ data: Data) throws -> StylesPart {
        final class Delegate: NSObject, XMLParserDelegate {
            var custom: [Int: Bool] = [:]
            var inCellFormats = false
            var formats: [Int] = []
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                switch localName(name) {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                        custom[id] = StylesPart.isDateFormat(code)
                    }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats: formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
                default: break
                }
            }
            func parser(
                _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
            ) {
                if localName(name) == "cellXfs" { inCellFormats = false }
            }
        }
        let delegate = Delegate()
        try parseXML(data, delegate, part: "xl/styles.xml")
        return StylesPart(
            isDate: delegate.formats.map { delegate.custom[$0] ?? StylesPart.builtInDates.contains($0) })
    }
}
