import Foundation
import Phrasebook
import TextFormats
import XLSXReader

/// The batch folder's tables that come from Excel workbooks instead of CSV files: `experts.xlsx`
/// and so on (first sheet), or the sheets of one `batch.xlsx` named after the files (in English
/// or Chinese). Each becomes CSV text read exactly like the CSV file it stands for, its rows on
/// the lines of their Excel row numbers, and errors name the workbook and the sheet.
struct WorkbookInput {
    /// CSV file name → CSV text of the sheet that stands for it.
    var texts: [String: String] = [:]
    /// CSV file name → how diagnostics name the sheet: `experts.xlsx` or `batch.xlsx[专家]`.
    var labels: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    /// CSV file names whose workbook could not be read (already reported).
    var unreadable: Set<String> = []

    /// The sheet names of `batch.xlsx` each file accepts, besides its own stem.
    static let sheetNames: [String: [String]] = [
        "experts.csv": ["专家", "专家库", "专家名单"],
        "enterprises.csv": ["企业", "企业名单", "验收企业"],
        "organizations.csv": ["单位", "机构", "组织"],
        "conflicts.csv": ["回避", "利益冲突"],
        "unavailability.csv": ["不可用", "请假", "不可参加"],
        "affinity.csv": ["匹配度", "亲和度"],
        "fixed.csv": ["固定安排", "已定安排"],
        "calendar.csv": ["日历", "节假日"],
        "travel.csv": ["路程", "交通时间"],
    ]

    /// No workbook (a batch read from memory).
    init() {}

    /// Reads the workbooks of the folder for every CSV input the folder does not have.
    init(folder: String, csvNames: [String]) {
        let fm = FileManager.default
        func path(_ name: String) -> String { URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        var batchSheets: [XLSXSheet]?
        var batchRead = false
        for name in csvNames {
            let stem = String(name.dropLast(4))
            let own = stem + ".xlsx"
            let hasCSV = fm.fileExists(atPath: path(name))
            if fm.fileExists(atPath: path(own)) {
                if hasCSV {
                    warn(own, Phrase("load.both-files", ["name": "\(name)"]))
                    continue
                }
                guard let sheets = read(own, path(own)), let first = sheets.first else {
                    unreadable.insert(name)
                    continue
                }
                texts[name] = WorkbookInput.csv(first)
                labels[name] = own
                continue
            }
            guard !hasCSV, fm.fileExists(atPath: path("batch.xlsx")) else { continue }
            if !batchRead {
                batchSheets = read("batch.xlsx", path("batch.xlsx"))
                batchRead = true
            }
            let accepted = Set([stem, name] + (WorkbookInput.sheetNames[name] ?? []))
            if batchSheets == nil { unreadable.insert(name) }
            if let sheet = batchSheets?.first(where: {
                accepted.contains($0.name.trimmingCharacters(in: .whitespaces).lowercased())
                    || accepted.contains($0.name.trimmingCharacters(in: .whitespaces))
            }) {
                texts[name] = WorkbookInput.csv(sheet)
                labels[name] = "batch.xlsx[\(sheet.name)]"
            }
        }
    }

    private mutating func read(_ label: String, _ path: String) -> [XLSXSheet]? {
        do {
            let sheets = try XLSXWorkbook.read(contentsOf: URL(fileURLWithPath: path))
            if sheets.isEmpty { diagnostics.append(Diagnostic(.error, file: label, Phrase("load.no-sheet"))) }
            return sheets
        } catch {
            diagnostics.append(Diagnostic(.error, file: label, Phrase("load.not-xlsx", ["detail": "\(error)"])))
            return nil
        }
    }

    private mutating func warn(_ label: String, _ message: Phrase) {
        diagnostics.append(Diagnostic(.warning, file: label, message))
    }

    /// The sheet as CSV text: row *r* on line *r* (blank lines for rows Excel left empty).
    static func csv(_ sheet: XLSXSheet) -> String {
        var out = ""
        var line = 1
        for (row, cells) in sheet.rows {
            while line < row {
                out += "\n"
                line += 1
            }
            let texts = cells.map { cell -> String in
                switch cell {
                case .text(let s): return s
                case .date(let days): return Day(ordinal: days).iso
                }
            }
            out += texts.map(CSVText.field).joined(separator: ",") + "\n"
            line += 1 + texts.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        }
        return out
    }
}
