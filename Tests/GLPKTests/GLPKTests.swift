import Foundation
import Testing

@testable import GLPK

@Suite("GLPK binding")
struct GLPKBindingTests {
    @Test("a small LP reaches its known optimum")
    func smallLP() throws {
        // max 3x + 2y  s.t. x + y ≤ 4, x + 3y ≤ 6, x ≤ 3  → x = 3, y = 1, z = 11
        var m = Model(name: "lp")
        m.sense = .maximize
        let x = try m.addVariable(name: "x", objective: 3)
        let y = try m.addVariable(name: "y", objective: 2)
        try m.addLessOrEqual([(x, 1), (y, 1)], 4)
        try m.addLessOrEqual([(x, 1), (y, 3)], 6)
        try m.addLessOrEqual([(x, 1)], 3)
        let s = try m.solve()
        #expect(s.status == .optimal)
        #expect(!s.isMIP)
        #expect(abs(s.objective - 11) < 1e-9)
        #expect(abs(s[x] - 3) < 1e-9 && abs(s[y] - 1) < 1e-9)
        #expect(s.gap == 0)
    }

    @Test("an LP's duals are its shadow prices, with and without presolve")
    func duals() throws {
        // max 3x + 2y  s.t. c1: x + y ≤ 4, c2: x ≤ 3, c3: y ≤ 10 (slack) → x = 3, y = 1;
        // y's column gives u1 = 2, x's gives u1 + u2 = 3, so u2 = 1; c3 is slack, u3 = 0.
        for presolve in [false, true] {
            var m = Model(name: "lp")
            m.sense = .maximize
            let x = try m.addVariable(name: "x", objective: 3)
            let y = try m.addVariable(name: "y", objective: 2)
            let c1 = try m.addLessOrEqual([(x, 1), (y, 1)], 4)
            let c2 = try m.addLessOrEqual([(x, 1)], 3)
            let c3 = try m.addLessOrEqual([(y, 1)], 10)
            let s = try m.solve(options: SolveOptions(presolve: presolve))
            #expect(s.status == .optimal)
            #expect(abs(s.dual(c1) - 2) < 1e-9)
            #expect(abs(s.dual(c2) - 1) < 1e-9)
            #expect(abs(s.dual(c3)) < 1e-9)
        }
    }

    @Test("a knapsack MIP reaches the optimum found by dynamic programming")
    func knapsack() throws {
        let weights = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82]
        let values = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72]
        let capacity = 165
        // Independent optimum: 0/1 knapsack dynamic programme.
        var best = [Int](repeating: 0, count: capacity + 1)
        for i in weights.indices {
            for c in stride(from: capacity, through: weights[i], by: -1) {
                best[c] = max(best[c], best[c - weights[i]] + values[i])
            }
        }
        var m = Model(name: "knapsack")
        m.sense = .maximize
        let xs = try weights.indices.map {
            try m.addVariable(name: "x\($0)", kind: .binary, objective: Double(values[$0]))
        }
        try m.addLessOrEqual(zip(xs, weights).map { ($0, Double($1)) }, Double(capacity))
        let s = try m.solve()
        #expect(s.status == .optimal)
        #expect(s.isMIP)
        #expect(Int(s.objective.rounded()) == best[capacity])
        #expect(best[capacity] == 309)
        let used = zip(xs, weights).reduce(0) { $0 + s.integerValue($1.0) * $1.1 }
        #expect(used <= capacity)
    }

    @Test("a 20×20 assignment problem matches an exact subset dynamic programme")
    func assignment() throws {
        let n = 20
        var rng = SplitMix(seed: 42)
        let cost = (0..<n).map { _ in (0..<n).map { _ in Double(rng.next() % 100) } }
        let expected = minimumAssignmentCost(cost)
        let s = try solveAssignment(cost)
        #expect(s.status == .optimal)
        #expect(abs(s.objective - expected) < 1e-6)
    }

    @Test("infeasible and unbounded models are reported as such")
    func statuses() throws {
        var infeasible = Model()
        let x = try infeasible.addVariable(kind: .integer, lowerBound: 0, upperBound: 10)
        try infeasible.addGreaterOrEqual([(x, 1)], 11)
        #expect(try infeasible.solve().status == .infeasible)

        var infeasibleLP = Model()
        let a = try infeasibleLP.addVariable()
        let b = try infeasibleLP.addVariable()
        try infeasibleLP.addLessOrEqual([(a, 1), (b, 1)], 1)
        try infeasibleLP.addGreaterOrEqual([(a, 1), (b, 1)], 2)
        #expect(try infeasibleLP.solve().status == .infeasible)
        #expect(try infeasibleLP.solve(options: SolveOptions(presolve: false)).status == .infeasible)

        var unbounded = Model()
        unbounded.sense = .maximize
        let u = try unbounded.addVariable(kind: .integer, objective: 1)
        let v = try unbounded.addVariable(objective: 1)
        try unbounded.addGreaterOrEqual([(u, 1), (v, -1)], 0)
        #expect(try unbounded.solve().status == .unbounded)
        #expect(try unbounded.solve(options: SolveOptions(presolve: false)).status == .unbounded)
    }

    @Test("a time-limited hard MIP returns its incumbent, a bound and a gap near the limit")
    func timeLimit() throws {
        // A multi-dimensional knapsack with correlated weights: hard for branch and bound.
        var rng = SplitMix(seed: 7)
        var m = Model(name: "mkp")
        m.sense = .maximize
        let n = 250
        var xs: [Variable] = []
        var weights: [[Double]] = []
        for _ in 0..<8 { weights.append((0..<n).map { _ in Double(rng.next() % 1000 + 1) }) }
        for j in 0..<n {
            let value = weights.reduce(0) { $0 + $1[j] } / 8 + Double(rng.next() % 50)
            xs.append(try m.addVariable(name: "x\(j)", kind: .binary, objective: value))
        }
        for w in weights {
            try m.addLessOrEqual(zip(xs, w).map { ($0, $1) }, w.reduce(0, +) / 4)
        }
        let progressCalls = Counter()
        let limit = 1.5
        let s = try m.solve(
            options: SolveOptions(
                timeLimitSeconds: limit,
                progress: { p in
                    progressCalls.add()
                    if let inc = p.incumbent, let bound = p.bound { #expect(bound >= inc - 1e-6) }
                    return true
                }))
        #expect(s.status == .timeLimit)
        #expect(s.objective > 0)
        let bound = try #require(s.bound)
        #expect(bound >= s.objective - 1e-6)
        #expect((s.gap ?? 0) > 0)
        #expect(progressCalls.value > 0)
        for (row, w) in weights.enumerated() {
            let lhs = zip(xs, w).reduce(0.0) { $0 + Double(s.integerValue($1.0)) * $1.1 }
            #expect(lhs <= w.reduce(0, +) / 4 + 1e-6, "row \(row)")
        }
    }

    @Test("a solve started inside a progress callback is refused and the running solve finishes")
    func reentryIsRefused() throws {
        var rng = SplitMix(seed: 11)
        var m = Model()
        m.sense = .maximize
        let xs = try (0..<60).map { _ in try m.addVariable(kind: .binary, objective: Double(rng.next() % 100 + 1)) }
        for _ in 0..<4 {
            try m.addLessOrEqual(xs.map { ($0, Double(rng.next() % 100 + 1)) }, 900)
        }
        var inner = Model()
        let y = try inner.addVariable(kind: .binary, objective: 1)
        try inner.addLessOrEqual([(y, 1)], 1)
        let refusals = Counter()
        let others = Counter()
        let outer = try m.solve(
            options: SolveOptions(progress: { [inner] _ in
                do {
                    _ = try inner.solve()
                    others.add()
                } catch GLPKError.reentered {
                    refusals.add()
                } catch {
                    others.add()
                }
                return true
            }))
        #expect(refusals.value > 0)
        #expect(others.value == 0)
        #expect(outer.status == .optimal)
        // The environment is intact: the next solve on this thread works.
        #expect(try inner.solve().status == .optimal)
    }

    @Test("the progress callback can stop the search")
    func stopFromCallback() throws {
        var rng = SplitMix(seed: 11)
        var m = Model()
        m.sense = .maximize
        let xs = try (0..<200).map { _ in try m.addVariable(kind: .binary, objective: Double(rng.next() % 100 + 1)) }
        for _ in 0..<6 {
            try m.addLessOrEqual(xs.map { ($0, Double(rng.next() % 100 + 1)) }, 2500)
        }
        let s = try m.solve(options: SolveOptions(progress: { $0.incumbent == nil }))
        #expect(s.status == .stopped)
    }

    @Test("a GLPK internal error becomes a Swift error and the next solve is right")
    func internalErrorIsCaught() throws {
        var bad = Model(name: "duplicates")
        let x = try bad.addVariable(objective: 1)
        try bad.addConstraint([(x, 1), (x, 2)], lowerBound: 1)  // duplicate matrix index
        #expect {
            _ = try bad.solve()
        } throws: { error in
            guard case GLPKError.glpk(let message) = error else { return false }
            return message.contains("duplicate")
        }
        // The process keeps going and GLPK works again on this thread.
        let good = try solveAssignment([[4, 1], [2, 8]])
        #expect(good.status == .optimal)
        #expect(abs(good.objective - 3) < 1e-9)
    }

    @Test("invalid use throws instead of crashing")
    func invalidUse() throws {
        var m = Model(name: "a")
        var other = Model(name: "b")
        let foreign = try other.addVariable()
        #expect(throws: GLPKError.self) { try m.addLessOrEqual([(foreign, 1)], 1) }
        let x = try m.addVariable()
        #expect(throws: GLPKError.self) { try m.addLessOrEqual([(x, .nan)], 1) }
        #expect(throws: GLPKError.self) { try m.addVariable(lowerBound: 2, upperBound: 1) }
        #expect(throws: GLPKError.self) { try m.addVariable(objective: .infinity) }
        #expect(throws: GLPKError.self) { try m.addConstraint([(x, 1)], lowerBound: .nan) }
        #expect(throws: GLPKError.self) { try m.setObjective(foreign, 1) }
    }

    @Test("eight solves on two threads at once all return correct results")
    func concurrentSolves() throws {
        var rng = SplitMix(seed: 99)
        let problems = (0..<8).map { _ in (0..<9).map { _ in (0..<9).map { _ in Double(rng.next() % 50) } } }
        let expected = problems.map(minimumAssignmentCost)
        let results = ResultBox(count: problems.count)
        let queue = DispatchQueue(label: "solves", attributes: .concurrent)
        let group = DispatchGroup()
        let semaphore = DispatchSemaphore(value: 2)
        for (i, cost) in problems.enumerated() {
            queue.async(group: group) {
                semaphore.wait()
                defer { semaphore.signal() }
                // Integer variables force branch and cut, the stateful part of GLPK.
                results.set(i, (try? solveAssignment(cost, integer: true))?.objective)
            }
        }
        group.wait()
        for i in problems.indices {
            #expect(results.get(i).map { abs($0 - expected[i]) < 1e-6 } == true, "problem \(i)")
        }
    }

    @Test("LP and MPS exports are written and name rows and columns")
    func exports() throws {
        var m = Model(name: "export")
        m.sense = .maximize
        let x = try m.addVariable(name: "take[a]", kind: .binary, objective: 2)
        let y = try m.addVariable(name: "take b", kind: .integer, lowerBound: 0, upperBound: 4, objective: 1)
        try m.addLessOrEqual(name: "cap", [(x, 3), (y, 1)], 5)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lp = dir.appendingPathComponent("m.lp").path
        let mps = dir.appendingPathComponent("m.mps").path
        try m.writeLP(to: lp)
        try m.writeMPS(to: mps)
        let lpText = try String(contentsOfFile: lp, encoding: .utf8)
        let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
        #expect(lpText.contains("Maximize") && lpText.contains("cap") && lpText.contains("take"))
        #expect(mpsText.contains("ROWS") && mpsText.contains("take_b"))
        #expect(throws: GLPKError.self) { try m.writeLP(to: "/nonexistent-dir/x.lp") }
    }
}

// MARK: - Independent references and helpers

/// Exact minimum-cost assignment by dynamic programming over subsets of columns (n ≤ 20).
func minimumAssignmentCost(_ cost: [[Double]]) -> Double {
    let n = cost.count
    var dp = [Double](repeating: .infinity, count: 1 << n)
    dp[0] = 0
    for mask in 0..<(1 << n) where dp[mask] < .infinity {
        let row = mask.nonzeroBitCount
        guard row < n else { continue }
        for col in 0..<n where mask & (1 << col) == 0 {
            let next = mask | (1 << col)
            dp[next] = min(dp[next], dp[mask] + cost[row][col])
        }
    }
    return dp[(1 << n) - 1]
}

func solveAssignment(_ cost: [[Double]], integer: Bool = false) throws -> Solution {
    let n = cost.count
    var m = Model(name: "assignment")
    var x: [[Variable]] = []
    for i in 0..<n {
        x.append(
            try (0..<n).map { j in
                try m.addVariable(
                    name: "x_\(i)_\(j)", kind: integer ? .binary : .continuous,
                    lowerBound: 0, upperBound: 1, objective: cost[i][j])
            })
    }
    for i in 0..<n { try m.addEqual((0..<n).map { (x[i][$0], 1.0) }, 1) }
    for j in 0..<n { try m.addEqual((0..<n).map { (x[$0][j], 1.0) }, 1) }
    return try m.solve()
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: Double?) {
        lock.lock()
        values[i] = v
        lock.unlock()
    }
    func get(_ i: Int) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return values[i]
    }
}
