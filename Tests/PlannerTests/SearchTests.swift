import BatchGenerator
import Foundation
import PanelModel
import PlanModel
import Planner
import Testing

/// The large-neighbourhood search against the construction alone, and the planned count's bounds.
/// Every plan goes through the independent checker (`planFolderAndCheck`).
@Suite("Search and bounds")
struct SearchTests {
    /// Writes a generated batch with `[solver] search` set, plans it and checks the plan.
    /// `timeLimit` replaces the generated batch's limit (60 s): a plan that the limit does not stop
    /// is the same on every machine.
    func planGenerated(
        enterprises: Int, experts: Int, seed: UInt64, search: String, name: String, months: Int = 2,
        timeLimit: Int? = nil
    ) throws -> PlannedBatch {
        var g = BatchGenerator(.init(enterprises: enterprises, experts: experts, seed: seed, months: months))
        let dir = temporaryFolder("\(name)-\(search)")
        try g.write(to: dir.path)
        let toml = dir.appendingPathComponent("batch.toml")
        var text = try String(contentsOf: toml, encoding: .utf8)
        text = text.replacingOccurrences(of: "[solver]\n", with: "[solver]\nsearch = \"\(search)\"\n")
        if let timeLimit {
            text = text.replacingOccurrences(of: "time_limit_seconds = 60", with: "time_limit_seconds = \(timeLimit)")
        }
        try text.write(to: toml, atomically: true, encoding: .utf8)
        let planned = try planFolderAndCheck(dir)
        #expect(planned.batch.rules.search.rawValue == search)
        return planned
    }

    /// Whether level values `a` are at least `b` in the order of the soft goals.
    func atLeast(_ a: [PlanLevel], _ b: [PlanLevel]) -> Bool {
        for (x, y) in zip(a, b) where abs(x.value - y.value) > 1e-6 * max(1, abs(y.value)) {
            return x.value > y.value
        }
        return true
    }

    @Test("a tight pool: the search plans an enterprise the construction leaves out, and the count is proven")
    func searchPlansMore() throws {
        // 40 enterprises, 25 experts, two months (seed 2): the construction plans 29 (measured);
        // 30 is the most any plan can complete, and the search finds 30.
        let construction = try planGenerated(
            enterprises: 40, experts: 25, seed: 2, search: "construction", name: "tight")
        let search = try planGenerated(enterprises: 40, experts: 25, seed: 2, search: "lns", name: "tight")
        #expect(search.plan.plannedCount > construction.plan.plannedCount)
        let level = try #require(search.plan.levels.first)
        #expect(level.name == "planned" && level.value == level.bound, "\(search.plan.levels)")
    }

    @Test("while the planned count has a gap to its bound, the search keeps going longer before it stops")
    func searchPersistsOnThePlannedLevel() throws {
        // 40 enterprises, 25 experts, two months (seed 6): 30 can be completed (the bound), but
        // the search, stopped after 60 steps without a gain, ended at 29 with the batch's own
        // seed (measured); with four times as many while the first level has a gap it gets 30.
        let search = try planGenerated(enterprises: 40, experts: 25, seed: 6, search: "lns", name: "persist")
        #expect(search.plan.plannedCount == 30)
        let level = try #require(search.plan.levels.first)
        #expect(level.value == level.bound, "\(search.plan.levels)")
    }

    @Test("the search never loses a level to the construction", arguments: [1, 3] as [UInt64])
    func searchNeverWorse(seed: UInt64) throws {
        let construction = try planGenerated(
            enterprises: 30, experts: 22, seed: seed, search: "construction", name: "order")
        let search = try planGenerated(enterprises: 30, experts: 22, seed: seed, search: "lns", name: "order")
        #expect(search.plan.plannedCount >= construction.plan.plannedCount)
        #expect(atLeast(search.plan.levels, construction.plan.levels), "\(search.plan.levels)")
    }

    @Test(
        "on a pool with every site seat in use, the search travels no more than the construction",
        arguments: [(40, 25, 2), (40, 25, 3)] as [(Int, Int, UInt64)])
    func searchTravelsNoMore(enterprises: Int, experts: Int, seed: UInt64) throws {
        // The search's steps buy expertise and continuity with travel (the higher levels come
        // first), and its panel MIPs' heuristic seat costs send experts far; without the last
        // pass that staffs site panels again on the objective's own terms, these plans
        // travelled 6 933 against 6 624 minutes and 12 385 against 10 131 (measured; with pairs
        // staffed one after the other, 5 935 and 8 315; with groups staffed together in one MIP,
        // 4 237 and 7 815).
        let construction = try planGenerated(
            enterprises: enterprises, experts: experts, seed: seed, search: "construction", name: "trim")
        let search = try planGenerated(
            enterprises: enterprises, experts: experts, seed: seed, search: "lns", name: "trim")
        #expect(atLeast(search.plan.levels, construction.plan.levels), "\(search.plan.levels)")
        #expect(
            search.plan.breakdown.travelMinutes <= construction.plan.breakdown.travelMinutes,
            "\(search.plan.breakdown.travelMinutes) against \(construction.plan.breakdown.travelMinutes)")
        #expect(search.plan.breakdown.continuity >= construction.plan.breakdown.continuity)
    }

    @Test("a capacity-bound year batch is planned as fully as in time order, and level")
    func levelledStartKept() throws {
        // 150 enterprises over twelve months (seed 1), five of them beyond the pool's site caps:
        // the levelled construction plans 131, and a build of 3e38010 kept a plan in time order
        // that planned 132 with 70 tasks in its busiest week where the windows allow 6. The plan
        // must plan as many and stay level. (The levelled pre-search of docs/formulation.md §2.6
        // matters on larger batches, L in Benchmarks/seed-quality.md; here the search alone gets
        // there.) No time limit stops it here.
        let search = try planGenerated(
            enterprises: 150, experts: 110, seed: 1, search: "lns", name: "levelled", months: 12, timeLimit: 900)
        #expect(search.plan.plannedCount >= 132)
        let breakdown = search.plan.breakdown
        #expect(
            Double(breakdown.busiestWeek) <= 1.25 * Double(breakdown.weekLimit),
            "busiest week \(breakdown.busiestWeek) against \(breakdown.weekLimit)")
        #expect(search.plan.status != .timeLimit)
    }

    @Test("with continuity, the construction draws an initial panel from the experts living nearest")
    func initialPanelNearTheSite() throws {
        // Nine experts alike but for their homes: three in Futian, where the enterprise is, six in
        // Dapeng. The initial review travels nowhere, but its members are the site panel's likely
        // members: the three near ones sit on it (one chance in 84 by the tie-break alone). The
        // search may then trade this for load balance, a goal where an initial review's travel
        // does not count; the construction is what is tested here.
        var t = TestBatch()
        t.set("solver", "search", "\"construction\"")
        t.pool(3, prefix: "N", district: "futian")
        t.pool(6, prefix: "F", district: "dapeng")
        t.enterprise("A")
        let r = try planAndCheck(t, name: "initial-near")
        let initial = try #require(r.assignment("A", .initial))
        #expect(Set(initial.experts) == ["N1", "N2", "N3"], "\(initial.experts)")
        let site = try #require(r.assignment("A", .site))
        #expect(Set(["N1", "N2", "N3"]).isSubset(of: site.experts), "\(site.experts)")
    }

    @Test("the seat-by-seat bound sees conflicts the aggregate capacities miss")
    func seatBoundSeesConflicts() throws {
        // Two enterprises of one consultancy; eight experts conflict with it, and the five free of
        // it may each sit on one site panel: the pool's caps hold 53 site seats, but only five
        // of them can sit on these panels, so one enterprise at most is completed.
        var t = TestBatch()
        for k in 1...5 { t.expert("X\(k)", "general", extra: ["max_site": "1"]) }
        t.pool(8, prefix: "Y")
        t.organizations = [["C9", "咨询公司", "consultancy"]]
        t.conflicts = (1...8).map { ["Y\($0)", "C9", "顾问合同"] }
        t.enterprise("A", extra: ["consultancy": "C9"])
        t.enterprise("B", extra: ["consultancy": "C9"])
        let r = try planAndCheck(t, name: "seat-bound")
        #expect(r.plan.plannedCount == 1)
        let level = try #require(r.plan.levels.first)
        #expect(level.bound == level.value, "the planned count is proven: \(r.plan.levels)")
    }
}
