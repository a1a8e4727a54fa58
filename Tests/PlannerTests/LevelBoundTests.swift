import Foundation
import PanelModel
import PlanModel
import Testing
import Workflow

@testable import Planner

/// Each level's bound holds the levels before it (docs/formulation.md §3.1): a plan that must
/// give up a later level to keep an earlier one is proven best when nothing better exists
/// given the earlier levels, even though a plan worse on them would do better there.
@Suite("Level bounds given the earlier levels")
struct LevelBoundTests {
    /// One expert who may sit on one site inspection, and two enterprises due for theirs: "Near",
    /// whose listing reason the expert covers, due 2026-03-13, and "Far", with no reason to cover,
    /// due at the end of the horizon. Planning Near covers its reason (level 2) and leaves it few
    /// buffer days (level 5); Far would have twenty.
    static func oneSeatTwoEnterprises() -> TestBatch {
        var t = TestBatch()
        t.set("initial_review", "plan", "false")
        t.set("site_inspection", "panel_size", "1")
        t.set("load", "max_site", "1")
        t.expert("H", "general;heavy-metal")
        let held = ["initial_review_done": "2026-02-10"]
        t.enterprise("Near", extra: held.merging(["reasons": "heavy-metal", "deadline": "2026-03-13"]) { $1 })
        t.enterprise("Far", extra: held.merging(["deadline": "2026-04-30"]) { $1 })
        return t
    }

    @Test("the buffer's bound holds the covered reason: the plan's buffer is proven best")
    func bufferGivenExpertise() throws {
        let r = try planAndCheck(Self.oneSeatTwoEnterprises(), name: "level-bound-buffer")
        #expect(r.assignment("Near", .site) != nil, "the covered reason comes first")
        #expect(r.assignment("Far", .site) == nil)
        let levels = Dictionary(uniqueKeysWithValues: r.plan.levels.map { ($0.name, $0) })
        let planned = try #require(levels["planned"])
        let expertise = try #require(levels["expertise"])
        let buffer = try #require(levels["buffer"])
        #expect(planned.value == planned.bound && expertise.value == expertise.bound, "\(r.plan.levels)")
        #expect(expertise.value > 0)
        // Over every plan, Far's twenty days would bound the buffer; given the covered reason, only
        // Near can be planned, and its buffer at its earliest day is the bound.
        let perDay = Objective(r.batch.rules).coefficient(.bufferDay)
        #expect(buffer.value < perDay * Double(Objective.bufferCap))
        #expect(buffer.bound == buffer.value, "\(r.plan.levels)")
    }

    /// The whole objective's scorer of a batch and its enterprises' statuses.
    static func scorer(_ batch: Batch) -> (PlanScorer, [EnterpriseStatus]) {
        let statuses = batch.enterprises.map { WorkflowRules.status($0, rules: batch.rules, calendar: batch.calendar) }
        let staffer = PanelStaffer(batch: batch, objective: Objective(batch.rules))
        let scorer = PlanScorer(
            batch: batch, conflictFree: staffer.hardRules.admittedExperts(in: batch), affinity: [:], staffer: staffer)
        return (scorer, statuses)
    }

    @Test("the whole objective's bound among the levels' is the one of its relaxation alone")
    func wholeObjectiveAsAlone() throws {
        // No term reads the members (expertise weight 0, no affinity): the previous expert the
        // enterprise lists works for its consultancy, so no panel can hold them and the panel MIP
        // gives no reward for them, while a bound that does not look at the pool would.
        var t = TestBatch()
        t.set("initial_review", "plan", "false")
        t.set("site_inspection", "panel_size", "1")
        t.set("weights", "expertise", "0")
        t.expert("P", "general", org: "C")
        t.expert("H", "general")
        let held = ["initial_review_done": "2026-02-10", "consultancy": "C"]
        t.enterprise("A", extra: held.merging(["reasons": "failed-last-round", "previous_experts": "P"]) { $1 })
        let batch = try loadTestBatch(t, "level-bound-whole")
        let (scorer, statuses) = Self.scorer(batch)
        #expect(!scorer.valuesMembers)
        let levels = Objective.Level.allCases
        let alone = try PlanScorer.relaxation([scorer], statuses: statuses, fixed: [:]) { true }.bound(0)
        let together = try PlanScorer.relaxation(
            levels.map { scorer.restricted(to: $0) } + [scorer], statuses: statuses, fixed: [:]
        ) { true }
        #expect(try together.bound(levels.count) == alone)
    }

    @Test("the relaxation's floors cut off the plans worse on the earlier levels, and only those")
    func floorsOfTheRelaxation() throws {
        let batch = try loadTestBatch(Self.oneSeatTwoEnterprises(), "level-bound-relaxation")
        let objective = Objective(batch.rules)
        let (scorer, statuses) = Self.scorer(batch)
        let levels = Objective.Level.allCases
        let relaxation = try PlanScorer.relaxation(
            levels.map { scorer.restricted(to: $0) }, statuses: statuses, fixed: [:]
        ) { true }
        let (expertise, buffer) = (levels.firstIndex(of: .expertise)!, levels.firstIndex(of: .buffer)!)
        let twenty = objective.coefficient(.bufferDay) * Double(Objective.bufferCap)
        #expect(try relaxation.bound(buffer) == twenty, "over every plan: Far's buffer")
        let reason = objective.coefficient(.coveredReason)
        let held = try #require(try relaxation.bound(buffer, floors: [(expertise, reason)]))
        #expect(held < twenty, "given the covered reason: Near's buffer")
        #expect(try relaxation.bound(buffer, floors: [(expertise, 0)]) == twenty, "a floor of 0 holds nothing")
        // Far's twenty days leave the seat no room for Near (up to the floors' rounding tolerance).
        let given = try #require(try relaxation.bound(expertise, floors: [(buffer, twenty)]))
        #expect(given < 1e-3 * reason, "and the other way round")
    }
}
