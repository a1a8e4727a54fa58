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
    /// is free to take a far member's seat. `configure` adds to the batch before it is written.
    func crossedRun(
        options: PlannerOptions = PlannerOptions(), configure: (inout TestBatch) -> Void = { _ in }
    ) throws -> (run: PlanningRun, folder: URL) {
        var t = TestBatch()
        for k in 1...5 { t.expert("N\(k)", "general", district: "futian", extra: ["max_site": "1"]) }
        for k in 1...5 { t.expert("F\(k)", "general", district: "dapeng", extra: ["max_site": "1"]) }
        t.enterprise("A", district: "futian")
        t.enterprise("B", district: "dapeng")
        configure(&t)
        let dir = temporaryFolder("seat-exchange")
        try t.write(to: dir)
        var run = PlanningRun(batch: try BatchLoader.load(path: dir.path), options: options)
        try run.build()
        return (run, dir)
    }

    /// Puts `members` (by id) on the panel of `task` of enterprise `id`, at its half-day, led by
    /// `leader`; the ledger follows.
    func force(_ run: inout PlanningRun, _ id: String, _ task: TaskKind, _ members: [String], leader: String?) throws {
        let index = run.batch.expertIndex
        let old = try #require(run.assignments[id]?[task])
        let district = run.batch.enterprises[run.enterpriseIndex[id]!].district
        run.ledger.remove(task, old.time, district: district, experts: old.panel.experts)
        let experts = members.map { index[$0]! }
        run.ledger.add(task, old.time, district: district, experts: experts)
        let panel = StaffedPanel(experts: experts, leader: leader.map { index[$0]! }, value: 0)
        run.assignments[id]![task] = (old.time, panel, false)
    }

    /// Tempts the planner: each site panel gets one member from the other district (A: N1–N4 and
    /// F1; B: F2–F5 and N5), led by `leaders`, each panel at its own half-day; the run's levels
    /// are those of the crossed plan.
    func cross(_ run: inout PlanningRun, leaders: [String] = ["F1", "N5"]) throws {
        try force(&run, "A", .site, ["N1", "N2", "N3", "N4", "F1"], leader: leaders[0])
        try force(&run, "B", .site, ["F2", "F3", "F4", "F5", "N5"], leader: leaders[1])
        run.built.levels = run.levelValues()
    }

    /// Runs the exchanges, expects them to leave both site panels as they were, and checks the
    /// plan with the independent checker.
    func expectNoExchange(_ run: inout PlanningRun, _ dir: URL) throws {
        let before = sitePanels(run)
        try run.exchangeSeats(until: run.timeLimit)
        #expect(sitePanels(run) == before)
        try finishAndCheck(&run, dir)
    }

    /// The members of each site panel, by id: A's, then B's.
    func sitePanels(_ run: PlanningRun) -> [Set<String>] {
        ["A", "B"].map { Set(run.assignments[$0]![.site]!.panel.experts.map { run.batch.experts[$0].id }) }
    }

    /// Writes the plan of the run and checks it with the independent checker.
    func finishAndCheck(_ run: inout PlanningRun, _ dir: URL) throws {
        let plan = try run.finish()
        try PlanWriter.write(plan, to: dir.path)
        let result = try runChecker(
            batch: dir, plan: dir.appendingPathComponent("plan.json"), expectComplete: true)
        #expect(result.status == 0, "independent checker found violations:\n\(result.output)")
    }

    @Test("two panels that hold each other's neighbours change places")
    func crossedMembersExchanged() throws {
        var (run, dir) = try crossedRun()
        try cross(&run)
        let crossedLevels = run.built.levels
        try run.exchangeSeats(until: run.timeLimit)
        let panels = sitePanels(run)
        #expect(panels[0] == ["N1", "N2", "N3", "N4", "N5"], "\(panels[0])")
        #expect(panels[1] == ["F1", "F2", "F3", "F4", "F5"], "\(panels[1])")
        #expect(Objective.isBetter(run.built.levels, than: crossedLevels), "\(run.built.levels)")
        // The leader's seat changed hands with the leader.
        for id in ["A", "B"] {
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
        try finishAndCheck(&run, dir)
    }

    @Test("the leader leaving, the seat passes to a member who may lead when the newcomer may not")
    func leaderPassesToAnotherMember() throws {
        var (run, dir) = try crossedRun { t in
            let n5 = t.experts.firstIndex { $0["id"] == "N5" }!
            t.experts[n5]["leader"] = "no"
        }
        try cross(&run, leaders: ["F1", "F2"])
        try run.exchangeSeats(until: run.timeLimit)
        let names = run.batch.experts.map(\.id)
        #expect(sitePanels(run)[0] == ["N1", "N2", "N3", "N4", "N5"])
        let leaders = ["A", "B"].map { run.assignments[$0]![.site]!.panel.leader.map { names[$0] } }
        #expect(["N1", "N2", "N3", "N4"].contains(leaders[0] ?? ""), "\(leaders)")
        #expect(leaders[1] == "F2")
        try finishAndCheck(&run, dir)
    }

    @Test("an exchange onto a seat the expert declined is not made")
    func declineBarsExchange() throws {
        var options = PlannerOptions()
        options.declines = [Decline(enterpriseID: "A", task: .site, expertID: "N5")]
        var (run, dir) = try crossedRun(options: options)
        try cross(&run)
        try expectNoExchange(&run, dir)
    }

    @Test("continuity = require: an exchange that takes the site panel's last initial reviewer away is not made")
    func requiredContinuityBarsExchange() throws {
        var (run, dir) = try crossedRun { t in t.set("panel", "continuity", "\"require\"") }
        // Each initial panel holds the other district's experts: F1 is A's only initial reviewer
        // on its crossed site panel, N5 is B's.
        try force(&run, "A", .initial, ["F1", "F2", "F3", "F4", "F5"], leader: nil)
        try force(&run, "B", .initial, ["N1", "N2", "N3", "N4", "N5"], leader: nil)
        try cross(&run)
        try expectNoExchange(&run, dir)
    }

    @Test("an exchange onto a day the expert is away is not made")
    func unavailabilityBarsExchange() throws {
        // A's initial review is fixed on 04-01, so its site inspection falls on 04-02 or later,
        // when N5 is away; B's deadline keeps its site inspection before then. F6 lets the
        // construction plan both.
        var (run, dir) = try crossedRun { t in
            t.expert("F6", "general", district: "dapeng", extra: ["max_site": "1"])
            t.fixed = [["A", "initial", "2026-04-01", "am", "N1;N2;F6", ""]]
            t.unavailability = [["N5", "2026-04-02", "2026-04-30", "出差"]]
            let b = t.enterprises.firstIndex { $0["id"] == "B" }!
            t.enterprises[b]["deadline"] = "2026-03-27"
        }
        try cross(&run)
        try expectNoExchange(&run, dir)
    }

    @Test("a fixed site panel is a fact: no exchange touches it")
    func fixedPanelUntouched() throws {
        // A's fixed panel holds F1 from Dapeng; B's, planned, must take N5 (one site inspection
        // each): exchanging them would shorten both ways.
        var (run, dir) = try crossedRun { t in
            t.fixed = [["A", "site", "2026-04-15", "am", "N1;N2;N3;N4;F1", "N1"]]
        }
        let before = sitePanels(run)
        #expect(before == [["N1", "N2", "N3", "N4", "F1"], ["F2", "F3", "F4", "F5", "N5"]], "\(before)")
        try expectNoExchange(&run, dir)
    }

    @Test("an expert whose way from home is unknown is not moved: unknown is not near")
    func unknownWayNotMoved() throws {
        // F1's home district is not known: the plan counts no minutes for them anywhere, so
        // sending them to B and N5 home to A would look like a saving of N5's whole way.
        var (run, dir) = try crossedRun { t in
            let f1 = t.experts.firstIndex { $0["id"] == "F1" }!
            t.experts[f1]["district"] = ""
        }
        try cross(&run)
        try expectNoExchange(&run, dir)
    }

    @Test("an exchange onto a panel the expert has a conflict with is not made")
    func conflictBarsExchange() throws {
        // N5 declared a conflict with A: A's panel must take one Dapeng expert and B's holds N5.
        // Exchanging them would shorten both ways and break rule 6.
        var (run, dir) = try crossedRun { t in t.conflicts = [["N5", "A", "顾问合同"]] }
        #expect(sitePanels(run)[1].contains("N5"), "\(sitePanels(run))")
        try expectNoExchange(&run, dir)
    }
}
