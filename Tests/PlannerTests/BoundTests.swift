import Foundation
import PanelModel
import PlanModel
import Testing

@testable import Planner

/// The planned count's bound knows time: tasks whose windows lie in the same weeks share those
/// weeks' capacity (docs/formulation.md §3.2). Each batch below can complete fewer enterprises than
/// the experts' totals and the horizon's half-days allow, and the bound must prove the plan's count.
@Suite("Bounds that know time")
struct BoundTests {
    /// `count` enterprises whose initial review is done and whose site inspection is due by the
    /// first Friday of the horizon (2026-03-02 to 03-06).
    static func firstWeekBatch(enterprises count: Int) -> TestBatch {
        var t = TestBatch()
        for k in 1...count {
            t.enterprise("E\(k)", extra: ["initial_review_done": "2026-01-20", "deadline": "2026-03-06"])
        }
        return t
    }

    /// Plans `t`, checks the plan, and expects `planned` enterprises, proven by the level-1 bound.
    static func expectProven(_ t: TestBatch, name: String, planned: Int) throws {
        let r = try planAndCheck(t, name: name)
        #expect(r.plan.plannedCount == planned)
        let level = try #require(r.plan.levels.first)
        #expect(level.bound == level.value, "the planned count is proven: \(r.plan.levels)")
    }

    @Test("each expert's weekly cap bounds the planned count in a week the windows share")
    func weeklyCapBinds() throws {
        // Ten experts at two tasks a week hold 20 site seats in the first week: four panels of five,
        // though their caps over the horizon (60 seats) and its half-days would staff all six.
        var t = Self.firstWeekBatch(enterprises: 6)
        t.set("load", "max_per_week", "2")
        t.pool(10)
        try Self.expectProven(t, name: "bound-weekly-cap", planned: 4)
    }

    @Test("the half-days of the weeks the windows share bound the planned count")
    func halfDaysBind() throws {
        // One site panel a half-day: ten in the first week, though the horizon holds 43 working days.
        var t = Self.firstWeekBatch(enterprises: 12)
        t.set("site_inspection", "max_parallel", "1")
        t.pool(20)
        try Self.expectProven(t, name: "bound-half-days", planned: 10)
    }

    @Test("days an expert is away in those weeks bound the planned count")
    func unavailabilityBinds() throws {
        // Five experts, away from Tuesday: Monday is left, one task a half-day, so each sits on at
        // most two panels that week (their weekly cap would allow four) — two enterprises of five.
        var t = Self.firstWeekBatch(enterprises: 5)
        t.pool(5)
        t.unavailability = (1...5).map { ["G\($0)", "2026-03-03", "2026-03-31", "外出"] }
        try Self.expectProven(t, name: "bound-unavailable", planned: 2)
    }
}
