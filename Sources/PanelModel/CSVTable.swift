import CSV
import Foundation

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

    /// Header aliases: Chinese headers accepted for the English ones.
    static let aliases: [String: String] = [
        "编号": "id", "姓名": "name", "单位": "organization", "专业": "specialties", "审核师": "auditor",
        "组长": "leader", "区": "district", "企业名称": "name", "行业": "industry", "强制原因": "reasons",
        "服务机构": "consultancy", "验收截止": "deadline", "送审日期": "draft_submitted",
        "名称": "name", "类型": "kind", "专家编号": "expert_id", "企业编号": "enterprise_id", "在库": "active",
    ]

    static func canonical(_ header: String) -> String {
        let h = header.trimmingWhitespace()
        if let alias = aliases[h] { return alias }
        return h.lowercased()
    }

    /// Reads `text`; a CSV syntax problem is reported as a diagnostic and yields nil.
    static func parse(_ rawText: String, file: String, diagnostics: inout [Diagnostic]) -> CSVTable? {
        var text = rawText
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.trimmingWhitespace().isEmpty {
            diagnostics.append(Diagnostic(.error, file: file, "the file is empty: expected a header row"))
            return nil
        }
        let lineStarts = recordStartLines(text)
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            let header = reader.headerRow ?? []
            var columns: [String: Int] = [:]
            var headers: [String: String] = [:]
            for (i, h) in header.enumerated() {
                let name = canonical(h)
                if name.isEmpty { continue }
                if columns[name] != nil {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: file, line: 1, column: name, value: h,
                            "column '\(h)' appears twice in the header"))
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
            diagnostics.append(Diagnostic(.error, file: file, "not a valid CSV file: \(error)"))
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
