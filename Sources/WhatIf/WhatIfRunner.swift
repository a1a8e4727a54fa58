import Dispatch
import Foundation
import PanelModel
import Phrasebook
import PlanModel
import Planner
import TOMLSubset
import Workflow

/// One row of the comparison table.
public struct WhatIfRow: Sendable {
    public var scenario: String
    /// The swept value, for sweeps.
    public var value: Double?
    public var planned: Int
    public var eligible: Int
    public var unplannedReasons: [(code: String, count: Int)]
    public var minBuffer: Int?
    public var medianBuffer: Double?
    public var maxLoad: Int
    public var meanLoad: Double
    public var bottleneckSpecialties: [String]
    /// Weeks and roles with at least 90 % of the supply used (``WeekCapacity/isBinding``).
    public var bindingWeeks: [String]
    /// Demand against supply by week and role.
    public var weeks: [WeekCapacity]
    public var status: String
    public var gap: Double

    /// planned / eligible (1 when nothing is eligible).
    public var plannedShare: Double { eligible == 0 ? 1 : Double(planned) / Double(eligible) }
}

/// A parsed `--sweep` specification: `pool=60%..100%:10%` or `site_inspection.panel_size=3..5[:1]`.
public struct Sweep {
    public var key: String
    public var values: [Double]
    public var isPercent: Bool

    public static func parse(_ text: String) throws -> Sweep {
        func bad(_ why: Phrase) -> ScenarioError {
            ScenarioError(diagnostics: [
                Diagnostic(
                    .error, file: "--sweep", value: text,
                    Phrase("sweep.bad", ["value": "\(text)", "why": .phrase(why)]))
            ])
        }
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw bad(Phrase("sweep.no-equals")) }
        let key = parts[0].trimmingWhitespace()
        guard !key.isEmpty else { throw bad(Phrase("sweep.no-key")) }
        let rangeAndStep = parts[1].split(separator: ":", omittingEmptySubsequences: false).map {
            String($0).trimmingWhitespace()
        }
        guard rangeAndStep.count <= 2, let range = rangeAndStep.first, !range.isEmpty else {
            throw bad(Phrase("sweep.no-range-after"))
        }
        let bounds = range.components(separatedBy: "..")
        guard bounds.count == 2 else { throw bad(Phrase("sweep.no-range")) }
        let isPercent = bounds.allSatisfy { $0.hasSuffix("%") }
        func number(_ s: String) -> Double? { Double(s.replacingOccurrences(of: "%", with: "")) }
        guard let from = number(bounds[0]), let to = number(bounds[1]), from <= to else {
            throw bad(Phrase("sweep.bad-bounds"))
        }
        let step = rangeAndStep.count > 1 ? number(rangeAndStep[1]) : (isPercent ? 10 : 1)
        guard let step, step > 0 else { throw bad(Phrase("sweep.bad-step")) }
        guard (to - from) / step < 1000 else { throw bad(Phrase("sweep.too-many")) }
        var values: [Double] = []
        var v = from
        while v <= to + 1e-9 {
            values.append((v * 1e9).rounded() / 1e9)
            v += step
        }
        if key != "pool" && !key.contains(".") {
            throw bad(Phrase("sweep.unknown-key", ["key": "\(key)"]))
        }
        if key == "pool" && (!isPercent || from < 0 || to > 100) {
            throw bad(Phrase("sweep.pool-range"))
        }
        return Sweep(key: key, values: values, isPercent: isPercent)
    }

    /// The scenario of one point.
    public func scenario(at value: Double, seed: UInt64) throws -> Scenario {
        let label =
            isPercent
            ? "\(key)=\(WhatIfOutput.fmt(value))%" : "\(key)=\(WhatIfOutput.fmt(value))"
        var s = Scenario(name: label)
        if key == "pool" {
            s.removeFraction = max(0, 1 - value / 100)
            s.removeSeed = seed
        } else {
            let path = key.split(separator: ".").map(String.init)
            let valueText = WhatIfOutput.fmt(value)
            s = try Scenario.parse(
                "[scenario]\nname = \"\(label)\"\n[rules.\(path.dropLast().joined(separator: "."))]\n\(path.last!) = "
                    + "\(valueText)\n",
                file: "--sweep")
        }
        return s
    }
}

/// Plans scenarios in parallel, one GLPK solve per thread, and summarizes them.
public enum WhatIfRunner {
    /// Plans each batch (in parallel on all cores); rows come back in input order.
    public static func run(
        _ batches: [(name: String, value: Double?, batch: Batch)], timeLimit: Double?, seed: UInt64?, jobs: Int? = nil
    ) throws -> [WhatIfRow] {
        let results = Results(count: batches.count)
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, batches.count))
        // Each worker takes the next scenario; every plan (and each of its GLPK solves) runs
        // start to end on the worker's thread.
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = next.take(below: batches.count) {
                let item = batches[k]
                do {
                    let plan = try PanelPlanner(
                        batch: item.batch, options: PlannerOptions(timeLimitSeconds: timeLimit, seed: seed)
                    ).plan()
                    results.set(k, .success(row(item.name, item.value, plan, item.batch)))
                } catch {
                    results.set(k, .failure(error))
                }
            }
        }
        return try (0..<batches.count).map { try results.get($0).get() }
    }

    /// The summary row of a plan.
    public static func row(_ name: String, _ value: Double?, _ plan: Plan, _ batch: Batch) -> WhatIfRow {
        var codes: [String: Int] = [:]
        for u in plan.unscheduled where u.eligible { codes[u.code.rawValue, default: 0] += 1 }
        let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var buffers: [Int] = []
        for a in plan.assignments where a.task == .site {
            if let e = enterprises[a.enterpriseID] {
                buffers.append(batch.calendar.workingDays(from: a.day + 1, through: e.effectiveDeadline))
            }
        }
        buffers.sort()
        var load: [String: Int] = [:]
        var siteLoad: [String: Int] = [:]
        for a in plan.assignments {
            for x in a.experts {
                load[x, default: 0] += 1
                if a.task == .site { siteLoad[x, default: 0] += 1 }
            }
        }
        // Bottleneck specialties: industries of unplanned enterprises, else the industries whose
        // holders' site capacity is the most used.
        var industries: [String: Int] = [:]
        for u in plan.unscheduled where u.eligible {
            if let e = enterprises[u.enterpriseID] { industries[e.industry, default: 0] += 1 }
        }
        var bottleneck = industries.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map {
            "\($0.key)×\($0.value)"
        }
        if bottleneck.isEmpty {
            var usage: [(String, Double)] = []
            for tag in Set(batch.enterprises.map(\.industry)) {
                let holders = batch.experts.filter { $0.specialties.contains(tag) }
                let cap = holders.reduce(0) { $0 + ($1.maxSite ?? batch.rules.maxSite) }
                guard cap > 0 else { continue }
                usage.append((tag, Double(holders.reduce(0) { $0 + (siteLoad[$1.id] ?? 0) }) / Double(cap)))
            }
            bottleneck = usage.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3).filter { $0.1 >= 0.5 }.map {
                "\($0.0) \(Int($0.1 * 100))%"
            }
        }
        let weeks = WeekCapacity.table(plan, batch)
        let median: Double? =
            buffers.isEmpty
            ? nil
            : (buffers.count % 2 == 1
                ? Double(buffers[buffers.count / 2])
                : Double(buffers[buffers.count / 2 - 1] + buffers[buffers.count / 2]) / 2)
        return WhatIfRow(
            scenario: name, value: value, planned: plan.plannedCount, eligible: plan.eligibleCount,
            unplannedReasons: codes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) },
            minBuffer: buffers.first, medianBuffer: median, maxLoad: load.values.max() ?? 0,
            meanLoad: batch.experts.isEmpty ? 0 : Double(load.values.reduce(0, +)) / Double(batch.experts.count),
            bottleneckSpecialties: bottleneck, bindingWeeks: weeks.filter(\.isBinding).map { "\($0.week) \($0.role)" },
            weeks: weeks, status: plan.status.rawValue, gap: plan.gap)
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    final class Results: @unchecked Sendable {
        private var items: [Result<WhatIfRow, Error>?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: Result<WhatIfRow, Error>) {
            lock.lock()
            items[k] = r
            lock.unlock()
        }
        func get(_ k: Int) -> Result<WhatIfRow, Error> {
            lock.lock()
            defer { lock.unlock() }
            return items[k]!
        }
    }
}
