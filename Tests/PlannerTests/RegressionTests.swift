import Foundation
import PanelModel
import PlanModel
import PlanStore
import Planner
import Reports
import Testing
import TextFormats
import WhatIf

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

    @Test("replanning keeps history as fact, warns about it, and dates nothing new before as-of")
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
        let v2 = try planAndCheck(
            t, name: "history-v2",
            options: PlannerOptions(reference: v1.plan.assignments, asOf: Day(iso: "2026-03-12"), freezeDays: 5))
        // The past panel took place: kept exactly, the departed expert included, with a warning.
        #expect(v2.plan.assignments.contains(past))
        #expect(v2.plan.warnings.map { $0.text(.en) }.contains { $0.contains("\(leaving) is no longer in the pool") })
        #expect(!v2.plan.assignments.contains { $0.experts.contains(leaving) && $0.day > Day(iso: "2026-03-12")! })
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
        let v2 = try planAndCheck(
            t, name: "initial-replan-v2", expectComplete: true,
            options: PlannerOptions(reference: v1.plan.assignments, asOf: Day(iso: "2026-03-01"), freezeDays: 0))
        let moved = try #require(v2.assignment("N1", .initial))
        #expect(Set(moved.experts).isDisjoint(with: kept.experts))
        #expect(v2.plan.bound >= v2.plan.objective)
    }
}

@Suite("Regressions of the nightly job, what-if and exports")
struct NightlyRegressionTests {
    @Test("a past task recorded as held still counts against caps and is not reported as removed")
    func heldTaskStillCounts() throws {
        var t = TestBatch()
        t.pool(10)
        t.expert("X", "batteries", extra: ["max_site": "1"])
        t.enterprise("A", industry: "batteries")
        let v1 = try planAndCheck(t, name: "held-v1", expectComplete: true)
        let site = try #require(v1.assignment("A", .site))
        t.enterprises[0]["initial_review_done"] = v1.assignment("A", .initial)!.day.iso
        t.enterprises[0]["site_inspection_done"] = site.day.iso
        t.enterprises[0]["result"] = "pass"
        t.enterprise("B", industry: "batteries", extra: ["deadline": "2026-04-30"])
        t.set("batch", "today", site.day.iso)
        let v2 = try planAndCheck(
            t, name: "held-v2", options: PlannerOptions(reference: v1.plan.assignments, asOf: site.day, freezeDays: 5))
        #expect(v2.assignment("B", .site) == nil, "X already did A's inspection: max_site=1")
        #expect(v2.entry("B")?.reason.contains("X at max_site=1") == true)
        let changes = PlanDiff.changes(from: v1.plan.assignments, to: v2.plan.assignments)
        #expect(!changes.contains { $0.enterpriseID == "A" })
    }

    @Test("publishing an older version again makes it the reference")
    func republish() throws {
        let path = temporaryFolder("republish").path + ".sqlite"
        let store = try PlanStore(path: path)
        let plan = Plan(
            batchName: "b", status: .feasible, objective: 1, bound: 2, assignments: [], unscheduled: [],
            breakdown: ObjectiveBreakdown(), eligibleCount: 0, plannedCount: 0, elapsedSeconds: 0, warnings: [])
        let snapshot = try store.importSnapshot(folder: "/x", files: ["batch.toml": "a"]) { _ in [] }
        let v1 = try store.record(
            plan, snapshotID: snapshot.id, inputsHash: "1", parameters: "", createdBy: "t",
            files: [("changes.txt", "c1")])
        let v2 = try store.record(plan, snapshotID: snapshot.id, inputsHash: "2", parameters: "", createdBy: "t")
        try store.publish(version: v1)
        try store.publish(version: v2)
        #expect(try store.latestPublished()?.id == v2)
        try store.publish(version: v1)
        #expect(try store.latestPublished()?.id == v1)
        #expect(try store.files(v1).map(\.content) == ["c1"])
    }

    @Test("CSV fields and iCalendar text survive CRLF line breaks")
    func crlf() {
        #expect(CSVText.field("一厂\r\n二厂") == "\"一厂\r\n二厂\"")
        #expect(CalendarWriter.escape("a,b;c\r\nd\\e") == "a\\,b\\;c\\nd\\\\e")
        #expect(CalendarWriter.SlotHours.range("12:00-09:00") == nil)
        #expect(CalendarWriter.SlotHours.range("99:99-14:00") == nil)
        #expect(CalendarWriter.SlotHours.range("08:30-11:45")! == ("08:30", "11:45"))
    }

    @Test("malformed sweeps and scenarios that would change nothing are errors")
    func badScenarios() throws {
        #expect(throws: ScenarioError.self) { _ = try Sweep.parse("pool=:") }
        #expect(throws: ScenarioError.self) { _ = try Sweep.parse("pool=") }
        #expect(throws: ScenarioError.self) { _ = try Sweep.parse("pool=100%..150%") }
        #expect(throws: ScenarioError.self) { _ = try Scenario.parse("[add_experts]\nlike = \"E1\"\n", file: "s.toml") }
        #expect(throws: ScenarioError.self) {
            _ = try Scenario.parse("[unavailability]\nfrom = 2026-04-01\nto = 2026-04-30\n", file: "s.toml")
        }
        #expect(throws: ScenarioError.self) {
            _ = try Scenario.parse("[add_enterprises]\nscale = 0.5\n", file: "s.toml")
        }
        // A horizon outside 2026 is fine.
        _ = try Scenario.parse("[shift]\nend = 2025-11-28\n", file: "s.toml")
        var t = TestBatch()
        t.pool(6)
        t.enterprise("A")
        let batch = try loadTestBatch(t, "bad-scenario")
        let s = try Scenario.parse(
            "[scenario]\nname = \"x\"\n[remove_experts]\nids = [\"G1\", \"NOPE\"]\n", file: "s.toml")
        #expect {
            _ = try s.apply(to: batch)
        } throws: { e in
            (e as? ScenarioError)?.description.contains("s.toml:4: key 'remove_experts.ids': unknown expert 'NOPE'")
                == true
        }
    }

    @Test("check rejects rules no plan can meet: a panel larger than the pool")
    func impossibleRules() throws {
        var t = TestBatch()
        t.set("site_inspection", "panel_size", "40")
        t.pool(10)
        t.enterprise("A")
        #expect {
            _ = try loadTestBatch(t, "impossible")
        } throws: { e in
            (e as? BatchLoadError)?.errors.contains {
                $0.description.contains(
                    "key 'site_inspection.panel_size': site_inspection.panel_size = 40, but the pool has only 10 "
                        + "experts"
                )
            } == true
        }
    }
}
