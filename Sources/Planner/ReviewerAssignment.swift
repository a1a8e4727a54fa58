import Foundation
import GLPK
import PanelModel

/// Initial reviews only (`site_inspection.plan = false`): the dates do not bind, and staffing
/// is the classic reviewer assignment. One GLPK MIP over all conflict-free (enterprise, expert)
/// pairs gives its exact optimum; the panels are then dated, earliest half-day first.
struct ReviewerAssignmentResult {
    /// job index → experts of its panel.
    var panels: [Int: [Int]]
    var objective: Double
    var bound: Double
    var status: SolveStatus
}

extension PlanningRun {
    /// Solves the reviewer-assignment MIP for the given jobs (all needing only an initial review).
    func assignReviewers(_ jobs: [Job]) throws -> ReviewerAssignmentResult? {
        let objective = staffer.objective
        let size = rules.initialPanelSize
        var m = Model(name: "reviewer-assignment")
        m.sense = .maximize
        let n = batch.experts.count
        // Load already carried by fixed rows.
        var fixedLoad = Array(repeating: 0, count: n)
        var fixedInitial = Array(repeating: 0, count: n)
        for i in 0..<n {
            fixedLoad[i] = ledger.total(i)
            fixedInitial[i] = ledger.counts.initial[i]
        }
        var x: [[(expert: Int, variable: Variable)]] = []
        var byExpert: [[Variable]] = Array(repeating: [], count: n)
        for (j, job) in jobs.enumerated() {
            let e = batch.enterprises[job.enterprise]
            let p = try m.addVariable(
                name: "p_\(j)", kind: .binary, objective: objective.coefficient(.plannedEnterprise))
            var row: [(Int, Variable)] = []
            for i in conflictFree[job.enterprise]
            where ledger.cap(i, .initial) - fixedInitial[i] > 0 && !isDeclined(i, e.id, .initial) {
                let affinityScore = affinity["\(batch.experts[i].id)\u{1}\(e.id)"] ?? 0
                let score = batch.hasAffinity ? objective.coefficient(.affinity) * affinityScore : 0
                let v = try m.addVariable(
                    name: "x_\(j)_\(i)", kind: .binary, objective: score + 1e-6 * tieBreak(i, job.enterprise, .initial))
                row.append((i, v))
                byExpert[i].append(v)
            }
            x.append(row)
            try m.addEqual(row.map { ($0.1, 1.0) } + [(p, -Double(size))], 0)
            // The composition rules (5, 7) as their values state them, held when the panel is: a
            // qualifying member per planned panel, at most one member per group.
            let context = PanelContext(task: .initial, enterprise: e)
            let seats = row.map { (expert: $0.0, variable: $0.1) }
            for rule in staffer.hardRules.panel {
                guard let requirement = rule.requirement(context, experts: batch.experts) else { continue }
                try m.addComposition(requirement, seats: seats, held: p)
            }
            let partners = Set(continuityPartners(e.id, .initial))
            if !partners.isEmpty {
                try m.addGreaterOrEqual(row.filter { partners.contains($0.0) }.map { ($0.1, 1.0) } + [(p, -1)], 0)
            }
            for group in objective.expertiseGroups(e) {
                let covering = row.filter { objective.covers(batch.experts[$0.0], group) }
                guard !covering.isEmpty else { continue }
                let y = try m.addVariable(kind: .binary, objective: objective.coefficient(.coveredReason))
                try m.addLessOrEqual([(y, 1)] + covering.map { ($0.1, -1.0) }, 0)
            }
        }
        let target = evenShareTarget
        for i in 0..<n where !byExpert[i].isEmpty || fixedLoad[i] > 0 {
            let cap = ledger.cap(i, .initial) - fixedInitial[i]
            if !byExpert[i].isEmpty {
                try m.addLessOrEqual(byExpert[i].map { ($0, 1.0) }, Double(max(0, cap)))
                // Excess over the even share and shortfall below min_total, both penalised.
                if objective.coefficient(.loadExcess) < 0 {
                    let excess = try m.addVariable(lowerBound: 0, objective: objective.coefficient(.loadExcess))
                    try m.addGreaterOrEqual(
                        [(excess, 1)] + byExpert[i].map { ($0, -1.0) }, Double(fixedLoad[i] - target))
                }
                let minTotal = batch.experts[i].minTotal ?? rules.minTotal
                if minTotal > fixedLoad[i] && objective.coefficient(.minTotalShortfall) < 0 {
                    let short = try m.addVariable(
                        lowerBound: 0, objective: objective.coefficient(.minTotalShortfall))
                    try m.addGreaterOrEqual(
                        [(short, 1)] + byExpert[i].map { ($0, 1.0) }, Double(minTotal - fixedLoad[i]))
                }
            }
        }
        let left = max(0.5, timeLimit - elapsed)
        let solution: Solution
        do {
            solution = try m.solve(
                options: SolveOptions(
                    timeLimitSeconds: left, relativeGap: rules.mipGap,
                    progress: { [options, start] p in
                        options.progress?(
                            PlannerProgress(
                                phase: "assign", done: 0, total: jobs.count, incumbent: p.incumbent, bound: p.bound,
                                elapsedSeconds: Date().timeIntervalSince(start)))
                        return true
                    }))
        } catch let error as GLPKError {
            throw PlannerError.solver(.verbatim(error.description))
        }
        guard solution.status.hasSolution else { return nil }
        var panels: [Int: [Int]] = [:]
        for (j, row) in x.enumerated() {
            let chosen = row.filter { solution.integerValue($0.variable) == 1 }.map(\.expert)
            if chosen.count == size { panels[j] = chosen.sorted() }
        }
        return ReviewerAssignmentResult(
            panels: panels, objective: solution.objective,
            bound: solution.bound ?? (solution.status == .optimal ? solution.objective : .infinity),
            status: solution.status)
    }
}
