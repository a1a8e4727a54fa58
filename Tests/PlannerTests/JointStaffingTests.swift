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
}
