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
    /// What is wrong and what was expected.
    public var message: String

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: String? = nil,
        value: String? = nil, _ message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }

    /// `experts.csv:17: column 'district': unknown district '福天' (did you mean 福田/futian?)`
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let column { s += file.hasSuffix(".toml") ? "key '\(column)': " : "column '\(column)': " }
        s += message
        return s
    }
}

/// A batch folder that could not be loaded: every error found, and the warnings.
public struct BatchLoadError: Error, Sendable, CustomStringConvertible {
    public var errors: [Diagnostic]
    public var warnings: [Diagnostic]
    public var description: String {
        (errors.map { "error: \($0)" } + warnings.map { "warning: \($0)" }).joined(separator: "\n")
    }
}
