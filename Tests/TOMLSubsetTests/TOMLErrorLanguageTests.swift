import Foundation
import Testing

@testable import Phrasebook
@testable import TOMLSubset

/// The TOML reader's syntax errors in Chinese and English: one broken document for every sentence
/// of the table's `toml.*` part, each read in both languages at the same line and column.
@Suite("TOML syntax errors in Chinese and English")
struct TOMLErrorLanguageTests {
    /// Broken documents, each reaching at least one sentence; together they reach all of them.
    static let documents: [[UInt8]] =
        [
            "a = 1\u{0}", "# a\u{1}b", "a = 1\rb = 2", "a = 1 d = 2", "[a] b", "[[a]]", "[a b]", "[a\n", "a b",
            "a" + String(repeating: ".a", count: 64) + " = 1", "a.", "\"\"\"a\"\"\" = 1", "~ = 1", "批次 = 1",
            "a.b = 1\n[a]", "[a]\n[a]", "a = 1\n[a]", "a = {b = 1}\n[a]", "[t.a]\n[t]\na.x = 1",
            "[a.b.c]\n[a]\nb.x = 1",
            "a = 1\na.b = 2", "a = 1\na = 2", "a = ", "a = \"\"\"x\"\"\"", "a = '''x'''", "a = ?",
            "a = \"x", "a = \"x\\", "a = 'x", "a = \"x\u{1}\"", "a = 'x\u{1}'", "a = \"\\q\"", "a = \"\\u12\"",
            "a = \"\\u0000\"", "a = \"\\uD800\"",
            "a = " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
            "a = {x = {" + String(repeating: "b.", count: 63) + "c = 1}}", "a = [1 2]", "a = {b = 1 c = 2}",
            "a = {b = 1, }",
            "a = {b = 1,\n c = 2}", "a = [1", "a = {b = 1", "a = inf", "a = hello", "a = 12:00", "a = 2026-3-02",
            "a = 0000-01-01", "a = 2026-13-01", "a = 2026-02-30", "a = +0x10", "a = 1__0", "a = 012", "a = 1.",
            "a = 1e", "a = 1e400", "a = 9223372036854775808",
        ].map { Array($0.utf8) } + [
            Array("a = \"".utf8) + [0xFF, 0x22],
            Array(String(repeating: "# padding line\n", count: TOMLParser.maximumInputBytes / 15 + 1).utf8),
        ]

    /// English words a Chinese message must not hold (values typed by a person are allowed: `hello`).
    static let englishWords: Set<String> = [
        "the", "is", "are", "not", "expected", "found", "and", "of", "in", "a", "an", "line", "column", "table",
        "key", "value", "string", "must", "be", "may", "allowed", "supported", "quote", "write", "end", "text",
        "array", "inline", "date", "number", "digits", "after", "before", "or", "at", "defined", "twice",
    ]

    func error(_ bytes: [UInt8]) -> TOMLSyntaxError? {
        do {
            _ = try TOMLParser.parse(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    /// The keys a phrase uses, its own and its parts', recursively.
    func keys(of phrase: Phrase) -> Set<String> {
        phrase.values.values.reduce(into: [phrase.key]) { keys, value in
            switch value {
            case .text: break
            case .phrase(let inner): keys.formUnion(self.keys(of: inner))
            case .list(let items):
                for item in items { keys.formUnion(self.keys(of: item)) }
            }
        }
    }

    /// The language-neutral texts a phrase was filled with (what was typed), recursively.
    func typed(_ phrase: Phrase) -> [String] {
        phrase.values.values.flatMap { value -> [String] in
            switch value {
            case .text(let text): return [text]
            case .phrase(let inner): return typed(inner)
            case .list(let items): return items.flatMap(typed)
            }
        }
    }

    /// The English words of `text`, character ranges (`A-Z a-z`) left out.
    func englishWords(in text: String) -> Set<String> {
        let text = text.replacingOccurrences(of: "[A-Za-z0-9]-[A-Za-z0-9]", with: " ", options: .regularExpression)
        let words = text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map { $0.lowercased() }
        return Set(words).intersection(Self.englishWords)
    }

    @Test("every broken document's error reads in Chinese, and together they use every TOML sentence")
    func everySentenceInChinese() throws {
        var reached: Set<String> = []
        for bytes in Self.documents {
            let shown = String(decoding: bytes.prefix(60), as: UTF8.self)
            let failure = try #require(error(bytes), "\(shown) parsed")
            reached.formUnion(keys(of: failure.phrase))
            let zh = failure.phrase.text(.zh)
            let en = failure.phrase.text(.en)
            #expect(en == failure.message, "\(shown)")
            #expect(zh != en, "\(shown): \(zh)")
            #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(shown): \(zh)")
            // A key missing from the table would show as itself.
            #expect(!zh.contains("toml.") && !en.contains("toml."), "\(shown): \(zh)")
            let allowed = englishWords(in: typed(failure.phrase).joined(separator: " "))
            #expect(englishWords(in: zh).isSubset(of: allowed), "\(shown): \(zh)")
        }
        #expect(reached.filter { $0.hasPrefix("toml.") } == Set(Strings.toml.keys))
    }

    @Test("the table's Chinese sentences keep the English ones' placeholders")
    func placeholdersMatch() throws {
        let regex = try NSRegularExpression(pattern: #"\{([a-z]+)\}"#)
        func names(_ text: String) -> Set<String> {
            let range = NSRange(text.startIndex..., in: text)
            let matches = regex.matches(in: text, range: range)
            return Set(matches.map { (text as NSString).substring(with: $0.range(at: 1)) })
        }
        #expect(Strings.toml.count > 60)
        #expect(Set(Strings.toml.keys).isDisjoint(with: Strings.table.keys.filter { !$0.hasPrefix("toml.") }))
        for (key, entry) in Strings.toml {
            #expect(names(entry.zh) == names(entry.en), "\(key)")
        }
    }

    @Test("a value after a value, in both languages, at the same line and column")
    func oneErrorInBoth() throws {
        let failure = try #require(error(Array("[batch]\nname = \"x\" d = 2".utf8)))
        #expect(failure.line == 2)
        #expect(failure.column == 12)
        let english =
            "unexpected 'd' after the value; put each key = value pair and each [table] header on a line of its own"
        #expect(failure.phrase.text(.en) == english)
        let chinese = "值之后出现了多余的「d」；每个「键 = 值」和每个 [表] 表头各占一行"
        #expect(failure.phrase.text(.zh) == chinese)
    }
}
