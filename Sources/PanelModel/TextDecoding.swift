import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The encodings a CSV file may come in, as Chinese offices save them.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16 = "UTF-16"
    /// GB18030 (a superset of GBK): what Chinese Excel saves as "CSV".
    case gb18030 = "GB18030"
}

/// Decodes a text file's bytes: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark, or GB18030 through the C library's iconv.
public enum TextDecoding {
    /// The text and the encoding it was read in, or nil when the bytes are none of them.
    /// - Complexity: O(*n*) in the file's size.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding)? {
        if bytes.starts(with: [0xFF, 0xFE]) {
            return String(data: Data(bytes.dropFirst(2)), encoding: .utf16LittleEndian).map { ($0, .utf16) }
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: Data(bytes.dropFirst(2)), encoding: .utf16BigEndian).map { ($0, .utf16) }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return gb18030(bytes).map { ($0, .gb18030) }
    }

    /// GB18030 bytes as a String, or nil when they are not GB18030.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var outPointer = outBuffer.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else {
                    return nil
                }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}
