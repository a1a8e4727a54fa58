import PanelModel
import Workflow

extension PlanningRun {
    /// Qualifying sets of at most this many experts are scarce: their holders are worth freeing.
    static let scarceSetSize = 6

    /// A repair move for an enterprise left out: when a composition rule needs one of a few
    /// experts (a scarce specialist), each of them in turn is taken out of the other panels that
    /// hold them (every such panel re-staffed at its own time without them), and the enterprise
    /// is placed again. The move is kept only when the enterprise is then planned (one more
    /// enterprise: the first level of the objective); otherwise every panel is put back.
    /// Fixed, history and frozen panels are never touched.
    mutating func releaseBlockers(_ job: Job) throws -> Bool {
        let e = batch.enterprises[job.enterprise]
        var tried = Set<Int>()
        for expert in scarceExperts(job) where tried.insert(expert).inserted {
            guard elapsed < timeLimit else { return false }
            var undo: [(id: String, task: TaskKind, old: (time: SlotTime, panel: StaffedPanel, fixed: Bool))] = []
            for (id, task) in panelsHolding(expert) where id != e.id {
                if let old = try restaff(id, task, without: expert) { undo.append((id, task, old)) }
            }
            guard !undo.isEmpty else { continue }
            var tally = FailureTally()
            if let placement = try place(job, tally: &tally) {
                commit(job, placement)
                return true
            }
            for item in undo.reversed() { putBack(item.id, item.task, item.old) }
        }
        return false
    }

    /// The experts a job's panels need that are scarce: the holders of each qualifying set of a
    /// composition rule (an industry expert, an auditor, a leader) with at most
    /// ``scarceSetSize`` conflict-free members, in the rules' order (repeats possible).
    func scarceExperts(_ job: Job) -> [Int] {
        let e = batch.enterprises[job.enterprise]
        var scarce: [Int] = []
        for task in job.openTasks {
            let context = PanelContext(task: task, enterprise: e)
            for rule in staffer.hardRules.panel {
                guard case .atLeastOne(let qualifies)? = rule.requirement(context, experts: batch.experts) else {
                    continue
                }
                // The holders, until there are too many to be scarce.
                var holders: [Int] = []
                for i in conflictFree[job.enterprise] where qualifies(i) {
                    holders.append(i)
                    if holders.count > Self.scarceSetSize { break }
                }
                if holders.count <= Self.scarceSetSize { scarce += holders }
            }
        }
        return scarce
    }

    /// The open (not fixed, not locked) panels an expert sits on, in a stable order.
    func panelsHolding(_ expert: Int) -> [(String, TaskKind)] {
        var out: [(String, TaskKind)] = []
        for id in assignments.keys.sorted() {
            for task in TaskKind.allCases {
                guard let a = assignments[id]?[task], !a.fixed, !locked.contains("\(id)|\(task.rawValue)"),
                    a.panel.experts.contains(expert)
                else { continue }
                out.append((id, task))
            }
        }
        return out
    }

    /// Re-staffs a placed panel at its own time without `expert`; returns the old panel when it
    /// changed, nil when no panel without them exists there (nothing changes then).
    mutating func restaff(_ id: String, _ task: TaskKind, without expert: Int) throws -> (
        time: SlotTime, panel: StaffedPanel, fixed: Bool
    )? {
        guard let k = enterpriseIndex[id], let current = assignments[id]?[task] else { return nil }
        let e = batch.enterprises[k]
        let (request, all) = release(id, k, task, at: current)
        let cands = all.filter { $0.expert != expert }
        guard case .success(let panel)? = try? staffer.staffPruned(request, cands) else {
            ledger.add(task, current.time, district: e.district, experts: current.panel.experts)
            return nil
        }
        ledger.add(task, current.time, district: e.district, experts: panel.experts)
        assignments[id]?[task] = (current.time, panel, false)
        return current
    }

    /// Takes a placed panel's members off the ledger and returns what re-staffing it at its own
    /// time needs: its panel request (leader credit, continuity partners) and the candidates
    /// free then.
    mutating func release(
        _ id: String, _ k: Int, _ task: TaskKind, at current: (time: SlotTime, panel: StaffedPanel, fixed: Bool)
    ) -> (PanelRequest, [Candidate]) {
        let e = batch.enterprises[k]
        ledger.remove(task, current.time, district: e.district, experts: current.panel.experts)
        let job = Job(
            enterprise: k, status: WorkflowRules.status(e, rules: rules, calendar: calendar),
            needsInitial: task == .initial, needsSite: task == .site, fixedInitial: nil, fixedSite: nil,
            latest: rules.end)
        let initialPanel = task == .site ? (assignments[id]?[.initial]?.panel.experts ?? []) : []
        var request = PanelRequest(task: task, enterprise: e, size: rules.panelSize(task), initialPanel: initialPanel)
        request.leaderReserve = leaderReserve
        // continuity = "require" seen from the initial panel: it keeps a member of the site panel.
        request.requireOneOf = continuityPartners(id, task)
        return (request, candidates(job, task, current.time))
    }

    /// Puts a re-staffed panel back as it was.
    mutating func putBack(_ id: String, _ task: TaskKind, _ old: (time: SlotTime, panel: StaffedPanel, fixed: Bool)) {
        guard let k = enterpriseIndex[id], let now = assignments[id]?[task] else { return }
        let district = batch.enterprises[k].district
        ledger.remove(task, now.time, district: district, experts: now.panel.experts)
        ledger.add(task, old.time, district: district, experts: old.panel.experts)
        assignments[id]?[task] = old
    }
}
