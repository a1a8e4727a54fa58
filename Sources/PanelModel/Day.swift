/// A calendar date without time or zone: the unit of every workflow date and plan.
///
/// Stored as the number of days since 1970-01-01 (proleptic Gregorian), so arithmetic and
/// comparison are integer operations and never depend on the machine's time zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// Creates a day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from year, month (1–12) and day (1–31); nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or a date that does not exist.
    public init?(iso text: String) {
        let s = text.trimmingWhitespace()
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses a date as Chinese offices write it: `2026-03-02`, `2026/3/2`, `2026-3-2`,
    /// `2026.3.2` or `2026年3月2日`; nil for anything else or a date that does not exist.
    public init?(written text: String) {
        if let day = Day(iso: text) {
            self = day
            return
        }
        var s = text.trimmingWhitespace()
        if s.hasSuffix("日") { s.removeLast() }
        let parts = s.split(omittingEmptySubsequences: false) { "-/.年月".contains($0) }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year.
    public var year: Int { components.year }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The ISO-8601 week: its year and number (weeks start on Monday; week 1 holds a Thursday).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = self + (4 - weekday)
        let year = thursday.year
        let jan1 = Day(year: year, month: 1, day: 1)!
        return (year, (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    /// A number that identifies the ISO week (the ordinal of its Monday).
    public var weekKey: Int { ordinal - (weekday - 1) }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        let year = String(abs(y))
        let padded = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(y < 0 ? "-" : "")\(padded)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public var description: String { iso }

    /// Adds calendar months, clamping to the end of a shorter month (Jan 31 + 1 month = Feb 28).
    public func addingMonths(_ months: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - ny * 12 + 1
        return Day(year: ny, month: nm, day: min(d, Day.daysIn(year: ny, month: nm)))!
    }

    /// The number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        default: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public static func + (a: Day, n: Int) -> Day { Day(ordinal: a.ordinal + n) }
    public static func - (a: Day, n: Int) -> Day { Day(ordinal: a.ordinal - n) }
    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension String {
    /// The string without leading and trailing white space (and without a BOM).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace || c == "\u{FEFF}" { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
