import Testing

@testable import TOMLSubset

// MARK: - Helpers

/// The error `text` raises, or nil if it parses.
private func parseError(_ text: String) -> TOMLSyntaxError? {
    do {
        _ = try TOMLParser.parse(text)
        return nil
    } catch {
        return error
    }
}

/// The error `bytes` raise, or nil if they parse.
private func parseError(bytes: [UInt8]) -> TOMLSyntaxError? {
    do {
        _ = try TOMLParser.parse(bytes: bytes)
        return nil
    } catch {
        return error
    }
}

/// Renders a root table as TOML text, one `key = value` line per key (tables become inline tables).
private func render(_ table: TOMLTable) -> String {
    table.keys.map { key in
        "\(TOMLValue.renderKey(key)) = \(table[key]?.description ?? "")\n"
    }.joined()
}

/// A small deterministic random number generator (SplitMix64), so fuzz failures can be replayed.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

private let batchTOML = """
    # Batch settings for the Shenzhen demo
    [batch]
    name = "2026年第一批 Shenzhen demo"
    start = 2026-03-02
    end = 2026-07-01
    today = 2026-03-01

    [initial_review]
    plan = true
    panel_size = 3
    lead_days = 3
    max_parallel = 4

    [site_inspection]
    plan = true
    panel_size = 5
    revision_days = 10
    max_parallel = 3
    max_travel_minutes = 60

    [panel]
    one_per_organization = true
    require_auditor = true
    require_industry = true
    continuity = "prefer"   # or "require", "ignore"
    previous_experts = "prefer"

    [load]
    max_initial = 8
    max_site = 6
    max_per_week = 4
    max_per_day = 2
    min_total = 0

    [expertise]
    heavy-metal = ["heavy-metal", "electroplating"]
    hazardous-waste = ["hazardous-waste"]
    first-audit = ["environmental-engineering"]
    over-limit = [
        "wastewater",
        "air-pollution",  # trailing comma below
    ]

    [solver]
    time_limit_seconds = 60
    seed = 2026

    """

private let scenarioTOML = """
    [scenario]
    name = "ten experts away in April, longer revisions"

    [remove_experts]
    ids = ["E017", "E042"]          # by id
    specialties = ["batteries"]     # everyone holding any of these
    fraction = 0.1
    seed = 7

    [shift]
    deadline_days = -14
    start = 2026-03-16
    end = 2026-06-30

    [rules.site_inspection]         # any batch.toml key
    panel_size = 3
    revision_days = 15

    [rules.load]
    max_site = 8
    """

// MARK: - Realistic documents

@Suite("Realistic documents")
struct RealisticDocumentTests {
    @Test func batchFileParsesWithValuesAndLines() throws {
        let root = try TOMLParser.parse(batchTOML)
        #expect(
            root.keys == ["batch", "initial_review", "site_inspection", "panel", "load", "expertise", "solver"]
        )
        let batch = try #require(root["batch"]?.table)
        #expect(batch["name"] == .string("2026年第一批 Shenzhen demo"))
        #expect(batch["start"] == .date(year: 2026, month: 3, day: 2))
        #expect(batch["end"]?.date?.month == 7)
        #expect(batch.headerLine == 2)
        #expect(root.line(of: "batch") == 2)
        #expect(batch.line(of: "start") == 4)
        #expect(batch.keys == ["name", "start", "end", "today"])
        #expect(root["site_inspection"]?.table?["panel_size"]?.integer == 5)
        #expect(root["panel"]?.table?["continuity"]?.string == "prefer")
        #expect(root["panel"]?.table?["require_auditor"]?.boolean == true)
        let overLimit = root["expertise"]?.table?["over-limit"]?.array
        #expect(overLimit == [.string("wastewater"), .string("air-pollution")])
        #expect(root["solver"]?.table?.line(of: "seed") == 46)
    }

    @Test func batchFileRoundTripsThroughRendering() throws {
        let root = try TOMLParser.parse(batchTOML)
        let text = render(root)
        let again = try TOMLParser.parse(text)
        #expect(again == root)
        #expect(try TOMLParser.parse(bytes: Array(text.utf8)) == root)
    }

    @Test func scenarioFileParses() throws {
        let root = try TOMLParser.parse(scenarioTOML)
        let rules = try #require(root["rules"]?.table)
        #expect(rules.headerLine == nil)
        #expect(rules["site_inspection"]?.table?["revision_days"] == .integer(15))
        #expect(rules["site_inspection"]?.table?.headerLine == 15)
        #expect(rules["load"]?.table?["max_site"]?.double == 8)
        #expect(root["remove_experts"]?.table?["fraction"] == .float(0.1))
        #expect(root["shift"]?.table?["deadline_days"] == .integer(-14))
        #expect(try TOMLParser.parse(render(root)) == root)
    }

    @Test func crlfLineEndsAndByteOrderMarkAreAccepted() throws {
        let text = "[batch]\r\nname = \"x\"\r\nseed = 1 # note\r\n"
        let expected = try TOMLParser.parse(text.replacing("\r\n", with: "\n"))
        #expect(try TOMLParser.parse(text) == expected)
        #expect(try TOMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)) == expected)
        #expect(try TOMLParser.parse("\u{FEFF}" + text) == expected)
        let error = parseError(bytes: [0xEF, 0xBB, 0xBF] + Array("a = ?".utf8))
        #expect(error?.line == 1)
        #expect(error?.column == 5)
    }

    @Test func emptyAndCommentOnlyDocuments() throws {
        #expect(try TOMLParser.parse("").keys.isEmpty)
        #expect(try TOMLParser.parse("# only a comment\n\n   \t\n").keys.isEmpty)
        #expect(try TOMLParser.parse(bytes: []).keys.isEmpty)
    }
}

// MARK: - Inputs that abort TOMLKit

@Suite("Inputs that crash TOMLKit")
struct CrashCaseTests {
    @Test(arguments: ["[批次]", "[~]", "[#]", "[.]", "[]", "[a.]", "[ ]", "[a", "[a]]"])
    func badTableHeadersAreErrors(header: String) throws {
        let error = try #require(parseError("a = 1\n\(header)\nb = 2\n"))
        #expect(error.line == 2)
        #expect(error.column >= 2)
    }

    @Test func nonASCIIBareKeySuggestsQuoting() throws {
        let error = try #require(parseError("[批次]\n"))
        #expect(error == TOMLSyntaxError(line: 1, column: 2, message: error.message))
        #expect(error.message.contains("bare keys may hold only A-Z a-z 0-9 _ -; quote it"))
        #expect(error.message.contains("\"批次\""))
        let keyError = try #require(parseError("名称 = 1"))
        #expect(keyError.message.contains("quote it"))
        let mixed = try #require(parseError("[batch]\nname批 = 1"))
        #expect(mixed.line == 2)
        #expect(mixed.message.contains("\"name批\""))
    }

    @Test func quotedNonASCIIKeysWork() throws {
        let root = try TOMLParser.parse("[\"批次\"]\n'名称' = \"示例\"\n[ \"quoted\" . b ]\nc = 1\n")
        #expect(root["批次"]?.table?["名称"] == .string("示例"))
        #expect(root["quoted"]?.table?["b"]?.table?["c"] == .integer(1))
    }

    @Test func dateFollowedByDigitIsTimeError() throws {
        let error = try #require(parseError("[batch]\nstart = 2026-03-02 9\n"))
        #expect(error.line == 2)
        #expect(error.column == 20)
        #expect(error.message == "times are not supported: give a date like 2026-03-02")
    }

    @Test(arguments: [
        "2026-03-02T10:00", "2026-03-02t10:00:00", "2026-03-02 10:00:00", "2026-03-02T10:00:00+08:00", "10:00:00",
        "2026-03-02T", "[2026-03-02 9]",
    ])
    func timesAreRejected(value: String) throws {
        let error = try #require(parseError("start = \(value)"))
        #expect(error.message.contains("times are not supported"))
    }

    @Test(arguments: ["2026-03-02x", "2026-03-02 x", "2026-03-02 \"a\"", "2026-3-02", "2026-03-2", "2026-03-02-01"])
    func trailingJunkAfterDateIsError(value: String) {
        #expect(parseError("start = \(value)") != nil)
    }
}

// MARK: - Bytes

@Suite("Bytes and encodings")
struct ByteTests {
    @Test func rawNULIsError() throws {
        let error = try #require(parseError("a = 1\nname = \"ab\u{0}cd\"\n"))
        #expect(error.line == 2)
        #expect(error.column == 11)
        #expect(error.message.contains("NUL"))
        let byteError = try #require(parseError(bytes: Array("a = 1\n# x\u{0}\nb = 2".utf8)))
        #expect(byteError.line == 2)
        #expect(byteError.column == 4)
        #expect(parseError(bytes: [0]) != nil)
    }

    @Test(arguments: [#"name = "ab\u0000cd""#, #"name = "\U00000000""#, #""a\u0000" = 1"#])
    func escapedNULIsError(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.message.contains("NUL"))
        #expect(error.line == 1)
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        let bytes = Array("a = 1\nname = \"中".utf8) + [0xFF] + Array("\"\n".utf8)
        let error = try #require(parseError(bytes: bytes))
        #expect(error.line == 2)
        #expect(error.column == 10)
        #expect(error.message.contains("UTF-8"))
    }

    @Test(
        arguments: [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80], [0x80],
            [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],
        ] as [[UInt8]]
    )
    func malformedUTF8SequencesAreErrors(sequence: [UInt8]) throws {
        let error = try #require(parseError(bytes: Array("x = \"".utf8) + sequence + Array("\"".utf8)))
        #expect(error.line == 1)
        #expect(error.column == 6)
    }

    @Test func controlCharactersInStringsAndCommentsAreErrors() throws {
        #expect(try TOMLParser.parse("a = \"tab\there\"")["a"] == .string("tab\there"))
        #expect(parseError("a = \"bell\u{7}\"")?.message.contains("U+0007") == true)
        #expect(parseError("a = 'del\u{7F}'") != nil)
        #expect(parseError("a = 1 # esc \u{1B}") != nil)
        #expect(parseError("a = \"line\nbreak\"")?.message.contains("not closed") == true)
    }

    @Test func loneCarriageReturnIsError() throws {
        let error = try #require(parseError("a = 1\rb = 2"))
        #expect(error.line == 1)
        #expect(error.column == 6)
        #expect(parseError("a = [1,\r2]") != nil)
        #expect(parseError("a = \"x\r\"") != nil)
    }

    @Test func oversizedInputIsRefused() throws {
        let big = String(repeating: "# padding line\n", count: TOMLParser.maximumInputBytes / 15 + 1)
        let error = try #require(parseError(big))
        #expect(error.line == 1)
        #expect(error.message.contains("1 MiB"))
        #expect(parseError(bytes: Array(big.utf8)) != nil)
    }

    @Test func largeValidInputParses() throws {
        let values = (0..<50_000).map(String.init).joined(separator: ", ")
        let keys = (0..<5_000).map { "k\($0) = \($0)\n" }.joined()
        let root = try TOMLParser.parse("a = [\(values)]\n[t]\n\(keys)")
        #expect(root["a"]?.array?.count == 50_000)
        #expect(root["t"]?.table?.keys.count == 5_000)
    }
}

// MARK: - Strings

@Suite("Strings")
struct StringTests {
    @Test func escapesDecode() throws {
        let root = try TOMLParser.parse(#"s = "q\" b\\ \b\t\n\f\r \u00E9 \U0001F600 \u4E2D""#)
        #expect(root["s"] == .string("q\" b\\ \u{8}\t\n\u{C}\r é 😀 中"))
    }

    @Test func literalStringsKeepBackslashes() throws {
        let root = try TOMLParser.parse(#"path = 'C:\data\批次.csv'"#)
        #expect(root["path"] == .string(#"C:\data\批次.csv"#))
    }

    @Test(arguments: [
        #"s = "\uD800""#, #"s = "\UDFFF0000""#, #"s = "\U00110000""#, #"s = "\x41""#, #"s = "\u12""#, #"s = "\"#,
        #"s = "abc"#, "s = 'abc", #"s = """multi""""#, "s = '''multi'''", "\"\"\" = 1",
    ])
    func badStringsAreErrors(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.line == 1)
    }

    @Test func surrogateEscapeMessage() throws {
        let error = try #require(parseError(#"s = "ok \uD83D""#))
        #expect(error.column == 9)
        #expect(error.message.contains("not a Unicode scalar value"))
    }

    @Test func chineseColumnsCountCharacters() throws {
        let error = try #require(parseError("name = \"中文\" x"))
        #expect(error.column == 13)
    }
}

// MARK: - Numbers, Booleans and dates

@Suite("Numbers, Booleans and dates")
struct ScalarTests {
    @Test func integers() throws {
        let root = try TOMLParser.parse(
            """
            a = 0
            b = +17
            c = -42
            d = 1_000_000
            e = 9223372036854775807
            f = -9223372036854775808
            g = 0xDEAD_beef
            h = 0o755
            i = 0b1101
            j = -0
            """
        )
        #expect(root["a"] == .integer(0))
        #expect(root["b"] == .integer(17))
        #expect(root["c"] == .integer(-42))
        #expect(root["d"] == .integer(1_000_000))
        #expect(root["e"] == .integer(Int.max))
        #expect(root["f"] == .integer(Int.min))
        #expect(root["g"] == .integer(0xDEAD_BEEF))
        #expect(root["h"] == .integer(0o755))
        #expect(root["i"] == .integer(13))
        #expect(root["j"] == .integer(0))
    }

    @Test func integerOverflowIsError() throws {
        let error = try #require(parseError("n = 9223372036854775808"))
        #expect(error.message.contains("does not fit in a 64-bit integer"))
        #expect(error.column == 5)
        #expect(parseError("n = -9223372036854775809") != nil)
        #expect(parseError("n = 0x8000000000000000") != nil)
        #expect(parseError("n = " + String(repeating: "9", count: 5_000)) != nil)
    }

    @Test(arguments: [
        "012", "1__0", "_1", "1_", "+-1", "--1", "0x", "-0x1", "0X1", "0xG", "0b102", "1-2", "+", "1.", ".5", "1.e5",
        "1e", "1e+", "1.5.2", "1e5e5", "0.0_", "00.5", "1_.5", "1._5",
    ])
    func badNumbersAreErrors(value: String) {
        #expect(parseError("n = \(value)") != nil)
    }

    @Test func floats() throws {
        let root = try TOMLParser.parse("a = 1.5\nb = -0.25e-3\nc = 3e2\nd = 6.626E-34\ne = 1_000.000_1\nf = 1e-400")
        #expect(root["a"] == .float(1.5))
        #expect(root["b"] == .float(-0.000_25))
        #expect(root["c"] == .float(300))
        #expect(root["d"] == .float(6.626e-34))
        #expect(root["e"] == .float(1000.0001))
        #expect(root["f"] == .float(0))
        #expect(root["c"]?.integer == nil)
        #expect(root["c"]?.double == 300)
    }

    @Test(arguments: ["1e400", "-1e400", "1" + String(repeating: "0", count: 400) + ".0", "1e99999999999999999999"])
    func hugeFloatsAreErrors(value: String) throws {
        let error = try #require(parseError("x = \(value)"))
        #expect(error.message.contains("not a finite number"))
    }

    @Test(arguments: ["inf", "+inf", "-inf", "nan", "+nan", "-nan"])
    func infinitiesAndNaNAreErrors(value: String) throws {
        let error = try #require(parseError("x = \(value)"))
        #expect(error.message.contains("finite"))
    }

    @Test func booleansAndBareWords() throws {
        let root = try TOMLParser.parse("a = true\nb = false")
        #expect(root["a"] == .boolean(true))
        #expect(root["b"]?.boolean == false)
        let error = try #require(parseError("continuity = prefer"))
        #expect(error.message.contains("put text in quotes"))
        #expect(parseError("a = True") != nil)
        #expect(parseError("a = truex") != nil)
        #expect(parseError("a =") != nil)
        #expect(parseError("a = \n1") != nil)
        #expect(parseError("a = 中文") != nil)
    }

    @Test func validDates() throws {
        let root = try TOMLParser.parse(
            "a = 2024-02-29\nb = 2000-02-29\nc = 0001-01-01\nd = 9999-12-31 # last\ne = [2026-03-02, 2026-03-03]"
        )
        #expect(root["a"] == .date(year: 2024, month: 2, day: 29))
        #expect(root["b"]?.date?.year == 2000)
        #expect(root["c"] == .date(year: 1, month: 1, day: 1))
        #expect(root["d"]?.description == "9999-12-31")
        #expect(root["e"]?.array?.count == 2)
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "0000-01-01", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00"])
    func invalidDatesAreErrors(value: String) throws {
        let error = try #require(parseError("d = \(value)"))
        #expect(error.message.contains("not a valid date"))
        #expect(error.column == 5)
    }
}

// MARK: - Keys, tables and structure

@Suite("Keys and tables")
struct StructureTests {
    @Test func dottedKeysCreateSubtables() throws {
        let root = try TOMLParser.parse(
            "site_inspection.panel_size = 3\nsite_inspection.plan = true\n[rules]\n"
                + "load.max_site = 8\nload.\"最大\" = 1"
        )
        #expect(root["site_inspection"]?.table?["panel_size"] == .integer(3))
        #expect(root["site_inspection"]?.table?.line(of: "plan") == 2)
        #expect(root["rules"]?.table?["load"]?.table?["max_site"] == .integer(8))
        #expect(root["rules"]?.table?["load"]?.table?["最大"] == .integer(1))
    }

    @Test func duplicateKeyNamesEarlierLine() throws {
        let error = try #require(parseError("[batch]\nstart = 2026-03-02\n\nstart = 2026-03-03\n"))
        #expect(error.line == 4)
        #expect(error.column == 1)
        #expect(error.message.contains("batch.start"))
        #expect(error.message.contains("line 2"))
    }

    @Test func duplicateTableNamesEarlierLine() throws {
        let error = try #require(parseError("[load]\nmax_site = 1\n[panel]\n[load]\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("[load]"))
        #expect(error.message.contains("line 1"))
    }

    @Test(arguments: [
        "a.b = 1\na.b = 2", "a = 1\na.b = 2", "a.b = 1\na = 2", "a.b = 1\n[a]", "[a]\nb = 1\n[a.b]", "a = {}\n[a]",
        "a = { b = 1 }\na.c = 2", "a = 1\n[a.b]", "[a.b]\n[a]\nb.c = 1", "[a.b.c]\n[a]\nb.d = 1", "a = [1]\n[a]",
        "\"a\" = 1\na = 2", "'a' = 1\n\"a\" = 2",
    ])
    func redefinitionsAreErrors(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.line == 2 || error.line == 3)
        #expect(error.message.contains("line 1") || error.message.contains("line 2"))
    }

    @Test func implicitTablesMayBeDefinedLater() throws {
        let root = try TOMLParser.parse("[a.b]\nc = 1\n[a]\nd = 2\n")
        #expect(root["a"]?.table?["b"]?.table?["c"] == .integer(1))
        #expect(root["a"]?.table?["d"] == .integer(2))
        #expect(root["a"]?.table?.headerLine == 3)
        #expect(root.line(of: "a") == 3)
        let dotted = try TOMLParser.parse("[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true")
        #expect(dotted["fruit"]?.table?["apple"]?.table?["texture"]?.table?["smooth"] == .boolean(true))
    }

    @Test func keyAfterValueOnSameLineIsError() throws {
        let error = try #require(parseError("a = 1 b = 2"))
        #expect(error.column == 7)
        #expect(error.message.contains("on a line of its own"))
        #expect(parseError("[a] b = 1") != nil)
        #expect(parseError("a = \"x\" \"y\"") != nil)
        #expect(parseError("a = [1] [2]") != nil)
    }

    @Test func arraysOfTablesAreNotSupported() throws {
        let error = try #require(parseError("[[experts]]\nid = 1"))
        #expect(error.message.contains("arrays of tables"))
    }

    @Test func missingEqualsIsError() throws {
        let error = try #require(parseError("name \"x\""))
        #expect(error.message.contains("expected '='"))
        #expect(parseError("name") != nil)
        #expect(parseError("= 1") != nil)
        #expect(parseError("a..b = 1") != nil)
    }
}

// MARK: - Arrays and inline tables

@Suite("Arrays and inline tables")
struct CompoundTests {
    @Test func multiLineArraysWithCommentsAndTrailingComma() throws {
        let root = try TOMLParser.parse(
            """
            a = [ # opening comment
                1,
                "two", # mixed types are fine
                [3.0, true],

                2026-03-02,
            ]
            b = []
            c = [ [ ], [[]] ]
            next = 1
            """
        )
        let expected: [TOMLValue] = [
            .integer(1), .string("two"), .array([.float(3), .boolean(true)]), .date(year: 2026, month: 3, day: 2),
        ]
        #expect(root["a"] == .array(expected))
        #expect(root["b"] == .array([]))
        #expect(root["c"] == .array([.array([]), .array([.array([])])]))
        #expect(root.line(of: "next") == 10)
    }

    @Test(arguments: ["[,]", "[1,,2]", "[1 2]", "[1", "[1,", "[", "[1,]]", "[1}"])
    func badArraysAreErrors(value: String) {
        #expect(parseError("a = \(value)") != nil)
    }

    @Test func inlineTables() throws {
        let root = try TOMLParser.parse(#"a = { x = 1, y = "中", z.w = [1, 2], "q k" = {} }"#)
        let table = try #require(root["a"]?.table)
        #expect(table.keys == ["x", "y", "z", "q k"])
        #expect(table["z"]?.table?["w"] == .array([.integer(1), .integer(2)]))
        #expect(table["q k"] == .table(TOMLTable()))
        #expect(root["a"]?.description == #"{ x = 1, y = "中", z = { w = [1, 2] }, "q k" = {} }"#)
    }

    @Test(arguments: [
        "{ x = 1, }", "{ x = 1\n}", "{\nx = 1 }", "{ x = 1, x = 2 }", "{ x = 1 # c\n}", "{ x = 1", "{ x }",
        "{ x = 1 y = 2 }", "{ , }", "{ x.y = 1, x = 2 }",
    ])
    func badInlineTablesAreErrors(value: String) {
        #expect(parseError("a = \(value)") != nil)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = TOMLParser.maximumDepth
        let text = "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try #require(try TOMLParser.parse(text)["a"])
        for _ in 1..<depth {
            value = try #require(value.array?.first)
        }
        #expect(value == .array([]))
    }

    @Test func nestingBeyondTheLimitIsError() throws {
        let depth = TOMLParser.maximumDepth + 1
        let text = "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(parseError(text))
        #expect(error.message.contains("nested"))
        #expect(error.column == 4 + depth)
        #expect(parseError("a = " + String(repeating: "[", count: 200_000)) != nil)
        #expect(parseError("a = " + String(repeating: "{ b = ", count: 100_000)) != nil)
        #expect(parseError("a = " + String(repeating: "[{ b = ", count: 50_000)) != nil)
    }

    @Test func deepestAcceptedStructureCompares() throws {
        let depth = TOMLParser.maximumDepth
        let path = Array(repeating: "k", count: depth).joined(separator: ".")
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let text = "[\(path)]\n\(path) = \(arrays)\n"
        let first = try TOMLParser.parse(text)
        let second = try TOMLParser.parse(bytes: Array(text.utf8))
        #expect(first == second)
        #expect(TOMLValue.table(first).description.count > 3 * depth)
    }

    @Test func overlongKeysAreErrors() throws {
        let key = Array(repeating: "k", count: TOMLParser.maximumDepth + 1).joined(separator: ".")
        #expect(parseError("[\(key)]") != nil)
        #expect(parseError("\(key) = 1") != nil)
        let inlineKeys = "{ \(Array(repeating: "k", count: 40).joined(separator: ".")) = "
        let error = try #require(parseError("a = " + String(repeating: inlineKeys, count: 3)))
        #expect(error.message.contains("nested"))
    }
}

// MARK: - Public API

@Suite("Public API")
struct APITests {
    @Test func tableSubscriptKeepsOrderAndForgetsLines() throws {
        var table = try TOMLParser.parse("b = 1\na = 2\n")
        #expect(table.line(of: "a") == 2)
        table["c"] = .boolean(true)
        table["a"] = .integer(3)
        #expect(table.keys == ["b", "a", "c"])
        #expect(table.line(of: "a") == nil)
        #expect(table.line(of: "b") == 1)
        #expect(table.line(of: "c") == nil)
        table["b"] = nil
        #expect(table.keys == ["a", "c"])
        #expect(table["b"] == nil)
        table["missing"] = nil
        #expect(table.keys == ["a", "c"])
    }

    @Test func equalityIgnoresOrderAndLines() throws {
        var built = TOMLTable()
        built["y"] = .string("x")
        built["x"] = .integer(1)
        #expect(try TOMLParser.parse("\n\nx = 1\ny = \"x\"") == built)
    }

    @Test func descriptionsAreTOML() {
        #expect(TOMLValue.string("a\"b\\c\n\u{1}中").description == #""a\"b\\c\n\u0001中""#)
        #expect(TOMLValue.integer(-5).description == "-5")
        #expect(TOMLValue.float(0.5).description == "0.5")
        #expect(TOMLValue.float(1e300).description == "1e+300")
        #expect(TOMLValue.boolean(true).description == "true")
        #expect(TOMLValue.date(year: 26, month: 3, day: 2).description == "0026-03-02")
        #expect(TOMLValue.array([.integer(1), .string("x")]).description == #"[1, "x"]"#)
        var table = TOMLTable()
        table["批次"] = .integer(1)
        #expect(TOMLValue.table(table).description == #"{ "批次" = 1 }"#)
    }

    @Test func accessorsReturnNilForOtherKinds() {
        let value = TOMLValue.string("x")
        #expect(value.integer == nil)
        #expect(value.double == nil)
        #expect(value.boolean == nil)
        #expect(value.array == nil)
        #expect(value.table == nil)
        #expect(value.date == nil)
        #expect(TOMLValue.integer(2).string == nil)
    }

    @Test func errorDescription() {
        let error = TOMLSyntaxError(line: 3, column: 7, message: "bad")
        #expect(error.description == "line 3, column 7: bad")
    }
}

// MARK: - Robustness

@Suite("Robustness")
struct FuzzTests {
    private static let interesting: [UInt8] =
        Array("[]{}\"'\\=.,#\n\r\t 0123456789-+_:eExob TtZz".utf8)
        + [0, 0x7F, 0x80, 0xBF, 0xC3, 0xE4, 0xED, 0xF0, 0xF4, 0xFF]

    private static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var result = bytes
        let edits = Int.random(in: 1...4, using: &generator)
        for _ in 0..<edits {
            let position = result.isEmpty ? 0 : Int.random(in: 0..<result.count, using: &generator)
            let byte =
                Bool.random(using: &generator)
                ? interesting.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !result.isEmpty:
                result[position] = byte
            case 1:
                result.insert(byte, at: position)
            case 2 where !result.isEmpty:
                result.remove(at: position)
            case 3 where !result.isEmpty:
                let end = min(result.count, position + Int.random(in: 1...40, using: &generator))
                result.insert(contentsOf: result[position..<end], at: position)
            case 4:
                result.removeLast(Int.random(in: 0...min(result.count, 30), using: &generator))
            default:
                result.insert(contentsOf: interesting.shuffled(using: &generator).prefix(3), at: position)
            }
        }
        return result
    }

    @Test func randomMutationsNeverCrash() {
        var generator = SplitMix64(state: 0x5EED_2026)
        let seeds = [Array(batchTOML.utf8), Array(scenarioTOML.utf8)]
        var parsed = 0
        var failed = 0
        for round in 0..<4_000 {
            let input = Self.mutate(seeds[round % seeds.count], using: &generator)
            do {
                _ = try TOMLParser.parse(bytes: input)
                parsed += 1
            } catch {
                failed += 1
                #expect(error.line >= 1 && error.column >= 1 && !error.message.isEmpty)
                #expect(error.line <= input.count + 1)
            }
            let text = String(decoding: input, as: UTF8.self)
            do {
                _ = try TOMLParser.parse(text)
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
        #expect(parsed + failed == 4_000)
        #expect(failed > 0)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(state: 42)
        for _ in 0..<1_000 {
            let count = Int.random(in: 0...200, using: &generator)
            let input = (0..<count).map { _ in
                Self.interesting.randomElement(using: &generator) ?? 0
            }
            do {
                _ = try TOMLParser.parse(bytes: input)
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }
}
