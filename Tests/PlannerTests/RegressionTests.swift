import Foundation
import PanelModel
import Planner
import Testing

/// Cases a review found; each once broke a rule or the bound.
@Suite("Regressions")
struct RegressionTests {
    @Test("a fixed initial row does not override initial_review_done for the site inspection (rule 4)")
    func fixedInitialAndHeldInitial() throws {
        var t = TestBatch()
        t.set("batch", "today", "2026-03-10")
        t.set("batch", "start", "2026-03-11")
        t.pool(12)
        t.enterprise("A", extra: ["initial_review_done": "2026-03-10"])
        t.fixed = [["A", "initial", "2026-02-20", "am", "G1;G2;G3", ""]]
        let r = try planAndCheck(t, name: "fixed-held")
        let site = try #require(r.assignment("A", .site))
        #expect(site.day >= Day(iso: "2026-03-24")!)  // wd(2026-03-10, 10)
    }

    @Test("continuity = require holds when the site panel is fixed and the initial review is open (rule 7)")
    func continuityWithFixedSite() throws {
        var t = TestBatch()
        t.set("panel", "continuity", "\"require\"")
        t.pool(14)
        t.enterprise("A")
        t.fixed = [["A", "site", "2026-04-20", "am", "G1;G2;G3;G4;G5", "G1"]]
        let r = try planAndCheck(t, name: "continuity-fixed-site", expectComplete: true)
        let initial = try #require(r.assignment("A", .initial))
        #expect(!Set(initial.experts).isDisjoint(with: ["G1", "G2", "G3", "G4", "G5"]))
    }

    @Test("replanning validates history and dates nothing new before as-of")
    func replanHistoryAndAsOf() throws {
        var t = TestBatch()
        t.pool(16)
        for k in 1...4 { t.enterprise("N\(k)") }
        t.enterprise("LATE", extra: ["draft_submitted": ""])
        let v1 = try planAndCheck(t, name: "history-v1")
        let past = try #require(v1.plan.assignments.first { $0.task == .initial })
        // The expert of a past panel leaves the pool; a new draft arrives; as of 2026-03-12.
        let leaving = past.experts[0]
        t.experts.removeAll { $0["id"] == leaving }
        t.enterprises[4]["draft_submitted"] = "2026-03-05"
        t.set("batch", "today", "2026-03-12")
        let v2 = try planAndCheck(t, name: "history-v2", options: PlannerOptions(reference: v1.plan.assignments, asOf: Day(iso: "2026-03-12"), freezeDays: 5))
        #expect(!v2.plan.assignments.contains { $0.experts.contains(leaving) })
        #expect(v2.plan.warnings.contains { $0.contains("\(leaving) is no longer in the pool") })
        let asOf = Day(iso: "2026-03-12")!
        for a in v2.plan.assignments where !v1.plan.assignments.contains(a) {
            #expect(a.day > asOf, "\(a.enterpriseID) \(a.task) dated \(a.day) on or before as-of")
        }
        #expect(v2.assignment("LATE", .initial) != nil)
    }

    @Test("an initial-review-only replan moves a kept panel where the objective gains, and its bound holds")
    func initialOnlyReplanGains() throws {
        var t = TestBatch()
        t.set("site_inspection", "plan", "false")
        t.set("panel", "require_industry", "false")
        t.pool(12)
        for k in 1...3 { t.enterprise("N\(k)") }
        let v1 = try planAndCheck(t, name: "initial-replan-v1", expectComplete: true)
        let kept = try #require(v1.assignment("N1", .initial))
        t.affinity = kept.experts.map { [$0, "N1", "-5"] }
        let v2 = try planAndCheck(t, name: "initial-replan-v2", expectComplete: true,
                                  options: PlannerOptions(reference: v1.plan.assignments, asOf: Day(iso: "2026-03-01"), freezeDays: 0))
        let moved = try #require(v2.assignment("N1", .initial))
        #expect(Set(moved.experts).isDisjoint(with: kept.experts))
        #expect(v2.plan.bound >= v2.plan.objective)
    }
}
