import PanelModel
import Testing

@Suite("Working-day calendar")
struct CalendarTests {
    let calendar = WorkCalendar.builtIn

    func day(_ s: String) -> Day { Day(iso: s)! }

    @Test("official facts: 2026-02-14 (Saturday) is worked, 2026-02-16 is Spring Festival")
    func officialDays() {
        #expect(day("2026-02-14").weekday == 6)
        #expect(calendar.isWorkingDay(day("2026-02-14")))
        #expect(!calendar.isWorkingDay(day("2026-02-16")))
        #expect(!calendar.isWorkingDay(day("2026-10-01")))
        #expect(calendar.isWorkingDay(day("2026-10-10")))  // Saturday make-up day
        #expect(!calendar.isWorkingDay(day("2026-03-07")))  // an ordinary Saturday
        #expect(calendar.isWorkingDay(day("2026-03-09")))
        #expect(calendar.knownYears == 2024...2026)
        #expect(!calendar.knows(day("2027-01-04")))
    }

    @Test("wd(d, n): the n-th working day after d, across Labour Day 2026")
    func addingWorkingDays() {
        #expect(calendar.addingWorkingDays(0, to: day("2026-04-30")) == day("2026-04-30"))
        #expect(calendar.addingWorkingDays(1, to: day("2026-04-30")) == day("2026-05-06"))
        #expect(calendar.addingWorkingDays(3, to: day("2026-05-06")) == day("2026-05-09"))  // Saturday make-up day
        #expect(calendar.addingWorkingDays(10, to: day("2026-04-27")) == day("2026-05-13"))
        #expect(calendar.addingWorkingDays(-1, to: day("2026-05-06")) == day("2026-04-30"))
        #expect(calendar.workingDays(from: day("2026-04-27"), through: day("2026-05-13")) == 11)
        #expect(calendar.workingDays(from: day("2026-05-13"), through: day("2026-04-27")) == 0)
        // Counted up to a cap (a buffer counts up to 20 working days): the smaller of the two.
        for cap in [0, 1, 5, 11, 12, 40] {
            let counted = calendar.workingDays(from: day("2026-04-27"), through: day("2026-05-13"), atMost: cap)
            #expect(counted == min(cap, 11), "cap \(cap)")
        }
    }

    @Test("the first working day of a range: past weekends and the National Day holiday, or none")
    func firstWorkingDay() {
        #expect(calendar.firstWorkingDay(from: day("2026-03-07"), through: day("2026-03-31")) == day("2026-03-09"))
        #expect(calendar.firstWorkingDay(from: day("2026-10-01"), through: day("2026-10-31")) == day("2026-10-08"))
        #expect(calendar.firstWorkingDay(from: day("2026-10-01"), through: day("2026-10-07")) == nil)
        #expect(calendar.firstWorkingDay(from: day("2026-03-10"), through: day("2026-03-09")) == nil)
        for (from, through) in [("2026-02-10", "2026-02-28"), ("2026-04-30", "2026-05-08")] {
            let list = calendar.workingDayList(from: day(from), through: day(through))
            #expect(calendar.firstWorkingDay(from: day(from), through: day(through)) == list.first)
        }
    }

    @Test("ISO weeks and month arithmetic clamped to the month's end")
    func isoWeekAndMonths() {
        #expect(day("2026-01-01").isoWeek == (2026, 1))
        #expect(day("2027-01-01").isoWeek == (2026, 53))
        #expect(day("2024-12-30").isoWeek == (2025, 1))
        #expect(day("2026-01-31").addingMonths(1) == day("2026-02-28"))
        #expect(day("2024-01-31").addingMonths(1) == day("2024-02-29"))
        #expect(day("2026-05-31").addingMonths(-3) == day("2026-02-28"))
        #expect(day("2026-03-15").addingMonths(-14) == day("2025-01-15"))
        #expect(day("2026-03-02").weekKey == day("2026-03-08").weekKey)
        #expect(day("2026-03-02").weekKey != day("2026-03-09").weekKey)
    }

    @Test("dates parse strictly")
    func parsing() {
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026/03/01") == nil)
        #expect(Day(iso: "2026-3-1") == nil)
        #expect(Day(iso: " 2026-03-01 ")?.iso == "2026-03-01")
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(ordinal: 20_513).iso == "2026-03-01")
    }

    @Test("calendar.csv extends the built-in table")
    func extending() {
        var c = calendar
        c.add(day("2027-01-01"), isHoliday: true, name: "元旦")
        c.add(day("2027-01-02"), isHoliday: false, name: "调休")
        #expect(!c.isWorkingDay(day("2027-01-01")))
        #expect(c.isWorkingDay(day("2027-01-02")))
        #expect(c.knows(day("2027-06-01")))
    }

    @Test("districts: by code, Chinese or English name; travel minutes from the formula")
    func districts() {
        let t = DistrictTable.shenzhen
        #expect(t.lookup("福田")?.code == "futian")
        #expect(t.lookup("福田区")?.code == "futian")
        #expect(t.lookup("Bao'an")?.code == "baoan")
        #expect(t.lookup("BAOAN")?.code == "baoan")
        #expect(t.lookup("大鹏新区")?.code == "dapeng")
        #expect(t.lookup("福天") == nil)
        #expect(t.suggestions(for: "福天").contains { $0.code == "futian" })
        // Futian–Luohu ≈ 7.8 km × 1.4 / 30 km/h ≈ 22 minutes; Shenshan is far from everything.
        let fl = t.travelMinutes("futian", "luohu")
        #expect(fl > 15 && fl < 30)
        #expect(t.travelMinutes("shenshan", "baoan") > 200)
        #expect(t.travelMinutes("nanshan", "nanshan") == 0)
    }

    @Test("travel minutes between codes come from a table kept with travel.csv's overrides")
    func travelTable() {
        var t = DistrictTable.shenzhen
        for a in t.districts {
            for b in t.districts {
                let formula = a.code == b.code ? 0 : DistrictTable.greatCircleKilometres(a, b) * 1.4 / 30 * 60
                #expect(t.travelMinutes(a.code, b.code) == formula)
            }
        }
        // An override read after the table was built takes effect, one way and the other.
        t.travelOverrides["futian", default: [:]]["luohu"] = 5
        t.travelOverrides["nanshan", default: [:]]["nanshan"] = 12
        #expect(t.travelMinutes("futian", "luohu") == 5)
        #expect(t.travelMinutes("luohu", "futian") > 15)
        #expect(t.travelMinutes("nanshan", "nanshan") == 12)
        // Names other than codes are computed as before; an unknown district is infinitely far.
        #expect(t.travelMinutes("福田区", "luohu") == t.travelMinutes("luohu", "futian"))
        #expect(t.travelMinutes("futian", "atlantis") == .infinity)
    }

    @Test("dates as Chinese offices write them are read; impossible ones are not")
    func writtenDates() {
        for text in ["2026-03-02", "2026/3/2", "2026-3-2", "2026.3.2", "2026年3月2日", " 2026/03/02 "] {
            #expect(Day(written: text)?.iso == "2026-03-02", "\(text)")
        }
        for text in ["2026/2/30", "2026-13-01", "26/3/2", "2026年3月", "3/2/2026", "2026-3-2-1", ""] {
            #expect(Day(written: text) == nil, "\(text)")
        }
    }
}
