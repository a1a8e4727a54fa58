import PanelModel

/// One expert's chance of a seat on a drawn panel.
public struct DrawCandidate: Sendable, Equatable {
    public var expertID: String
    /// The probability that the expert sits on the panel, given the draws made before it (for a
    /// site panel: given its enterprise's drawn initial panel).
    public var probability: Double
    /// The cap the draw kept this probability under: Q on an initial panel; on a site panel 1 for
    /// the initial panel's drawn members and (Q − a)/(1 − a) for the others, *a* being their
    /// probability of the initial panel; plus the expert's raise where the rules forced one.
    public var cap: Double

    public init(expertID: String, probability: Double, cap: Double) {
        self.expertID = expertID
        self.probability = probability
        self.cap = cap
    }
}

/// The record of one panel's random draw (随机抽取), as draw.json states it: who could have sat,
/// with what probability, and who was drawn.
public struct DrawnPanel: Sendable, Equatable {
    public var enterpriseID: String
    public var task: TaskKind
    public var day: Day
    public var slot: Slot
    /// `[draw] max_pair_probability` Q plus the largest raise of an expert's cap this panel needed
    /// (none unless the hard rules or the quality floor left no alternative), at most 1.
    public var cap: Double
    /// Every expert with a positive probability, by id.
    public var candidates: [DrawCandidate]
    /// The drawn members, by id.
    public var drawn: [String]
    public var leader: String?
    /// The expertise and continuity value of the deterministic panel this draw replaced.
    public var referenceQuality: Double
    /// The expected expertise and continuity value of the draw.
    public var expectedQuality: Double
    /// Whether the distribution is proven the best one under the cap and the floor (column
    /// generation ended with no improving panel among all candidates).
    public var proven: Bool

    public init(
        enterpriseID: String, task: TaskKind, day: Day, slot: Slot, cap: Double, candidates: [DrawCandidate],
        drawn: [String], leader: String?, referenceQuality: Double, expectedQuality: Double, proven: Bool
    ) {
        self.enterpriseID = enterpriseID
        self.task = task
        self.day = day
        self.slot = slot
        self.cap = cap
        self.candidates = candidates
        self.drawn = drawn
        self.leader = leader
        self.referenceQuality = referenceQuality
        self.expectedQuality = expectedQuality
        self.proven = proven
    }
}
