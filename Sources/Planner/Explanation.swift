import PanelModel
import Phrasebook
import PlanModel
import Workflow

extension PlanningRun {
    /// The rule that keeps an eligible enterprise out of the plan, in a code and a sentence
    /// with its numbers: first the window (rules 3, 4), then the pool by counting (rules 5–7),
    /// then the capacity the window offered (rules 8–10). The sentence is a phrase of the string
    /// table, kept in English and Chinese.
    func explain(_ job: Job, _ tally: FailureTally) throws -> UnscheduledEntry {
        let e = batch.enterprises[job.enterprise]
        let window = job.status.window!
        let both: TaskKind? = job.needsInitial && job.needsSite ? nil : (job.needsInitial ? .initial : .site)
        func entry(_ code: ReasonCode, _ phrase: Phrase) -> UnscheduledEntry {
            UnscheduledEntry(enterpriseID: e.id, task: both, code: code, phrase: phrase, eligible: true)
        }
        // Only a job the construction never reached, or one left to explain past the limit, is
        // put down to time: a job tried and failed has its rule even when a later phase timed out.
        if tally.notReached || elapsed >= timeLimit {
            return entry(.timeLimit, Phrase("why.time-limit", ["seconds": .text(String(format: "%.0f", timeLimit))]))
        }

        // 1. The window: rules 3 and 4 and the horizon.
        let deadline = Phrase.Value.phrase(
            Phrase(
                window.deadline == e.deadline ? "why.deadline" : "why.extended-deadline",
                ["date": .text(window.deadline.iso)]))
        if window.deadline < rules.start {
            return entry(
                .deadlinePassed,
                Phrase("why.deadline-before-start", ["deadline": deadline, "start": .text(rules.start.iso)]))
        }
        var siteFrom: SlotTime?
        if job.needsInitial {
            let first = window.earliestInitial ?? rules.start
            guard let firstTime = timesBetween(SlotTime(day: first, slot: .am), job.latest).first else {
                let values: [String: Phrase.Value] = [
                    "draft": .text(e.draftSubmitted?.iso ?? "?"), "lead": .text("\(rules.leadDays)"),
                    "first": .text(first.iso), "last": .text(job.latest.iso), "deadline": deadline,
                    "end": .text(rules.end.iso),
                ]
                return entry(.windowClosed, Phrase("why.no-initial-day", values))
            }
            if job.needsSite { siteFrom = earliestSite(after: firstTime) }
            if let fixedSite = job.fixedSite, earliestSite(after: firstTime) > fixedSite.time {
                let values: [String: Phrase.Value] = [
                    "date": .text(fixedSite.day.iso), "slot": .phrase(Phrase("slot_" + fixedSite.slot.rawValue)),
                    "revision": .text("\(rules.revisionDays)"), "first": .text(firstTime.day.iso),
                    "lead": .text("\(rules.leadDays)"),
                ]
                return entry(.windowClosed, Phrase("why.fixed-site-too-early", values))
            }
        } else if let f = job.fixedInitial {
            siteFrom = earliestSite(after: f.time)
        } else if let s = window.earliestSite {
            siteFrom = SlotTime(day: s, slot: .am)
        }
        if job.needsSite, let s = siteFrom, s.day > job.latest {
            let from =
                job.needsInitial
                ? Phrase("why.from-earliest-initial")
                : (window.initialHeld.map { Phrase("why.from-initial-on", ["date": .text($0.iso)]) }
                    ?? Phrase("why.from-fixed-initial"))
            let values: [String: Phrase.Value] = [
                "revision": .text("\(rules.revisionDays)"), "from": .phrase(from), "earliest": .text(s.day.iso),
                "deadline": deadline, "end": .text(rules.end.iso), "last": .text(job.latest.iso),
            ]
            return entry(.windowClosed, Phrase("why.no-site-day", values))
        }

        // 2. The pool, ignoring dates: can any panel be formed at all?
        let tasks = [job.needsInitial ? TaskKind.initial : nil, job.needsSite ? TaskKind.site : nil].compactMap { $0 }
        for task in tasks {
            let pool = conflictFree[job.enterprise].filter { ledgerCap($0, task) > 0 }
            let request = PanelRequest(task: task, enterprise: e, size: rules.panelSize(task), initialPanel: [])
            let candidates = pool.map { Candidate(expert: $0, seatValue: 0) }
            if let s = staffer.shortfall(request, candidates) {
                let (code, phrase) = poolSentence(s, task: task, enterprise: job.enterprise, pool: pool)
                return entry(code, phrase)
            }
            // The full-pool panel MIP only while the time limit allows (the limit covers explanations).
            if elapsed < timeLimit, case .failure = try staffer.staff(request, candidates) {
                // The composition rules that ask something of this panel, by rule number and code.
                let applying = staffer.hardRules.panel.filter {
                    $0.requirement(request.context, experts: batch.experts) != nil
                }
                let named = applying.map {
                    Phrase("why.rule-code", ["rule": .text("\($0.number)"), "code": .text($0.code)])
                }
                let values: [String: Phrase.Value] = [
                    "task": taskPhrase(task), "size": .text("\(rules.panelSize(task))"), "rules": .list(named),
                    "count": .text("\(pool.count)"),
                ]
                return entry(.panelRules, Phrase("why.panel-rules", values))
            }
        }

        // 3. Capacity in the window.
        let task = tally.failedTask ?? tasks.first ?? .site
        if let s = tally.exhausted {
            return entry(.capsExhausted, exhaustedSentence(s, task: task, enterprise: job.enterprise))
        }
        let span = "\(window.earliestInitial?.iso ?? siteFrom?.day.iso ?? rules.start.iso)..\(job.latest.iso)"
        if tally.slotsTried > 0 && tally.parallelFull == tally.slotsTried {
            let values: [String: Phrase.Value] = [
                "span": .text(span), "n": .text("\(rules.maxParallel(task))"), "task": taskPhrase(task),
            ]
            return entry(.maxParallel, Phrase("why.max-parallel", values))
        }
        let top = tally.shortfalls.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
        var head = Phrase(
            tally.siteAfterInitialFailed ? "why.no-panel-free-after" : "why.no-panel-free",
            ["span": .text(span), "task": taskPhrase(task)])
        if let top {
            let detail = Phrase(
                "why.in-half-days",
                [
                    "count": .text("\(top.value)"), "tried": .text("\(tally.slotsTried)"),
                    "what": .phrase(shortfallPhrase(top.key, task: task, enterprise: e)),
                ])
            head = Phrase("why.colon", ["head": .phrase(head), "tail": .phrase(detail)])
        }
        var clauses = [head]
        if tally.parallelFull > 0 {
            clauses.append(
                Phrase(
                    "why.parallel-full",
                    ["count": .text("\(tally.parallelFull)"), "n": .text("\(rules.maxParallel(task))")]))
        }
        if rules.requireIndustry {
            let industry = conflictFree[job.enterprise].filter { batch.experts[$0].specialties.contains(e.industry) }
            if !industry.isEmpty && industry.count <= 6 {
                let states = industry.map {
                    Phrase(
                        "why.expert-state",
                        [
                            "expert": .text(batch.experts[$0].id),
                            "state": .phrase(expertState($0, task, window: window)),
                        ])
                }
                clauses.append(
                    Phrase(
                        industry.count == 1 ? "why.industry-states-one" : "why.industry-states",
                        ["count": .text("\(industry.count)"), "tag": .text(e.industry), "states": .list(states)]))
            }
        }
        if elapsed < timeLimit, let rule = try unblockingRule(job) {
            clauses.append(Phrase("why.relaxing", ["rule": .phrase(rule)]))
        }
        return entry(
            top.map { $0.key == .noIndustryExpert ? .industryExpertsBusy : .noCapacity } ?? .noCapacity,
            Phrase("why.rules-7-8", ["text": .phrase(.clauses(clauses))]))
    }

    /// A task inside a sentence: initial review / 初审.
    func taskPhrase(_ task: TaskKind) -> Phrase.Value {
        .phrase(Phrase("task_phrase_" + task.rawValue))
    }

    /// A deletion filter over the capacity rules: the first rule that, relaxed alone with every
    /// other plan fixed, lets this enterprise be placed. Names the rule that blocks it when the
    /// counts do not.
    func unblockingRule(_ job: Job) throws -> Phrase? {
        typealias Relax = (Phrase, (inout PlanningRun) -> Void)
        var relaxations: [Relax] = [
            (
                Phrase("why.relax.max-parallel"),
                {
                    $0.rules.initialMaxParallel = 10_000
                    $0.rules.siteMaxParallel = 10_000
                }
            ),
            (
                Phrase("why.relax.max-per-week", ["n": .text("\(rules.maxPerWeek)")]),
                {
                    $0.rules.maxPerWeek = 10_000
                    $0.ledger.rules.maxPerWeek = 10_000
                }
            ),
        ]
        if rules.maxPerDay < 2 {
            relaxations.append(
                (
                    Phrase("why.relax.max-per-day", ["n": .text("\(rules.maxPerDay)")]),
                    {
                        $0.rules.maxPerDay = 2
                        $0.ledger.rules.maxPerDay = 2
                    }
                ))
        }
        relaxations += [
            (Phrase("why.relax.caps"), { $0.ledger.ignoreCaps = true }),
            (
                Phrase("why.relax.travel", ["n": .text(String(format: "%.0f", rules.maxTravelMinutes))]),
                {
                    $0.rules.maxTravelMinutes = 100_000
                    $0.ledger.rules.maxTravelMinutes = 100_000
                }
            ),
            (
                Phrase("why.relax.unavailability"),
                { run in run.ledger.unavailable = run.ledger.unavailable.map { _ in [] } }
            ),
        ]
        if rules.onePerOrganization {
            relaxations.append(
                (
                    Phrase("why.relax.one-per-organization"),
                    { run in
                        var b = run.batch
                        b.rules.onePerOrganization = false
                        run.rules.onePerOrganization = false
                        run.staffer = PanelStaffer(batch: b)
                    }
                ))
        }
        for (name, relax) in relaxations {
            var probe = self
            relax(&probe)
            var tally = FailureTally()
            if try probe.place(job, tally: &tally) != nil { return name }
        }
        return nil
    }

    func ledgerCap(_ expert: Int, _ task: TaskKind) -> Int { ledger.cap(expert, task) }

    /// Why the caps of rule 8 leave no panel at all, with the numbers.
    func exhaustedSentence(_ s: PanelShortfall, task: TaskKind, enterprise k: Int) -> Phrase {
        let capName = task.capKey
        let free = conflictFree[k]
        let open = free.filter { ledger.count($0, task) < ledger.cap($0, task) }
        func full(_ filter: (Expert) -> Bool) -> Phrase.Value {
            let items = free.filter { filter(batch.experts[$0]) }.map {
                Phrase(
                    "why.at-cap",
                    [
                        "expert": .text(batch.experts[$0].id), "cap": .text(capName),
                        "n": .text("\(ledger.cap($0, task))"),
                    ])
            }
            guard items.count > 6 else { return .list(items) }
            return .phrase(
                Phrase(
                    "why.list-and-more", ["items": .list(Array(items.prefix(5))), "more": .text("\(items.count - 5)")]))
        }
        let cap = Phrase.Value.text(capName)
        switch s {
        case .tooFewExperts(let have, let need):
            let values: [String: Phrase.Value] = [
                "have": .text("\(have)"), "free": .text("\(free.count)"), "cap": cap, "task": taskPhrase(task),
                "need": .text("\(need)"),
            ]
            return Phrase("why.caps.too-few", values)
        case .noIndustryExpert(let tag):
            return Phrase(
                "why.caps.no-industry", ["tag": .text(tag), "experts": full { $0.specialties.contains(tag) }])
        case .noAuditor:
            return Phrase("why.caps.no-auditor", ["cap": cap])
        case .noLeader:
            return Phrase("why.caps.no-leader", ["experts": full { $0.canLead }])
        case .tooFewOrganizations(let have, let need):
            let values: [String: Phrase.Value] = [
                "open": .text("\(open.count)"), "cap": cap, "have": .text("\(have)"), "need": .text("\(need)"),
            ]
            return Phrase("why.caps.too-few-organizations", values)
        case .noContinuity, .combination:
            return Phrase("why.caps.combination", ["cap": cap, "task": taskPhrase(task)])
        }
    }

    func shortfallPhrase(_ kind: PanelShortfall.Kind, task: TaskKind, enterprise e: Enterprise) -> Phrase {
        switch kind {
        case .tooFewExperts:
            let values: [String: Phrase.Value] = [
                "size": .text("\(rules.panelSize(task))"), "day": .text("\(rules.maxPerDay)"),
                "week": .text("\(rules.maxPerWeek)"), "cap": .text(task.capKey),
            ]
            return Phrase("why.short.too-few", values)
        case .noAuditor: return Phrase("why.short.no-auditor")
        case .noIndustryExpert: return Phrase("why.short.no-industry", ["tag": .text(e.industry)])
        case .noLeader: return Phrase("why.short.no-leader")
        case .tooFewOrganizations:
            return Phrase("why.short.too-few-organizations", ["size": .text("\(rules.panelSize(task))")])
        case .noContinuity: return Phrase("why.short.no-continuity")
        case .combination: return Phrase("why.short.combination")
        }
    }

    /// Why an expert could not serve in the window: caps, unavailability or a full calendar.
    func expertState(_ i: Int, _ task: TaskKind, window: PlanningWindow) -> Phrase {
        if ledger.count(i, task) >= ledger.cap(i, task) {
            return Phrase("why.state.at-cap", ["cap": .text(task.capKey), "n": .text("\(ledger.cap(i, task))")])
        }
        let id = batch.experts[i].id
        let away = batch.unavailability.filter {
            $0.expertID == id && $0.to >= rules.start && $0.from <= window.latestSite
        }
        if let u = away.first {
            let note =
                u.reason.isEmpty ? Phrase.verbatim("") : Phrase("why.state.away-note", ["reason": .text(u.reason)])
            let more =
                away.count > 1 ? Phrase("why.state.away-more", ["n": .text("\(away.count - 1)")]) : Phrase.verbatim("")
            let values: [String: Phrase.Value] = [
                "from": .text(u.from.iso), "to": .text(u.to.iso), "note": .phrase(note), "more": .phrase(more),
            ]
            return Phrase("why.state.away", values)
        }
        return Phrase("why.state.busy")
    }

    func poolSentence(_ s: PanelShortfall, task: TaskKind, enterprise k: Int, pool: [Int]) -> (ReasonCode, Phrase) {
        let e = batch.enterprises[k]
        // The shortfall's kind is the code (a composition rule's own code where one failed).
        let code = ReasonCode(s.kind.rawValue)
        switch s {
        case .tooFewExperts(let have, let need):
            let values: [String: Phrase.Value] = [
                "have": .text("\(have)"), "task": taskPhrase(task), "need": .text("\(need)"),
            ]
            return (code, Phrase("why.pool.too-few", values))
        case .noIndustryExpert(let tag):
            let holders = batch.experts.indices.filter { batch.experts[$0].specialties.contains(tag) }
            if holders.isEmpty {
                return (code, Phrase("why.pool.no-holder", ["tag": .text(tag)]))
            }
            let conflicted = holders.filter { !conflictFree[k].contains($0) }
            let capped = holders.filter { conflictFree[k].contains($0) && ledger.cap($0, task) == 0 }
            var parts: [Phrase] = []
            if !conflicted.isEmpty {
                let why = conflicted.prefix(4).map { i in
                    let violation = staffer.hardRules.excludes(batch.experts[i], from: e, in: batch)
                    return Phrase(
                        "why.pool.conflict-item",
                        [
                            "expert": .text(batch.experts[i].id),
                            "message": .phrase(violation?.message ?? Phrase("rule.conflict")),
                            "rule": .text("\(violation?.rule ?? 6)"),
                        ])
                }
                parts.append(
                    Phrase("why.pool.conflicted", ["count": .text("\(conflicted.count)"), "why": .list(why)]))
            }
            if !capped.isEmpty {
                parts.append(Phrase("why.pool.capped", ["count": .text("\(capped.count)"), "cap": .text(task.capKey)]))
            }
            let values: [String: Phrase.Value] = [
                "tag": .text(tag), "holders": .text("\(holders.count)"), "parts": .list(parts),
            ]
            return (code, Phrase("why.pool.no-industry", values))
        case .noAuditor:
            return (code, Phrase("why.pool.no-auditor"))
        case .noLeader:
            return (code, Phrase("why.pool.no-leader"))
        case .tooFewOrganizations(let have, let need):
            let values: [String: Phrase.Value] = [
                "have": .text("\(have)"), "need": .text("\(need)"), "task": taskPhrase(task),
            ]
            return (code, Phrase("why.pool.too-few-organizations", values))
        case .noContinuity:
            return (code, Phrase("why.pool.no-continuity"))
        case .combination:
            return (code, Phrase("why.pool.combination", ["task": taskPhrase(task)]))
        }
    }
}

/// Fixed rows are facts (rule 11): they are kept whatever they break, and every hard rule they
/// break is reported as a warning, checked through the rule values of ``HardRules``.
enum FixedRowAudit {
    static func warnings(batch: Batch) -> [Phrase] {
        let hardRules = HardRules(batch)
        let experts = batch.expertIndex
        let enterprises = batch.enterpriseIndex
        var load = ExpertLedger(batch: batch)
        var out: [Phrase] = []
        for f in batch.fixed {
            let label: [String: Phrase.Value] = [
                "enterprise": "\(f.enterpriseID)", "task": "\(f.task.rawValue)", "day": "\(f.day.iso)",
                "slot": "\(f.slot.rawValue)",
            ]
            var found: [RuleViolation] = []
            if let why = hardRules.workingDay.blocks(f.day, in: batch) {
                found.append(hardRules.workingDay.violation(why))
            }
            if let why = hardRules.panelSize.blocks(f.experts, task: f.task) {
                found.append(hardRules.panelSize.violation(why))
            }
            if let l = f.leader, let i = experts[l], !batch.experts[i].canLead {
                found.append(LeaderRule().violation(Phrase("rule.leader-cannot-lead", ["leader": "\(l)"])))
            }
            let members = f.experts.compactMap { experts[$0] }
            let district = enterprises[f.enterpriseID].map { batch.enterprises[$0].district } ?? ""
            if let k = enterprises[f.enterpriseID] {
                let e = batch.enterprises[k]
                for i in members {
                    if let v = hardRules.excludes(batch.experts[i], from: e, in: batch) {
                        let key = v.rule == 6 ? "rule.expert-conflict" : "rule.expert-is"
                        let what = Phrase(key, ["expert": "\(batch.experts[i].id)", "message": .phrase(v.message)])
                        found.append(RuleViolation(rule: v.rule, code: v.code, message: what))
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
                        found.append(
                            rule.violation(
                                Phrase("rule.expert-load", ["expert": "\(batch.experts[i].id)", "why": .phrase(why)])))
                    }
                }
            }
            if let why = hardRules.parallel.blocks(f.task, at: f.time, load) {
                found.append(hardRules.parallel.violation(why))
            }
            load.add(f.task, f.time, district: district, experts: members)
            out += found.map { v in
                Phrase("plan.fixed-row", label.merging(["violation": .phrase(v.phrase)]) { a, _ in a })
            }
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
