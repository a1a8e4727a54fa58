import PanelModel
import Testing

@testable import Planner

/// The panel MIP's candidates on large pools (``PanelStaffer/promising(_:_:limit:)``): picked in
/// one pass, they must be those of the definition, every candidate ranked and each role's best
/// taken in rank order.
@Suite("Promising candidates of a panel")
struct PromisingCandidatesTests {
    let start = Day(iso: "2026-03-02")!
    let tags = ["electroplating", "heavy-metal", "hazardous-waste", "voc", "coatings", "general"]

    /// The definition: rank every candidate (higher seat value first, lower expert between
    /// equals) and take, per role, the first `n` holders in that order.
    func reference(_ staffer: PanelStaffer, _ request: PanelRequest, _ candidates: [Candidate], limit: Int)
        -> [Int]
    {
        let ranked = candidates.indices.sorted { a, b in
            candidates[a].seatValue != candidates[b].seatValue
                ? candidates[a].seatValue > candidates[b].seatValue : candidates[a].expert < candidates[b].expert
        }
        var keep = Set<Int>()
        func take(_ qualifies: (Expert) -> Bool, _ n: Int) {
            keep.formUnion(ranked.filter { qualifies(staffer.experts[candidates[$0].expert]) }.prefix(n))
        }
        let e = request.enterprise
        take({ _ in true }, limit / 2)
        take({ $0.specialties.contains(e.industry) }, 8)
        take({ $0.isAuditor }, 8)
        if request.needsLeader { take({ $0.canLead }, 8) }
        for reason in e.reasons {
            if let group = staffer.rules.expertise[reason], !group.isEmpty {
                take({ !$0.specialties.isDisjoint(with: group) }, 4)
            }
        }
        for (k, c) in candidates.enumerated() where request.initialPanel.contains(c.expert) { keep.insert(k) }
        return keep.sorted().map { candidates[$0].expert }
    }

    @Test("random pools with tied seat values: the same candidates as ranking them all")
    func sameAsFullRanking() {
        var random = SplitMix64(seed: 61_206)
        for trial in 0..<200 {
            let experts = (0..<Int.random(in: 1...160, using: &random)).map { n in
                Expert(
                    id: "X\(n)", name: "n", organization: "O\(Int.random(in: 0..<30, using: &random))",
                    specialties: Set(
                        (0..<Int.random(in: 0...2, using: &random)).map { _ in
                            tags.randomElement(using: &random)!
                        }),
                    isAuditor: Bool.random(using: &random), canLead: Int.random(in: 0..<4, using: &random) == 0)
            }
            let e = Enterprise(
                id: "E", name: "E", district: "futian", industry: tags.randomElement(using: &random)!,
                reasons: [.heavyMetal, .voc, .hazardousWaste].filter { _ in Bool.random(using: &random) },
                listed: start - 300, deadline: start + 90)
            let batch = Batch(rules: BatchRules(start: start, end: start + 120), experts: experts, enterprises: [e])
            let staffer = PanelStaffer(batch: batch)
            // Few distinct values: many ties, broken by the expert's index.
            let candidates = experts.indices.shuffled(using: &random).prefix(
                Int.random(in: 0...experts.count, using: &random)
            )
            .map { Candidate(expert: $0, seatValue: Double(Int.random(in: 0..<5, using: &random))) }
            let task: TaskKind = trial % 2 == 0 ? .initial : .site
            let initialPanel = task == .site ? Array(experts.indices.prefix(2)) : []
            let request = PanelRequest(task: task, enterprise: e, size: 3, initialPanel: initialPanel)
            for limit in [0, 1, 10, 48] {
                let picked = staffer.promising(request, candidates, limit: limit).map(\.expert)
                #expect(picked == reference(staffer, request, candidates, limit: limit))
            }
        }
    }
}
