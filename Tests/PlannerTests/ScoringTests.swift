import BatchGenerator
import Foundation
import PanelModel
import PlanModel
import Testing

@testable import Planner

/// The run's level values (read from its own indices, each enterprise's terms kept between
/// steps) against the scorer's score of the plan the run writes (read from the assignments' ids,
/// every term computed afresh).
@Suite("Scoring")
struct ScoringTests {
    /// A generated batch (a failed-last-round enterprise with its previous experts, continuity
    /// and previous experts preferred) with affinity rows of both signs.
    func generatedBatch(_ name: String) throws -> Batch {
        var g = BatchGenerator(.init(enterprises: 40, experts: 25, seed: 2, months: 2))
        let dir = temporaryFolder(name)
        try g.write(to: dir.path)
        let batch = try BatchLoader.load(path: dir.path)
        var rows = ["expert_id,enterprise_id,score"]
        for (i, expert) in batch.experts.enumerated() {
            for (k, enterprise) in batch.enterprises.enumerated() where (i + k) % 4 == 0 {
                rows.append("\(expert.id),\(enterprise.id),\((i * 7 + k) % 5 - 2)")
            }
        }
        try (rows.joined(separator: "\n") + "\n").write(
            to: dir.appendingPathComponent("affinity.csv"), atomically: true, encoding: .utf8)
        return try BatchLoader.load(path: dir.path)
    }

    /// The levels of the scorer's score of the run's assembled plan.
    func scored(_ run: PlanningRun) -> [Double] {
        let (_, breakdown, _) = run.built.scorer!.score(
            run.assembleAssignments(), statuses: run.built.statuses, reference: run.options.reference,
            asOf: run.options.asOf ?? run.rules.today)
        return Objective.Level.allCases.map { run.staffer.objective.value(of: $0, in: breakdown) }
    }

    /// Whether two level vectors agree to the scorer's own tolerance of comparison.
    func agree(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && !Objective.isBetter(a, than: b) && !Objective.isBetter(b, than: a)
    }

    @Test("the run's level values are the score of its plan, step after step of the search")
    func levelValuesFollowTheSearch() throws {
        let batch = try generatedBatch("score-steps")
        #expect(batch.hasAffinity)
        var run = PlanningRun(batch: batch, options: PlannerOptions())
        try run.build()
        #expect(agree(run.levelValues(), scored(run)), "\(run.levelValues()) \(scored(run))")
        let jobIndex = Dictionary(
            run.built.jobs.enumerated().map { (batch.enterprises[$1.enterprise].id, $0) },
            uniquingKeysWith: { a, _ in a })
        var walk = PlanningRun.SearchWalk(random: SplitMix64(seed: 11), current: run.built.levels)
        walk.deficient = run.deficientJobs()
        var kept = 0
        for _ in 0..<60 {
            let before = walk.current
            try run.step(PlanningRun.Neighbourhood.allCases, jobIndex: jobIndex, walk: &walk)
            if walk.current != before { kept += 1 }
            let values = run.levelValues()
            #expect(agree(values, scored(run)), "step \(walk.steps): \(values) \(scored(run))")
            #expect(agree(values, walk.current), "step \(walk.steps): \(values) \(walk.current)")
        }
        // The steps changed the plan: some were kept, and each tried one (undone or not).
        #expect(kept > 0)
    }

    @Test("a replan's level values hold history, closed facts and an enterprise gone from the batch")
    func levelValuesOfAReplan() throws {
        let batch = try generatedBatch("score-replan")
        var firstRun = PlanningRun(batch: batch, options: PlannerOptions())
        try firstRun.build()
        let first = firstRun.assembleAssignments()
        let asOf = try #require(first.map(\.day).sorted().dropFirst(first.count / 2).first)
        // A past site inspection of an enterprise no longer in the batch: history of a task that
        // is not open, counted in its week only.
        var reference = first
        let past = try #require(first.first { $0.day < asOf })
        reference.append(
            Assignment(
                enterpriseID: "GONE", task: .site, day: past.day, slot: past.slot, experts: past.experts,
                leader: past.leader))
        let options = PlannerOptions(reference: reference, asOf: asOf)
        var run = PlanningRun(batch: batch, options: options)
        try run.build()
        #expect(!run.facts.isEmpty && !run.closedFacts.isEmpty)
        #expect(agree(run.levelValues(), scored(run)), "\(run.levelValues()) \(scored(run))")
        let plan = try PanelPlanner(batch: batch, options: options).plan()
        #expect(plan.assignments.contains { $0.enterpriseID == "GONE" })
    }
}
