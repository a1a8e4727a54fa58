import Foundation

/// The Chinese working-day calendar: Monday to Friday, minus official holidays, plus the
/// weekend days the State Council declares working days (调休).
public struct WorkCalendar: Sendable {
    /// Official holidays (days off that would otherwise be working days, or weekend holidays).
    public private(set) var holidays: [Day: String] = [:]
    /// Make-up working days (weekend days that are worked).
    public private(set) var workdays: [Day: String] = [:]
    /// The years the official table covers; dates outside them follow the weekday rule only.
    public private(set) var knownYears: ClosedRange<Int>?

    /// An empty calendar: Monday to Friday only.
    public init() {}

    /// The built-in table of official days, 2024–2026, from the State Council notices.
    public static let builtIn: WorkCalendar = {
        var calendar = WorkCalendar()
        guard let url = Bundle.module.url(forResource: "cn-official-days", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return calendar }
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 2, let day = Day(iso: cells[0]) else { continue }
            let name = cells.count > 3 ? cells[3] : (cells.count > 2 ? cells[2] : "")
            calendar.add(day, isHoliday: cells[1] == "holiday", name: name)
        }
        return calendar
    }()

    /// Adds an official day: a holiday or a make-up working day. A later entry wins.
    public mutating func add(_ day: Day, isHoliday: Bool, name: String) {
        if isHoliday {
            holidays[day] = name
            workdays[day] = nil
        } else {
            workdays[day] = name
            holidays[day] = nil
        }
        let y = day.year
        if let known = knownYears {
            knownYears = min(known.lowerBound, y)...max(known.upperBound, y)
        } else {
            knownYears = y...y
        }
    }

    /// Whether the official table covers the day's year.
    public func knows(_ day: Day) -> Bool { knownYears?.contains(day.year) ?? false }

    /// Whether work happens on the day.
    public func isWorkingDay(_ day: Day) -> Bool {
        if holidays[day] != nil { return false }
        if workdays[day] != nil { return true }
        return !day.isWeekend
    }

    /// `wd(d, n)`: the n-th working day after `day` (the day itself not counted); `wd(d, 0) = d`.
    /// Negative `n` counts backwards.
    public func addingWorkingDays(_ n: Int, to day: Day) -> Day {
        var d = day
        var left = abs(n)
        let step = n >= 0 ? 1 : -1
        while left > 0 {
            d = d + step
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// The number of working days in `from ... to` (both included); 0 when `to < from`.
    public func workingDays(from: Day, through to: Day) -> Int {
        workingDays(from: from, through: to, atMost: .max)
    }

    /// The working days in `from ... to`, counted up to `cap` at most.
    /// - Complexity: O(*d*) for the *d* days counted through, at most the range's.
    public func workingDays(from: Day, through to: Day, atMost cap: Int) -> Int {
        guard from <= to else { return 0 }
        var count = 0
        var d = from
        while d <= to && count < cap {
            if isWorkingDay(d) { count += 1 }
            d = d + 1
        }
        return count
    }

    /// The first working day in `from ... to`, or nil when there is none.
    /// - Complexity: O(*d*) for the *d* days up to it.
    public func firstWorkingDay(from: Day, through to: Day) -> Day? {
        guard from <= to else { return nil }
        return (from.ordinal...to.ordinal).lazy.map(Day.init(ordinal:)).first(where: isWorkingDay)
    }

    /// The working days in `from ... to`, in order.
    public func workingDayList(from: Day, through to: Day) -> [Day] {
        guard from <= to else { return [] }
        return (from.ordinal...to.ordinal).map(Day.init(ordinal:)).filter(isWorkingDay)
    }

    /// The name of the holiday or make-up day, if any.
    public func officialName(of day: Day) -> String? { holidays[day] ?? workdays[day] }
}
