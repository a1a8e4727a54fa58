import Phrasebook

/// A hard rule on whether an expert may sit on any panel of an enterprise, whatever the date
/// (rules 6 and 8): the planner drops such experts from the enterprise's candidates.
public protocol ExpertRule: HardRule {
    /// Why `expert` may not sit on a panel of `enterprise`, or nil when they may.
    func blocks(_ expert: Expert, _ enterprise: Enterprise, in batch: Batch) -> Phrase?
    /// Every expert (an index into `batch.experts`) for whom ``blocks(_:_:in:)`` is not nil,
    /// read from `directory`; in any order, possibly repeated.
    func blockedExperts(of enterprise: Enterprise, in batch: Batch, directory: ExpertDirectory) -> [Int]
}

extension ExpertRule {
    /// Asks ``blocks(_:_:in:)`` of every expert.
    /// - Complexity: O(*n*) rule checks for *n* experts.
    public func blockedExperts(of enterprise: Enterprise, in batch: Batch, directory: ExpertDirectory) -> [Int] {
        batch.experts.indices.filter { blocks(batch.experts[$0], enterprise, in: batch) != nil }
    }
}
