import Foundation
import GLPK
import PanelModel
import Planner
import Workflow

/// Direct capacity answers from optimization: the fewest experts to add so that every eligible
/// enterprise can be planned, and the most enterprises the pool can absorb. Both solve an
/// integer program over the batch's aggregate capacities (docs/formulation.md §6), then verify
/// the answer by planning the changed batch.
public enum CapacityAnalysis {
    /// Kinds of expert one can add.
    public enum Role: Hashable, Sendable, CustomStringConvertible {
        case specialty(String)
        case leader
        case auditor
        case general
        /// The role for a composition rule's role.
        public init(_ role: PanelRole) {
            switch role {
            case .leader: self = .leader
            case .auditor: self = .auditor
            case .specialty(let tag): self = .specialty(tag)
            }
        }

        /// The composition rule's role, nil for `general`.
        public var panelRole: PanelRole? {
            switch self {
            case .specialty(let tag): .specialty(tag)
            case .leader: .leader
            case .auditor: .auditor
            case .general: nil
            }
        }

        public var description: String {
            switch self {
            case .specialty(let s): return "specialty '\(s)'"
            case .leader: return "leaders"
            case .auditor: return "auditors"
            case .general: return "any expert"
            }
        }
    }

    /// The answer of `--max-batch`.
    public struct MaxBatch: Sendable {
        /// The aggregate model's bound on the enterprises that could be added.
        public var modelBound: Int
        /// Enterprises that can be added: planning the batch with exactly these added plans
        /// every one of them and keeps every enterprise the batch plans on its own.
        public var verified: Int
        public var baselinePlanned: Int
        /// The enterprises added, in the order drawn (copies of the batch's eligible ones).
        public var added: [Enterprise]
    }

    /// The tasks to plan, and the roles the composition rules ask of their panels, per task.
    struct Demand {
        var tasks = PerTask(repeating: 0)
        var roles = PerTask<[PanelRole: Int]>(repeating: [:])
    }

    static func demand(_ batch: Batch, statuses: [EnterpriseStatus], rules hardRules: HardRules) -> Demand {
        var d = Demand()
        for s in statuses {
            guard let w = s.window else { continue }
            for task in w.tasks {
                d.tasks[task] += 1
                for role in hardRules.roles(PanelContext(task: task, enterprise: s.enterprise)) {
                    d.roles[task][role, default: 0] += 1
                }
            }
        }
        return d
    }

    /// The seats of `task` the experts holding `role` (every expert for nil) can take (rule 8).
    static func supply(_ batch: Batch, _ role: PanelRole?, _ task: TaskKind) -> Double {
        let holders = batch.experts.filter { role?.isHeld(by: $0) ?? true }
        return Double(holders.reduce(0) { $0 + batch.rules.cap(of: $1, task) })
    }

    /// The fewest experts per role to add so that the aggregate capacities cover the demand.
    static func modelMinPool(_ batch: Batch) throws -> [Role: Int] {
        let rules = batch.rules
        let statuses = batch.enterprises.map { WorkflowRules.status($0, rules: rules, calendar: batch.calendar) }
        let hardRules = HardRules(batch)
        let d = demand(batch, statuses: statuses, rules: hardRules)
        var m = Model(name: "min-pool")
        var vars: [Role: Variable] = [:]
        func v(_ r: Role) throws -> Variable {
            if let x = vars[r] { return x }
            let x = try m.addVariable(name: "\(r)", kind: .integer, lowerBound: 0, upperBound: 10_000, objective: 1)
            vars[r] = x
            return x
        }
        let newCap = PerTask(initial: Double(rules.maxInitial), site: Double(rules.maxSite))
        let demanded = Set(d.roles.initial.keys).union(d.roles.site.keys).sorted()
        for task in TaskKind.allCases where d.tasks[task] > 0 {
            // Every seat: every new expert counts.
            var all: [Term] = [(try v(.general), newCap[task])]
            for role in demanded { all.append((try v(Role(role)), newCap[task])) }
            try m.addGreaterOrEqual(
                all, Double(rules.panelSize(task) * d.tasks[task]) - supply(batch, nil, task))
            // Each role a composition rule asks of these panels: its holders' caps.
            for (role, need) in d.roles[task].sorted(by: { $0.key < $1.key }) {
                try m.addGreaterOrEqual(
                    [(try v(Role(role)), newCap[task])], Double(need) - supply(batch, role, task))
            }
        }
        // An enterprise with no conflict-free holder of a role needs at least one new one; one
        // with fewer conflict-free groups (organizations) than seats needs new experts of others.
        // The statuses are the batch's enterprises, in order.
        for (s, free) in zip(statuses, hardRules.admittedExperts(in: batch)) {
            guard let window = s.window else { continue }
            let e = s.enterprise
            var roles = Set<PanelRole>()
            var short = 0
            for task in window.tasks {
                let context = PanelContext(task: task, enterprise: e)
                roles.formUnion(hardRules.roles(context))
                for rule in hardRules.panel {
                    guard case .atMostOnePerGroup(let group)? = rule.requirement(context, experts: batch.experts) else {
                        continue
                    }
                    short = max(short, rules.panelSize(task) - Set(free.map(group)).count)
                }
            }
            for role in roles.sorted() where !free.contains(where: { role.isHeld(by: batch.experts[$0]) }) {
                try m.addGreaterOrEqual([(try v(Role(role)), 1)], 1)
            }
            if short > 0 { try m.addGreaterOrEqual([(try v(.general), 1)], Double(short)) }
        }
        guard !vars.isEmpty else { return [:] }
        let solution = try m.solve()
        guard solution.status.hasSolution else { return [:] }
        var out: [Role: Int] = [:]
        for (r, x) in vars where solution.integerValue(x) > 0 { out[r] = solution.integerValue(x) }
        return out
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
        let hardRules = HardRules(batch)
        let base = demand(batch, statuses: statuses, rules: hardRules)
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
            let baseSeats = Double(rules.panelSize(task) * base.tasks[task])
            seatsAll += terms
            seatBase += baseSeats
            try m.addLessOrEqual(terms, supply(batch, nil, task) - baseSeats)
            try m.addLessOrEqual(
                terms.map { ($0.variable, 1.0) }, Double(rules.maxParallel(task)) * slots - Double(base.tasks[task]))
            // Each role a composition rule asks of the added panels: its holders' caps left.
            var needing: [PanelRole: [Term]] = [:]
            for k in y.indices where windows[k].contains(task) {
                for role in hardRules.roles(PanelContext(task: task, enterprise: added[k])) {
                    needing[role, default: []].append((y[k], 1.0))
                }
            }
            for (role, t) in needing.sorted(by: { $0.key < $1.key }) {
                try m.addLessOrEqual(t, supply(batch, role, task) - Double(base.roles[task][role] ?? 0))
            }
        }
        var merged: [Int: Double] = [:]
        for term in seatsAll { merged[term.variable.index, default: 0] += term.coefficient }
        try m.addLessOrEqual(
            merged.keys.sorted().map { (y[$0 - y[0].index], merged[$0]!) },
            Double(batch.experts.count * rules.maxPerWeek) * weeks - seatBase)
        let s = try m.solve(options: SolveOptions(timeLimitSeconds: 30))
        let bound = s.status.hasSolution ? y.filter { s.integerValue($0) == 1 }.count : 0
        // Verify by planning the batch with the first k drawn: the answer is a k whose plan
        // plans all k and keeps every enterprise the batch plans alone; k only goes down.
        var k = bound
        while true {
            var scenario = Scenario(name: "verify")
            scenario.addEnterprises = k
            scenario.enterpriseSeed = seed
            let verifyBatch = try scenario.apply(to: batch)
            let plan = try PanelPlanner(batch: verifyBatch, options: PlannerOptions(timeLimitSeconds: timeLimit))
                .plan()
            let addedIDs = Set(verifyBatch.enterprises.suffix(k).map(\.id))
            let unplanned = Set(plan.unscheduled.filter(\.eligible).map(\.enterpriseID))
            let plannedIDs = Set(plan.assignments.map(\.enterpriseID)).subtracting(unplanned)
            let addedPlanned = addedIDs.intersection(plannedIDs).count
            let originalsKept = plan.plannedCount - addedPlanned >= baseline.plannedCount
            if k == 0 || (addedPlanned == k && originalsKept) {
                return MaxBatch(
                    modelBound: bound, verified: k, baselinePlanned: baseline.plannedCount,
                    added: Array(verifyBatch.enterprises.suffix(k)))
            }
            k = originalsKept ? min(k - 1, addedPlanned) : k - 1
        }
    }
}
