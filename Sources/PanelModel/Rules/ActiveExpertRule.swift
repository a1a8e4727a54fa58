import Phrasebook

/// Rule 8: no expert with `active = no` (left the pool or suspended) is planned; their past
/// tasks stay as they were.
public struct ActiveExpertRule: ExpertRule {
    public let number = 8
    public let code = "inactive-expert"

    public init() {}

    public func blocks(_ expert: Expert, _ enterprise: Enterprise, in batch: Batch) -> Phrase? {
        expert.isActive ? nil : Phrase("rule.inactive")
    }

    /// The inactive experts.
    /// - Complexity: O(*k*) for the *k* inactive experts.
    public func blockedExperts(of enterprise: Enterprise, in batch: Batch, directory: ExpertDirectory) -> [Int] {
        directory.inactive
    }
}
