import Foundation
import Phrasebook

/// argument-parser's own words (the help's headings, its `--help` and `--version` lines, the
/// usage errors) in the help's language. Each is an entry of the table's `help.parser.*` part
/// whose English text, its `{placeholders}` standing for any text on one line (a `{list}` of
/// values on several), is replaced by the Chinese with the same values; a heading's colon takes
/// the spaces after it along (`用法：`).
enum ParserWords {
    /// The entries, in the order they are applied.
    static let keys = [
        "help.parser.overview", "help.parser.usage-heading", "help.parser.arguments", "help.parser.options",
        "help.parser.subcommands", "help.parser.show-help", "help.parser.show-version", "help.parser.values-default",
        "help.parser.values", "help.parser.default",
        "help.parser.see-subcommand-help", "help.parser.see-more", "help.parser.error", "help.parser.help-line",
        "help.parser.usage-line", "help.parser.missing-argument", "help.parser.unknown-option",
        "help.parser.did-you-mean", "help.parser.invalid-value", "help.parser.unexpected-argument",
        "help.parser.missing-value", "help.parser.choose-one",
    ]

    /// `text` (written by argument-parser in English) with its words in `language`.
    /// - Complexity: O(*n*·*k*) for *n* characters and *k* entries.
    static func translate(_ text: String, to language: Language) -> String {
        guard language != .en else { return text }
        return keys.reduce(text) { text, key in
            guard let (regex, template) = rule(key, language) else { return text }
            let range = NSRange(text.startIndex..., in: text)
            return regex.stringByReplacingMatches(in: text, range: range, withTemplate: template)
        }
    }

    /// The English text of `key` as a regular expression (a group per placeholder) and its text in
    /// `language` as the replacement template.
    private static func rule(_ key: String, _ language: Language) -> (NSRegularExpression, String)? {
        let english = parts(Strings.text(key, .en))
        let wraps = english.contains { if case .placeholder("list") = $0 { true } else { false } }
        var pattern = ""
        var names: [String] = []
        for (index, part) in english.enumerated() {
            switch part {
            case .literal(let text) where wraps:
                // argument-parser may break the line at any of its spaces.
                pattern += text.split(separator: " ", omittingEmptySubsequences: false).map {
                    NSRegularExpression.escapedPattern(for: String($0))
                }.joined(separator: "\\s+")
            case .literal(let text):
                pattern += NSRegularExpression.escapedPattern(for: text)
            case .placeholder(let name):
                names.append(name)
                // Any text on the line, as little as the next literal allows; an entry with a
                // `{list}` of an option's values may wrap onto the next lines, within its brackets.
                let any = wraps ? "[^)]" : "[^\\n]"
                pattern += index == english.count - 1 ? "(\(any)*)" : "(\(any)*?)"
            }
        }
        if english.last.map({ if case .literal(let text) = $0 { text.hasSuffix(":") } else { false } }) == true {
            pattern += " *"
        }
        var template = ""
        for part in parts(Strings.text(key, language)) {
            switch part {
            case .literal(let text):
                template += NSRegularExpression.escapedTemplate(for: text)
            case .placeholder(let name):
                guard let group = names.firstIndex(of: name) else { return nil }
                template += "$\(group + 1)"
            }
        }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        return (regex, template)
    }

    private enum Part {
        case literal(String)
        case placeholder(String)
    }

    /// A table text split into its literal runs and `{name}` placeholders.
    private static func parts(_ text: String) -> [Part] {
        var parts: [Part] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            parts.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        return parts
    }
}
