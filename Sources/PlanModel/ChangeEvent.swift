/// A change between two imported snapshots of a batch folder.
public struct ChangeEvent: Sendable, Hashable {
    /// What changed; the raw value is what the plan store records.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case enterpriseAdded = "enterprise-added"
        case enterpriseWithdrawn = "enterprise-withdrawn"
        case draftArrived = "draft-arrived"
        case draftCleared = "draft-arrived-cleared"
        case penalized
        case penaltyCleared = "penalized-cleared"
        case extensionRequested = "extension-requested"
        case extensionRequestCleared = "extension-requested-cleared"
        case extensionGranted = "extension-granted"
        case extensionGrantCleared = "extension-granted-cleared"
        case extensionRefused = "extension-refused"
        case extensionRefusalCleared = "extension-refused-cleared"
        case initialReviewDone = "initial-review-done"
        case initialReviewDoneCleared = "initial-review-done-cleared"
        case siteInspectionDone = "site-inspection-done"
        case siteInspectionDoneCleared = "site-inspection-done-cleared"
        case deadlineChanged = "deadline-changed"
        case enterpriseChanged = "enterprise-changed"
        case expertAdded = "expert-added"
        case expertRemoved = "expert-removed"
        case expertActive = "expert-active"
        case expertInactive = "expert-inactive"
        case expertChanged = "expert-changed"
        case expertUnavailable = "expert-unavailable"
        case expertAvailable = "expert-available"
        case conflictDeclared = "conflict-declared"
        case conflictWithdrawn = "conflict-withdrawn"
        case fixedAdded = "fixed-added"
        case fixedRemoved = "fixed-removed"
        /// batch.toml, calendar.csv, affinity.csv or travel.csv changed: it concerns every task.
        case fileChanged = "file-changed"
        /// A kind this version does not know (read from an older or newer store).
        case other
    }

    public var kind: Kind
    /// The enterprise or expert ids it concerns (`*`: every task).
    public var subjects: [String]
    /// A sentence for people: "E017 unavailable 2026-04-02..2026-04-10 (病假)".
    public var detail: String
    public init(kind: Kind, subjects: [String], detail: String) {
        self.kind = kind
        self.subjects = subjects
        self.detail = detail
    }
}
