import Foundation
import PanelModel
import PlanModel
import Planner
import TextFormats
import Workflow

/// `--min-pool` as an organizer can act on it: whom to recruit, as rows to append to
/// experts.csv, with the promise that appending them and planning plans `promised` enterprises.
public struct RecruitingList: Sendable {
    /// One expert to recruit: a profile with placeholder id, name and organization.
    public struct Recruit: Sendable {
        public var id: String
        public var name: String
        /// A placeholder of their own: a recruit from an organization already in the pool could
        /// break one-per-organization or a conflict of interest.
        public var organization: String
        public var specialties: [String]
        public var auditor: Bool
        public var leader: Bool
        public var district: String?
        /// ISO weeks (`2026-W11`) in which the verifying plan seats them.
        public var weeks: [String]
        /// The enterprises the verifying plan seats them for.
        public var enterprises: [String]
        /// Organizations they must not come from (rule 6): those enterprises and their consultancies.
        public var mustNotComeFrom: [String]
    }

    public var recruits: [Recruit]
    /// The fewest experts the aggregate model (docs/formulation.md) proves necessary.
    public var modelMinimum: Int
    public var eligible: Int
    /// Enterprises planned with the pool as it is.
    public var plannedBefore: Int
    /// Enterprises planned after appending the recruits to experts.csv (verified by doing it).
    public var promised: Int
    /// Enterprises no recruit can help (their window, a veto, max_parallel), with the reason.
    public var unfixable: [UnscheduledEntry]
    /// experts-to-recruit.csv: experts.csv's own header, then one row per recruit.
    public var csv: String
}

extension CapacityAnalysis {
    /// Reason codes that more experts cannot fix: the enterprise's window, the calendar's
    /// max_parallel, a deadline already passed.
    static let unfixableCodes: Set<ReasonCode> = [.windowClosed, .deadlinePassed, .maxParallel]

    /// The recruiting list for the batch whose input files are `files`: the aggregate model's
    /// roles as profiles, verified by appending them to experts.csv and planning, more recruits
    /// for what the plan still leaves out (the role its reason names) until only what no expert
    /// can fix is left, then every recruit the promise does not need taken out again.
    /// - Complexity: O(*r*) plans for *r* recruits, each bounded by the batch's time limit.
    public static func recruitingList(
        files: [String: String], timeLimit: Double?, maxRounds: Int = 30
    ) throws -> RecruitingList {
        let options = PlannerOptions(timeLimitSeconds: timeLimit)
        return try recruitingList(
            for: try BatchLoader.load(files: files), header: files["experts.csv"] ?? "", options: options,
            maxRounds: maxRounds
        ) { recruits in try planWith(recruits, files: files, options: options) }
    }

    /// The recruiting list for a batch held in memory (a what-if scenario): the recruits are
    /// appended to its experts as the loader would read their rows.
    public static func recruitingList(
        batch: Batch, timeLimit: Double?, maxRounds: Int = 30
    ) throws -> RecruitingList {
        let options = PlannerOptions(timeLimitSeconds: timeLimit)
        let header = "id,name,organization,specialties,auditor,leader,district"
        return try recruitingList(for: batch, header: header, options: options, maxRounds: maxRounds) { recruits in
            var b = batch
            b.experts += recruits.map { r in
                Expert(
                    id: r.id, name: r.name, organization: r.organization, specialties: Set(r.specialties),
                    isAuditor: r.auditor, canLead: r.leader, district: r.district)
            }
            return try PanelPlanner(batch: b, options: options).plan()
        }
    }

    static func recruitingList(
        for base: Batch, header: String, options: PlannerOptions, maxRounds: Int,
        planWith: ([RecruitingList.Recruit]) throws -> Plan
    ) throws -> RecruitingList {
        let before = try PanelPlanner(batch: base, options: options).plan()
        let model = try modelMinPool(base)
        var profiles = RecruitProfiles(base)
        var recruits: [RecruitingList.Recruit] = []
        for (role, count) in model.sorted(by: { $0.key.description < $1.key.description }) {
            for _ in 0..<count { recruits.append(profiles.recruit(role, number: recruits.count + 1)) }
        }
        var plan = try planWith(recruits)
        var round = 0
        while round < maxRounds {
            let open = plan.unscheduled.filter { $0.eligible && !unfixableCodes.contains($0.code) }
            guard !open.isEmpty else { break }
            round += 1
            // One recruit for every other enterprise left out, of the role its reason names.
            for u in open.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
                recruits.append(profiles.recruit(role(for: u, in: base), number: recruits.count + 1))
            }
            plan = try planWith(recruits)
        }
        // Take out, last first, every recruit the plan does not need to keep its count; none
        // when the list is as short as the model proves necessary.
        let target = plan.plannedCount
        let minimum = model.values.reduce(0, +)
        for k in recruits.indices.reversed() where recruits.count > minimum {
            var fewer = recruits
            fewer.remove(at: k)
            let trial = try planWith(fewer)
            if trial.plannedCount >= target {
                recruits = fewer
                plan = trial
            }
        }
        // Placeholders renumbered in order, then the final verification: exactly the rows written.
        for k in recruits.indices { profiles.renumber(&recruits[k], number: k + 1) }
        plan = try planWith(recruits)
        describe(&recruits, plan: plan, batch: base)
        return RecruitingList(
            recruits: recruits, modelMinimum: model.values.reduce(0, +), eligible: plan.eligibleCount,
            plannedBefore: before.plannedCount, promised: plan.plannedCount,
            unfixable: plan.unscheduled.filter { $0.eligible && unfixableCodes.contains($0.code) },
            csv: recruitCSV(recruits, header: header))
    }

    /// The plan of the batch with `recruits` appended to experts.csv, as an organizer would.
    static func planWith(
        _ recruits: [RecruitingList.Recruit], files: [String: String], options: PlannerOptions
    ) throws -> Plan {
        var appended = files
        appended["experts.csv"] = appending(recruits, to: files["experts.csv"] ?? "")
        return try PanelPlanner(batch: try BatchLoader.load(files: appended), options: options).plan()
    }

    /// The role a left-out enterprise's reason names: a composition rule's role, else any expert.
    static func role(for entry: UnscheduledEntry, in batch: Batch) -> Role {
        guard let e = batch.enterprises.first(where: { $0.id == entry.enterpriseID }) else { return .general }
        let hardRules = HardRules(batch)
        let context = PanelContext(task: entry.task ?? .site, enterprise: e)
        let code = entry.code == .industryExpertsBusy ? IndustryExpertRule(batch.rules).code : entry.code.rawValue
        for case let rule as any RoleRule in hardRules.panel where rule.code == code {
            if let r = rule.role(context) { return Role(r) }
        }
        return .general
    }

    /// Weeks, enterprises and the organizations to avoid, from the verifying plan.
    static func describe(_ recruits: inout [RecruitingList.Recruit], plan: Plan, batch: Batch) {
        let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for k in recruits.indices {
            let seats = plan.assignments.filter { $0.experts.contains(recruits[k].id) }
            recruits[k].weeks = Set(
                seats.map { a in
                    let w = a.day.isoWeek
                    return String(format: "%04d-W%02d", w.year, w.week)
                }
            ).sorted()
            recruits[k].enterprises = Set(seats.map(\.enterpriseID)).sorted()
            var avoid = Set<String>()
            for id in recruits[k].enterprises {
                avoid.insert(id)
                if let c = enterprises[id]?.consultancy { avoid.insert(c) }
            }
            recruits[k].mustNotComeFrom = avoid.sorted()
        }
    }

    /// experts.csv's text with the recruits' rows appended, in its own columns and separator.
    static func appending(_ recruits: [RecruitingList.Recruit], to text: String) -> String {
        guard !recruits.isEmpty else { return text }
        let rows = recruitRows(recruits, header: text)
        return text + (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + rows.joined(separator: "\n") + "\n"
    }

    /// experts-to-recruit.csv: a BOM for Excel, experts.csv's header line, the recruits' rows.
    static func recruitCSV(_ recruits: [RecruitingList.Recruit], header text: String) -> String {
        let header = headerLine(text)
        return "\u{FEFF}" + header + "\n" + recruitRows(recruits, header: text).map { $0 + "\n" }.joined()
    }

    static func headerLine(_ text: String) -> String {
        let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var line = String(first)
        if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// One row per recruit in the columns of experts.csv's header (Chinese headers included).
    static func recruitRows(_ recruits: [RecruitingList.Recruit], header text: String) -> [String] {
        let line = headerLine(text)
        let separator: Character = line.contains("\t") && !line.contains(",") ? "\t" : ","
        let columns = line.split(separator: separator, omittingEmptySubsequences: false).map {
            ColumnNames.canonical(
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"")), file: "experts.csv")
        }
        return recruits.map { r in
            let values: [String: String] = [
                "id": r.id, "expert_id": r.id, "name": r.name, "organization": r.organization,
                "specialties": r.specialties.joined(separator: ";"), "auditor": r.auditor ? "yes" : "no",
                "leader": r.leader ? "yes" : "no", "district": r.district ?? "", "active": "yes",
            ]
            let fields = columns.map { values[$0] ?? "" }
            return separator == "\t"
                ? fields.joined(separator: "\t") : fields.map(CSVText.field).joined(separator: ",")
        }
    }
}

/// Turns roles into recruits: a specialty recruit holds that industry; a leader, an auditor or
/// any expert gets the industries whose holders are scarcest, in turn, so that every recruit
/// also counts for an industry expert; each lives where most of those enterprises are.
struct RecruitProfiles {
    let batch: Batch
    /// Industries by demand over supply, scarcest first.
    let scarceIndustries: [String]
    var turn = 0
    let existingIDs: Set<String>

    init(_ batch: Batch) {
        self.batch = batch
        self.existingIDs = Set(batch.experts.map(\.id))
        var demand: [String: Int] = [:]
        for e in batch.enterprises { demand[e.industry, default: 0] += 1 }
        let supply = { (tag: String) in batch.experts.filter { $0.specialties.contains(tag) }.count }
        scarceIndustries = demand.keys.sorted { a, b in
            let ra = Double(demand[a]!) / Double(max(1, supply(a)))
            let rb = Double(demand[b]!) / Double(max(1, supply(b)))
            return ra != rb ? ra > rb : a < b
        }
    }

    mutating func recruit(_ role: CapacityAnalysis.Role, number: Int) -> RecruitingList.Recruit {
        var tags: [String] = []
        if case .specialty(let tag) = role {
            tags = [tag]
        } else if !scarceIndustries.isEmpty {
            tags = [scarceIndustries[turn % scarceIndustries.count]]
            turn += 1
        }
        var r = RecruitingList.Recruit(
            id: "", name: "", organization: "", specialties: tags, auditor: role == .auditor, leader: role == .leader,
            district: district(for: tags.first), weeks: [], enterprises: [], mustNotComeFrom: [])
        renumber(&r, number: number)
        return r
    }

    /// Placeholder id, name and organization for the recruit's place in the list, never an id
    /// the pool already uses.
    func renumber(_ r: inout RecruitingList.Recruit, number: Int) {
        var id = String(format: "NEW%03d", number)
        var suffix = 0
        while existingIDs.contains(id) {
            suffix += 1
            id = String(format: "NEW%03d-%d", number, suffix)
        }
        r.id = id
        r.name = "待招募专家\(number)"
        r.organization = "NEW-ORG-\(id)"
    }

    /// The district where most enterprises of the industry (or of the batch) are.
    func district(for tag: String?) -> String? {
        let pool = batch.enterprises.filter { tag == nil || $0.industry == tag }
        let counts = Dictionary(grouping: pool.map(\.district), by: { $0 }).mapValues(\.count)
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
    }
}
