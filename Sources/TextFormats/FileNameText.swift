/// File names made from ids that come from outside (a plan.json, a batch folder).
public enum FileNameText {
    /// A name part that is safe in any file system and unique per id: the id itself when it holds
    /// only ASCII letters, digits, `-`, `_` and `.`, does not begin with `.` and has at most 64
    /// characters; otherwise its safe characters (at most 40) and a hash of the whole id, so that
    /// `../x`, `a/b` or a 300-character id can never leave the folder or fail to be written.
    /// - Complexity: O(*n*) in the id's length.
    public static func safe(_ id: String) -> String {
        let allowed = id.unicodeScalars.allSatisfy {
            $0.isASCII && (isAlphanumeric($0) || "-_.".unicodeScalars.contains($0))
        }
        if allowed && !id.isEmpty && !id.hasPrefix(".") && id.count <= 64 { return id }
        let kept = String(
            String.UnicodeScalarView(id.unicodeScalars.filter { $0.isASCII && isAlphanumeric($0) }.prefix(40)))
        return (kept.isEmpty ? "id" : kept) + "-" + hash(id)
    }

    private static func isAlphanumeric(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u)
    }

    /// FNV-1a over the UTF-8 bytes, 16 hex digits.
    private static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
