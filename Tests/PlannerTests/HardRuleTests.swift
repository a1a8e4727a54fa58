import Foundation
import PanelModel
import PlanModel
import Planner
import Reports
import Testing

/// One instance per hard rule, built to tempt the planner into breaking it. Every plan is
/// checked by the independent checker (Tests/checker/check_plan.py) inside `planAndCheck`.
@Suite("Hard rules under temptation")
struct HardRuleTests {
    /// A single-day horizon on 2026-03-20 for site inspections of enterprises whose initial
    /// review was held on 2026-03-06: wd(2026-03-06, 10) = 2026-03-20 (counted by hand).
    func singleSiteDay() -> TestBatch {
        var t = TestBatch()
        t.set("batch", "start", "2026-03-20")
        t.set("batch", "end", "2026-03-20")
        t.set("batch", "today", "2026-03-19")
        t.set("initial_review", "plan", "false")
        return t
    }

    func siteOnlyEnterprise(_ t: inout TestBatch, _ id: String, industry: String, district: String) {
        t.enterprise(
            id, industry: industry, district: district,
            extra: ["initial_review_done": "2026-03-06", "deadline": "2026-03-31"])
    }

    @Test("rule 6: the only expert of an industry has a conflict of interest")
    func onlyIndustryExpertConflicted() throws {
        var t = TestBatch()
        t.pool(8)
        t.expert("X", "batteries;general", org: "C1")
        t.organizations = [["C1", "咨询公司", "consultancy"]]
        t.enterprise("A", industry: "batteries", extra: ["consultancy": "C1"])
        t.enterprise("B", industry: "batteries")
        let r = try planAndCheck(t, name: "conflict")
        let a = try #require(r.entry("A"))
        #expect(a.code.rawValue == "no-industry-expert")
        #expect(a.reason.contains("X") && a.reason.contains("consultancy C1") && a.reason.contains("rules 6, 7"))
        #expect(r.assignment("A", .initial) == nil && r.assignment("A", .site) == nil)
        #expect(r.assignment("B", .site)?.experts.contains("X") == true)
    }

    @Test("rule 6: a declared conflict with the enterprise's consultancy")
    func declaredConflict() throws {
        var t = TestBatch()
        t.pool(8)
        t.expert("X", "batteries")
        t.organizations = [["C9", "咨询公司", "consultancy"]]
        t.conflicts = [["X", "C9", "顾问合同"]]
        t.enterprise("A", industry: "batteries", extra: ["consultancy": "C9"])
        let r = try planAndCheck(t, name: "declared")
        #expect(r.entry("A")?.code.rawValue == "no-industry-expert")
        #expect(r.entry("A")?.reason.contains("declared conflict") == true)
    }

    @Test("rule 9: two same-day site visits across the city are not given to one expert")
    func sameDayVisitsAcrossTheCity() throws {
        var t = singleSiteDay()
        t.pool(10)
        t.expert("X", "batteries")
        siteOnlyEnterprise(&t, "A", industry: "batteries", district: "shenshan")
        siteOnlyEnterprise(&t, "B", industry: "batteries", district: "baoan")
        let r = try planAndCheck(t, name: "travel")
        #expect(r.plan.plannedCount == 1)
        let left = try #require(r.plan.unscheduled.first { $0.eligible })
        #expect(left.task == .site)
        #expect(left.reason.contains("'batteries'") && left.reason.contains("X"))
        #expect(left.reason.contains("relaxing max_travel_minutes=60 (rule 9) alone would let it be planned"))

        // Control: both plants in one district, so one expert can do both in a day.
        var near = singleSiteDay()
        near.pool(10)
        near.expert("X", "batteries")
        siteOnlyEnterprise(&near, "A", industry: "batteries", district: "baoan")
        siteOnlyEnterprise(&near, "B", industry: "batteries", district: "baoan")
        let n = try planAndCheck(near, name: "travel-near", expectComplete: true)
        #expect(n.plan.plannedCount == 2)
    }

    @Test("rules 3 and 4: a holiday inside the revision gap (Labour Day 2026)")
    func holidayInsideRevisionGap() throws {
        // Draft 2026-04-20, lead 3 → 2026-04-23, horizon starts Monday 2026-04-27.
        // wd(2026-04-27, 10) skips 1–5 May (holidays) and counts Saturday 9 May (make-up day):
        // 28, 29, 30 Apr, 6, 7, 8, 9, 11, 12, 13 May → 2026-05-13. Counting weekdays only would
        // give 2026-05-11.
        func batch(deadline: String) -> TestBatch {
            var t = TestBatch()
            t.set("batch", "start", "2026-04-27")
            t.set("batch", "end", "2026-05-29")
            t.set("batch", "today", "2026-04-26")
            t.pool(10)
            t.enterprise("A", extra: ["draft_submitted": "2026-04-20", "deadline": deadline])
            return t
        }
        let tight = try planAndCheck(batch(deadline: "2026-05-13"), name: "holiday-fits", expectComplete: true)
        #expect(tight.assignment("A", .initial)?.day.iso == "2026-04-27")
        #expect(tight.assignment("A", .site)?.day.iso == "2026-05-13")

        let tooTight = try planAndCheck(batch(deadline: "2026-05-12"), name: "holiday-closed")
        let e = try #require(tooTight.entry("A"))
        #expect(e.code == .windowClosed)
        #expect(e.reason.contains("revision_days=10") && e.reason.contains("2026-05-13"))
        #expect(tooTight.plan.assignments.isEmpty)
    }

    @Test("rule 11 and 8: fixed.csv pins an expert to a day")
    func fixedRowPinsAnExpert() throws {
        var t = singleSiteDay()
        t.set("load", "max_per_day", "1")
        t.pool(10)
        t.expert("X", "batteries")
        siteOnlyEnterprise(&t, "A", industry: "batteries", district: "futian")
        siteOnlyEnterprise(&t, "B", industry: "batteries", district: "futian")
        t.fixed = [["A", "site", "2026-03-20", "am", "G4;X;G1;G2;G3", "X"]]
        let r = try planAndCheck(t, name: "fixed")
        let fixed = try #require(r.assignment("A", .site))
        #expect(fixed.slot == .am && Set(fixed.experts) == ["X", "G1", "G2", "G3", "G4"] && fixed.leader == "X")
        #expect(r.assignment("B", .site) == nil)
        let b = try #require(r.entry("B"))
        #expect(b.reason.contains("X"))
        #expect(b.code == .industryExpertsBusy)
        // A fixed row that keeps every rule contradicts nothing.
        #expect(r.plan.status != .infeasible)
    }

    @Test("rule 7: two experts of one employer are the best-matching pair")
    func sameEmployerPair() throws {
        var t = TestBatch()
        t.set("site_inspection", "plan", "false")
        t.expert("A1", "general", org: "U-A")
        t.expert("A2", "general", org: "U-A")
        t.pool(6)
        t.enterprise("E1")
        t.affinity = [["A1", "E1", "10"], ["A2", "E1", "9"], ["G1", "E1", "1"], ["G2", "E1", "0.5"]]
        let r = try planAndCheck(t, name: "same-org", expectComplete: true)
        let panel = try #require(r.assignment("E1", .initial)).experts
        #expect(panel.contains("A1"))
        #expect(!panel.contains("A2"))
        #expect(panel.contains("G1"))
    }

    @Test("rule 8: the only industry expert is unavailable for the whole window")
    func unavailableExpert() throws {
        var t = TestBatch()
        t.pool(8)
        t.expert("X", "batteries")
        t.unavailability = [["X", "2026-03-01", "2026-05-31", "出差 business trip"]]
        t.enterprise("A", industry: "batteries")
        let r = try planAndCheck(t, name: "away")
        let e = try #require(r.entry("A"))
        #expect(e.code == .industryExpertsBusy)
        #expect(e.reason.contains("X is unavailable 2026-03-01..2026-05-31"))
    }

    @Test("rule 8: max_site caps the only industry expert")
    func maxSiteCap() throws {
        var t = TestBatch()
        t.pool(10)
        t.expert("X", "batteries", extra: ["max_site": "1"])
        t.enterprise("A", industry: "batteries")
        t.enterprise("B", industry: "batteries")
        let r = try planAndCheck(t, name: "cap")
        #expect(r.plan.plannedCount == 1)
        let left = try #require(r.plan.unscheduled.first { $0.eligible })
        #expect(left.reason.contains("X at max_site=1") && left.reason.contains("rules 7, 8"))
        #expect(left.code == .capsExhausted)
    }

    @Test("rule 8: max_per_week holds over a busy week")
    func weeklyCap() throws {
        var t = TestBatch()
        t.set("batch", "start", "2026-03-02")
        t.set("batch", "end", "2026-03-06")
        t.set("load", "max_per_week", "2")
        t.set("site_inspection", "plan", "false")
        t.set("initial_review", "panel_size", "1")
        t.set("panel", "require_industry", "false")
        t.expert("X", "general")
        for k in 1...4 { t.enterprise("E\(k)") }
        let r = try planAndCheck(t, name: "week")
        #expect(r.plan.plannedCount == 2)
        #expect(r.plan.unscheduled.filter(\.eligible).count == 2)
        #expect(
            r.plan.unscheduled.filter(\.eligible).allSatisfy {
                $0.reason.contains("relaxing max_per_week=2 (rule 8) alone")
            })
    }

    @Test("rule 10: max_parallel limits panels per half-day")
    func maxParallel() throws {
        var t = singleSiteDay()
        t.set("site_inspection", "max_parallel", "1")
        t.pool(12)
        for k in 1...4 { siteOnlyEnterprise(&t, "S\(k)", industry: "general", district: "futian") }
        let r = try planAndCheck(t, name: "parallel")
        #expect(r.plan.plannedCount == 2)
        let codes = Set(r.plan.unscheduled.filter(\.eligible).map(\.code))
        #expect(codes == [.maxParallel])
    }

    @Test("rules 5 and 7: no auditor or no leader free of conflicts")
    func auditorAndLeader() throws {
        var t = TestBatch()
        for k in 1...8 { t.expert("G\(k)", "general", auditor: false, leader: false) }
        t.expert("AUD", "general", org: "C1", auditor: true, leader: false)
        t.expert("LEAD", "general", org: "C2", auditor: false, leader: true)
        t.organizations = [["C1", "一", "consultancy"], ["C2", "二", "consultancy"]]
        t.enterprise("NA", extra: ["consultancy": "C1"])
        t.enterprise("NL", extra: ["consultancy": "C2"])
        let r = try planAndCheck(t, name: "auditor-leader")
        #expect(r.entry("NA")?.code.rawValue == "no-auditor")
        #expect(r.entry("NL")?.code.rawValue == "no-leader")
    }

    @Test("rule 7: continuity = require puts an initial reviewer on every site panel")
    func continuityRequired() throws {
        var t = TestBatch()
        t.set("panel", "continuity", "\"require\"")
        t.pool(14)
        for k in 1...6 { t.enterprise("E\(k)") }
        let r = try planAndCheck(t, name: "continuity", expectComplete: true)
        for k in 1...6 {
            let initial = Set(try #require(r.assignment("E\(k)", .initial)).experts)
            let site = Set(try #require(r.assignment("E\(k)", .site)).experts)
            #expect(!initial.isDisjoint(with: site))
        }
    }

    @Test("rule 2: vetoed, pending and draftless enterprises are not planned; a late request is ignored")
    func eligibility() throws {
        var t = TestBatch()
        t.pool(10)
        t.enterprise("VETO", extra: ["penalized": "2025-12-01"])
        t.enterprise("PEND", extra: ["extension_requested": "2026-01-10"])
        t.enterprise("LATE", extra: ["extension_requested": "2026-02-10"])  // after 2026-01-30
        t.enterprise("NODRAFT", extra: ["draft_submitted": ""])
        t.enterprise("DONE", extra: ["site_inspection_done": "2026-02-25", "result": "pass"])
        let r = try planAndCheck(t, name: "eligibility", expectComplete: true)
        #expect(r.entry("VETO")?.code.rawValue == "penalized")
        #expect(r.entry("PEND")?.code.rawValue == "extension-pending")
        #expect(r.entry("NODRAFT")?.code.rawValue == "no-draft")
        #expect(r.entry("DONE")?.code.rawValue == "already-inspected")
        #expect(r.assignment("LATE", .site) != nil)
        #expect(r.plan.plannedCount == 1 && r.plan.eligibleCount == 1)
        #expect(r.plan.warnings.map { $0.text(.en) }.contains { $0.contains("LATE") && $0.contains("ignored") })
    }

    @Test("rule 8: an expert with active = no is never planned, though the only one of the industry")
    func inactiveExpert() throws {
        var t = TestBatch()
        t.pool(8)
        t.expert("X", "batteries;general", extra: ["active": "no"])
        t.enterprise("A", industry: "batteries")
        t.enterprise("B")
        let r = try planAndCheck(t, name: "inactive")
        #expect(r.batch.experts.first { $0.id == "X" }?.isActive == false)
        let a = try #require(r.entry("A"))
        #expect(a.code.rawValue == "no-industry-expert")
        #expect(a.reason.contains("X: not active (active = no)"))
        #expect(!r.plan.assignments.contains { $0.experts.contains("X") })
        #expect(r.assignment("B", .site) != nil)
    }

    @Test("rule 11 with 7, 8 and 10: fixed rows that break them stay, each breach a warning")
    func fixedRowsBreakingRules() throws {
        var t = TestBatch()
        t.pool(12)
        t.expert("S1", "general", org: "SAME")
        t.expert("S2", "general", org: "SAME")
        t.set("initial_review", "max_parallel", "1")
        t.set("load", "max_per_week", "1")
        t.unavailability = [["G5", "2026-03-09", "2026-03-09", "病假"]]
        t.enterprise("A")
        t.enterprise("B")
        t.enterprise("C")
        t.fixed = [
            ["A", "initial", "2026-03-09", "am", "S1;S2;G1", ""],
            ["B", "initial", "2026-03-09", "am", "G5;G2;G3", ""],
            ["C", "initial", "2026-03-10", "am", "G1;G4;G6", ""],
        ]
        let r = try planAndCheck(t, name: "fixed-breaches")
        let warnings = r.plan.warnings.map { $0.text(.en) }.filter { $0.hasPrefix("fixed ") }
        #expect(warnings.contains { $0.contains("fixed A initial") && $0.contains("(rule 7)") })
        #expect(warnings.contains { $0.contains("fixed B initial") && $0.contains("G5") && $0.contains("(rule 8)") })
        #expect(warnings.contains { $0.contains("fixed B initial") && $0.contains("(rule 10)") })
        #expect(
            warnings.contains { $0.contains("fixed C initial") && $0.contains("G1") && $0.contains("max_per_week") })
        // The same warnings for a Chinese organizer: the same ids, dates and rule numbers.
        let chinese = r.plan.warnings.map { $0.text(.zh) }.filter { $0.hasPrefix("固定行 ") }
        #expect(chinese.count == warnings.count)
        #expect(
            chinese.contains {
                $0.contains("固定行 B initial 2026-03-09 am") && $0.contains("G5") && $0.contains("（规则 8）")
            })
        #expect(chinese.contains { $0.contains("2026-03-09 不可出席") })
        for warning in chinese {
            #expect(warning.hasSuffix("仍按固定行保留"), "\(warning)")
            #expect(!warning.contains("kept") && !warning.contains("already"), "\(warning)")
        }
        for row in t.fixed {
            #expect(
                r.assignment(row[0], .initial)?.experts.sorted()
                    == row[4].split(separator: ";").map(String.init).sorted())
        }
        // No plan keeps every rule with these rows: the status says so, and so does the summary.
        #expect(r.plan.status == .infeasible)
        let summary = PlanSummary.text(r.plan, batch: r.batch, language: .zh)
        #expect(summary.contains("无可行方案") && summary.contains("固定行违反硬性规则"), "\(summary)")
    }

    @Test("previous_experts = prefer: an available previous expert joins the site panel of a large pool")
    func previousExpertInLargePool() throws {
        var t = TestBatch()
        t.pool(120)  // more candidates than a panel MIP takes at once
        // Far away: their travel makes them the least attractive seats, but a previous expert is
        // worth far more (100 against about 28 for the trip from Shenshan).
        for k in 1...3 { t.expert("P\(k)", "general", district: "shenshan") }
        t.enterprise("A", extra: ["reasons": "failed-last-round", "previous_experts": "P1;P2;P3"])
        let r = try planAndCheck(t, name: "previous", expectComplete: true)
        let site = try #require(r.assignment("A", .site))
        #expect(!Set(site.experts).isDisjoint(with: ["P1", "P2", "P3"]))
    }

    @Test("the scarce-specialist trap: the only battery expert is not spent on a panel that only gains a reason")
    func scarceSpecialistTrap() throws {
        var t = TestBatch()
        t.pool(12)
        // X is the one expert of industry 'batteries' and also covers heavy-metal; X can sit on one
        // initial review and one site inspection in the batch.
        t.expert("X", "batteries;heavy-metal", extra: ["max_initial": "1", "max_site": "1"])
        // A comes first (earlier deadline) and gains a covered reason from X; B needs X on both panels.
        t.enterprise("A", extra: ["reasons": "heavy-metal", "deadline": "2026-04-10"])
        t.enterprise("B", industry: "batteries")
        let r = try planAndCheck(t, name: "scarce", expectComplete: true)
        #expect(r.plan.plannedCount == 2)
        #expect(r.assignment("B", .initial)?.experts.contains("X") == true)
        #expect(r.assignment("B", .site)?.experts.contains("X") == true)
        #expect(r.assignment("A", .initial)?.experts.contains("X") == false)
    }

    @Test("continuity = require: the first initial panel's experts away for the whole site window")
    func continuityRequireWithAbsentReviewers() throws {
        var t = TestBatch()
        t.set("panel", "continuity", "\"require\"")
        t.set("batch", "end", "2026-03-31")
        t.pool(6, prefix: "R")
        t.pool(6, prefix: "G")
        // The R experts are free only in the first week; a site inspection can come at the
        // earliest ten working days after an initial review, when they are all away.
        t.unavailability = (1...6).map { ["R\($0)", "2026-03-09", "2026-03-31", "出差"] }
        t.enterprise("A", extra: ["deadline": "2026-03-31"])
        let r = try planAndCheck(t, name: "continuity-absent", expectComplete: true)
        let initial = try #require(r.assignment("A", .initial))
        let site = try #require(r.assignment("A", .site))
        #expect(!Set(initial.experts).isDisjoint(with: site.experts))
    }
}
