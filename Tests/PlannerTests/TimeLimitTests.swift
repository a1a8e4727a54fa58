import Foundation
import PanelModel
import PlanModel
import Testing

@testable import Planner

/// What the time limit may and may not be blamed for.
@Suite("Explanations when time runs out")
struct TimeLimitTests {
    @Test("an enterprise tried and left out keeps its rule when a later phase ran out of time")
    func laterTimeOutKeepsTheRule() throws {
        // Five experts with one site inspection each: one panel of five, for two enterprises due
        // a site inspection. The second is left out by rule 8 (max_site), found before any slot
        // is tried; the search or the trim stopping at its deadline does not change why.
        var t = TestBatch()
        for k in 1...5 { t.expert("X\(k)", "general", extra: ["max_site": "1"]) }
        for id in ["A", "B"] { t.enterprise(id, extra: ["initial_review_done": "2026-01-20"]) }
        let batch = try loadTestBatch(t, "time-out-reasons")
        var run = PlanningRun(batch: batch, options: PlannerOptions())
        try run.build()
        let (job, tally) = try #require(run.built.failed.first)
        #expect(run.built.failed.count == 1)
        run.timedOut = true
        let entry = try run.explain(job, tally)
        #expect(entry.code == .capsExhausted, "\(entry.code): \(entry.reason)")
    }
}
