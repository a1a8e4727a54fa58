import BatchGenerator
import Digest
import Foundation
import PanelModel
import PlanModel
import Planner
import Reports
import Testing

/// The random draw (随机抽取): caps on each (expert, enterprise) pair's probability, plans that
/// keep every hard rule whatever is drawn, the quality floor, and reproducibility.
@Suite("Random draw")
struct DrawTests {
    /// A small generated batch the pool carries with room to spare.
    static func smallBatch(_ name: String) throws -> URL {
        var g = BatchGenerator(.init(enterprises: 12, experts: 30, seed: 4, months: 2))
        let dir = temporaryFolder(name)
        try g.write(to: dir.path)
        return dir
    }

    static func draw(_ batch: Batch, _ seed: UInt64) throws -> Plan {
        var options = PlannerOptions()
        options.drawSeed = seed
        return try PanelPlanner(batch: batch, options: options).plan()
    }

    @Test("over 200 draws no (expert, enterprise) pair is seen more often than Q plus the stated tolerance")
    func pairFrequency() throws {
        let dir = try DrawTests.smallBatch("draw-frequency")
        let batch = try BatchLoader.load(path: dir.path)
        let deterministic = try PanelPlanner(batch: batch).plan()
        let q = batch.rules.maxPairProbability
        let runs = 200
        var seen: [String: Int] = [:]
        var capped = Set<String>()
        for seed in 1...runs {
            let plan = try DrawTests.draw(
                batch,
                SHA256.digest(Array("draw \(seed)".utf8)).prefix(8)
                    .reduce(0) { $0 << 8 | UInt64($1) })
            #expect(plan.plannedCount == deterministic.plannedCount)
            #expect(plan.draw.count == plan.assignments.count)
            var pairs = Set<String>()
            for a in plan.assignments { for e in a.experts { pairs.insert("\(e)|\(a.enterpriseID)") } }
            for p in pairs { seen[p, default: 0] += 1 }
            for d in plan.draw where d.cap > q + 1e-9 { capped.insert(d.enterpriseID) }
        }
        // Tolerance: with n = 200 draws and a true probability p ≤ Q = 0.5, Chernoff's bound gives
        // P(frequency ≥ Q + 0.2) ≤ exp(−n·KL(0.7‖0.5)) = exp(−16.5) ≈ 7·10⁻⁸ per pair; over the at
        // most 12 × 30 pairs the false alarm is below 3·10⁻⁵. (The seeds are fixed, so the test is
        // also reproducible.) The deterministic plan's pairs all have frequency 1: far above.
        let tolerance = 0.2
        let worst =
            seen.filter { pair in !capped.contains(String(pair.key.split(separator: "|")[1])) }
            .values.max() ?? 0
        #expect(Double(worst) / Double(runs) <= q + tolerance, "most frequent pair \(worst)/\(runs)")
        #expect(Double(worst) / Double(runs) > 0.2, "the caps should be used, not avoided")
        #expect(!deterministic.assignments.isEmpty)
    }

    @Test("every drawn plan keeps every hard rule (independent checker, reserves swapped in)", arguments: [1, 2, 3])
    func drawnPlansAreValid(seed: UInt64) throws {
        let dir = try DrawTests.smallBatch("draw-valid-\(seed)")
        var options = PlannerOptions()
        options.drawSeed = seed &* 0x9E37_79B9_7F4A_7C15
        let r = try planFolderAndCheck(dir, expectComplete: true, options: options)
        let check = try runChecker(
            batch: dir, plan: dir.appendingPathComponent("plan.json"), expectComplete: true,
            extra: ["--check-reserves"])
        #expect(check.status == 0, "\(check.output)")
        for d in r.plan.draw {
            let total = d.candidates.reduce(0) { $0 + $1.probability }
            #expect(abs(total - Double(d.drawn.count)) < 1e-6)
            #expect(d.candidates.allSatisfy { $0.probability <= 1 + 1e-9 })
            #expect(d.expectedQuality >= d.referenceQuality * 0.95 - 1e-6)
            #expect(d.drawn.allSatisfy { id in d.candidates.contains { $0.expertID == id && $0.probability > 0 } })
        }
    }

    @Test("continuity = require holds whatever is drawn: the initial panel keeps a site panel member")
    func continuityRequire() throws {
        var t = TestBatch()
        t.set("panel", "continuity", "\"require\"")
        t.pool(16)
        for k in 1...4 { t.enterprise("C\(k)") }
        for seed: UInt64 in [11, 12, 13, 14] {
            var options = PlannerOptions()
            options.drawSeed = seed
            let r = try planAndCheck(t, name: "draw-continuity-\(seed)", expectComplete: true, options: options)
            for k in 1...4 {
                let initial = r.plan.assignments.first { $0.enterpriseID == "C\(k)" && $0.task == .initial }
                let site = r.plan.assignments.first { $0.enterpriseID == "C\(k)" && $0.task == .site }
                let shared = Set(initial?.experts ?? []).intersection(site?.experts ?? [])
                #expect(!shared.isEmpty)
            }
        }
    }

    @Test("the only expert of an industry is not capped away: the cap is raised for that panel and recorded")
    func scarceExpertRaisesTheCap() throws {
        var t = TestBatch()
        t.pool(12)
        t.expert("X1", "tanning")
        t.enterprise("T1", industry: "tanning")
        t.enterprise("T2")
        var options = PlannerOptions()
        options.drawSeed = 5
        let r = try planAndCheck(t, name: "draw-scarce", expectComplete: true, options: options)
        let tanning = r.plan.draw.filter { $0.enterpriseID == "T1" }
        #expect(!tanning.isEmpty)
        #expect(tanning.allSatisfy { $0.drawn.contains("X1") })
        #expect(tanning.contains { $0.cap > 0.5 && !$0.proven })
        #expect(r.plan.draw.filter { $0.enterpriseID == "T2" }.allSatisfy { abs($0.cap - 0.5) < 1e-9 })
    }

    @Test("the same seed gives the same plan and draw.json; another seed another draw")
    func reproducible() throws {
        let dir = try DrawTests.smallBatch("draw-repro")
        let batch = try BatchLoader.load(path: dir.path)
        let setup = DrawSeed(
            text: "2026-12-03 双色球 01 05 12 19 23 30 + 07", files: BatchLoader.inputFileBytes(path: dir.path))
        let header = DrawWriter.Header(
            panelplanVersion: "test", seedText: setup.text, seed: setup.hex, inputsSHA256: setup.inputsSHA256,
            files: [:], maxPairProbability: 0.5, qualityFloor: 0.95, solverSeed: 0, timeLimitSeconds: 60)
        let a = try DrawTests.draw(batch, setup.value)
        let b = try DrawTests.draw(batch, setup.value)
        #expect(DrawWriter.json(a, header: header) == DrawWriter.json(b, header: header))
        #expect(PlanWriter.json(a) == PlanWriter.json(b))
        let others = try (1...4).map { PlanWriter.json(try DrawTests.draw(batch, setup.value &+ UInt64($0))) }
        #expect(others.contains { $0 != PlanWriter.json(a) })
    }
}
