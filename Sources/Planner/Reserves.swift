import PanelModel
import PlanModel
import Workflow

extension PlanningRun {
    /// Reserve experts (候补) for every seat of every panel planned now (not fixed rows, not
    /// facts): for each member, up to `[draw] reserves` experts who could take that seat alone —
    /// free then under every load rule (8, 9) given the rest of the plan, free of conflicts and
    /// declines, the panel keeping every composition rule (5, 7), able to lead for the leader's
    /// seat — ranked by the seat values the panel MIP uses. Panels reached after the time limit
    /// get none (the plan's status is then `time-limit`).
    /// - Complexity: O(*p* · *n* log *n*) for *p* panels and a pool of *n* (seat values and their
    ///   order); the load rules are checked only down the ranking until the seats are filled.
    func reserves(for plan: [Assignment]) -> [String: [String: [String]]] {
        guard rules.reserves > 0 else { return [:] }
        let index = staffer.expertIndex
        var out: [String: [String: [String]]] = [:]
        for a in plan {
            // The time limit covers the reserves too: past it, the remaining panels get none.
            guard elapsed < timeLimit else { break }
            guard let k = enterpriseIndex[a.enterpriseID], let entry = assignments[a.enterpriseID]?[a.task],
                !entry.fixed, facts[a.enterpriseID]?[a.task] == nil
            else { continue }
            let e = batch.enterprises[k]
            let members = a.experts.compactMap { index[$0] }
            let job = Job(
                enterprise: k, status: WorkflowRules.status(e, rules: rules, calendar: calendar),
                needsInitial: a.task == .initial,
                needsSite: a.task == .site, fixedInitial: nil, fixedSite: nil, latest: rules.end)
            // With the draw on, reserves are drawn too: a random order from the draw's seed, so the
            // organizer cannot choose who is called; otherwise the best seat values first.
            // The load rules are checked lazily, in rank order: only the first few are needed.
            let open = candidates(job, a.task, a.time, checkingLoad: false).filter { !members.contains($0.expert) }
            let ranked =
                options.drawSeed.map { seed in
                    open.sorted { drawOrder(seed, $0.expert, k, a.task) < drawOrder(seed, $1.expert, k, a.task) }
                }
                ?? open.sorted {
                    $0.seatValue != $1.seatValue ? $0.seatValue > $1.seatValue : $0.expert < $1.expert
                }
            let initialPanel = a.task == .site ? (assignments[a.enterpriseID]?[.initial]?.panel.experts ?? []) : []
            let context = PanelContext(task: a.task, enterprise: e, initialPanel: initialPanel)
            var seats: [String: [String]] = [:]
            var loadFree: [Int: Bool] = [:]
            for member in members {
                let isLeader = a.leader == batch.experts[member].id
                var found: [String] = []
                for c in ranked where found.count < rules.reserves {
                    if isLeader && !batch.experts[c.expert].canLead { continue }
                    let free =
                        loadFree[c.expert] ?? (ledger.block(c.expert, a.task, a.time, district: e.district) == nil)
                    loadFree[c.expert] = free
                    if !free { continue }
                    let swapped = members.map { $0 == member ? c.expert : $0 }
                    let keeps = staffer.hardRules.panel.allSatisfy {
                        $0.check(swapped, context, experts: batch.experts) == nil
                    }
                    // continuity = "require" seen from the site panel: an initial reviewer stays on it.
                    let sitePartners = continuityPartners(a.enterpriseID, a.task)
                    let continuityKept = sitePartners.isEmpty || !Set(sitePartners).isDisjoint(with: swapped)
                    if keeps && continuityKept && !isDeclined(c.expert, a.enterpriseID, a.task) {
                        found.append(batch.experts[c.expert].id)
                    }
                }
                if !found.isEmpty { seats[batch.experts[member].id] = found }
            }
            if !seats.isEmpty { out[Plan.key(a)] = seats }
        }
        return out
    }

    /// A reproducible random rank of an expert for a reserve seat, from the draw's seed.
    func drawOrder(_ seed: UInt64, _ expert: Int, _ enterprise: Int, _ task: TaskKind) -> UInt64 {
        Self.seatHash(seed ^ 0xD1B5_4A32_D192_ED03, expert, enterprise, task)
    }
}
