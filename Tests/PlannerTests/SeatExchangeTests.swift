import Foundation
import PanelModel
import PlanModel
import Reports
import Testing

@testable import Planner

@Suite("Seat exchanges")
struct SeatExchangeTests {
    /// Two enterprises, one in Futian and one in Dapeng, five experts living in each district,
    /// every expert allowed one site inspection: the two site panels hold all ten, so no expert
    /// is free to take a far member's seat.
    func crossedRun(conflicts: [[String]] = []) throws -> (run: PlanningRun, folder: URL) {
        var t = TestBatch()
        t.conflicts = conflicts
        for k in 1...5 { t.expert("N\(k)", "general", district: "futian", extra: ["max_site": "1"]) }
        for k in 1...5 { t.expert("F\(k)", "general", district: "dapeng", extra: ["max_site": "1"]) }
        t.enterprise("A", district: "futian")
        t.enterprise("B", district: "dapeng")
        let dir = temporaryFolder("seat-exchange")
        try t.write(to: dir)
        var run = PlanningRun(batch: try BatchLoader.load(path: dir.path), options: PlannerOptions())
        try run.build()
        return (run, dir)
    }

    @Test("two panels that hold each other's neighbours change places")
    func crossedMembersExchanged() throws {
        var (run, dir) = try crossedRun()
        let index = run.batch.expertIndex
        let names = run.batch.experts.map(\.id)
        let ids = ["A", "B"]
        let sites = try ids.map { try #require(run.assignments[$0]?[.site]) }
        // Tempt the planner: each panel gets one member from the other district, each a leader.
        let crossed = [["N1", "N2", "N3", "N4", "F1"], ["F2", "F3", "F4", "F5", "N5"]]
        for (id, (site, members)) in zip(ids, zip(sites, crossed)) {
            let district = run.batch.enterprises[run.enterpriseIndex[id]!].district
            run.ledger.remove(.site, site.time, district: district, experts: site.panel.experts)
            let experts = members.map { index[$0]! }
            run.ledger.add(.site, site.time, district: district, experts: experts)
            let panel = StaffedPanel(experts: experts, leader: experts[4], value: 0)
            run.assignments[id]![.site] = (site.time, panel, false)
        }
        let crossedLevels = run.levelValues()
        run.built.levels = crossedLevels
        try run.exchangeSeats()
        let panels = ids.map { Set(run.assignments[$0]![.site]!.panel.experts.map { names[$0] }) }
        #expect(panels[0] == ["N1", "N2", "N3", "N4", "N5"], "\(panels[0])")
        #expect(panels[1] == ["F1", "F2", "F3", "F4", "F5"], "\(panels[1])")
        #expect(Objective.isBetter(run.built.levels, than: crossedLevels), "\(run.built.levels)")
        // The leader's seat changed hands with the leader.
        for id in ids {
            let panel = run.assignments[id]![.site]!.panel
            #expect(panel.leader.map { panel.experts.contains($0) } == true)
        }
        // The ledger follows the plan: the same as one built from the panels as they are.
        var fresh = ExpertLedger(batch: run.batch)
        for (id, tasks) in run.assignments {
            let district = run.batch.enterprises[run.enterpriseIndex[id]!].district
            for (task, a) in tasks { fresh.add(task, a.time, district: district, experts: a.panel.experts) }
        }
        for i in run.batch.experts.indices {
            #expect(fresh.count(i, .site) == run.ledger.count(i, .site))
            #expect(fresh.total(i) == run.ledger.total(i))
        }
        // The plan written from this run keeps every hard rule.
        let plan = try run.finish()
        try PlanWriter.write(plan, to: dir.path)
        let result = try runChecker(
            batch: dir, plan: dir.appendingPathComponent("plan.json"), expectComplete: true)
        #expect(result.status == 0, "independent checker found violations:\n\(result.output)")
    }

    @Test("an exchange onto a panel the expert has a conflict with is not made")
    func conflictBarsExchange() throws {
        // N5 declared a conflict with A: A's panel must take one Dapeng expert and B's holds N5.
        // Exchanging them would shorten both ways and break rule 6.
        var (run, dir) = try crossedRun(conflicts: [["N5", "A", "顾问合同"]])
        let names = run.batch.experts.map(\.id)
        let before = ["A", "B"].map { Set(run.assignments[$0]![.site]!.panel.experts.map { names[$0] }) }
        #expect(before[1].contains("N5"), "\(before)")
        try run.exchangeSeats()
        let after = ["A", "B"].map { Set(run.assignments[$0]![.site]!.panel.experts.map { names[$0] }) }
        #expect(after == before)
        let plan = try run.finish()
        try PlanWriter.write(plan, to: dir.path)
        let result = try runChecker(
            batch: dir, plan: dir.appendingPathComponent("plan.json"), expectComplete: true)
        #expect(result.status == 0, "independent checker found violations:\n\(result.output)")
    }
}
