import Phrasebook

/// A problem in TOML text: where it is and what is wrong.
public struct TOMLSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem, counted in Unicode scalars (a tab counts as one).
    public var column: Int
    /// What is wrong, as a sentence of the string table (`toml.*`), in Chinese or English.
    public var phrase: Phrase
    /// What is wrong, in plain English.
    public var message: String { phrase.text(.en) }

    /// An error at `line` and `column` saying `phrase`.
    public init(line: Int, column: Int, phrase: Phrase) {
        self.line = line
        self.column = column
        self.phrase = phrase
    }

    /// An error at `line` and `column` saying `message`, a text of no table entry.
    public init(line: Int, column: Int, message: String) {
        self.init(line: line, column: column, phrase: .verbatim(message))
    }

    /// Two errors are equal when they name the same place and read the same.
    public static func == (lhs: TOMLSyntaxError, rhs: TOMLSyntaxError) -> Bool {
        lhs.line == rhs.line && lhs.column == rhs.column && lhs.message == rhs.message
    }

    /// `line L, column C: message`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}

/// Reads the TOML 1.0 subset described in GRAMMAR.md. It never traps: any input either parses or throws.
public enum TOMLParser {
    /// Longer inputs (in UTF-8 bytes, after any byte-order mark) are refused with an error.
    public static let maximumInputBytes = 1_048_576

    /// The deepest nesting of arrays and inline tables, and the most parts in one key, that are accepted.
    public static let maximumDepth = 64

    /// Parses TOML text into its root table. A leading byte-order mark (U+FEFF) is skipped.
    public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        try checkSize(text.utf8.count - (text.utf8.starts(with: byteOrderMark) ? byteOrderMark.count : 0))
        return try parseValidUTF8(withoutByteOrderMark(Array(text.utf8)))
    }

    /// Validates `bytes` as UTF-8 and parses them into the root table. A leading UTF-8 byte-order mark is skipped.
    public static func parse(bytes: [UInt8]) throws(TOMLSyntaxError) -> TOMLTable {
        let body = withoutByteOrderMark(bytes)
        try checkSize(body.count)
        if let bad = firstInvalidUTF8Offset(in: body) {
            let location = location(of: bad, in: body)
            let shown = "0x" + TOMLValue.hex(UInt32(body[bad]), digits: 2)
            throw TOMLSyntaxError(
                line: location.line,
                column: location.column,
                phrase: Phrase("toml.not-utf8", ["byte": "\(shown)"])
            )
        }
        return try parseValidUTF8(body)
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func checkSize(_ count: Int) throws(TOMLSyntaxError) {
        guard count <= maximumInputBytes else {
            throw TOMLSyntaxError(
                line: 1,
                column: 1,
                phrase: Phrase("toml.too-long", ["count": "\(count)", "limit": "\(maximumInputBytes)"])
            )
        }
    }

    private static func parseValidUTF8(_ body: [UInt8]) throws(TOMLSyntaxError) -> TOMLTable {
        var parser = Parser(bytes: body)
        return try parser.parseDocument()
    }

    private static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: byteOrderMark) else {
            return bytes
        }
        return Array(bytes.dropFirst(byteOrderMark.count))
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence, if any.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            var length = 1
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F:
                length = 1
            case 0xC2...0xDF:
                length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3:
                length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default:
                return index
            }
            for position in (index + 1)..<(index + length) {
                guard position < bytes.count else {
                    return index
                }
                let range = position == index + 1 ? low...high : 0x80...0xBF
                guard range.contains(bytes[position]) else {
                    return index
                }
            }
            index += length
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`; the bytes before it must be valid UTF-8.
    static func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        for byte in bytes[..<end] {
            if byte == Byte.newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

// MARK: - Bytes

private enum Byte {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let apostrophe = UInt8(ascii: "'")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let equals = UInt8(ascii: "=")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// Control characters that TOML forbids in strings and comments: all but tab (line ends are handled apart).
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == 0x7F
    }

    /// Bytes of a bare number, date, Boolean or word.
    static func isToken(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte) || byte == underscore || byte == plus || byte == minus || byte == dot
            || byte == colon
    }

    /// The digit value of `byte` in `radix` (2, 8, 10 or 16), if it is one.
    static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        var value: Int
        if isDigit(byte) {
            value = Int(byte) - Int(UInt8(ascii: "0"))
        } else if isLetter(byte) {
            value = Int(byte | 0x20) - Int(UInt8(ascii: "a")) + 10
        } else {
            return nil
        }
        return value < radix ? value : nil
    }
}

// MARK: - Table tree under construction

/// A table while it is being built; classes let the parser extend a table reached by a path.
private final class Node {
    enum Origin {
        case root
        case implicit
        case header
        case dotted
        case inline
    }

    var origin: Origin
    var headerLine: Int?
    private(set) var keys: [String] = []
    private(set) var slots: [String: Slot] = [:]

    init(origin: Origin, headerLine: Int? = nil) {
        self.origin = origin
        self.headerLine = headerLine
    }

    func set(_ key: String, _ slot: Slot) {
        if slots.updateValue(slot, forKey: key) == nil {
            keys.append(key)
        }
    }

    func makeTable() -> TOMLTable {
        var table = TOMLTable()
        table.headerLine = headerLine
        for key in keys {
            switch slots[key] {
            case .value(let value, let line):
                table.define(key, as: value, line: line)
            case .table(let node, let line):
                table.define(key, as: .table(node.makeTable()), line: line)
            case nil:
                continue
            }
        }
        return table
    }
}

private enum Slot {
    case value(TOMLValue, line: Int)
    case table(Node, line: Int)
}

private struct KeyPart {
    var name: String
    var offset: Int
}

// MARK: - Parser

private struct Parser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private let root: Node
    private var current: Node
    private var currentPath: [String] = []

    init(bytes: [UInt8]) {
        let root = Node(origin: .root)
        self.bytes = bytes
        self.root = root
        self.current = root
    }

    mutating func parseDocument() throws(TOMLSyntaxError) -> TOMLTable {
        if let nul = bytes.firstIndex(of: 0) {
            throw failure(Phrase("toml.nul"), at: nul)
        }
        while true {
            skipSpaces()
            if peek() == Byte.hash {
                try skipComment()
            }
            guard let byte = peek() else {
                break
            }
            if try consumeNewline() {
                continue
            }
            if byte == Byte.openBracket {
                try parseTableHeader()
                try expectLineEnd(after: Phrase("toml.after-header"))
            } else {
                try parseKeyValueLine()
                try expectLineEnd(after: Phrase("toml.after-value"))
            }
        }
        return root.makeTable()
    }

    // MARK: Lines, spaces and comments

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let position = index + ahead
        guard position >= 0, position < bytes.count else {
            return nil
        }
        return bytes[position]
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == Byte.space || byte == Byte.tab {
            index += 1
        }
    }

    /// Skips a comment, starting at its `#`, up to (not including) the line end.
    private mutating func skipComment() throws(TOMLSyntaxError) {
        index += 1
        while let byte = peek(), byte != Byte.newline, byte != Byte.carriageReturn {
            guard !Byte.isForbiddenControl(byte) else {
                throw failure(Phrase("toml.in-comment", ["what": describe(at: index)]), at: index)
            }
            index += 1
        }
    }

    /// Consumes LF or CRLF; returns false if no line end is next. A lone CR is an error.
    private mutating func consumeNewline() throws(TOMLSyntaxError) -> Bool {
        guard let byte = peek() else {
            return false
        }
        if byte == Byte.newline {
            index += 1
            line += 1
            return true
        }
        guard byte == Byte.carriageReturn else {
            return false
        }
        guard peek(1) == Byte.newline else {
            throw failure(Phrase("toml.lone-cr"), at: index)
        }
        index += 2
        line += 1
        return true
    }

    private mutating func expectLineEnd(after what: Phrase) throws(TOMLSyntaxError) {
        skipSpaces()
        if peek() == Byte.hash {
            try skipComment()
        }
        guard peek() != nil else {
            return
        }
        guard try consumeNewline() else {
            let values: [String: Phrase.Value] = ["what": describe(at: index), "after": .phrase(what)]
            throw failure(Phrase("toml.unexpected-after", values), at: index)
        }
    }

    // MARK: Keys and tables

    private mutating func parseTableHeader() throws(TOMLSyntaxError) {
        let start = index
        index += 1
        if peek() == Byte.openBracket {
            throw failure(Phrase("toml.array-of-tables"), at: start)
        }
        skipSpaces()
        let parts = try parseKey()
        skipSpaces()
        guard peek() == Byte.closeBracket else {
            throw failure(Phrase("toml.header-unclosed", ["found": describe(at: index)]), at: index)
        }
        index += 1
        try openTable(parts)
    }

    /// A key, the `=` after it and the blanks around; the line the key stands on.
    private mutating func parseKeyThenEquals() throws(TOMLSyntaxError) -> (line: Int, parts: [KeyPart]) {
        let keyLine = line
        let parts = try parseKey()
        skipSpaces()
        guard peek() == Byte.equals else {
            let shown = displayKey(parts.map(\.name))
            throw failure(Phrase("toml.expected-equals", ["key": "\(shown)", "found": describe(at: index)]), at: index)
        }
        index += 1
        skipSpaces()
        return (keyLine, parts)
    }

    private mutating func parseKey() throws(TOMLSyntaxError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            let part = try parseSimpleKey()
            parts.append(part)
            guard parts.count <= TOMLParser.maximumDepth else {
                throw failure(Phrase("toml.key-too-deep", ["limit": "\(TOMLParser.maximumDepth)"]), at: part.offset)
            }
            skipSpaces()
            guard peek() == Byte.dot else {
                return parts
            }
            index += 1
            skipSpaces()
        }
    }

    private mutating func parseSimpleKey() throws(TOMLSyntaxError) -> KeyPart {
        let start = index
        guard let byte = peek() else {
            throw failure(Phrase("toml.expected-key-at-end"), at: start)
        }
        if byte == Byte.quote || byte == Byte.apostrophe {
            guard peek(1) != byte || peek(2) != byte else {
                throw failure(Phrase("toml.multiline-key"), at: start)
            }
            if byte == Byte.quote {
                return KeyPart(name: try parseBasicString(), offset: start)
            }
            return KeyPart(name: try parseLiteralString(), offset: start)
        }
        guard TOMLValue.isBareKeyByte(byte) else {
            throw badKey(at: start, isNonASCII: byte >= 0x80)
        }
        while let next = peek(), TOMLValue.isBareKeyByte(next) {
            index += 1
        }
        if let next = peek(), next >= 0x80 {
            throw badKey(at: start, isNonASCII: true)
        }
        return KeyPart(name: String(decoding: bytes[start..<index], as: UTF8.self), offset: start)
    }

    /// The error for a key that is neither bare nor quoted, suggesting the quoted form for non-ASCII names.
    private func badKey(at start: Int, isNonASCII: Bool) -> TOMLSyntaxError {
        let rule = Phrase.Value.phrase(Phrase("toml.bare-key-rule"))
        guard isNonASCII else {
            return failure(Phrase("toml.bad-key", ["found": describe(at: start), "rule": rule]), at: start)
        }
        let stops: Set<UInt8> = [
            Byte.space, Byte.tab, Byte.dot, Byte.closeBracket, Byte.openBracket, Byte.equals, Byte.hash,
            Byte.newline, Byte.carriageReturn, Byte.quote, Byte.apostrophe, Byte.comma, Byte.openBrace,
            Byte.closeBrace,
        ]
        var end = start
        while end < bytes.count, end - start < 64, !stops.contains(bytes[end]) {
            end += 1
        }
        while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 {
            end -= 1
        }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        return failure(Phrase("toml.quote-key", ["rule": rule, "quoted": "\(TOMLValue.string(word))"]), at: start)
    }

    private mutating func openTable(_ parts: [KeyPart]) throws(TOMLSyntaxError) {
        var node = root
        var names: [String] = []
        for (position, part) in parts.enumerated() {
            names.append(part.name)
            let isLast = position == parts.count - 1
            let shown = "[" + displayKey(names) + "]"
            switch node.slots[part.name] {
            case nil:
                let child = Node(origin: isLast ? .header : .implicit, headerLine: isLast ? line : nil)
                node.set(part.name, .table(child, line: line))
                node = child
            case .table(let child, let definedLine):
                if isLast {
                    switch child.origin {
                    case .implicit:
                        child.origin = .header
                        child.headerLine = line
                        node.set(part.name, .table(child, line: line))
                    case .dotted:
                        let values: [String: Phrase.Value] = ["table": "\(shown)", "line": "\(definedLine)"]
                        throw failure(Phrase("toml.table-dotted", values), at: part.offset)
                    case .root, .header, .inline:
                        let first = child.headerLine ?? definedLine
                        let values: [String: Phrase.Value] = ["table": "\(shown)", "line": "\(first)"]
                        throw failure(Phrase("toml.table-twice", values), at: part.offset)
                    }
                }
                node = child
            case .value(let value, let definedLine):
                let values: [String: Phrase.Value] = [
                    "table": "\(shown)", "key": "\(displayKey(names))", "what": holding(value),
                    "line": "\(definedLine)",
                ]
                throw failure(Phrase("toml.cannot-open", values), at: part.offset)
            }
        }
        current = node
        currentPath = names
    }

    private mutating func parseKeyValueLine() throws(TOMLSyntaxError) {
        let (keyLine, parts) = try parseKeyThenEquals()
        let value = try parseValue(depth: 0)
        try insert(value, at: parts, into: current, line: keyLine, prefix: currentPath)
    }

    /// Stores `value` under the dotted key `parts` of `base`, creating (or extending) tables made by dotted keys.
    private func insert(
        _ value: TOMLValue,
        at parts: [KeyPart],
        into base: Node,
        line: Int,
        prefix: [String]
    ) throws(TOMLSyntaxError) {
        var node = base
        var names = prefix
        for part in parts.dropLast() {
            names.append(part.name)
            let shown = displayKey(names)
            switch node.slots[part.name] {
            case nil:
                let child = Node(origin: .dotted)
                node.set(part.name, .table(child, line: line))
                node = child
            case .table(let child, let definedLine):
                guard child.origin == .dotted else {
                    let how = Phrase(child.origin == .implicit ? "toml.created-by-header" : "toml.defined-by-header")
                    let values: [String: Phrase.Value] = [
                        "table": "\(shown)", "how": .phrase(how), "line": "\(definedLine)",
                    ]
                    throw failure(Phrase("toml.dotted-into-header", values), at: part.offset)
                }
                node = child
            case .value(let existing, let definedLine):
                let values: [String: Phrase.Value] = [
                    "key": "\(shown)", "what": holding(existing), "line": "\(definedLine)",
                ]
                throw failure(Phrase("toml.key-holds", values), at: part.offset)
            }
        }
        guard let last = parts.last else {
            return
        }
        names.append(last.name)
        switch node.slots[last.name] {
        case .value(_, let definedLine), .table(_, let definedLine):
            let values: [String: Phrase.Value] = ["key": "\(displayKey(names))", "line": "\(definedLine)"]
            throw failure(Phrase("toml.duplicate-key", values), at: last.offset)
        case nil:
            node.set(last.name, .value(value, line: line))
        }
    }

    /// What a key already holds, for messages: a value, or an inline table (which cannot be extended).
    private func holding(_ value: TOMLValue) -> Phrase.Value {
        .phrase(Phrase(value.table == nil ? "toml.holds-value" : "toml.holds-inline-table"))
    }

    private func displayKey(_ names: [String]) -> String {
        names.map(TOMLValue.renderKey).joined(separator: ".")
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let start = index
        guard let byte = peek() else {
            throw failure(Phrase("toml.expected-value-at-end"), at: start)
        }
        switch byte {
        case Byte.quote:
            guard peek(1) != byte || peek(2) != byte else {
                throw failure(Phrase("toml.multiline-string", ["quotes": "\"\"\""]), at: start)
            }
            return .string(try parseBasicString())
        case Byte.apostrophe:
            guard peek(1) != byte || peek(2) != byte else {
                throw failure(Phrase("toml.multiline-string", ["quotes": "'''"]), at: start)
            }
            return .string(try parseLiteralString())
        case Byte.openBracket:
            return try parseArray(depth: depth + 1)
        case Byte.openBrace:
            return try parseInlineTable(depth: depth + 1)
        default:
            guard Byte.isDigit(byte) || Byte.isLetter(byte) || byte == Byte.plus || byte == Byte.minus else {
                throw failure(Phrase("toml.expected-value", ["found": describe(at: start)]), at: start)
            }
            return try parseBareValue()
        }
    }

    private mutating func parseBasicString() throws(TOMLSyntaxError) -> String {
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek(), byte != Byte.newline, byte != Byte.carriageReturn else {
                throw failure(unclosedString(quote: "\"", end: "toml.end-of-line"), at: index)
            }
            switch byte {
            case Byte.quote:
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case Byte.backslash:
                try parseEscape(into: &buffer)
            default:
                guard !Byte.isForbiddenControl(byte) else {
                    let code = "\\u" + TOMLValue.hex(UInt32(byte), digits: 4)
                    let values: [String: Phrase.Value] = ["what": describe(at: index), "code": "\(code)"]
                    throw failure(Phrase("toml.control-in-string-escape", values), at: index)
                }
                buffer.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(TOMLSyntaxError) {
        let start = index
        index += 1
        guard let code = peek() else {
            throw failure(unclosedString(quote: "\"", end: "toml.end-of-text"), at: index)
        }
        index += 1
        switch code {
        case UInt8(ascii: "b"):
            buffer.append(0x08)
        case UInt8(ascii: "t"):
            buffer.append(Byte.tab)
        case UInt8(ascii: "n"):
            buffer.append(Byte.newline)
        case UInt8(ascii: "f"):
            buffer.append(0x0C)
        case UInt8(ascii: "r"):
            buffer.append(Byte.carriageReturn)
        case Byte.quote, Byte.backslash:
            buffer.append(code)
        case UInt8(ascii: "u"):
            buffer.append(contentsOf: try parseUnicodeEscape(digits: 4, start: start))
        case UInt8(ascii: "U"):
            buffer.append(contentsOf: try parseUnicodeEscape(digits: 8, start: start))
        default:
            throw failure(Phrase("toml.bad-escape", ["found": describe(at: index - 1)]), at: start)
        }
    }

    /// Reads the hex digits of `\uXXXX` or `\UXXXXXXXX` and returns the scalar's UTF-8 bytes.
    private mutating func parseUnicodeEscape(digits: Int, start: Int) throws(TOMLSyntaxError) -> [UInt8] {
        let letter = digits == 4 ? "u" : "U"
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek(), let digit = Byte.digitValue(byte, radix: 16) else {
                throw failure(Phrase("toml.hex-digits", ["letter": "\(letter)", "digits": "\(digits)"]), at: start)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        let shown = "\\\(letter)" + TOMLValue.hex(value, digits: digits)
        guard value != 0 else {
            throw failure(Phrase("toml.escaped-nul", ["escape": "\(shown)"]), at: start)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw failure(Phrase("toml.not-scalar", ["escape": "\(shown)"]), at: start)
        }
        return Array(String(scalar).utf8)
    }

    private mutating func parseLiteralString() throws(TOMLSyntaxError) -> String {
        index += 1
        let contentStart = index
        while true {
            guard let byte = peek(), byte != Byte.newline, byte != Byte.carriageReturn else {
                throw failure(unclosedString(quote: "'", end: "toml.end-of-line"), at: index)
            }
            if byte == Byte.apostrophe {
                let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
                index += 1
                return text
            }
            guard !Byte.isForbiddenControl(byte) else {
                throw failure(Phrase("toml.control-in-string", ["what": describe(at: index)]), at: index)
            }
            index += 1
        }
    }

    private mutating func parseArray(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let open = index
        guard depth <= TOMLParser.maximumDepth else {
            throw failure(Phrase("toml.nested-too-deep", ["limit": "\(TOMLParser.maximumDepth)"]), at: open)
        }
        index += 1
        var elements: [TOMLValue] = []
        while true {
            try skipArraySpace()
            guard let byte = peek() else {
                throw unclosed("toml.array", open: open, closer: "]")
            }
            if byte == Byte.closeBracket {
                index += 1
                return .array(elements)
            }
            elements.append(try parseValue(depth: depth))
            try skipArraySpace()
            guard let next = peek() else {
                throw unclosed("toml.array", open: open, closer: "]")
            }
            if next == Byte.comma {
                index += 1
            } else if next == Byte.closeBracket {
                index += 1
                return .array(elements)
            } else {
                throw failure(Phrase("toml.array-separator", ["found": describe(at: index)]), at: index)
            }
        }
    }

    /// Skips spaces, comments and line ends between array elements.
    private mutating func skipArraySpace() throws(TOMLSyntaxError) {
        while true {
            skipSpaces()
            if peek() == Byte.hash {
                try skipComment()
            }
            guard try consumeNewline() else {
                return
            }
        }
    }

    private mutating func parseInlineTable(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let open = index
        guard depth <= TOMLParser.maximumDepth else {
            throw failure(Phrase("toml.nested-too-deep", ["limit": "\(TOMLParser.maximumDepth)"]), at: open)
        }
        index += 1
        let node = Node(origin: .inline)
        skipSpaces()
        if peek() == Byte.closeBrace {
            index += 1
            return .table(node.makeTable())
        }
        while true {
            skipSpaces()
            try expectInlineTableContinues(open: open)
            let (keyLine, parts) = try parseKeyThenEquals()
            let valueDepth = depth + parts.count - 1
            guard valueDepth <= TOMLParser.maximumDepth else {
                throw failure(Phrase("toml.tables-too-deep", ["limit": "\(TOMLParser.maximumDepth)"]), at: open)
            }
            let value = try parseValue(depth: valueDepth)
            try insert(value, at: parts, into: node, line: keyLine, prefix: [])
            skipSpaces()
            try expectInlineTableContinues(open: open)
            guard let byte = peek(), byte == Byte.comma || byte == Byte.closeBrace else {
                throw failure(Phrase("toml.inline-separator", ["found": describe(at: index)]), at: index)
            }
            index += 1
            if byte == Byte.closeBrace {
                return .table(node.makeTable())
            }
            skipSpaces()
            if peek() == Byte.closeBrace {
                throw failure(Phrase("toml.inline-trailing-comma"), at: index - 1)
            }
        }
    }

    private func expectInlineTableContinues(open: Int) throws(TOMLSyntaxError) {
        guard let byte = peek() else {
            throw unclosed("toml.inline-table", open: open, closer: "}")
        }
        if byte == Byte.newline || byte == Byte.carriageReturn || byte == Byte.hash {
            throw failure(Phrase("toml.inline-one-line"), at: index)
        }
    }

    // MARK: Booleans, numbers and dates

    private mutating func parseBareValue() throws(TOMLSyntaxError) -> TOMLValue {
        let start = index
        while let byte = peek(), Byte.isToken(byte) {
            index += 1
        }
        let token = Array(bytes[start..<index])
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true":
            return .boolean(true)
        case "false":
            return .boolean(false)
        case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
            throw failure(Phrase("toml.not-finite", ["text": "\(text)"]), at: start)
        default:
            break
        }
        guard let first = token.first, Byte.isDigit(first) || first == Byte.plus || first == Byte.minus else {
            let shown = shorten(text)
            let values: [String: Phrase.Value] = ["text": "\(shown)", "quoted": "\(TOMLValue.string(shown))"]
            throw failure(Phrase("toml.bare-text", values), at: start)
        }
        if token.count >= 5, token[0..<4].allSatisfy(Byte.isDigit), token[4] == Byte.minus {
            return try parseDate(token, start: start)
        }
        if token.contains(Byte.colon) {
            throw timesNotSupported(at: start)
        }
        return try parseNumber(token, start: start)
    }

    private func timesNotSupported(at offset: Int) -> TOMLSyntaxError {
        failure(Phrase("toml.no-times"), at: offset)
    }

    private func parseDate(_ token: [UInt8], start: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let text = shorten(String(decoding: token, as: UTF8.self))
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard token.count >= 10, digitPositions.allSatisfy({ Byte.isDigit(token[$0]) }), token[7] == Byte.minus else {
            throw failure(Phrase("toml.date-form", ["text": "\(text)"]), at: start)
        }
        if token.count > 10 {
            let next = token[10]
            if next == UInt8(ascii: "T") || next == UInt8(ascii: "t") || next == Byte.colon {
                throw timesNotSupported(at: start + 10)
            }
            throw failure(Phrase("toml.date-form", ["text": "\(text)"]), at: start)
        }
        if peek() == Byte.space, let after = peek(1), Byte.isDigit(after) {
            throw timesNotSupported(at: index + 1)
        }
        let year = decimal(token[0..<4])
        let month = decimal(token[5..<7])
        let day = decimal(token[8..<10])
        guard year >= 1 else {
            throw failure(Phrase("toml.date-year", ["text": "\(text)"]), at: start)
        }
        guard (1...12).contains(month) else {
            throw failure(Phrase("toml.date-month", ["text": "\(text)"]), at: start)
        }
        let lastDay = Self.daysIn(month: month, year: year)
        guard (1...lastDay).contains(day) else {
            throw failure(Phrase("toml.date-day", ["text": "\(text)", "last": "\(lastDay)"]), at: start)
        }
        return .date(year: year, month: month, day: day)
    }

    /// The value of a run of ASCII digits (at most a few, so it cannot overflow).
    private func decimal(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + (Byte.digitValue($1, radix: 10) ?? 0) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private func parseNumber(_ token: [UInt8], start: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let text = shorten(String(decoding: token, as: UTF8.self))
        let invalidMessage = Phrase("toml.bad-number", ["text": "\(text)"])
        var position = 0
        var isNegative = false
        if let sign = token.first, sign == Byte.plus || sign == Byte.minus {
            isNegative = sign == Byte.minus
            position = 1
        }
        let body = token[position...]
        if body.count >= 2, body.first == UInt8(ascii: "0"), let radix = Self.radix(of: body.dropFirst().first) {
            guard position == 0 else {
                throw failure(Phrase("toml.signed-radix", ["text": "\(text)"]), at: start)
            }
            return .integer(try integer(body.dropFirst(2), radix: radix, isNegative: false, text: text, start: start))
        }
        var end = body.startIndex
        while end < body.endIndex, Byte.isDigit(body[end]) || body[end] == Byte.underscore {
            end += 1
        }
        let integerPart = body[body.startIndex..<end]
        guard Self.isDigitGroup(integerPart, radix: 10) else {
            throw failure(invalidMessage, at: start)
        }
        if integerPart.count > 1, integerPart.first == UInt8(ascii: "0") {
            throw failure(Phrase("toml.leading-zeros", ["text": "\(text)"]), at: start)
        }
        var isFloat = false
        if end < body.endIndex, body[end] == Byte.dot {
            let fractionStart = end + 1
            end = fractionStart
            while end < body.endIndex, Byte.isDigit(body[end]) || body[end] == Byte.underscore {
                end += 1
            }
            guard Self.isDigitGroup(body[fractionStart..<end], radix: 10) else {
                throw failure(Phrase("toml.decimal-point", ["text": "\(text)"]), at: start)
            }
            isFloat = true
        }
        if end < body.endIndex, body[end] | 0x20 == UInt8(ascii: "e") {
            end += 1
            if end < body.endIndex, body[end] == Byte.plus || body[end] == Byte.minus {
                end += 1
            }
            let exponentStart = end
            while end < body.endIndex, Byte.isDigit(body[end]) || body[end] == Byte.underscore {
                end += 1
            }
            guard Self.isDigitGroup(body[exponentStart..<end], radix: 10) else {
                throw failure(Phrase("toml.exponent", ["text": "\(text)"]), at: start)
            }
            isFloat = true
        }
        guard end == body.endIndex else {
            throw failure(invalidMessage, at: start)
        }
        guard isFloat else {
            return .integer(try integer(integerPart, radix: 10, isNegative: isNegative, text: text, start: start))
        }
        let plain = String(decoding: token.filter { $0 != Byte.underscore }, as: UTF8.self)
        guard let value = Double(plain), value.isFinite else {
            throw failure(Phrase("toml.float-too-large", ["text": "\(text)"]), at: start)
        }
        return .float(value)
    }

    private static func radix(of marker: UInt8?) -> Int? {
        switch marker {
        case UInt8(ascii: "x"):
            return 16
        case UInt8(ascii: "o"):
            return 8
        case UInt8(ascii: "b"):
            return 2
        default:
            return nil
        }
    }

    /// Whether `digits` is one or more digits of `radix`, with single `_` only between digits.
    private static func isDigitGroup(_ digits: ArraySlice<UInt8>, radix: Int) -> Bool {
        guard let first = digits.first, let last = digits.last else {
            return false
        }
        guard Byte.digitValue(first, radix: radix) != nil, Byte.digitValue(last, radix: radix) != nil else {
            return false
        }
        var previousWasUnderscore = false
        for byte in digits {
            if byte == Byte.underscore {
                guard !previousWasUnderscore else {
                    return false
                }
                previousWasUnderscore = true
            } else {
                guard Byte.digitValue(byte, radix: radix) != nil else {
                    return false
                }
                previousWasUnderscore = false
            }
        }
        return true
    }

    private func integer(
        _ digits: ArraySlice<UInt8>,
        radix: Int,
        isNegative: Bool,
        text: String,
        start: Int
    ) throws(TOMLSyntaxError) -> Int {
        guard Self.isDigitGroup(digits, radix: radix) else {
            throw failure(Phrase("toml.bad-number", ["text": "\(text)"]), at: start)
        }
        var value = 0
        for byte in digits {
            guard let digit = Byte.digitValue(byte, radix: radix) else {
                continue
            }
            let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: radix)
            let (next, addOverflow) =
                isNegative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !shiftOverflow, !addOverflow else {
                let values: [String: Phrase.Value] = ["text": "\(text)", "min": "\(Int.min)", "max": "\(Int.max)"]
                throw failure(Phrase("toml.integer-overflow", values), at: start)
            }
            value = next
        }
        return value
    }

    // MARK: Errors

    private func failure(_ phrase: Phrase, at offset: Int) -> TOMLSyntaxError {
        let location = TOMLParser.location(of: offset, in: bytes)
        return TOMLSyntaxError(line: location.line, column: location.column, phrase: phrase)
    }

    /// The error for an array or inline table (`what`, a key of the table) not closed with `closer`.
    private func unclosed(_ what: String, open: Int, closer: String) -> TOMLSyntaxError {
        let location = TOMLParser.location(of: open, in: bytes)
        let values: [String: Phrase.Value] = [
            "what": .phrase(Phrase(what)), "line": "\(location.line)", "column": "\(location.column)",
            "closer": "\(closer)",
        ]
        return failure(Phrase("toml.unclosed", values), at: index)
    }

    /// The sentence for a string not closed by `quote` before `end` (a key of the table).
    private func unclosedString(quote: String, end: String) -> Phrase {
        Phrase("toml.string-unclosed", ["quote": "\(quote)", "end": .phrase(Phrase(end))])
    }

    /// A short description of the character at `offset`, for messages.
    private func describe(at offset: Int) -> Phrase.Value {
        guard offset >= 0, offset < bytes.count else {
            return .phrase(Phrase("toml.end-of-text"))
        }
        let byte = bytes[offset]
        if byte == Byte.newline || byte == Byte.carriageReturn {
            return .phrase(Phrase("toml.end-of-line"))
        }
        if byte < 0x20 || byte == 0x7F {
            return .phrase(Phrase("toml.control-character", ["code": "\(TOMLValue.hex(UInt32(byte), digits: 4))"]))
        }
        var end = offset + 1
        while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 {
            end += 1
        }
        let character = String(decoding: bytes[offset..<end], as: UTF8.self)
        return .phrase(Phrase("toml.character", ["character": "\(character)"]))
    }

    /// `text`, cut to 40 characters for messages.
    private func shorten(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
