import Foundation

/// JSON text for the hand-written writers (plan.json, notifications, what-if tables).
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    /// - Complexity: O(*n*) in the string's length.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
