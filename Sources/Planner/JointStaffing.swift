import GLPK
import PanelModel

/// One panel of a joint re-staffing: its request, its candidates (each free for it with every
/// panel of the group taken off the plan) and its members now.
struct JointPanel {
    var request: PanelRequest
    var candidates: [Candidate]
    var members: [Int]
}

extension PanelStaffer {
    /// Staffs several panels at their own half-days together, in one MIP: each panel's columns
    /// and rows as the single panel MIP has them (``addPanel(_:_:to:)``), tied by one row per
    /// expert. An expert sits on at most one of the panels, or keeps exactly the seats they hold
    /// among them now: each candidate was checked free for its panel with the whole group off the
    /// plan, so one new seat each, or the seats held together now, keep every load rule (8, 9).
    /// The panels together cover at least the listing reasons and give at least the continuity
    /// they give now, so the levels above travel cannot fall.
    /// - Returns: the panels in the order given, or nil when the MIP finds none within
    ///   `timeLimit` seconds.
    /// - Complexity: one MIP of O(*p* · *n*) binaries for *p* panels of *n* candidates.
    func staffTogether(_ panels: [JointPanel], timeLimit: Double) throws -> [StaffedPanel]? {
        var m = Model(name: "joint-panels")
        m.sense = .maximize
        var columns: [PanelColumns] = []
        for panel in panels {
            guard shortfall(panel.request, panel.candidates) == nil else { return nil }
            columns.append(try addPanel(panel.request, panel.candidates, to: &m))
        }
        try addExpertTies(panels, columns, to: &m)
        try addLevelFloors(panels, columns, to: &m)
        let solution = try m.solve(options: SolveOptions(timeLimitSeconds: max(0.01, timeLimit)))
        guard solution.status.hasSolution else { return nil }
        return columns.map { $0.panel(in: solution) }
    }

    /// One row per expert with seats in two or more panels: at most one seat, or (with a keep
    /// binary, when they hold two or more of the panels now) exactly the seats they hold.
    private func addExpertTies(_ panels: [JointPanel], _ columns: [PanelColumns], to m: inout Model) throws {
        var seatsOf: [Int: [(panel: Int, seat: Variable)]] = [:]
        for (p, panelColumns) in columns.enumerated() {
            for (k, expert) in panelColumns.experts.enumerated() {
                seatsOf[expert, default: []].append((p, panelColumns.seats[k]))
            }
        }
        var held: [Int: Set<Int>] = [:]
        for (p, panel) in panels.enumerated() {
            for expert in panel.members { held[expert, default: []].insert(p) }
        }
        for expert in seatsOf.keys.sorted() {
            let seats = seatsOf[expert]!
            let holds = held[expert] ?? []
            guard holds.count >= 2, holds.isSubset(of: Set(seats.map(\.panel))) else {
                if seats.count > 1 { try m.addLessOrEqual(seats.map { ($0.seat, 1.0) }, 1) }
                continue
            }
            let keep = try m.addVariable(kind: .binary, objective: 0)
            for (panel, seat) in seats {
                if holds.contains(panel) {
                    try m.addGreaterOrEqual([(seat, 1), (keep, -1)], 0)
                } else {
                    try m.addLessOrEqual([(seat, 1), (keep, 1)], 1)
                }
            }
            try m.addLessOrEqual(seats.map { ($0.seat, 1.0) } + [(keep, -Double(holds.count - 1))], 1)
        }
    }

    /// The panels' covered listing reasons and continuity, at least as many as their members give
    /// now.
    private func addLevelFloors(_ panels: [JointPanel], _ columns: [PanelColumns], to m: inout Model) throws {
        let covered = panels.reduce(0) { sum, panel in
            sum + objective.coveredReasons(panel.request.enterprise, panel: panel.members.map { experts[$0] })
        }
        let reasons = columns.flatMap(\.coveredReasons)
        if covered > 0 { try m.addGreaterOrEqual(reasons.map { ($0, 1.0) }, Double(covered)) }
        guard objective.coefficient(.continuity) > 0 else { return }
        let continuing = panels.filter { panel in
            panel.request.task == .site && panel.members.contains { panel.request.initialPanel.contains($0) }
        }.count
        let continuity = columns.compactMap(\.continuity)
        if continuing > 0 { try m.addGreaterOrEqual(continuity.map { ($0, 1.0) }, Double(continuing)) }
    }
}
