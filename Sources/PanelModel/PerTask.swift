/// One value for each task kind, read and written by task without optionals: the typed
/// replacement for `[TaskKind: Value]` dictionaries that are always full.
public struct PerTask<Value> {
    public var initial: Value
    public var site: Value

    public init(initial: Value, site: Value) {
        self.initial = initial
        self.site = site
    }

    /// The same value for both tasks.
    public init(repeating value: Value) {
        self.init(initial: value, site: value)
    }

    /// The value of each task from `make`.
    public init(_ make: (TaskKind) throws -> Value) rethrows {
        self.init(initial: try make(.initial), site: try make(.site))
    }

    /// The value for `task`, modified in place (no copy of an array or dictionary value).
    /// - Complexity: O(1).
    public subscript(task: TaskKind) -> Value {
        get {
            switch task {
            case .initial: initial
            case .site: site
            }
        }
        _modify {
            switch task {
            case .initial: yield &initial
            case .site: yield &site
            }
        }
    }
}

extension PerTask: Sendable where Value: Sendable {}
extension PerTask: Equatable where Value: Equatable {}
extension PerTask: Hashable where Value: Hashable {}

extension TaskKind {
    /// The batch.toml table of the task's settings: `initial_review` or `site_inspection`.
    public var settingsTable: String { self == .initial ? "initial_review" : "site_inspection" }
    /// The key of the per-expert cap on tasks of this kind (rule 8): `max_initial` or `max_site`.
    public var capKey: String { self == .initial ? "max_initial" : "max_site" }
    /// The task's name inside an English sentence: "initial review" or "site inspection".
    public var phrase: String { self == .initial ? "initial review" : "site inspection" }
}
