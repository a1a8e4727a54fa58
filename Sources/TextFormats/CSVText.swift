/// CSV text (RFC 4180) for every CSV the project writes.
public enum CSVText {
    /// A field, quoted when it holds a comma, a quote or a line break (CR or LF).
    /// - Complexity: O(*n*) in the field's length.
    public static func field(_ s: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character in Swift.
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A field for a sheet a person opens in Excel: a cell that begins with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return is prefixed with `'` so that it is never read as a formula (OWASP's
    /// rule against CSV injection), then quoted as ``field(_:)``.
    public static func sheetField(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field(s) }
        return field("'" + s)
    }
}
