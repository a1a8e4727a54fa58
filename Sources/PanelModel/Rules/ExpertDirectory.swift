/// The pool indexed the way the expert rules (6, 8) look it up: experts by employer, by the
/// organizations they declared a conflict with, and the inactive ones. Built once per batch, so
/// that the experts an enterprise excludes are read from a few lists instead of a test per expert.
public struct ExpertDirectory: Sendable {
    /// Organization id → the experts it employs (indices into the batch's experts, ascending).
    public let employedBy: [String: [Int]]
    /// Organization or enterprise id → the experts who declared a conflict with it (ascending).
    public let declaredConflictWith: [String: [Int]]
    /// The experts with `active = no` (ascending).
    public let inactive: [Int]

    /// The directory of `batch`'s pool and conflicts.csv.
    /// - Complexity: O(*n* + *c*) for *n* experts and *c* declared conflicts.
    public init(_ batch: Batch) {
        var employedBy: [String: [Int]] = [:]
        var indicesByID: [String: [Int]] = [:]
        var inactive: [Int] = []
        for (i, expert) in batch.experts.enumerated() {
            employedBy[expert.organization, default: []].append(i)
            indicesByID[expert.id, default: []].append(i)
            if !expert.isActive { inactive.append(i) }
        }
        var declared: [String: Set<Int>] = [:]
        for conflict in batch.conflicts {
            for i in indicesByID[conflict.expertID] ?? [] { declared[conflict.with, default: []].insert(i) }
        }
        self.employedBy = employedBy
        self.declaredConflictWith = declared.mapValues { $0.sorted() }
        self.inactive = inactive
    }
}
