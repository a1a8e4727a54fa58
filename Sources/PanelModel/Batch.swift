import Phrasebook

/// A loaded, validated batch folder: the pool, the enterprises, the rules and the calendar.
public struct Batch: Sendable {
    public var rules: BatchRules
    public var experts: [Expert]
    public var enterprises: [Enterprise]
    public var organizations: [String: Organization]
    public var conflicts: [Conflict] {
        didSet { conflictsByExpert = Self.index(conflicts) }
    }
    /// Declared conflicts by expert id, so a conflict check reads only that expert's rows.
    private var conflictsByExpert: [String: [Conflict]] = [:]
    public var unavailability: [Unavailability]
    public var affinity: [Affinity]
    /// Whether affinity.csv was given (its scores then replace the computed match score).
    public var hasAffinity: Bool
    public var fixed: [Assignment]
    public var calendar: WorkCalendar
    public var districts: DistrictTable
    /// Warnings found while loading (errors make loading fail).
    public var warnings: [Diagnostic]

    public init(
        rules: BatchRules, experts: [Expert], enterprises: [Enterprise],
        organizations: [String: Organization] = [:], conflicts: [Conflict] = [],
        unavailability: [Unavailability] = [], affinity: [Affinity] = [], hasAffinity: Bool = false,
        fixed: [Assignment] = [], calendar: WorkCalendar = .builtIn,
        districts: DistrictTable = .shenzhen, warnings: [Diagnostic] = []
    ) {
        self.rules = rules
        self.experts = experts
        self.enterprises = enterprises
        self.organizations = organizations
        self.conflicts = conflicts
        self.conflictsByExpert = Self.index(conflicts)
        self.unavailability = unavailability
        self.affinity = affinity
        self.hasAffinity = hasAffinity || !affinity.isEmpty
        self.fixed = fixed
        self.calendar = calendar
        self.districts = districts
        self.warnings = warnings
    }

    private static func index(_ conflicts: [Conflict]) -> [String: [Conflict]] {
        Dictionary(grouping: conflicts, by: \.expertID)
    }

    /// Experts by id.
    public var expertIndex: [String: Int] {
        Dictionary(experts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Enterprises by id.
    public var enterpriseIndex: [String: Int] {
        Dictionary(enterprises.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether the expert has a conflict of interest with the enterprise (rule 6): employed by
    /// it or by its consultancy, or a declared conflict with it, or with an organization that is
    /// the enterprise or consulted for it.
    public func hasConflict(expert: Expert, enterprise: Enterprise) -> Bool {
        conflictReason(expert: expert, enterprise: enterprise) != nil
    }

    /// The conflict of interest, in words, or nil.
    /// - Complexity: O(*c*) for the *c* conflicts the expert declared.
    public func conflictReason(expert: Expert, enterprise: Enterprise) -> Phrase? {
        if expert.organization == enterprise.id { return Phrase("rule.conflict.employed") }
        if let c = enterprise.consultancy, expert.organization == c {
            return Phrase("rule.conflict.consultancy", ["consultancy": "\(c)"])
        }
        for conflict in conflictsByExpert[expert.id] ?? [] {
            if conflict.with == enterprise.id {
                return Phrase("rule.conflict.declared", ["reason": "\(conflict.reason)"])
            }
            if let c = enterprise.consultancy, conflict.with == c {
                return Phrase("rule.conflict.declared-consultancy", ["consultancy": "\(c)"])
            }
        }
        return nil
    }
}
