import Testing
import TextFormats

@Suite("Text formats")
struct TextFormatsTests {
    @Test("CSV fields are quoted for commas, quotes, CR and LF (CRLF is one Character in Swift)")
    func csvQuoting() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("line\r\nbreak") == "\"line\r\nbreak\"")
        #expect(CSVText.field("cr\rOnly") == "\"cr\rOnly\"")
    }

    @Test("sheet cells never start a formula (OWASP CSV injection)", arguments: ["=", "+", "-", "@", "\t", "\r"])
    func formulaNeutralised(lead: String) {
        let cell = CSVText.sheetField(lead + "HYPERLINK(\"http://x\",\"y\")")
        let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
        #expect(unquoted.hasPrefix("'"))
        #expect(CSVText.sheetField("张三") == "张三")
    }

    @Test("JSON strings escape quotes, backslashes and control characters")
    func jsonQuoting() {
        #expect(JSONText.quote("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
        #expect(JSONText.quote("深圳") == "\"深圳\"")
    }

    @Test("HTML text escapes markup")
    func htmlEscaping() {
        #expect(HTMLText.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }
}

@Suite("File names from outside ids")
struct FileNameTests {
    @Test("ids that could leave the folder or fail to write get a safe, unique name")
    func safeNames() {
        #expect(FileNameText.safe("E001") == "E001")
        for id in ["../../../tmp/x", "a/b", ".hidden", String(repeating: "E", count: 300), "专家", ""] {
            let name = FileNameText.safe(id)
            #expect(!name.contains("/") && !name.hasPrefix(".") && !name.isEmpty && name.count <= 64, "\(id)")
        }
        #expect(FileNameText.safe("a/b") != FileNameText.safe("a\\b"))
        #expect(FileNameText.safe("a/b") == FileNameText.safe("a/b"))
    }
}
