import CSV
import Foundation
import Phrasebook

/// A CSV file read with its header, rows, and the physical line each row starts on.
struct CSVTable {
    let file: String
    /// Canonical (English) column name → column index.
    let columns: [String: Int]
    /// Canonical column name → the header as written in the file (e.g. 区 for district).
    let headers: [String: String]
    let rows: [[String]]
    /// 1-based physical line of each row (the header is line 1).
    let lines: [Int]

    /// Reads `text`; a CSV syntax problem is reported as a diagnostic and yields nil. `file` names
    /// the source in diagnostics; `table` is the CSV file it stands for (its column names), the
    /// same unless the text comes from a workbook's sheet.
    static func parse(
        _ rawText: String, file: String, table: String? = nil, diagnostics: inout [Diagnostic]
    ) -> CSVTable? {
        var text = rawText
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.trimmingWhitespace().isEmpty {
            diagnostics.append(Diagnostic(.error, file: file, Phrase("load.empty-file")))
            return nil
        }
        let lineStarts = recordStartLines(text)
        // Excel's "Unicode text" is tab-separated: a header with tabs and no comma.
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = headerLine.contains("\t") && !headerLine.contains(",") ? "\t" : ","
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
            let header = reader.headerRow ?? []
            var columns: [String: Int] = [:]
            var headers: [String: String] = [:]
            for (i, h) in header.enumerated() {
                let name = ColumnNames.canonical(h, file: table ?? file)
                if name.isEmpty { continue }
                if columns[name] != nil {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: file, line: 1, column: name, value: h,
                            Phrase("load.column-twice", ["column": "\(h)"])))
                    continue
                }
                columns[name] = i
                headers[name] = h.trimmingWhitespace()
            }
            var rows: [[String]] = []
            var lines: [Int] = []
            var index = 1
            while let row = reader.next() {
                let line = index < lineStarts.count ? lineStarts[index] : (lines.last ?? 1) + 1
                index += 1
                if row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
                rows.append(row)
                lines.append(line)
            }
            return CSVTable(file: file, columns: columns, headers: headers, rows: rows, lines: lines)
        } catch {
            diagnostics.append(Diagnostic(.error, file: file, Phrase("load.not-csv", ["detail": "\(error)"])))
            return nil
        }
    }

    /// The physical line on which each record starts, honouring quoted newlines.
    static func recordStartLines(_ text: String) -> [Int] {
        var starts = [1]
        var line = 1
        var inQuotes = false
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                inQuotes.toggle()
                previousWasCR = false
            case "\r":
                line += 1
                if !inQuotes { starts.append(line) }
                previousWasCR = true
            case "\n":
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                line += 1
                if !inQuotes { starts.append(line) }
            default:
                previousWasCR = false
            }
        }
        return starts
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    /// The column's name for messages: as written in the file, with the canonical name when
    /// they differ (`区 (district)`).
    func columnName(_ column: String) -> String {
        guard let written = headers[column], written.lowercased() != column else { return column }
        return "\(written)' ('\(column)"
    }

    /// The trimmed cell, nil when the column is absent or the cell empty.
    func value(_ row: Int, _ column: String) -> String? {
        guard let c = columns[column], c < rows[row].count else { return nil }
        let v = rows[row][c].trimmingWhitespace()
        return v.isEmpty ? nil : v
    }
}
