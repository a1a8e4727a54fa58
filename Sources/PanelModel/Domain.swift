/// The two panels each enterprise needs.
public enum TaskKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 初审: desk review of the submitted draft report.
    case initial
    /// 现场验收: on-site acceptance inspection.
    case site

    public static func < (a: TaskKind, b: TaskKind) -> Bool { a == .initial && b == .site }
}

/// A half-day slot.
public enum Slot: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case am, pm
    public static func < (a: Slot, b: Slot) -> Bool { a == .am && b == .pm }
}

/// A day and a half-day slot, ordered in time.
public struct SlotTime: Hashable, Comparable, Sendable {
    public var day: Day
    public var slot: Slot
    public init(day: Day, slot: Slot) {
        self.day = day
        self.slot = slot
    }
    /// 2 × day ordinal + (0 am | 1 pm): a total order of half-days.
    public var index: Int { day.ordinal * 2 + (slot == .am ? 0 : 1) }
    public static func < (a: SlotTime, b: SlotTime) -> Bool { a.index < b.index }
}

/// Why an enterprise was put on the mandatory-audit list (强制原因).
public enum ListingReason: String, Sendable, Hashable, CaseIterable, Codable {
    case heavyMetal = "heavy-metal"
    case hazardousWaste = "hazardous-waste"
    case firstAudit = "first-audit"
    case failedLastRound = "failed-last-round"
    case overLimit = "over-limit"
    case toxic = "toxic"
    case voc = "voc"
}

/// An expert of the pool.
public struct Expert: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The employer's organization id.
    public var organization: String
    /// Specialty tags, lower-cased.
    public var specialties: Set<String>
    /// A certified cleaner-production auditor (清洁生产审核师).
    public var isAuditor: Bool
    /// May chair a site-inspection panel (组长).
    public var canLead: Bool
    /// Home district code, when known.
    public var district: String?
    public var maxInitial: Int?
    public var maxSite: Int?
    public var minTotal: Int?
    /// False when the expert has left the pool or is suspended (`active = no`): never planned.
    public var isActive: Bool
    /// The line of experts.csv, for messages.
    public var line: Int

    public init(
        id: String, name: String, organization: String, specialties: Set<String> = [],
        isAuditor: Bool = false, canLead: Bool = false, district: String? = nil,
        maxInitial: Int? = nil, maxSite: Int? = nil, minTotal: Int? = nil, isActive: Bool = true, line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.organization = organization
        self.specialties = specialties
        self.isAuditor = isAuditor
        self.canLead = canLead
        self.district = district
        self.maxInitial = maxInitial
        self.maxSite = maxSite
        self.minTotal = minTotal
        self.isActive = isActive
        self.line = line
    }
}

/// Kinds of organization in organizations.csv.
public enum OrganizationKind: String, Sendable, CaseIterable {
    case consultancy, enterprise, university, institute, government, other, individual
}

/// An employer or consultancy.
public struct Organization: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: OrganizationKind
    public init(id: String, name: String, kind: OrganizationKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// An enterprise of the batch with its workflow dates.
public struct Enterprise: Sendable, Hashable {
    public var id: String
    public var name: String
    public var district: String
    /// Industry tag, lower-cased.
    public var industry: String
    public var reasons: [ListingReason]
    /// The consultancy that helped with the audit; nil = self-audit.
    public var consultancy: String?
    public var listed: Day
    public var deadline: Day
    public var registered: Day?
    public var planFiled: Day?
    public var draftSubmitted: Day?
    public var extensionRequested: Day?
    public var extendedDeadline: Day?
    public var extensionRefused: Day?
    public var penalized: Day?
    public var initialReviewDone: Day?
    public var siteInspectionDone: Day?
    public var result: InspectionResult?
    public var finalSubmitted: Day?
    public var previousExperts: [String]
    public var line: Int

    public init(
        id: String, name: String, district: String, industry: String, reasons: [ListingReason] = [],
        consultancy: String? = nil, listed: Day, deadline: Day, registered: Day? = nil,
        planFiled: Day? = nil, draftSubmitted: Day? = nil, extensionRequested: Day? = nil,
        extendedDeadline: Day? = nil, extensionRefused: Day? = nil, penalized: Day? = nil,
        initialReviewDone: Day? = nil, siteInspectionDone: Day? = nil, result: InspectionResult? = nil,
        finalSubmitted: Day? = nil, previousExperts: [String] = [], line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.district = district
        self.industry = industry
        self.reasons = reasons
        self.consultancy = consultancy
        self.listed = listed
        self.deadline = deadline
        self.registered = registered
        self.planFiled = planFiled
        self.draftSubmitted = draftSubmitted
        self.extensionRequested = extensionRequested
        self.extendedDeadline = extendedDeadline
        self.extensionRefused = extensionRefused
        self.penalized = penalized
        self.initialReviewDone = initialReviewDone
        self.siteInspectionDone = siteInspectionDone
        self.result = result
        self.finalSubmitted = finalSubmitted
        self.previousExperts = previousExperts
        self.line = line
    }

    /// The deadline in force: the extended one where the bureau granted an extension.
    public var effectiveDeadline: Day { extendedDeadline ?? deadline }
}

/// The outcome of a site inspection.
public enum InspectionResult: String, Sendable, Hashable {
    case pass, fail
}

/// A declared conflict of interest between an expert and an enterprise or organization.
public struct Conflict: Sendable, Hashable {
    public var expertID: String
    public var with: String
    public var reason: String
    public init(expertID: String, with: String, reason: String) {
        self.expertID = expertID
        self.with = with
        self.reason = reason
    }
}

/// Days an expert cannot work (inclusive).
public struct Unavailability: Sendable, Hashable {
    public var expertID: String
    public var from: Day
    public var to: Day
    public var reason: String
    public init(expertID: String, from: Day, to: Day, reason: String) {
        self.expertID = expertID
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// A given match score of an expert for an enterprise (affinity.csv).
public struct Affinity: Sendable, Hashable {
    public var expertID: String
    public var enterpriseID: String
    public var score: Double
    public init(expertID: String, enterpriseID: String, score: Double) {
        self.expertID = expertID
        self.enterpriseID = enterpriseID
        self.score = score
    }
}

/// A dated panel for one task of one enterprise: a row of fixed.csv or of a plan.
public struct Assignment: Sendable, Hashable {
    public var enterpriseID: String
    public var task: TaskKind
    public var day: Day
    public var slot: Slot
    /// Expert ids, in the order given.
    public var experts: [String]
    /// The panel leader (site inspections only).
    public var leader: String?
    public init(enterpriseID: String, task: TaskKind, day: Day, slot: Slot, experts: [String], leader: String?) {
        self.enterpriseID = enterpriseID
        self.task = task
        self.day = day
        self.slot = slot
        self.experts = experts
        self.leader = leader
    }
    public var time: SlotTime { SlotTime(day: day, slot: slot) }
}
