import Phrasebook

/// An error or warning about a batch folder, pointing at the file, line and column.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    /// File name within the batch folder, e.g. `experts.csv`.
    public var file: String
    /// 1-based line (the header is line 1), when the problem has one.
    public var line: Int?
    /// The column (header name) or TOML key.
    public var column: String?
    /// The offending value, when there is one.
    public var value: String?
    /// What is wrong and what was expected, in either language.
    public var message: Phrase

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: String? = nil,
        value: String? = nil, _ message: Phrase
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }

    /// `experts.csv:17: column 'district': unknown district '福天' (did you mean 福田/futian?)`, or
    /// `experts.csv 第 17 行：列「district」：未知的区「福天」（是否指 福田/futian？）`.
    public func text(_ language: Language) -> String {
        var body = message.text(language)
        if let column {
            let key = file.hasSuffix(".toml") ? "load.at.key" : "load.at.column"
            body = Strings.fill(key, language, ["column": column, "message": body])
        }
        guard let line else { return Strings.fill("load.at.file", language, ["file": file, "message": body]) }
        return Strings.fill("load.at.line", language, ["file": file, "line": String(line), "message": body])
    }

    /// The English text (logs, tests).
    public var description: String { text(.en) }
}

/// A batch folder that could not be loaded: every error found, and the warnings.
public struct BatchLoadError: Error, Sendable, CustomStringConvertible {
    public var errors: [Diagnostic]
    public var warnings: [Diagnostic]
    public var description: String { text(.en) }

    /// Every error, then every warning, one a line, in `language`.
    public func text(_ language: Language) -> String {
        (errors.map { Diagnostic.line($0, language) } + warnings.map { Diagnostic.line($0, language) })
            .joined(separator: "\n")
    }
}

extension Diagnostic {
    /// `error: …` or `warning: …` (`错误：…`, `警告：…`): one line of a command's output.
    public static func line(_ d: Diagnostic, _ language: Language) -> String {
        Strings.fill(d.severity == .error ? "load.error" : "load.warning", language, ["text": d.text(language)])
    }

    /// `2 errors, 1 warning in PATH` (`PATH：2 个错误，1 个警告`).
    public static func summary(errors: Int, warnings: Int, path: String, _ language: Language) -> String {
        func count(_ n: Int, _ kind: String) -> String {
            Strings.fill("load.count.\(kind).\(n == 1 ? "one" : "many")", language, ["n": String(n)])
        }
        let values = ["errors": count(errors, "error"), "warnings": count(warnings, "warning"), "path": path]
        return Strings.fill("load.summary", language, values)
    }
}
