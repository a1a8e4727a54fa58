import COpenSSLCrypto

/// SHA-256 through OpenSSL's libcrypto (Debian's libssl-dev): the digest that makes a random
/// draw verifiable by anyone with the inputs and the public seed text.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    /// - Complexity: O(*n*) for *n* bytes.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest fails only when libcrypto cannot allocate a context: nothing to recover.
        precondition(ok == 1 && length == 32, "libcrypto's SHA-256 failed")
        return out
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        digest(bytes).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// The digest of a string's UTF-8 bytes as 64 lowercase hex digits.
    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
