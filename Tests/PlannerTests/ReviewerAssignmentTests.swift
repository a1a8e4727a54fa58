import Foundation
import PanelModel
import Planner
import Testing

/// Initial reviews only, with affinity.csv: the staffing is a classic reviewer assignment, and
/// the plan must reach its exact optimum, computed here by an independent min-cost flow.
@Suite("Reviewer assignment (initial reviews only)")
struct ReviewerAssignmentTests {
    @Test("total affinity reaches the min-cost-flow optimum on a pool of 200 experts")
    func exactOptimum() throws {
        var rng = SplitMix64(seed: 17)
        let enterpriseCount = 80
        let expertCount = 200
        let panel = 3
        var t = TestBatch()
        t.set("site_inspection", "plan", "false")
        t.set("batch", "end", "2026-05-29")
        t.set("panel", "require_auditor", "false")
        t.set("panel", "require_industry", "false")
        t.set("panel", "one_per_organization", "false")
        t.set("weights", "load", "0")
        var caps: [Int] = []
        var minTotals: [Int] = []
        for i in 0..<expertCount {
            let cap = 1 + Int(rng.next() % 3)
            let minTotal = i % 7 == 0 ? min(cap, 1 + Int(rng.next() % 2)) : 0
            caps.append(cap)
            minTotals.append(minTotal)
            t.expert("E\(i)", "general", extra: ["max_initial": "\(cap)", "min_total": "\(minTotal)"])
        }
        var score = Array(repeating: Array(repeating: 0.0, count: expertCount), count: enterpriseCount)
        for j in 0..<enterpriseCount {
            t.enterprise("N\(j)")
            for i in 0..<expertCount where rng.next() % 4 == 0 {
                let s = Double(rng.next() % 50) / 10
                score[j][i] = s
                t.affinity.append(["E\(i)", "N\(j)", "\(s)"])
            }
        }
        let r = try planAndCheck(t, name: "reviewers", expectComplete: true)
        #expect(r.plan.plannedCount == enterpriseCount)

        // The planner's value of the two terms that differ between assignments.
        let w = r.batch.rules.weights
        var load = Array(repeating: 0, count: expertCount)
        var affinity = 0.0
        for a in r.plan.assignments {
            let j = Int(a.enterpriseID.dropFirst())!
            for e in a.experts {
                let i = Int(e.dropFirst())!
                load[i] += 1
                affinity += score[j][i]
            }
        }
        let planned =
            w.affinity * affinity + w.minTotal * Double(zip(load, minTotals).reduce(0) { $0 + min($1.0, $1.1) })

        // Independent optimum: min-cost flow source → enterprise (3) → expert (1) → sink, with
        // the first min_total units of each expert worth w.minTotal.
        var flow = MinCostFlow(nodes: 2 + enterpriseCount + expertCount)
        let source = 0
        let sink = 1
        for j in 0..<enterpriseCount {
            flow.addArc(source, 2 + j, capacity: panel, cost: 0)
            for i in 0..<expertCount {
                flow.addArc(2 + j, 2 + enterpriseCount + i, capacity: 1, cost: -w.affinity * score[j][i])
            }
        }
        for i in 0..<expertCount {
            if minTotals[i] > 0 {
                flow.addArc(2 + enterpriseCount + i, sink, capacity: minTotals[i], cost: -w.minTotal)
            }
            flow.addArc(2 + enterpriseCount + i, sink, capacity: caps[i] - minTotals[i], cost: 0)
        }
        let (sent, cost) = flow.run(source: source, sink: sink, demand: panel * enterpriseCount)
        #expect(sent == panel * enterpriseCount)
        #expect(abs(planned - (-cost)) < 1e-6, "planner \(planned), optimum \(-cost)")
        #expect(r.plan.gap < 1e-6)
    }
}

/// Successive shortest paths with potentials (Bellman–Ford once, then Dijkstra).
struct MinCostFlow {
    struct Arc {
        var to: Int
        var capacity: Int
        var cost: Double
        var reverse: Int
    }
    var graph: [[Arc]]
    init(nodes: Int) { graph = Array(repeating: [], count: nodes) }

    mutating func addArc(_ from: Int, _ to: Int, capacity: Int, cost: Double) {
        guard capacity > 0 else { return }
        graph[from].append(Arc(to: to, capacity: capacity, cost: cost, reverse: graph[to].count))
        graph[to].append(Arc(to: from, capacity: 0, cost: -cost, reverse: graph[from].count - 1))
    }

    mutating func run(source: Int, sink: Int, demand: Int) -> (Int, Double) {
        let n = graph.count
        var potential = Array(repeating: Double.infinity, count: n)
        potential[source] = 0
        for _ in 0..<n {
            var changed = false
            for u in 0..<n where potential[u] < .infinity {
                for a in graph[u] where a.capacity > 0 && potential[u] + a.cost < potential[a.to] - 1e-12 {
                    potential[a.to] = potential[u] + a.cost
                    changed = true
                }
            }
            if !changed { break }
        }
        var sent = 0
        var cost = 0.0
        while sent < demand {
            var dist = Array(repeating: Double.infinity, count: n)
            var previous = Array(repeating: (node: -1, arc: -1), count: n)
            dist[source] = 0
            var done = Array(repeating: false, count: n)
            for _ in 0..<n {
                var u = -1
                for v in 0..<n where !done[v] && dist[v] < .infinity && (u == -1 || dist[v] < dist[u]) { u = v }
                if u == -1 { break }
                done[u] = true
                for (k, a) in graph[u].enumerated() where a.capacity > 0 {
                    let d = dist[u] + a.cost + potential[u] - potential[a.to]
                    if d < dist[a.to] - 1e-9 {
                        dist[a.to] = d
                        previous[a.to] = (u, k)
                    }
                }
            }
            guard dist[sink] < .infinity else { break }
            for v in 0..<n where dist[v] < .infinity { potential[v] += dist[v] }
            var push = demand - sent
            var v = sink
            while v != source {
                let p = previous[v]
                push = min(push, graph[p.node][p.arc].capacity)
                v = p.node
            }
            v = sink
            while v != source {
                let p = previous[v]
                graph[p.node][p.arc].capacity -= push
                let r = graph[p.node][p.arc].reverse
                graph[v][r].capacity += push
                cost += Double(push) * graph[p.node][p.arc].cost
                v = p.node
            }
            sent += push
        }
        return (sent, cost)
    }
}
