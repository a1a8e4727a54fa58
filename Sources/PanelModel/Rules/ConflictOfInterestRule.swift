import Phrasebook

/// Rule 6: no expert with a conflict of interest (回避): employed by the enterprise or by its
/// consultancy, or with a declared conflict with either.
public struct ConflictOfInterestRule: ExpertRule {
    public let number = 6
    public let code = "conflict-of-interest"

    public init() {}

    public func blocks(_ expert: Expert, _ enterprise: Enterprise, in batch: Batch) -> Phrase? {
        batch.conflictReason(expert: expert, enterprise: enterprise)
    }

    /// The experts employed by the enterprise or its consultancy and those who declared a
    /// conflict with either.
    /// - Complexity: O(*k*) for the *k* experts listed.
    public func blockedExperts(of enterprise: Enterprise, in batch: Batch, directory: ExpertDirectory) -> [Int] {
        let organizations = [enterprise.id] + (enterprise.consultancy.map { [$0] } ?? [])
        return organizations.flatMap { organization in
            (directory.employedBy[organization] ?? []) + (directory.declaredConflictWith[organization] ?? [])
        }
    }
}
