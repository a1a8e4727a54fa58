import PanelModel

/// Pairwise seat exchanges between site panels (docs/formulation.md §2.6), after the travel
/// trim: a member *a* of panel *P* and a member *b* of panel *Q* change places when *b* lives
/// nearer to *P*'s enterprise and the two ways from home together shorten. In a pool whose site
/// caps are all used no expert is free to take a far member's seat; the trim's joint MIPs
/// (``trimTravel(until:)``) move members only within the few groups of panels they try, while an
/// exchange is found by arithmetic over a table of minutes from home, for every panel that
/// holds a nearer expert. It keeps every expert's number of tasks and is checked against every
/// hard rule (expert, load and composition rules) before the plan is scored; it is kept only
/// when the plan is better level by level.
extension PlanningRun {
    /// The most passes over the site panels (they stop after a pass without a gain).
    static let exchangePasses = 8
    /// The most exchanges scored per seat, the largest savings first (those the rules bar are
    /// not scored: they cost a check of the rules, and the deadline is read before each).
    static let exchangeTries = 3

    /// Exchanges seats between open site panels, the farthest-travelling panels first, pass
    /// after pass while a pass gains; true when an exchange was kept. Stopped by `deadline`
    /// (seconds since the start), the run has timed out.
    /// - Complexity: per pass and seat O(*n* · *c*) arithmetic for *n* experts free of conflicts
    ///   with the enterprise and *c* the site cap, the offers checked against the rules until
    ///   ``exchangeTries`` of them are scored (O(*s* log *s*) each, for *s* site seats).
    @discardableResult
    mutating func exchangeSeats(until deadline: Double) throws -> Bool {
        guard elapsed < deadline else { return false }
        var table = ExchangeTable(self)
        guard table.open.count > 1 else { return false }
        var kept = false
        for _ in 0..<Self.exchangePasses {
            var gained = false
            let farthestFirst = table.open.indices.map { p in (p, siteTravel(built.jobs[table.open[p]])) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            for (done, p) in farthestFirst.enumerated() {
                if done % 200 == 0 { report("exchange", done, farthestFirst.count) }
                guard elapsed < deadline else {
                    timedOut = true
                    return kept
                }
                for a in table.panels[p] {
                    guard try exchange(a, from: p, table: &table, until: deadline) else { continue }
                    gained = true
                    break
                }
            }
            kept = kept || gained
            guard gained else { break }
        }
        return kept
    }

    /// Tries the exchanges of member `a` of open panel `p` (an index into the table's panels),
    /// the largest estimated saving first; keeps the first that makes the plan better. Experts
    /// whose way is unknown (∞ in the table) neither leave nor take a seat.
    private mutating func exchange(
        _ a: Int, from p: Int, table: inout ExchangeTable, until deadline: Double
    ) throws -> Bool {
        let homeP = table.minutes[table.district[p]]
        let far = homeP[a]
        guard far > 0, far.isFinite else { return false }
        var offers: [(saving: Double, b: Int, q: Int)] = []
        for b in conflictFree[built.jobs[table.open[p]].enterprise] where homeP[b] < far {
            guard !table.panels[p].contains(b) else { continue }
            for q in table.held[b] where q != p && table.admits[q][a] && !table.panels[q].contains(a) {
                let homeQ = table.minutes[table.district[q]]
                let saving = far - homeP[b] + homeQ[b] - homeQ[a]
                if saving > 1e-9, saving.isFinite { offers.append((saving, b, q)) }
            }
        }
        offers.sort { $0.saving != $1.saving ? $0.saving > $1.saving : ($0.b, $0.q) < ($1.b, $1.q) }
        var scored = 0
        for offer in offers where scored < Self.exchangeTries {
            guard elapsed < deadline else {
                timedOut = true
                return false
            }
            switch try swap(a, from: p, with: offer.b, from: offer.q, table: &table) {
            case .kept: return true
            case .worse: scored += 1
            case .barred: continue
            }
        }
        return false
    }

    /// The levels whose per-panel terms an exchange may not lower on its two panels together.
    private static let coverageLevels: [Objective.Level] = [.expertise, .continuity]

    /// What became of an exchange.
    private enum ExchangeOutcome {
        /// Made, and the plan is better level by level.
        case kept
        /// Allowed by the rules but scored no better: undone.
        case worse
        /// A hard rule or a coverage term forbids it: nothing changed.
        case barred
    }

    /// Exchanges member `a` of panel `p` with member `b` of panel `q` when every hard rule allows
    /// it and the two panels together lose nothing on the expertise level (covered reasons,
    /// affinity) nor on the continuity level (continuity, previous experts); keeps it when the
    /// plan is then better level by level.
    private mutating func swap(
        _ a: Int, from p: Int, with b: Int, from q: Int, table: inout ExchangeTable
    ) throws -> ExchangeOutcome {
        let (jobP, jobQ) = (built.jobs[table.open[p]], built.jobs[table.open[q]])
        let (eP, eQ) = (batch.enterprises[jobP.enterprise], batch.enterprises[jobQ.enterprise])
        guard !isDeclined(b, eP.id, .site), !isDeclined(a, eQ.id, .site) else { return .barred }
        let (oldP, oldQ) = (assignments[eP.id]![.site]!, assignments[eQ.id]![.site]!)
        let requestP = siteRequest(eP)
        let requestQ = siteRequest(eQ)
        guard let newP = exchanged(oldP.panel, out: a, in: b, request: requestP),
            let newQ = exchanged(oldQ.panel, out: b, in: a, request: requestQ),
            Self.coverageLevels.allSatisfy({ level in
                ownValue(requestP, newP.experts, level: level) + ownValue(requestQ, newQ.experts, level: level)
                    >= ownValue(requestP, oldP.panel.experts, level: level)
                    + ownValue(requestQ, oldQ.panel.experts, level: level) - 1e-9
            })
        else { return .barred }
        ledger.remove(.site, oldP.time, district: eP.district, experts: oldP.panel.experts)
        ledger.remove(.site, oldQ.time, district: eQ.district, experts: oldQ.panel.experts)
        // Load rules read only the expert's own tasks: each newcomer is checked with both panels off.
        let allowed =
            ledger.block(b, .site, oldP.time, district: eP.district) == nil
            && ledger.block(a, .site, oldQ.time, district: eQ.district) == nil
        if allowed {
            ledger.add(.site, oldP.time, district: eP.district, experts: newP.experts)
            ledger.add(.site, oldQ.time, district: eQ.district, experts: newQ.experts)
            assignments[eP.id]![.site] = (oldP.time, newP, false)
            assignments[eQ.id]![.site] = (oldQ.time, newQ, false)
            let values = levelValues()
            if Objective.isBetter(values, than: built.levels) {
                built.levels = values
                table.move(a, from: p, to: q, with: b)
                return .kept
            }
            ledger.remove(.site, oldP.time, district: eP.district, experts: newP.experts)
            ledger.remove(.site, oldQ.time, district: eQ.district, experts: newQ.experts)
            assignments[eP.id]![.site] = oldP
            assignments[eQ.id]![.site] = oldQ
        }
        ledger.add(.site, oldP.time, district: eP.district, experts: oldP.panel.experts)
        ledger.add(.site, oldQ.time, district: eQ.district, experts: oldQ.panel.experts)
        return allowed ? .worse : .barred
    }

    /// The site panel request of an enterprise, as the trim staffs it.
    private func siteRequest(_ e: Enterprise) -> PanelRequest {
        PanelRequest(
            task: .site, enterprise: e, size: rules.panelSize(.site),
            initialPanel: assignments[e.id]?[.initial]?.panel.experts ?? [])
    }

    /// `panel` with `incoming` in the seat of `outgoing`, led by the same leader or, when the
    /// outgoing member led it, by the newcomer or else the first member who can lead; nil when
    /// the panel would break a composition rule (5, 7).
    private func exchanged(_ panel: StaffedPanel, out outgoing: Int, in incoming: Int, request: PanelRequest)
        -> StaffedPanel?
    {
        let members = panel.experts.map { $0 == outgoing ? incoming : $0 }
        let context = request.context
        for rule in staffer.hardRules.panel where rule.check(members, context, experts: batch.experts) != nil {
            return nil
        }
        var leader = panel.leader
        if leader == outgoing {
            leader = batch.experts[incoming].canLead ? incoming : members.first { batch.experts[$0].canLead }
            guard leader != nil else { return nil }
        }
        return StaffedPanel(experts: members, leader: leader, value: ownValue(request, members))
    }
}

/// What the exchanges read by the million: the open site panels, who holds their seats, and the
/// minutes from every expert's home to each of their districts.
struct ExchangeTable {
    /// The open site panels (job indices).
    var open: [Int]
    /// Each open panel's members.
    var panels: [[Int]]
    /// For each expert, the open panels (indices into ``open``) they sit on.
    var held: [[Int]]
    /// For each open panel, whether each expert is free of conflicts with its enterprise.
    var admits: [[Bool]]
    /// For each open panel, its district's row of ``minutes``.
    var district: [Int]
    /// Minutes from each expert's home to each district the open panels are in; ∞ when unknown
    /// (no home district, or no way between the two).
    var minutes: [[Double]]

    init(_ run: PlanningRun) {
        open = run.built.jobs.indices.filter { run.isOpenSite(run.built.jobs[$0]) }
        let enterprises = open.map { run.batch.enterprises[run.built.jobs[$0].enterprise] }
        panels = enterprises.map { run.assignments[$0.id]![.site]!.panel.experts }
        let pool = run.batch.experts.count
        held = Array(repeating: [], count: pool)
        for (p, panel) in panels.enumerated() {
            for i in panel { held[i].append(p) }
        }
        admits = open.map { k in
            var row = Array(repeating: false, count: pool)
            for i in run.conflictFree[run.built.jobs[k].enterprise] { row[i] = true }
            return row
        }
        var rowOf: [String: Int] = [:]
        var minutes: [[Double]] = []
        district = enterprises.map { e in
            if let row = rowOf[e.district] { return row }
            rowOf[e.district] = minutes.count
            minutes.append((0..<pool).map { run.ledger.knownHomeTravelMinutes($0, to: e.district) ?? .infinity })
            return minutes.count - 1
        }
        self.minutes = minutes
    }

    /// Records that `a` left panel `p` for panel `q`, whose seat `b` left for `p`.
    mutating func move(_ a: Int, from p: Int, to q: Int, with b: Int) {
        panels[p] = panels[p].map { $0 == a ? b : $0 }
        panels[q] = panels[q].map { $0 == b ? a : $0 }
        held[a] = held[a].map { $0 == p ? q : $0 }
        held[b] = held[b].map { $0 == q ? p : $0 }
    }
}
