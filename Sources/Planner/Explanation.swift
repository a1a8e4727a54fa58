import PanelModel
import PlanModel
import Workflow

extension PlanningRun {
    /// The rule that keeps an eligible enterprise out of the plan, in a code and a sentence
    /// with its numbers: first the window (rules 3, 4), then the pool by counting (rules 5–7),
    /// then the capacity the window offered (rules 8–10).
    func explain(_ job: Job, _ tally: FailureTally) throws -> UnscheduledEntry {
        let e = batch.enterprises[job.enterprise]
        let window = job.status.window!
        let both: TaskKind? = job.needsInitial && job.needsSite ? nil : (job.needsInitial ? .initial : .site)
        func entry(_ code: ReasonCode, _ reason: String) -> UnscheduledEntry {
            UnscheduledEntry(enterpriseID: e.id, task: both, code: code, reason: reason, eligible: true)
        }
        if timedOut && tally.slotsTried == 0 {
            return entry(
                .timeLimit,
                "the time limit of \(String(format: "%.0f", timeLimit)) s ran out before this enterprise was "
                    + "reached ([solver] "
                    + "time_limit_seconds)"
            )
        }

        // 1. The window: rules 3 and 4 and the horizon.
        let deadlineText =
            window.deadline == e.deadline
            ? "deadline \(window.deadline.iso)" : "extended deadline \(window.deadline.iso)"
        if window.deadline < rules.start {
            return entry(
                .deadlinePassed, "the \(deadlineText) is before the batch starts on \(rules.start.iso) (rule 4)")
        }
        var siteFrom: SlotTime?
        if job.needsInitial {
            let first = window.earliestInitial ?? rules.start
            guard let firstTime = timesBetween(SlotTime(day: first, slot: .am), job.latest).first else {
                return entry(
                    .windowClosed,
                    "no working day for the initial review between wd(draft \(e.draftSubmitted?.iso ?? "?"), "
                        + "lead_days=\(rules.leadDays)) = \(first.iso) and \(job.latest.iso), the last day the "
                        + "\(deadlineText) and the batch end (\(rules.end.iso)) allow (rules 1, 3, 4)"
                )
            }
            if job.needsSite { siteFrom = earliestSite(after: firstTime) }
            if let fixedSite = job.fixedSite, earliestSite(after: firstTime) > fixedSite.time {
                return entry(
                    .windowClosed,
                    "the fixed site inspection on \(fixedSite.day.iso) \(fixedSite.slot.rawValue) needs the initial "
                        + "review revision_days=\(rules.revisionDays) working days before it, but the earliest initial "
                        + "review is \(firstTime.day.iso) (wd(draft, lead_days=\(rules.leadDays)), rules 3, 4)"
                )
            }
        } else if let f = job.fixedInitial {
            siteFrom = earliestSite(after: f.time)
        } else if let s = window.earliestSite {
            siteFrom = SlotTime(day: s, slot: .am)
        }
        if job.needsSite, let s = siteFrom, s.day > job.latest {
            let from =
                job.needsInitial
                ? "the earliest initial review"
                : (window.initialHeld.map { "the initial review of \($0.iso)" } ?? "the fixed initial review")
            return entry(
                .windowClosed,
                "the site inspection needs revision_days=\(rules.revisionDays) working days after \(from), i.e. "
                    + "\(s.day.iso) at the earliest, but the \(deadlineText) and the batch end (\(rules.end.iso)) "
                    + "allow \(job.latest.iso) at the latest (rules 3, 4)"
            )
        }

        // 2. The pool, ignoring dates: can any panel be formed at all?
        let tasks = [job.needsInitial ? TaskKind.initial : nil, job.needsSite ? TaskKind.site : nil].compactMap { $0 }
        for task in tasks {
            let pool = conflictFree[job.enterprise].filter { ledgerCap($0, task) > 0 }
            let request = PanelRequest(task: task, enterprise: e, size: rules.panelSize(task), initialPanel: [])
            let candidates = pool.map { Candidate(expert: $0, seatValue: 0) }
            if let s = staffer.shortfall(request, candidates) {
                let (code, reason) = poolSentence(s, task: task, enterprise: job.enterprise, pool: pool)
                return UnscheduledEntry(enterpriseID: e.id, task: both, code: code, reason: reason, eligible: true)
            }
            // The full-pool panel MIP only while the time limit allows (the limit covers explanations).
            if elapsed < timeLimit, case .failure = try staffer.staff(request, candidates) {
                // The composition rules that ask something of this panel, by rule number and code.
                let applying = staffer.hardRules.panel.filter {
                    $0.requirement(request.context, experts: batch.experts) != nil
                }
                let named = applying.map { "rule \($0.number) \($0.code)" }.joined(separator: ", ")
                return entry(
                    .panelRules,
                    "no \(task.phrase) panel of \(rules.panelSize(task)) meets all panel rules together "
                        + "(\(named)) with the \(pool.count) conflict-free experts"
                )
            }
        }

        // 3. Capacity in the window.
        let task = tally.failedTask ?? tasks.first ?? .site
        if let s = tally.exhausted {
            return entry(.capsExhausted, exhaustedSentence(s, task: task, enterprise: job.enterprise))
        }
        let span = "\(window.earliestInitial?.iso ?? siteFrom?.day.iso ?? rules.start.iso)..\(job.latest.iso)"
        if tally.slotsTried > 0 && tally.parallelFull == tally.slotsTried {
            return entry(
                .maxParallel,
                "every half-day of \(span) already holds max_parallel=\(rules.maxParallel(task)) \(task.phrase)s "
                    + "(rule 10)"
            )
        }
        let top = tally.shortfalls.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
        var sentence = "no half-day of \(span) has a full \(task.phrase) panel free"
        if tally.siteAfterInitialFailed { sentence = "the initial review fits, but " + sentence + " after it" }
        if let top {
            sentence +=
                ": in \(top.value) of \(tally.slotsTried) half-days "
                + "\(shortfallPhrase(top.key, task: task, enterprise: e))"
        }
        if tally.parallelFull > 0 {
            sentence +=
                "; \(tally.parallelFull) half-days were full at max_parallel=\(rules.maxParallel(task)) (rule 10)"
        }
        if rules.requireIndustry {
            let industry = conflictFree[job.enterprise].filter { batch.experts[$0].specialties.contains(e.industry) }
            if !industry.isEmpty && industry.count <= 6 {
                let states = industry.map { "\(batch.experts[$0].id) \(expertState($0, task, window: window))" }
                sentence +=
                    "; the \(industry.count) conflict-free expert\(industry.count == 1 ? "" : "s") with specialty "
                    + "'\(e.industry)': \(states.joined(separator: ", "))"
            }
        }
        if elapsed < timeLimit, let rule = try unblockingRule(job) {
            sentence += "; relaxing \(rule) alone would let it be planned"
        }
        return entry(
            top.map { $0.key == .noIndustryExpert ? .industryExpertsBusy : .noCapacity } ?? .noCapacity,
            sentence + " (rules 7, 8)")
    }

    /// A deletion filter over the capacity rules: the first rule that, relaxed alone with every
    /// other plan fixed, lets this enterprise be placed. Names the rule that blocks it when the
    /// counts do not.
    func unblockingRule(_ job: Job) throws -> String? {
        typealias Relax = (String, (inout PlanningRun) -> Void)
        let relaxations: [Relax] = [
            (
                "max_parallel (rule 10)",
                {
                    $0.rules.initialMaxParallel = 10_000
                    $0.rules.siteMaxParallel = 10_000
                }
            ),
            (
                "max_per_week=\(rules.maxPerWeek) (rule 8)",
                {
                    $0.rules.maxPerWeek = 10_000
                    $0.ledger.rules.maxPerWeek = 10_000
                }
            ),
            (
                "max_per_day=\(rules.maxPerDay) (rule 8)",
                {
                    $0.rules.maxPerDay = 2
                    $0.ledger.rules.maxPerDay = 2
                }
            ),
            ("the max_initial/max_site caps (rule 8)", { $0.ledger.ignoreCaps = true }),
            (
                "max_travel_minutes=\(String(format: "%.0f", rules.maxTravelMinutes)) (rule 9)",
                {
                    $0.rules.maxTravelMinutes = 100_000
                    $0.ledger.rules.maxTravelMinutes = 100_000
                }
            ),
            (
                "the experts' unavailability (rule 8)",
                { run in run.ledger.unavailable = run.ledger.unavailable.map { _ in [] } }
            ),
            (
                "one_per_organization (rule 7)",
                { run in
                    var b = run.batch
                    b.rules.onePerOrganization = false
                    run.rules.onePerOrganization = false
                    run.staffer = PanelStaffer(batch: b)
                }
            ),
        ]
        for (name, relax) in relaxations {
            if name.hasPrefix("max_per_day") && rules.maxPerDay >= 2 { continue }
            if name.hasPrefix("one_per") && !rules.onePerOrganization { continue }
            var probe = self
            relax(&probe)
            var tally = FailureTally()
            if try probe.place(job, tally: &tally) != nil { return name }
        }
        return nil
    }

    func ledgerCap(_ expert: Int, _ task: TaskKind) -> Int { ledger.cap(expert, task) }

    /// Why the caps of rule 8 leave no panel at all, with the numbers.
    func exhaustedSentence(_ s: PanelShortfall, task: TaskKind, enterprise k: Int) -> String {
        let capName = task.capKey
        let free = conflictFree[k]
        let open = free.filter { ledger.count($0, task) < ledger.cap($0, task) }
        func full(_ filter: (Expert) -> Bool) -> String {
            let ids = free.filter { filter(batch.experts[$0]) }.map {
                "\(batch.experts[$0].id) at \(capName)=\(ledger.cap($0, task))"
            }
            return ids.count <= 6
                ? ids.joined(separator: ", ") : "\(ids.prefix(5).joined(separator: ", ")) and \(ids.count - 5) more"
        }
        switch s {
        case .tooFewExperts(let have, let need):
            return
                "only \(have) of the \(free.count) conflict-free experts are still below their \(capName) cap, and a "
                + "\(task.phrase) panel needs \(need) (rule 8)"
        case .noIndustryExpert(let tag):
            return
                "every conflict-free expert with specialty '\(tag)' is at their cap "
                + "(\(full { $0.specialties.contains(tag) })), and every panel needs one (rules 7, 8)"
        case .noAuditor:
            return "every conflict-free certified auditor is at \(capName), and every panel needs one (rules 7, 8)"
        case .noLeader:
            return "every conflict-free expert who may lead is at their cap (\(full { $0.canLead })) (rules 5, 8)"
        case .tooFewOrganizations(let have, let need):
            return
                "the \(open.count) conflict-free experts below their \(capName) cap come from \(have) organizations, "
                + "and one_per_organization needs \(need) (rules 7, 8)"
        case .noContinuity, .combination:
            return "the experts below their \(capName) caps cannot form a \(task.phrase) panel (rules 5–8)"
        }
    }

    func shortfallPhrase(_ kind: PanelShortfall.Kind, task: TaskKind, enterprise e: Enterprise) -> String {
        switch kind {
        case .tooFewExperts:
            return
                "fewer than \(rules.panelSize(task)) conflict-free experts were free (unavailable, in another panel, "
                + "or at max_per_day=\(rules.maxPerDay), max_per_week=\(rules.maxPerWeek), "
                + "\(task.capKey) caps, or too far for a second visit)"
        case .noAuditor: return "no free certified auditor (require_auditor)"
        case .noIndustryExpert: return "no free expert with specialty '\(e.industry)' (require_industry)"
        case .noLeader: return "no free expert who may lead a site panel"
        case .tooFewOrganizations:
            return "the free experts came from fewer than \(rules.panelSize(task)) organizations (one_per_organization)"
        case .noContinuity: return "none of its initial reviewers was free (continuity = \"require\")"
        case .combination: return "the free experts could not meet all panel rules together"
        }
    }

    /// Why an expert could not serve in the window: caps, unavailability or a full calendar.
    func expertState(_ i: Int, _ task: TaskKind, window: PlanningWindow) -> String {
        if ledger.count(i, task) >= ledger.cap(i, task) {
            return "is at \(task.capKey)=\(ledger.cap(i, task))"
        }
        let id = batch.experts[i].id
        let away = batch.unavailability.filter {
            $0.expertID == id && $0.to >= rules.start && $0.from <= window.latestSite
        }
        if let u = away.first {
            return "is unavailable \(u.from.iso)..\(u.to.iso)\(u.reason.isEmpty ? "" : " (\(u.reason))")"
                + (away.count > 1 ? " and \(away.count - 1) more periods" : "")
        }
        return "is busy or at max_per_day/max_per_week in the free half-days"
    }

    func poolSentence(_ s: PanelShortfall, task: TaskKind, enterprise k: Int, pool: [Int]) -> (ReasonCode, String) {
        let e = batch.enterprises[k]
        let name = task.phrase
        // The shortfall's kind is the code (a composition rule's own code where one failed).
        let code = ReasonCode(s.kind.rawValue)
        switch s {
        case .tooFewExperts(let have, let need):
            return (
                code,
                "only \(have) experts are free of conflicts of interest and below their caps, but a \(name) panel "
                    + "needs \(need) (rules 5, 6)"
            )
        case .noIndustryExpert(let tag):
            let holders = batch.experts.indices.filter { batch.experts[$0].specialties.contains(tag) }
            if holders.isEmpty {
                return (
                    code,
                    "no expert in the pool has specialty '\(tag)', and every panel needs one (rule 7, require_industry)"
                )
            }
            let conflicted = holders.filter { !conflictFree[k].contains($0) }
            let capped = holders.filter { conflictFree[k].contains($0) && ledger.cap($0, task) == 0 }
            var parts: [String] = []
            if !conflicted.isEmpty {
                let why = conflicted.prefix(4).map {
                    "\(batch.experts[$0].id): "
                        + "\(staffer.hardRules.excludes(batch.experts[$0], from: e, in: batch)?.message ?? "conflict")"
                }
                parts.append("\(conflicted.count) with a conflict of interest (\(why.joined(separator: "; ")))")
            }
            if !capped.isEmpty {
                parts.append("\(capped.count) with \(task.capKey)=0")
            }
            return (
                code,
                "no conflict-free expert with specialty '\(tag)': \(holders.count) in the pool have it, "
                    + "\(parts.joined(separator: ", ")), and every panel needs one (rules 6, 7)"
            )
        case .noAuditor:
            return (
                code,
                "no conflict-free certified cleaner-production auditor in the pool, and every panel needs one (rules "
                    + "6, 7, require_auditor)"
            )
        case .noLeader:
            return (
                code, "no conflict-free expert with leader = yes, and every site panel needs one (rules 5, 6)"
            )
        case .tooFewOrganizations(let have, let need):
            return (
                code,
                "the conflict-free experts come from only \(have) organizations, but one_per_organization needs "
                    + "\(need) different ones for a \(name) panel (rules 6, 7)"
            )
        case .noContinuity:
            return (
                code,
                "none of its initial reviewers may sit on the site panel (continuity = \"require\", rule 7)"
            )
        case .combination:
            return (code, "no \(name) panel meets all panel rules together (rules 5–7)")
        }
    }
}

/// Fixed rows are facts (rule 11): they are kept whatever they break, and every hard rule they
/// break is reported as a warning, checked through the rule values of ``HardRules``.
enum FixedRowAudit {
    static func warnings(batch: Batch) -> [String] {
        let hardRules = HardRules(batch)
        let experts = batch.expertIndex
        let enterprises = batch.enterpriseIndex
        var load = ExpertLedger(batch: batch)
        var out: [String] = []
        for f in batch.fixed {
            let label = "fixed \(f.enterpriseID) \(f.task.rawValue) \(f.day.iso) \(f.slot.rawValue)"
            var found: [RuleViolation] = []
            if let why = hardRules.workingDay.blocks(f.day, in: batch) {
                found.append(hardRules.workingDay.violation(why))
            }
            if let why = hardRules.panelSize.blocks(f.experts, task: f.task) {
                found.append(hardRules.panelSize.violation(why))
            }
            if let l = f.leader, let i = experts[l], !batch.experts[i].canLead {
                found.append(LeaderRule().violation("leader \(l) has leader = no"))
            }
            let members = f.experts.compactMap { experts[$0] }
            let district = enterprises[f.enterpriseID].map { batch.enterprises[$0].district } ?? ""
            if let k = enterprises[f.enterpriseID] {
                let e = batch.enterprises[k]
                for i in members {
                    if let v = hardRules.excludes(batch.experts[i], from: e, in: batch) {
                        let what = v.rule == 6 ? "has a conflict of interest, \(v.message)" : "is \(v.message)"
                        found.append(
                            RuleViolation(rule: v.rule, code: v.code, message: "\(batch.experts[i].id) \(what)"))
                    }
                }
                let context = PanelContext(task: f.task, enterprise: e, initialPanel: initialPanel(of: f, batch))
                for rule in hardRules.panel {
                    if let v = rule.check(members, context, experts: batch.experts) { found.append(v) }
                }
            }
            for i in members {
                let seat = Seat(expert: i, task: f.task, time: f.time, district: district)
                for rule in hardRules.load {
                    if let why = rule.blocks(seat, load) {
                        found.append(rule.violation("\(batch.experts[i].id): \(why)"))
                    }
                }
            }
            if let why = hardRules.parallel.blocks(f.task, at: f.time, load) {
                found.append(hardRules.parallel.violation(why))
            }
            load.add(f.task, f.time, district: district, experts: members)
            out += found.map { "\(label): \($0), kept as fixed" }
        }
        return out
    }

    /// The initial review's experts of a fixed site row's enterprise, for continuity.
    private static func initialPanel(of row: Assignment, _ batch: Batch) -> [Int] {
        guard row.task == .site else { return [] }
        let index = batch.expertIndex
        let initial = batch.fixed.first { $0.enterpriseID == row.enterpriseID && $0.task == .initial }
        return initial?.experts.compactMap { index[$0] } ?? []
    }
}
