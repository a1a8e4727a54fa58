import Foundation
import Testing

@testable import Workbook
@testable import XLSXReader

@Suite("Excel workbooks written and read")
struct WorkbookTests {
    @Test("a workbook written through libxlsxwriter reads back cell for cell")
    func roundTrip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("panelplan-wb-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let hostile = "=HYPERLINK(\"http://evil.example\",\"点我\")"
        let sheets = [
            WorkbookSheet(
                name: "专家", header: ["id", "name", "max_site", "listed"],
                rows: [
                    [.text("E001"), .text("孙浩"), .number(6), .date(year: 2026, month: 3, day: 2)],
                    [.text("E002"), .text(hostile), .number(2.5), .date(year: 2024, month: 2, day: 29)],
                    [.text("E003"), .text("a,b \"quoted\"\nsecond line"), .text(""), .text("")],
                ]),
            WorkbookSheet(name: "[bad]:name*", header: ["x"], rows: [[.text("y")]]),
        ]
        try Workbook.write(sheets, to: url.path)
        let read = try XLSXWorkbook.read(contentsOf: url)
        #expect(read.map(\.name) == ["专家", "badname"])
        let rows = read[0].rows
        #expect(rows.map(\.row) == [1, 2, 3, 4])
        #expect(rows[0].cells == ["id", "name", "max_site", "listed"].map(XLSXCell.text))
        #expect(rows[1].cells == [.text("E001"), .text("孙浩"), .text("6"), .date(daysSince1970: 20514)])
        #expect(rows[2].cells == [.text("E002"), .text(hostile), .text("2.5"), .date(daysSince1970: 19782)])
        #expect(rows[3].cells[1] == .text("a,b \"quoted\"\nsecond line"))
        #expect(read[1].rows.map(\.cells) == [[.text("x")], [.text("y")]])
    }

    @Test("bytes that are not a workbook are an error, not a crash")
    func notAWorkbook() {
        for bytes in [Data(), Data("id,name\nE1,A\n".utf8), Data([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFF])] {
            #expect(throws: XLSXError.self) { try XLSXWorkbook.read(bytes) }
        }
    }

    @Test("Excel serial dates in both date systems, the 1900 leap-year quirk included")
    func serialDates() {
        // Days since 1970-01-01: 1900-01-01 is −25567, 1900-03-01 −25508, 2026-03-02 20514.
        #expect(ExcelDate.daysSince1970(serial: 1, date1904: false) == -25_567)
        #expect(ExcelDate.daysSince1970(serial: 59, date1904: false) == -25_509)
        #expect(ExcelDate.daysSince1970(serial: 61, date1904: false) == -25_508)
        #expect(ExcelDate.daysSince1970(serial: 46083, date1904: false) == 20_514)
        #expect(ExcelDate.daysSince1970(serial: 46083.75, date1904: false) == 20_514)
        #expect(ExcelDate.daysSince1970(serial: 44621, date1904: true) == 20_514)
        #expect(ExcelDate.daysSince1970(serial: -1, date1904: false) == nil)
        #expect(ExcelDate.daysSince1970(serial: 1e12, date1904: false) == nil)
        #expect(ExcelDate.numberText(6) == "6" && ExcelDate.numberText(2.5) == "2.5")
    }

    @Test("cell references and date formats")
    func referencesAndFormats() {
        #expect(XLSXCellReference.column("A1") == 0)
        #expect(XLSXCellReference.column("Z9") == 25)
        #expect(XLSXCellReference.column("AA10") == 26)
        #expect(XLSXCellReference.column("XFD1") == 16_383)
        #expect(XLSXCellReference.column("12") == nil)
        #expect(StylesPart.isDateFormat("yyyy/m/d"))
        #expect(StylesPart.isDateFormat("[$-804]yyyy\"年\"m\"月\"d\"日\""))
        #expect(!StylesPart.isDateFormat("0.00"))
        #expect(!StylesPart.isDateFormat("[h]:mm"))
        #expect(!StylesPart.isDateFormat("\"day\" 0"))
        #expect(StylesPart.builtInDates.contains(14) && !StylesPart.builtInDates.contains(2))
    }
}
