/// A sentence to be read in either language: a key of the string table and the values of its
/// `{name}` placeholders. Values are language-neutral text (ids, dates, numbers, rule keys) or
/// phrases of their own, so a sentence built from parts is translated part by part.
public struct Phrase: Sendable, Hashable {
    /// A placeholder's value.
    /// A string literal, interpolated or not, is a ``text(_:)`` value.
    public indirect enum Value: Sendable, Hashable, ExpressibleByStringInterpolation {
        /// Text that reads the same in both languages: an id, a date, a number, a rule key.
        case text(String)
        /// A phrase of the table.
        case phrase(Phrase)
        /// Phrases read as a list (、 in Chinese, commas in English).
        case list([Phrase])

        public init(stringLiteral value: String) {
            self = .text(value)
        }
    }

    /// The string table's key (``Strings``).
    public var key: String
    /// The placeholders' values by name.
    public var values: [String: Value]

    public init(_ key: String, _ values: [String: Value] = [:]) {
        self.key = key
        self.values = values
    }

    /// A phrase of text alone (an id, or a message that has no entry of its own).
    public static func verbatim(_ text: String) -> Phrase {
        Phrase("verbatim", ["text": .text(text)])
    }

    /// Phrases read one after the other as clauses of one sentence (；in Chinese, semicolons in
    /// English).
    public static func clauses(_ parts: [Phrase]) -> Phrase {
        Phrase("clauses", ["parts": .list(parts)])
    }

    /// The phrase in `language`, its placeholders filled.
    public func text(_ language: Language) -> String {
        var values: [String: String] = [:]
        for (name, value) in self.values {
            switch value {
            case .text(let text):
                values[name] = text
            case .phrase(let phrase):
                values[name] = phrase.text(language)
            case .list(let phrases):
                let separator = Strings.text(key == "clauses" ? "clauses.separator" : "list.separator", language)
                values[name] = phrases.map { $0.text(language) }.joined(separator: separator)
            }
        }
        return Strings.fill(key, language, values)
    }
}
