import BatchGenerator
import Foundation
import PanelModel
import Testing

@testable import Planner

/// Several panels staffed again together (the travel trim's MIP, docs/formulation.md §2.6).
@Suite("Joint re-staffing of panels")
struct JointStaffingTests {
    /// Two one-seat site panels, A in Futian and B in Dapeng, and experts who may each take one
    /// site inspection unless `maxSite` says more.
    func twoPanels(experts: [(id: String, district: String)], maxSite: Int = 1) throws -> Batch {
        var t = oneSeatPanels()
        for e in experts { t.expert(e.id, "general", district: e.district, extra: ["max_site": "\(maxSite)"]) }
        t.enterprise("A", district: "futian")
        t.enterprise("B", district: "dapeng")
        return try loadTestBatch(t, "joint-staffing")
    }

    /// A batch whose panels hold one expert each.
    func oneSeatPanels() -> TestBatch {
        var t = TestBatch()
        t.set("site_inspection", "panel_size", "1")
        t.set("initial_review", "panel_size", "1")
        return t
    }

    func request(_ batch: Batch, _ enterprise: Int) -> PanelRequest {
        PanelRequest(task: .site, enterprise: batch.enterprises[enterprise], size: 1, initialPanel: [])
    }

    @Test("two panels each holding the expert who lives near the other swap them")
    func swapsAcross() throws {
        // N lives in Futian and sits on B (Dapeng); F lives in Dapeng and sits on A (Futian).
        // Each may take one site inspection, so neither panel alone can take the nearer expert:
        // only staffing both together can, and it must.
        let batch = try twoPanels(experts: [("N", "futian"), ("F", "dapeng")])
        let (n, f) = (batch.expertIndex["N"]!, batch.expertIndex["F"]!)
        let staffer = PanelStaffer(batch: batch)
        let panels = [
            JointPanel(
                request: request(batch, 0),
                candidates: [.init(expert: n, seatValue: 0), .init(expert: f, seatValue: -60)],
                members: [f]),
            JointPanel(
                request: request(batch, 1),
                candidates: [.init(expert: n, seatValue: -60), .init(expert: f, seatValue: 0)],
                members: [n]),
        ]
        let staffed = try #require(try staffer.staffTogether(panels, timeLimit: 10))
        #expect(staffed.map(\.experts) == [[n], [f]])
        #expect(staffed.map(\.leader) == [n, f])
    }

    @Test("an expert takes one of the panels' seats at most, unless keeping the seats held now")
    func oneSeatOrTheSeatsHeld() throws {
        // E is the best candidate of both panels. Checked free for each panel with both off the
        // plan, E may take one of them; both only when E holds both now (a plan already valid).
        let batch = try twoPanels(experts: [("E", "futian"), ("G1", "futian"), ("G2", "futian")], maxSite: 2)
        let (e, g1, g2) = (batch.expertIndex["E"]!, batch.expertIndex["G1"]!, batch.expertIndex["G2"]!)
        let staffer = PanelStaffer(batch: batch)
        func panels(holding members: [[Int]]) -> [JointPanel] {
            (0..<2).map { p in
                JointPanel(
                    request: request(batch, p),
                    candidates: [.init(expert: e, seatValue: 10), .init(expert: [g1, g2][p], seatValue: 0)],
                    members: members[p])
            }
        }
        let fresh = try #require(try staffer.staffTogether(panels(holding: [[g1], [g2]]), timeLimit: 10))
        #expect(fresh.filter { $0.experts == [e] }.count == 1, "\(fresh.map(\.experts))")
        let kept = try #require(try staffer.staffTogether(panels(holding: [[e], [e]]), timeLimit: 10))
        #expect(kept.map(\.experts) == [[e], [e]])
    }

    @Test("the panels keep the listing reasons they cover, whatever the seat values")
    func coverageHeld() throws {
        // A's reason (heavy-metal) is covered by P, who sits on it now. Q is worth more than a
        // covered reason by seat value alone (travel can add up so); the floor keeps the cover.
        var t = oneSeatPanels()
        t.set("expertise", "heavy-metal", "[\"electroplating\"]")
        t.expert("P", "general;electroplating")
        t.expert("Q", "general")
        t.enterprise("A", extra: ["reasons": "heavy-metal"])
        let batch = try loadTestBatch(t, "joint-coverage")
        let (p, q) = (batch.expertIndex["P"]!, batch.expertIndex["Q"]!)
        let staffer = PanelStaffer(batch: batch)
        let panel = JointPanel(
            request: request(batch, 0),
            candidates: [.init(expert: p, seatValue: 0), .init(expert: q, seatValue: 5000)], members: [p])
        let staffed = try #require(try staffer.staffTogether([panel], timeLimit: 10))
        #expect(staffed.map(\.experts) == [[p]])
    }

    @Test("candidates shared by a trim centre's tries are those each try would compute")
    func sharedCandidatesMatch() throws {
        // A pool with every site seat in use (40 enterprises, 25 experts, seed 2): an expert
        // holding a seat of a panel outside a try is at their max_site cap, free only when a try
        // takes that panel off. The trim computes candidates once with all of a centre's panels
        // off the plan and checks the holders again per try; the result must be what the try
        // computes with only its own panels off.
        var g = BatchGenerator(.init(enterprises: 40, experts: 25, seed: 2, months: 2))
        let dir = temporaryFolder("shared-candidates")
        try g.write(to: dir.path)
        var run = PlanningRun(batch: try BatchLoader.load(path: dir.path), options: PlannerOptions())
        try run.build()
        let timed = run.built.jobs.indices.compactMap { k -> (Int, SlotTime)? in
            let site = run.assignments[run.batch.enterprises[run.built.jobs[k].enterprise].id]?[.site]
            return site.map { (k, $0.time) }
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        #expect(timed.count >= 10)
        var holdersMattered = false
        for start in stride(from: 0, to: timed.count - 4, by: 5) {
            let union = Array(timed[start..<start + 5])
            let shared = run.sharedCandidates(union)
            let tries = [union] + union.map { [$0] } + union.dropFirst().map { [union[0], $0] }
            for group in tries {
                var alone = run
                for k in group {
                    let e = alone.batch.enterprises[alone.built.jobs[k].enterprise]
                    let a = alone.assignments[e.id]![.site]!
                    alone.ledger.remove(.site, a.time, district: e.district, experts: a.panel.experts)
                }
                for k in group {
                    let job = run.built.jobs[k]
                    let time = run.assignments[run.batch.enterprises[job.enterprise].id]![.site]!.time
                    let direct = alone.candidates(job, .site, time).map { [Double($0.expert), $0.seatValue] }
                    let derived = alone.candidates(of: k, at: time, sharing: shared)
                    #expect(derived.map { [Double($0.expert), $0.seatValue] } == direct, "try \(group), panel \(k)")
                    if shared.free[k]!.map({ [Double($0.expert), $0.seatValue] }) != direct { holdersMattered = true }
                }
            }
        }
        // The batch tests something: taking the other panels off frees some holders.
        #expect(holdersMattered)
    }
}
