/// A value of the TOML subset that ``TOMLParser`` reads.
public enum TOMLValue: Equatable, Sendable, CustomStringConvertible {
    /// A basic (`"..."`) or literal (`'...'`) string.
    case string(String)
    /// A 64-bit signed integer.
    case integer(Int)
    /// A finite floating-point number.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// A local date `YYYY-MM-DD`: year 1–9999, month 1–12, day valid for the month (leap years included).
    case date(year: Int, month: Int, day: Int)
    /// An array; element types may be mixed.
    case array([TOMLValue])
    /// A table (from a `[header]`, dotted keys or an inline table).
    case table(TOMLTable)

    /// The string, if this is a string.
    public var string: String? {
        guard case .string(let value) = self else {
            return nil
        }
        return value
    }

    /// The integer, if this is an integer.
    public var integer: Int? {
        guard case .integer(let value) = self else {
            return nil
        }
        return value
    }

    /// The number as a `Double`, if this is a float or an integer.
    public var double: Double? {
        switch self {
        case .float(let value):
            return value
        case .integer(let value):
            return Double(value)
        default:
            return nil
        }
    }

    /// The Boolean, if this is a Boolean.
    public var boolean: Bool? {
        guard case .boolean(let value) = self else {
            return nil
        }
        return value
    }

    /// The elements, if this is an array.
    public var array: [TOMLValue]? {
        guard case .array(let value) = self else {
            return nil
        }
        return value
    }

    /// The table, if this is a table.
    public var table: TOMLTable? {
        guard case .table(let value) = self else {
            return nil
        }
        return value
    }

    /// The date's parts, if this is a date.
    public var date: (year: Int, month: Int, day: Int)? {
        guard case .date(let year, let month, let day) = self else {
            return nil
        }
        return (year, month, day)
    }

    /// The value in TOML syntax (strings quoted and escaped, tables inline), for messages.
    public var description: String {
        switch self {
        case .string(let value):
            return Self.quoted(value)
        case .integer(let value):
            return String(value)
        case .float(let value):
            return Self.render(value)
        case .boolean(let value):
            return value ? "true" : "false"
        case .date(let year, let month, let day):
            return "\(Self.padded(year, to: 4))-\(Self.padded(month, to: 2))-\(Self.padded(day, to: 2))"
        case .array(let values):
            return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .table(let table):
            guard !table.keys.isEmpty else {
                return "{}"
            }
            let pairs = table.keys.map { key in
                "\(Self.renderKey(key)) = \(table[key]?.description ?? "")"
            }
            return "{ " + pairs.joined(separator: ", ") + " }"
        }
    }

    /// A key as TOML writes it: bare if it may be, otherwise quoted.
    static func renderKey(_ key: String) -> String {
        let isBare = !key.isEmpty && key.utf8.allSatisfy(Self.isBareKeyByte)
        return isBare ? key : quoted(key)
    }

    /// Whether `byte` may appear in a bare key: `A-Z a-z 0-9 _ -`.
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// `text` as a TOML basic string, with quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                result += "\\\""
            case "\\":
                result += "\\\\"
            case "\u{8}":
                result += "\\b"
            case "\t":
                result += "\\t"
            case "\n":
                result += "\\n"
            case "\u{C}":
                result += "\\f"
            case "\r":
                result += "\\r"
            case "\u{0}"..."\u{1F}", "\u{7F}":
                result += "\\u" + hex(scalar.value, digits: 4)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `value` in upper-case hexadecimal, zero-padded to at least `digits` digits.
    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func render(_ value: Double) -> String {
        if value.isNaN {
            return "nan"
        }
        if value.isInfinite {
            return value < 0 ? "-inf" : "inf"
        }
        return "\(value)"
    }

    private static func padded(_ value: Int, to width: Int) -> String {
        let text = String(value)
        guard value >= 0 else {
            return text
        }
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
