import Foundation
import GLPK
import PanelModel
import Planner
import Workflow

/// Direct capacity answers from optimization: the fewest experts to add so that every eligible
/// enterprise can be planned, and the most enterprises the pool can absorb. Both solve an
/// integer program over the batch's aggregate capacities (docs/formulation.md §5), then verify
/// the answer by planning the changed batch.
public enum CapacityAnalysis {
    /// Kinds of expert one can add.
    public enum Role: Hashable, Sendable, CustomStringConvertible {
        case specialty(String)
        case leader
        case auditor
        case general
        public var description: String {
            switch self {
            case .specialty(let s): return "specialty '\(s)'"
            case .leader: return "leaders"
            case .auditor: return "auditors"
            case .general: return "any expert"
            }
        }
    }

    /// The answer of `--min-pool`.
    public struct MinPool: Sendable {
        /// Experts to add, by role.
        public var additions: [Role: Int]
        /// The aggregate model's answer before verification.
        public var modelAdditions: [Role: Int]
        /// Whether planning with the additions planned every eligible enterprise.
        public var verified: Bool
        public var plannedAfter: Int
        public var eligible: Int
    }

    /// The answer of `--max-batch`.
    public struct MaxBatch: Sendable {
        /// The aggregate model's bound on the enterprises that could be added.
        public var modelBound: Int
        /// Added enterprises the verifying plan actually planned (with every original one kept).
        public var verified: Int
        public var baselinePlanned: Int
    }

    struct Demand {
        var tasks: [TaskKind: Int] = [.initial: 0, .site: 0]
        var industry: [String: [TaskKind: Int]] = [:]
    }

    static func demand(_ batch: Batch, statuses: [EnterpriseStatus]) -> Demand {
        var d = Demand()
        for s in statuses {
            guard let w = s.window else { continue }
            for task in w.tasks {
                d.tasks[task]! += 1
                d.industry[s.enterprise.industry, default: [.initial: 0, .site: 0]][task]! += 1
            }
        }
        return d
    }

    static func cap(_ x: Expert, _ task: TaskKind, _ rules: BatchRules) -> Int {
        task == .initial ? (x.maxInitial ?? rules.maxInitial) : (x.maxSite ?? rules.maxSite)
    }

    /// The fewest experts per role to add so that the aggregate capacities cover the demand.
    static func modelMinPool(_ batch: Batch) throws -> [Role: Int] {
        let rules = batch.rules
        let statuses = batch.enterprises.map { WorkflowRules.status($0, rules: rules, calendar: batch.calendar) }
        let d = demand(batch, statuses: statuses)
        var m = Model(name: "min-pool")
        var vars: [Role: Variable] = [:]
        func v(_ r: Role) throws -> Variable {
            if let x = vars[r] { return x }
            let x = try m.addVariable(name: "\(r)", kind: .integer, lowerBound: 0, upperBound: 10_000, objective: 1)
            vars[r] = x
            return x
        }
        let newCap: [TaskKind: Double] = [.initial: Double(rules.maxInitial), .site: Double(rules.maxSite)]
        for task in TaskKind.allCases where d.tasks[task]! > 0 {
            let demand = Double(d.tasks[task]!)
            let size = Double(rules.panelSize(task))
            // Every seat: all new experts count.
            let supply = Double(batch.experts.reduce(0) { $0 + cap($1, task, rules) })
            var all: [Term] = [
                (try v(.general), newCap[task]!), (try v(.leader), newCap[task]!), (try v(.auditor), newCap[task]!),
            ]
            for tag in d.industry.keys.sorted() where rules.requireIndustry {
                all.append((try v(.specialty(tag)), newCap[task]!))
            }
            try m.addGreaterOrEqual(all, size * demand - supply)
            if rules.requireAuditor {
                let s = Double(batch.experts.filter(\.isAuditor).reduce(0) { $0 + cap($1, task, rules) })
                try m.addGreaterOrEqual([(try v(.auditor), newCap[task]!)], demand - s)
            }
            if task == .site {
                let s = Double(batch.experts.filter(\.canLead).reduce(0) { $0 + cap($1, .site, rules) })
                try m.addGreaterOrEqual([(try v(.leader), newCap[.site]!)], demand - s)
            }
            if rules.requireIndustry {
                for (tag, byTask) in d.industry.sorted(by: { $0.key < $1.key }) {
                    let need = Double(byTask[task] ?? 0)
                    guard need > 0 else { continue }
                    let s = Double(
                        batch.experts.filter { $0.specialties.contains(tag) }.reduce(0) { $0 + cap($1, task, rules) })
                    try m.addGreaterOrEqual([(try v(.specialty(tag)), newCap[task]!)], need - s)
                }
            }
        }
        // An enterprise with no conflict-free holder of a role needs at least one new one.
        let hardRules = HardRules(batch)
        for s in statuses where s.window != nil {
            let e = s.enterprise
            let free = batch.experts.filter { hardRules.excludes($0, from: e, in: batch) == nil }
            if rules.requireIndustry && !free.contains(where: { $0.specialties.contains(e.industry) }) {
                try m.addGreaterOrEqual([(try v(.specialty(e.industry)), 1)], 1)
            }
            if rules.requireAuditor && !free.contains(where: \.isAuditor) {
                try m.addGreaterOrEqual([(try v(.auditor), 1)], 1)
            }
            if s.window!.tasks.contains(.site) && !free.contains(where: \.canLead) {
                try m.addGreaterOrEqual([(try v(.leader), 1)], 1)
            }
            let orgs = Set(free.map(\.organization)).count
            let size = s.window!.tasks.map(rules.panelSize).max() ?? 0
            if rules.onePerOrganization && orgs < size {
                try m.addGreaterOrEqual([(try v(.general), 1)], Double(size - orgs))
            }
        }
        guard !vars.isEmpty else { return [:] }
        let solution = try m.solve()
        guard solution.status.hasSolution else { return [:] }
        var out: [Role: Int] = [:]
        for (r, x) in vars where solution.integerValue(x) > 0 { out[r] = solution.integerValue(x) }
        return out
    }

    /// The batch with new experts: each of its own organization, free of every conflict.
    public static func adding(_ additions: [Role: Int], to batch: Batch) -> Batch {
        var b = batch
        var n = 0
        let district = Dictionary(grouping: batch.enterprises, by: \.district).max { $0.value.count < $1.value.count }?
            .key
        for (role, count) in additions.sorted(by: { $0.key.description < $1.key.description }) {
            for _ in 0..<count {
                n += 1
                let name = "新增专家 \(n)"
                var x = Expert(id: "ADD-\(n)", name: name, organization: "ADD-ORG-\(n)", district: district)
                switch role {
                case .specialty(let tag): x.specialties = [tag]
                case .leader: x.canLead = true
                case .auditor: x.isAuditor = true
                case .general: break
                }
                b.experts.append(x)
            }
        }
        return b
    }

    /// `--min-pool`: the model's answer, then planning to verify it; where the plan still leaves
    /// enterprises out, the roles their reasons name are added one at a time and planned again.
    public static func minPool(_ batch: Batch, timeLimit: Double?, rounds: Int = 8) throws -> MinPool {
        let model = try modelMinPool(batch)
        var additions = model
        var plan = try PanelPlanner(
            batch: adding(additions, to: batch), options: PlannerOptions(timeLimitSeconds: timeLimit)
        ).plan()
        var round = 0
        while plan.plannedCount < plan.eligibleCount && round < rounds {
            round += 1
            let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var added = false
            for u in plan.unscheduled where u.eligible {
                let role: Role
                switch u.code {
                case "no-industry-expert", "industry-experts-busy":
                    role = .specialty(enterprises[u.enterpriseID]?.industry ?? "")
                case "no-leader": role = .leader
                case "no-auditor": role = .auditor
                case "window-closed", "deadline-passed": continue  // no expert helps
                default: role = .general
                }
                additions[role, default: 0] += 1
                added = true
                break
            }
            if !added { break }
            plan = try PanelPlanner(
                batch: adding(additions, to: batch), options: PlannerOptions(timeLimitSeconds: timeLimit)
            ).plan()
        }
        return MinPool(
            additions: additions, modelAdditions: model, verified: plan.plannedCount == plan.eligibleCount,
            plannedAfter: plan.plannedCount, eligible: plan.eligibleCount)
    }

    /// `--max-batch`: the most enterprises, drawn like the batch's own (in a seeded order), that
    /// the aggregate capacities allow; verified by planning the enlarged batch.
    public static func maxBatch(_ batch: Batch, seed: UInt64, limit: Int = 400, timeLimit: Double?) throws -> MaxBatch {
        let rules = batch.rules
        let baseline = try PanelPlanner(batch: batch, options: PlannerOptions(timeLimitSeconds: timeLimit)).plan()
        var draw = Scenario(name: "max-batch")
        draw.addEnterprises = limit
        draw.enterpriseSeed = seed
        let enlarged = try draw.apply(to: batch)
        let added = Array(enlarged.enterprises.suffix(enlarged.enterprises.count - batch.enterprises.count))
        let statuses = batch.enterprises.map { WorkflowRules.status($0, rules: rules, calendar: batch.calendar) }
        let base = demand(batch, statuses: statuses)
        var m = Model(name: "max-batch")
        m.sense = .maximize
        var y: [Variable] = []
        var windows: [[TaskKind]] = []
        for e in added {
            let s = WorkflowRules.status(e, rules: rules, calendar: batch.calendar)
            windows.append(s.window?.tasks ?? [])
            y.append(try m.addVariable(kind: .binary, upperBound: s.window == nil ? 0 : 1, objective: 1))
        }
        for k in y.indices.dropFirst() { try m.addLessOrEqual([(y[k], 1), (y[k - 1], -1)], 0) }  // a prefix of the draw
        let slots = Double(2 * batch.calendar.workingDays(from: rules.start, through: rules.end))
        let weeks = Double(max(1, (rules.end - rules.start + 1 + 6) / 7))
        var seatsAll: [Term] = []
        var seatBase = 0.0
        for task in TaskKind.allCases {
            let terms: [Term] = y.indices.filter { windows[$0].contains(task) }.map {
                (y[$0], Double(rules.panelSize(task)))
            }
            let baseSeats = Double(rules.panelSize(task) * base.tasks[task]!)
            seatsAll += terms
            seatBase += baseSeats
            try m.addLessOrEqual(terms, Double(batch.experts.reduce(0) { $0 + cap($1, task, rules) }) - baseSeats)
            try m.addLessOrEqual(
                terms.map { ($0.variable, 1.0) }, Double(rules.maxParallel(task)) * slots - Double(base.tasks[task]!))
            if task == .site {
                try m.addLessOrEqual(
                    terms.map { ($0.variable, 1.0) },
                    Double(batch.experts.filter(\.canLead).reduce(0) { $0 + cap($1, .site, rules) })
                        - Double(base.tasks[.site]!))
            }
            if rules.requireIndustry {
                for tag in Set(added.map(\.industry)).sorted() {
                    let t = y.indices.filter { windows[$0].contains(task) && added[$0].industry == tag }.map {
                        (y[$0], 1.0)
                    }
                    let supply = Double(
                        batch.experts.filter { $0.specialties.contains(tag) }.reduce(0) { $0 + cap($1, task, rules) })
                    try m.addLessOrEqual(t, supply - Double(base.industry[tag]?[task] ?? 0))
                }
            }
        }
        var merged: [Int: Double] = [:]
        for term in seatsAll { merged[term.variable.index, default: 0] += term.coefficient }
        try m.addLessOrEqual(
            merged.keys.sorted().map { (y[$0 - y[0].index], merged[$0]!) },
            Double(batch.experts.count * rules.maxPerWeek) * weeks - seatBase)
        let s = try m.solve(options: SolveOptions(timeLimitSeconds: 30))
        let bound = s.status.hasSolution ? y.filter { s.integerValue($0) == 1 }.count : 0
        // Verify: plan the batch with that many draws; count the added ones it planned while
        // keeping every enterprise the baseline planned.
        var verifyScenario = Scenario(name: "verify")
        verifyScenario.addEnterprises = bound
        verifyScenario.enterpriseSeed = seed
        let verifyBatch = try verifyScenario.apply(to: batch)
        let plan = try PanelPlanner(batch: verifyBatch, options: PlannerOptions(timeLimitSeconds: timeLimit)).plan()
        let addedIDs = Set(verifyBatch.enterprises.suffix(bound).map(\.id))
        let plannedIDs = Set(plan.assignments.map(\.enterpriseID))
        let unplanned = Set(plan.unscheduled.filter(\.eligible).map(\.enterpriseID))
        let addedPlanned = addedIDs.filter { plannedIDs.contains($0) && !unplanned.contains($0) }.count
        let originalPlanned = plan.plannedCount - addedPlanned
        return MaxBatch(
            modelBound: bound,
            verified: originalPlanned >= baseline.plannedCount
                ? addedPlanned : max(0, addedPlanned - (baseline.plannedCount - originalPlanned)),
            baselinePlanned: baseline.plannedCount)
    }
}
