/// The seed of a public random draw: SHA-256 of the public text (for example a lottery's
/// numbers drawn after the pool was frozen) and of the inputs' own SHA-256, so that nobody can
/// choose the seed after seeing the inputs, nor the inputs after seeing the seed.
public struct DrawSeed: Sendable, Equatable {
    /// The public text, as given.
    public let text: String
    /// SHA-256 of the batch folder's input files (``inputsDigest(_:)``), hex.
    public let inputsSHA256: String
    /// SHA-256 of `text`, a newline and `inputsSHA256`, hex.
    public let hex: String

    /// Derives the seed from the public text and the input files (name → bytes).
    public init(text: String, files: [String: [UInt8]]) {
        self.text = text
        self.inputsSHA256 = DrawSeed.inputsDigest(files)
        self.hex = SHA256.hex(Array(text.utf8) + [0x0A] + Array(inputsSHA256.utf8))
    }

    /// The first 64 bits of the seed, for the planner's random stream.
    public var value: UInt64 {
        var v: UInt64 = 0
        for c in hex.utf8.prefix(16) {
            let digit = c <= 0x39 ? UInt64(c - 0x30) : UInt64(c - 0x61 + 10)
            v = v << 4 | digit
        }
        return v
    }

    /// SHA-256 over the files in name order, each as its name, a NUL, its length in decimal, a
    /// NUL and its bytes: two folders have the same digest exactly when they hold the same files.
    /// - Complexity: O(total bytes + *f* log *f*) for *f* files.
    public static func inputsDigest(_ files: [String: [UInt8]]) -> String {
        var bytes: [UInt8] = []
        for name in files.keys.sorted() {
            let content = files[name] ?? []
            bytes += Array(name.utf8) + [0] + Array(String(content.count).utf8) + [0] + content
        }
        return SHA256.hex(bytes)
    }
}
