import Foundation
import PanelModel
import PlanModel
import Planner
import Testing

/// `[schedule]`: levelling the weeks (soft goal 5) and the replan's notice days.
@Suite("Schedule: level weeks and notice")
struct ScheduleTests {
    /// Sixteen enterprises whose drafts all arrived before the horizon: every one could start in
    /// its first week, and the deadlines leave eight weeks.
    func crowdedStart(spread: String) -> TestBatch {
        var t = TestBatch()
        t.pool(40)
        for k in 1...16 { t.enterprise("N\(k)") }
        t.set("schedule", "spread", "\"\(spread)\"")
        return t
    }

    @Test("a batch whose earliest slots overload one week is levelled to the windows' limit")
    func levelWeeks() throws {
        let level = try planAndCheck(crowdedStart(spread: "level"), name: "level", expectComplete: true)
        let early = try planAndCheck(crowdedStart(spread: "early"), name: "early", expectComplete: true)
        #expect(level.plan.plannedCount == 16 && early.plan.plannedCount == 16)
        // 32 tasks over the weeks the windows allow: the limit is reached exactly.
        let b = level.plan.breakdown
        #expect(b.weekLimit > 0)
        #expect(b.busiestWeek == b.weekLimit)
        #expect(b.weekExcess == 0)
        #expect(early.plan.breakdown.busiestWeek > 2 * b.busiestWeek)
        var weeks: [Int: Int] = [:]
        for a in level.plan.assignments { weeks[a.day.weekKey, default: 0] += 1 }
        #expect(weeks.values.max() == b.busiestWeek)
    }

    @Test("a replan dates nothing new within notice_days working days after its as-of date")
    func noticeDays() throws {
        var t = TestBatch()
        t.pool(20)
        for k in 1...4 { t.enterprise("N\(k)") }
        t.set("schedule", "notice_days", "5")
        t.set("schedule", "spread", "\"early\"")
        let asOf = try #require(Day(iso: "2026-03-10"))
        let r = try planAndCheck(t, name: "notice", options: PlannerOptions(asOf: asOf))
        let noticeEnd = try #require(Day(iso: "2026-03-17"))  // wd(2026-03-10, 5), counted by hand
        #expect(r.plan.plannedCount == 4)
        #expect(r.plan.assignments.allSatisfy { $0.day > noticeEnd })
        #expect(r.plan.assignments.contains { $0.day == noticeEnd + 1 })
    }
}
