/// HTML and XML text (the report, SVG charts).
public enum HTMLText {
    /// Text with `&`, `<`, `>` and `"` escaped, safe in element content and quoted attributes.
    /// - Complexity: O(*n*) in the string's length.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
