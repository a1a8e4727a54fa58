import Phrasebook

/// A hard rule on whether an expert may sit on any panel of an enterprise, whatever the date
/// (rules 6 and 8): the planner drops such experts from the enterprise's candidates.
public protocol ExpertRule: HardRule {
    /// Why `expert` may not sit on a panel of `enterprise`, or nil when they may.
    func blocks(_ expert: Expert, _ enterprise: Enterprise, in batch: Batch) -> Phrase?
}
