/// A TOML table: keys in insertion order, their values, and the lines of the file that defined them.
///
/// Two tables are equal when they hold the same keys with equal values; key order and line numbers are ignored.
public struct TOMLTable: Equatable, Sendable {
    private var orderedKeys: [String] = []
    private var values: [String: TOMLValue] = [:]
    private var definitionLines: [String: Int] = [:]

    /// The 1-based line of the `[header]` that opened this table, if a header did.
    public var headerLine: Int?

    /// An empty table.
    public init() {}

    /// The keys, in the order they were first defined.
    public var keys: [String] {
        orderedKeys
    }

    /// The value for `key`. Setting appends a new key at the end, and forgets the key's line;
    /// setting `nil` removes the key.
    public subscript(key: String) -> TOMLValue? {
        get {
            values[key]
        }
        set {
            definitionLines[key] = nil
            guard let newValue else {
                if values.removeValue(forKey: key) != nil {
                    orderedKeys.removeAll { $0 == key }
                }
                return
            }
            if values.updateValue(newValue, forKey: key) == nil {
                orderedKeys.append(key)
            }
        }
    }

    /// The 1-based line where `key` was defined in the parsed text; `nil` for keys set in code.
    ///
    /// For a table defined by a `[header]` this is the header's line.
    public func line(of key: String) -> Int? {
        definitionLines[key]
    }

    /// Adds or replaces `key` and records the line that defined it (used by the parser).
    mutating func define(_ key: String, as value: TOMLValue, line: Int) {
        self[key] = value
        definitionLines[key] = line
    }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.values == rhs.values
    }
}
