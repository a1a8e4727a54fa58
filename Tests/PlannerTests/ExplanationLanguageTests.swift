import BatchGenerator
import Foundation
import PanelModel
import PlanModel
import Planner
import Reports
import Testing

@testable import Phrasebook

/// The sentences of `unscheduled` in Chinese and English: every one from the string table,
/// with the same numbers in both, and no English sentence left in the Chinese one.
@Suite("Explanations in Chinese and English")
struct ExplanationLanguageTests {
    /// Words of an English sentence that a Chinese one must not hold. Rule keys (`max_site`,
    /// `lead_days`), ids, dates and data values (industry tags) are written as they are.
    static let englishWords: Set<String> = [
        "the", "and", "of", "is", "are", "no", "with", "every", "needs", "panel", "expert", "experts", "rule",
        "rules", "before", "after", "only", "free", "their", "cap", "caps", "deadline", "review", "inspection",
        "site", "initial", "half", "days", "more", "not", "yet", "one", "from", "but", "relaxing", "alone", "busy",
        "unavailable", "organizations", "conflict", "draft", "batch", "penalty", "extension", "planned",
    ]

    /// The English words of `text` outside its placeholders and rule keys (`lead_days`).
    func englishWords(in text: String) -> [String] {
        let stripped = text.replacingOccurrences(of: #"\{[a-z]+\}"#, with: " ", options: .regularExpression)
        let tokens = stripped.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "_")) })
        return tokens.filter { !$0.contains("_") }.map { $0.lowercased() }.filter { Self.englishWords.contains($0) }
    }

    /// Whether a template holds words besides its placeholders (`{head}: {tail}` does not).
    func hasWords(_ text: String) -> Bool {
        text.replacingOccurrences(of: #"\{[a-z]+\}"#, with: " ", options: .regularExpression).contains { $0.isLetter }
    }

    func placeholders(_ text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{([a-z]+)\}"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).map { (text as NSString).substring(with: $0.range(at: 1)) })
    }

    @Test("every explanation phrase has a Chinese text with the same placeholders and no English words")
    func tableIsTranslated() {
        let keys = Strings.table.keys.filter { $0.hasPrefix("why.") }.sorted()
        #expect(keys.count > 60)
        for key in keys {
            let entry = Strings.table[key]!
            // A conflict's English message comes from the rule; the Chinese names its rule number.
            if key != "why.pool.conflict-item" {
                #expect(placeholders(entry.zh) == placeholders(entry.en), "\(key)")
            }
            #expect(englishWords(in: entry.zh).isEmpty, "\(key): \(entry.zh)")
            if hasWords(entry.en) {
                #expect(entry.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key)")
            }
        }
    }

    @Test("a phrase fills its placeholders once, lists and clauses in each language's punctuation")
    func phrasesRender() {
        let items = [Phrase.verbatim("E001"), Phrase.verbatim("{n}")]
        let phrase = Phrase.clauses([
            Phrase("why.caps.no-leader", ["experts": .list(items)]), Phrase("why.relax.max-parallel"),
        ])
        let english =
            "every conflict-free expert who may lead is at their cap (E001, {n}) (rules 5, 8); "
            + "max_parallel (rule 10)"
        #expect(phrase.text(.en) == english)
        let chinese =
            "所有可任组长的无回避专家均已达到上限（E001、{n}）"
            + "（规则 5、8）；max_parallel（规则 10）"
        #expect(phrase.text(.zh) == chinese)
    }

    @Test("every enterprise left out of a tight batch is explained in both languages, and plan.json keeps both")
    func plannedBatchIsExplained() throws {
        var g = BatchGenerator(.init(enterprises: 40, experts: 25, seed: 2, months: 2))
        let dir = temporaryFolder("explain-zh")
        try g.write(to: dir.path)
        let planned = try planFolderAndCheck(dir)
        let entries = planned.plan.unscheduled
        #expect(entries.contains { $0.eligible } && entries.contains { !$0.eligible })
        for u in entries {
            let zh = try #require(u.reasonZh, "\(u.enterpriseID) \(u.code)")
            #expect(englishWords(in: zh).isEmpty, "\(u.enterpriseID): \(zh)")
            #expect(!zh.contains("why.") && !zh.contains("{"), "\(zh)")
            #expect(!u.reason.contains("why.") && !u.reason.contains("{"), "\(u.reason)")
            #expect(u.reason(in: .zh) == zh && u.reason(in: .en) == u.reason)
        }
        let json = PlanWriter.json(planned.plan)
        let read = try PlanReader.read(Data(json.utf8))
        #expect(read.unscheduled.map(\.reasonZh) == entries.map(\.reasonZh))
        #expect(read.unscheduled.map(\.reason) == entries.map(\.reason))
        let summary = PlanSummary.text(planned.plan, batch: planned.batch, language: .zh)
        // The summary lists the eligible enterprises left out, each with its sentence.
        for u in entries where u.eligible { #expect(summary.contains(u.reasonZh!)) }
    }
}
