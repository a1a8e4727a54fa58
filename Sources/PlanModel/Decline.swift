import PanelModel

/// An invited expert who declined a task (`panelplan decline`): never put back on it.
public struct Decline: Sendable, Hashable {
    public var enterpriseID: String
    public var task: TaskKind
    public var expertID: String
    public var reason: String

    public init(enterpriseID: String, task: TaskKind, expertID: String, reason: String = "") {
        self.enterpriseID = enterpriseID
        self.task = task
        self.expertID = expertID
        self.reason = reason
    }

    /// The key that identifies the declined seat (the reason aside).
    public var key: String { "\(enterpriseID)|\(task.rawValue)|\(expertID)" }
}
