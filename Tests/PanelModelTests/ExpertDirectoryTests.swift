import PanelModel
import Testing

/// The expert rules (6, 8) read whom they exclude from an ``ExpertDirectory``: the lists must
/// be exactly the experts their pairwise checks exclude.
@Suite("Expert rules: excluded experts from the directory")
struct ExpertDirectoryTests {
    let start = Day(iso: "2026-03-02")!

    func enterprise(_ id: String, consultancy: String?) -> Enterprise {
        Enterprise(
            id: id, name: id, district: "futian", industry: "electroplating", consultancy: consultancy,
            listed: start - 300, deadline: start + 90)
    }

    /// Every pair checked one by one: the experts no expert rule excludes.
    func admittedPairwise(_ batch: Batch, _ rules: HardRules) -> [[Int]] {
        batch.enterprises.map { e in
            batch.experts.indices.filter { rules.excludes(batch.experts[$0], from: e, in: batch) == nil }
        }
    }

    @Test("each way of being excluded: employed, consultancy, declared conflicts, inactive")
    func eachExclusion() {
        let experts = [
            Expert(id: "X0", name: "a", organization: "E1"),
            Expert(id: "X1", name: "b", organization: "C1"),
            Expert(id: "X2", name: "c", organization: "U1"),
            Expert(id: "X3", name: "d", organization: "U2"),
            Expert(id: "X4", name: "e", organization: "U3", isActive: false),
            Expert(id: "X5", name: "f", organization: "U4"),
        ]
        let conflicts = [
            Conflict(expertID: "X2", with: "E1", reason: "former employer"),
            Conflict(expertID: "X3", with: "C1", reason: "relative"),
        ]
        let batch = Batch(
            rules: BatchRules(start: start, end: start + 120), experts: experts,
            enterprises: [enterprise("E1", consultancy: "C1"), enterprise("E2", consultancy: nil)],
            conflicts: conflicts)
        let rules = HardRules(batch)
        let admitted = rules.admittedExperts(in: batch)
        #expect(admitted == [[5], [0, 1, 2, 3, 5]])
        #expect(admitted == admittedPairwise(batch, rules))
    }

    @Test("random pools and conflicts: the directory's lists equal the pairwise checks")
    func randomBatches() {
        var random = SplitMix64(seed: 20_261_206)
        for _ in 0..<300 {
            let organizations = ["E0", "E1", "E2", "C0", "C1", "U0", "U1"]
            let experts = (0..<Int.random(in: 0...25, using: &random)).map { n in
                Expert(
                    // Repeated ids now and then: a declared conflict then binds every such row.
                    id: "X\(Int.random(in: 0...(n + 2), using: &random))", name: "n",
                    organization: organizations.randomElement(using: &random)!,
                    isActive: Int.random(in: 0..<6, using: &random) > 0)
            }
            let enterprises = (0..<Int.random(in: 0...4, using: &random)).map { k in
                enterprise("E\(k)", consultancy: ["C0", "C1", nil, "E1"].randomElement(using: &random)!)
            }
            let conflicts = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                Conflict(
                    expertID: "X\(Int.random(in: 0...30, using: &random))",
                    with: organizations.randomElement(using: &random)!, reason: "r")
            }
            let batch = Batch(
                rules: BatchRules(start: start, end: start + 120), experts: experts, enterprises: enterprises,
                conflicts: conflicts)
            let rules = HardRules(batch)
            #expect(rules.admittedExperts(in: batch) == admittedPairwise(batch, rules))
        }
    }
}
