import CXlsxWriter
import Foundation

/// One cell of a workbook sheet. There is no formula cell: text that starts with `=` is text.
public enum WorkbookCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    /// A real Excel date (a serial number shown as yyyy-mm-dd).
    case date(year: Int, month: Int, day: Int)
}

/// A sheet: a bold, frozen header row, then the rows; column widths in characters.
public struct WorkbookSheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[WorkbookCell]]
    /// Width per column, in Excel's character units; missing columns get a width from their text.
    public var widths: [Double]

    public init(name: String, header: [String], rows: [[WorkbookCell]], widths: [Double] = []) {
        self.name = name
        self.header = header
        self.rows = rows
        self.widths = widths
    }
}

/// Why a workbook could not be written.
public struct WorkbookError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "cannot write \(path): \(message)" }
}

/// Writes .xlsx workbooks through libxlsxwriter (Debian's libxlsxwriter-dev).
public enum Workbook {
    /// Writes the sheets to `path` atomically: a temporary file in the same folder, renamed into
    /// place only when libxlsxwriter has closed it without error.
    /// - Complexity: O(cells).
    public static func write(_ sheets: [WorkbookSheet], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())"
        ).path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        guard let workbook = workbook_new(temporary) else {
            throw WorkbookError(path: path, message: "libxlsxwriter could not create the file")
        }
        var failure: String?
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let dateFormat = workbook_add_format(workbook)
        format_set_num_format(dateFormat, "yyyy-mm-dd")
        for (index, sheet) in sheets.enumerated() {
            guard let worksheet = workbook_add_worksheet(workbook, sheetName(sheet.name, index)) else {
                failure = "sheet '\(sheet.name)' could not be added"
                break
            }
            for (column, title) in sheet.header.enumerated() {
                note(worksheet_write_string(worksheet, 0, lxw_col_t(column), title, bold), &failure)
            }
            for (r, row) in sheet.rows.enumerated() {
                let line = lxw_row_t(r + 1)
                for (column, cell) in row.enumerated() {
                    let col = lxw_col_t(column)
                    switch cell {
                    case .text(let s):
                        note(worksheet_write_string(worksheet, line, col, String(s.prefix(32_767)), nil), &failure)
                    case .number(let x):
                        note(worksheet_write_number(worksheet, line, col, x, nil), &failure)
                    case .date(let y, let m, let d):
                        var value = lxw_datetime(
                            year: Int32(y), month: Int32(m), day: Int32(d), hour: 0, min: 0, sec: 0)
                        note(worksheet_write_datetime(worksheet, line, col, &value, dateFormat), &failure)
                    }
                }
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            for column in sheet.header.indices {
                let width = column < sheet.widths.count ? sheet.widths[column] : fittedWidth(sheet, column)
                note(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), &failure)
            }
        }
        let closed = workbook_close(workbook)
        if let failure { throw WorkbookError(path: path, message: failure) }
        guard closed == LXW_NO_ERROR else {
            throw WorkbookError(path: path, message: String(cString: lxw_strerror(closed)))
        }
        guard rename(temporary, path) == 0 else {
            throw WorkbookError(path: path, message: String(cString: strerror(errno)))
        }
    }

    private static func note(_ error: lxw_error, _ failure: inout String?) {
        if error != LXW_NO_ERROR && failure == nil { failure = String(cString: lxw_strerror(error)) }
    }

    /// Excel's sheet names: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetName(_ name: String, _ index: Int) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(28))
        return cleaned.isEmpty ? "Sheet\(index + 1)" : cleaned
    }

    /// A width from the longest text of a column (CJK characters count double), 8 to 60.
    static func fittedWidth(_ sheet: WorkbookSheet, _ column: Int) -> Double {
        func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        var widest = width(sheet.header[column])
        for row in sheet.rows where column < row.count {
            switch row[column] {
            case .text(let s): widest = max(widest, width(s))
            case .number(let x): widest = max(widest, "\(x)".count)
            case .date: widest = max(widest, 10)
            }
        }
        return Double(min(60, max(8, widest + 2)))
    }
}
