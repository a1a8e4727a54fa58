import Foundation
import ZIPFoundation

/// One cell's content: text (strings, numbers as typed, booleans as 1/0) or a date.
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    /// A number shown as a date: days since 1970-01-01 (the caller formats it).
    case date(daysSince1970: Int)
}

/// One worksheet of a workbook: each non-empty row with its Excel row number.
public struct XLSXSheet: Sendable, Equatable {
    public var name: String
    /// (Excel row number from 1, the cells from column A on; missing cells are empty text).
    public var rows: [(row: Int, cells: [XLSXCell])]

    public static func == (a: XLSXSheet, b: XLSXSheet) -> Bool {
        a.name == b.name && a.rows.count == b.rows.count
            && zip(a.rows, b.rows).allSatisfy { $0.row == $1.row && $0.cells == $1.cells }
    }
}

/// Why a workbook cannot be read.
public struct XLSXError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads .xlsx workbooks (Office Open XML spreadsheets) into text: ZIPFoundation opens the
/// archive, Foundation's XMLParser reads the parts. Shared and inline strings, numbers (integers
/// without a decimal point), booleans and dates: a number in a cell whose format is a date
/// format is a date. Formulas are never evaluated: a formula cell gives its cached
/// value, as Excel saved it.
public enum XLSXWorkbook {
    /// The most bytes one part may expand to: a guard against zip bombs.
    static let partLimit: UInt64 = 64 << 20

    /// Reads every sheet of the workbook file at `url`, in the workbook's order.
    /// - Throws: ``XLSXError`` naming what is wrong (not a zip archive, a part missing or
    ///   malformed, a part too large).
    /// - Complexity: O(bytes of the parts read).
    public static func read(contentsOf url: URL) throws -> [XLSXSheet] {
        // ZIPFoundation's file-backed archive: its in-memory archive traps on some malformed
        // archives (a seek past the end), the file-backed one reports them as errors.
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXError(message: "not an .xlsx workbook (not a zip archive)")
        }
        func part(_ path: String, required: Bool = true) throws -> Data? {
            guard let entry = archive[path] else {
                if required { throw XLSXError(message: "not an .xlsx workbook: \(path) is missing") }
                return nil
            }
            guard entry.uncompressedSize <= partLimit else {
                throw XLSXError(message: "\(path) expands to more than \(partLimit >> 20) MiB")
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if bytes.count > Int(partLimit) { throw XLSXError(message: "\(path) is too large") }
                }
            } catch let e as XLSXError {
                throw e
            } catch {
                throw XLSXError(message: "\(path) cannot be decompressed: \(error)")
            }
            return bytes
        }
        let workbook = try WorkbookPart.parse(try part("xl/workbook.xml")!)
        let relations = try RelationshipsPart.parse(try part("xl/_rels/workbook.xml.rels")!)
        let strings = try part("xl/sharedStrings.xml", required: false).map(SharedStringsPart.parse) ?? []
        let styles = try part("xl/styles.xml", required: false).map(StylesPart.parse) ?? StylesPart()
        var sheets: [XLSXSheet] = []
        for sheet in workbook.sheets {
            guard let target = relations[sheet.relationship] else {
                throw XLSXError(message: "sheet '\(sheet.name)' has no part in the workbook's relationships")
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let rows = try SheetPart.parse(
                try part(path)!, strings: strings, styles: styles, date1904: workbook.date1904)
            sheets.append(XLSXSheet(name: sheet.name, rows: rows))
        }
        return sheets
    }

    /// Reads a workbook held in memory (through a temporary file; see ``read(contentsOf:)``).
    public static func read(_ data: Data) throws -> [XLSXSheet] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "panelplan-xlsx-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try data.write(to: url)
        } catch {
            throw XLSXError(message: "cannot hold the workbook in a temporary file: \(error.localizedDescription)")
        }
        return try read(contentsOf: url)
    }
}
