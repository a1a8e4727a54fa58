import Foundation
import PanelModel
import Testing

@testable import Phrasebook

/// The loader's errors and warnings in Chinese and English: every sentence from the string table,
/// the same file, line, column and value in both, and no English sentence left in the Chinese.
@Suite("Loader and console messages in Chinese and English")
struct DiagnosticLanguageTests {
    /// English words a Chinese message must not hold. Values people type (initial, site, am,
    /// pass, holiday, yes/no …), keys (share, pool) and file names are written as they are.
    static let englishWords: Set<String> = [
        "the", "is", "are", "not", "expected", "unknown", "missing", "required", "found", "and", "of", "in",
        "a", "an", "file", "column", "value", "line", "table", "expert", "experts", "enterprise", "panel",
        "deadline", "before", "after", "ignored", "must", "needs", "cannot", "or", "error", "warning", "errors",
        "warnings", "id", "date", "number", "list", "did", "you", "mean",
    ]

    /// The keys of the loader's sentences (`load.*`, `scenario.*`, `sweep.*`), the console's
    /// (`whatif.*`, `progress.*`) and the rules' and plan warnings' (`rule.*`, `plan.*`, `workflow.*`).
    static let keys = [Strings.loading, Strings.console, Strings.rules, Strings.nightly].flatMap(\.keys).sorted()

    func placeholders(_ text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{([a-z]+)\}"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).map { (text as NSString).substring(with: $0.range(at: 1)) })
    }

    /// The words of `text` (outside placeholders, snake_case keys, option and file names) that are English.
    func englishWords(in text: String) -> [String] {
        let typed = #"\{[a-z]+\}|--[a-z][a-z-]*|[A-Za-z0-9_-]+\.[a-z]+"#
        let stripped = text.replacingOccurrences(of: typed, with: " ", options: .regularExpression)
        let tokens = stripped.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_" || $0 == ".")) })
        return tokens.filter { !$0.contains("_") && !$0.contains(".") }.map { $0.lowercased() }.filter {
            Self.englishWords.contains($0)
        }
    }

    /// The language-neutral texts a phrase was filled with (ids, values, names), recursively.
    func texts(of phrase: Phrase) -> [String] {
        phrase.values.values.flatMap { value -> [String] in
            switch value {
            case .text(let text): return [text]
            case .phrase(let inner): return texts(of: inner)
            case .list(let items): return items.flatMap(texts(of:))
            }
        }
    }

    func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("every loader sentence has a Chinese text with the English one's placeholders and no English words")
    func tableIsTranslated() {
        #expect(Self.keys.count > 90)
        #expect(Set(Strings.loading.keys).isDisjoint(with: Strings.general.keys))
        #expect(Set(Strings.console.keys).isDisjoint(with: Strings.general.keys))
        #expect(Set(Strings.console.keys).isDisjoint(with: Strings.loading.keys))
        #expect(Set(Strings.rules.keys).isDisjoint(with: Set(Strings.general.keys).union(Strings.loading.keys)))
        #expect(Set(Strings.rules.keys).isDisjoint(with: Strings.console.keys))
        let others = [Strings.general, Strings.loading, Strings.console, Strings.rules, Strings.help, Strings.toml]
        #expect(others.allSatisfy { Set(Strings.nightly.keys).isDisjoint(with: $0.keys) })
        // `--help`: every text Chinese (values typed as they are: `table、csv 或 json`).
        #expect(Strings.help.count > 70)
        #expect(Set(Strings.help.keys).isDisjoint(with: Set(Strings.general.keys).union(Self.keys)))
        for (key, entry) in Strings.help {
            let english = entry.en.replacingOccurrences(of: "随机抽取", with: "")
            #expect(isChinese(entry.zh) && !isChinese(english), "\(key)")
        }
        for key in Self.keys {
            let entry = Strings.table[key]!
            #expect(placeholders(entry.zh) == placeholders(entry.en), "\(key)")
            #expect(englishWords(in: entry.zh).isEmpty, "\(key): \(entry.zh)")
            let words = entry.en.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "", options: .regularExpression)
            if words.contains(where: \.isLetter) {
                // Chinese, or placeholders and punctuation alone ({path}：{errors}，{warnings}).
                let zhWords = entry.zh.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "", options: .regularExpression)
                #expect(isChinese(entry.zh) || !zhWords.contains(where: \.isASCII), "\(key): \(entry.zh)")
            }
        }
    }

    @Test("every broken folder's messages read in Chinese, with the same file, line, column and value")
    func brokenCorpusInChinese() throws {
        let root = fixtures.appendingPathComponent("broken")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            !$0.hasPrefix(".") && !$0.hasSuffix(".md")
        }.sorted()
        var seen = 0
        for name in folders {
            var diagnostics: [Diagnostic]
            do {
                diagnostics = try BatchLoader.load(path: root.appendingPathComponent(name).path).warnings
            } catch let error as BatchLoadError {
                diagnostics = error.errors + error.warnings
            }
            for d in diagnostics {
                seen += 1
                let zh = d.text(.zh)
                let en = d.text(.en)
                // A key missing from the table would show as itself.
                #expect(!Self.keys.contains { zh.contains($0) || en.contains($0) }, "\(name): \(zh)")
                #expect(isChinese(zh), "\(name): \(zh)")
                #expect(zh != en, "\(name): \(zh)")
                #expect(zh.hasPrefix(d.file), "\(name): \(zh)")
                if let line = d.line { #expect(zh.contains("第 \(line) 行"), "\(name): \(zh)") }
                if let column = d.column { #expect(zh.contains("「\(column)」"), "\(name): \(zh)") }
                if let value = d.value, en.contains(value) { #expect(zh.contains(value), "\(name): \(zh)") }
                // The values (a column's name, what was typed) may be English words; the TOML
                // reader's own detail is translated too.
                let typed = Set(englishWords(in: texts(of: d.message).joined(separator: " ")))
                #expect(Set(englishWords(in: d.message.text(.zh))).isSubset(of: typed), "\(name): \(zh)")
            }
        }
        #expect(seen >= folders.count)
    }

    @Test("a district typo in both languages, and the command's lines around the messages")
    func districtTypo() throws {
        let folder = fixtures.appendingPathComponent("broken/26-unknown-district-chinese-typo")
        let error = try #require(throws: BatchLoadError.self) { try BatchLoader.load(path: folder.path) }
        let d = try #require(error.errors.first { $0.column == "district" })
        let english =
            "enterprises.csv:5: column 'district': unknown district '福天' "
            + "(did you mean 福田/futian?)"
        let chinese =
            "enterprises.csv 第 5 行：列「district」："
            + "未知的区「福天」（是否指 福田/futian？）"
        #expect(d.text(.en) == english)
        #expect(d.text(.zh) == chinese)
        #expect(Diagnostic.line(d, .zh).hasPrefix("错误：enterprises.csv 第 5 行"))
        #expect(Diagnostic.line(d, .en).hasPrefix("error: enterprises.csv:5:"))
        #expect(Diagnostic.summary(errors: 2, warnings: 1, path: "b", .en) == "2 errors, 1 warning in b")
        #expect(Diagnostic.summary(errors: 1, warnings: 0, path: "b", .en) == "1 error, 0 warnings in b")
        #expect(Diagnostic.summary(errors: 2, warnings: 1, path: "b", .zh) == "b：2 个错误，1 个警告")
    }

    @Test("several suggestions are read as alternatives in each language")
    func alternatives() {
        let futian = Phrase.verbatim("福田/futian")
        let nanshan = Phrase.verbatim("南山/nanshan")
        let hint = Phrase("load.either", ["first": .phrase(futian), "second": .phrase(nanshan)])
        let phrase = Phrase("load.district-suggestions", ["names": .phrase(hint)])
        #expect(phrase.text(.en) == "did you mean 福田/futian or 南山/nanshan?")
        #expect(phrase.text(.zh) == "是否指 福田/futian 或 南山/nanshan？")
    }
}
