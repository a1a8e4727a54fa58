/// A change between two imported snapshots of a batch folder.
public struct ChangeEvent: Sendable, Hashable {
    /// e.g. `draft-arrived`, `penalized`, `expert-unavailable`, `enterprise-added`.
    public var kind: String
    /// The enterprise or expert ids it concerns.
    public var subjects: [String]
    /// A sentence for people: "E017 unavailable 2026-04-02..2026-04-10 (病假)".
    public var detail: String
    public init(kind: String, subjects: [String], detail: String) {
        self.kind = kind
        self.subjects = subjects
        self.detail = detail
    }
}
