import PanelModel
import Phrasebook

/// Where an enterprise stands in the six-stage workflow (seed, sections 一 to 六).
public enum Stage: String, Sendable, CaseIterable, Comparable {
    /// 一 启动审核: on the published list.
    case listed
    /// 一: registered on the Guangdong platform (审核注册信息).
    case registered
    /// 一: audit plan filed (填写审核计划).
    case planFiled = "plan-filed"
    /// 三 申请验收: draft report and performance table v1 uploaded (送审稿).
    case draftSubmitted = "draft-submitted"
    /// 四 初审: initial review held.
    case initialReviewed = "initial-reviewed"
    /// 五 现场验收: site inspection held, result pending.
    case siteInspected = "site-inspected"
    /// 五: passed the site inspection.
    case passed
    /// 五: failed the site inspection.
    case failed
    /// 三(三): one-vote veto (一票否决) for an environmental penalty during the audit period.
    case vetoed
    /// 五(二): final report and performance table v2 uploaded after a pass.
    case finalReport = "final-report"

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The state of an extension or exemption request (seed 三(二)).
public enum ExtensionState: String, Sendable {
    case none
    /// Arrived on time, not yet decided: the enterprise is not planned.
    case pending
    case granted
    case refused
    /// Arrived after deadline − 3 months: not accepted (逾期提交申请的不予受理), ignored.
    case late
}

/// Why an enterprise is not planned at all (rule 2 of FORMAT.md).
public enum IneligibilityReason: Sendable, Hashable {
    case vetoed(Day)
    case alreadyInspected(Day?)
    case noDraft
    case extensionPending(Day)
    case noInitialReview
    case nothingToPlan

    /// A short stable code for plan.json.
    public var code: String {
        switch self {
        case .vetoed: return "penalized"
        case .alreadyInspected: return "already-inspected"
        case .noDraft: return "no-draft"
        case .extensionPending: return "extension-pending"
        case .noInitialReview: return "no-initial-review"
        case .nothingToPlan: return "nothing-to-plan"
        }
    }

    /// A sentence naming the rule, in the string table's words.
    public var phrase: Phrase {
        switch self {
        case .vetoed(let d): return Phrase("why.vetoed", ["date": .text(d.iso)])
        case .alreadyInspected(let d?): return Phrase("why.already-inspected-on", ["date": .text(d.iso)])
        case .alreadyInspected(nil): return Phrase("why.already-inspected")
        case .noDraft: return Phrase("why.no-draft")
        case .extensionPending(let d): return Phrase("why.extension-pending", ["date": .text(d.iso)])
        case .noInitialReview: return Phrase("why.no-initial-review")
        case .nothingToPlan: return Phrase("why.nothing-to-plan")
        }
    }
}

/// An enterprise's due dates (seed 一, 三, 五).
public struct DueDates: Sendable, Hashable {
    /// 一: registration within one month of the list date.
    public var registration: Day
    /// 一: audit plan within two months of the list date.
    public var auditPlan: Day
    /// 三(一): draft report one month before the acceptance deadline.
    public var draft: Day
    /// 三(二): an extension or exemption request at least three months before the deadline.
    public var extensionRequest: Day
    /// The acceptance deadline in force (extended where granted).
    public var acceptance: Day
    /// 五(二): final report within one month of a pass.
    public var finalReport: Day?
}

/// An overdue or late workflow step as of a date.
public struct OverdueFlag: Sendable, Hashable {
    public var step: String
    public var due: Day
    /// When it was done late; nil when still not done.
    public var doneLate: Day?
}

/// The next step an enterprise owes, and by when.
public struct NextStep: Sendable, Hashable {
    public var step: String
    public var due: Day?
}

/// Which tasks of an enterprise are to be planned, and the window they must fit.
public struct PlanningWindow: Sendable, Hashable {
    /// Tasks to plan, in workflow order.
    public var tasks: [TaskKind]
    /// The earliest day an initial review may be held: wd(draft, lead_days), not before start.
    public var earliestInitial: Day?
    /// A held initial review the site inspection must follow.
    public var initialHeld: Day?
    /// The earliest site inspection when the initial review is already held.
    public var earliestSite: Day?
    /// The last day the site inspection may be held: min(deadline in force, end).
    public var latestSite: Day
    /// The deadline in force.
    public var deadline: Day
}

/// The workflow status of one enterprise as of a date.
public struct EnterpriseStatus: Sendable {
    public var enterprise: Enterprise
    public var stage: Stage
    public var due: DueDates
    public var overdue: [OverdueFlag]
    public var extensionState: ExtensionState
    public var next: NextStep?
    /// nil when the enterprise is to be planned.
    public var ineligibility: IneligibilityReason?
    /// The tasks and window to plan when eligible.
    public var window: PlanningWindow?
    /// Notes for the organizer (late extension request ignored, and such).
    public var notes: [Phrase]
}

/// The workflow rules as pure functions.
public enum WorkflowRules {
    /// Due dates of the seed: listed + 1 / + 2 months, deadline − 1 / − 3 months, pass + 1 month.
    public static func dueDates(_ e: Enterprise) -> DueDates {
        DueDates(
            registration: e.listed.addingMonths(1),
            auditPlan: e.listed.addingMonths(2),
            draft: e.effectiveDeadline.addingMonths(-1),
            extensionRequest: e.deadline.addingMonths(-3),
            acceptance: e.effectiveDeadline,
            finalReport: e.result == .pass ? e.siteInspectionDone.map { $0.addingMonths(1) } : nil)
    }

    /// The extension request's state: valid when it arrived by deadline − 3 months (clamped),
    /// pending until granted (`extended_deadline`) or refused.
    public static func extensionState(_ e: Enterprise) -> ExtensionState {
        guard let requested = e.extensionRequested else {
            return e.extendedDeadline != nil ? .granted : .none
        }
        if requested > e.deadline.addingMonths(-3) { return e.extendedDeadline != nil ? .granted : .late }
        if e.extendedDeadline != nil { return .granted }
        if e.extensionRefused != nil { return .refused }
        return .pending
    }

    /// The furthest stage reached.
    public static func stage(_ e: Enterprise) -> Stage {
        if e.penalized != nil { return .vetoed }
        if e.finalSubmitted != nil && e.result == .pass { return .finalReport }
        if let r = e.result { return r == .pass ? .passed : .failed }
        if e.siteInspectionDone != nil { return .siteInspected }
        if e.initialReviewDone != nil { return .initialReviewed }
        if e.draftSubmitted != nil { return .draftSubmitted }
        if e.planFiled != nil { return .planFiled }
        if e.registered != nil { return .registered }
        return .listed
    }

    /// Steps due by `asOf` and not done, and steps done after their due date.
    public static func overdue(_ e: Enterprise, asOf: Day) -> [OverdueFlag] {
        let due = dueDates(e)
        var flags: [OverdueFlag] = []
        func check(_ step: String, _ dueDay: Day, _ done: Day?) {
            if let done {
                if done > dueDay { flags.append(OverdueFlag(step: step, due: dueDay, doneLate: done)) }
            } else if asOf > dueDay {
                flags.append(OverdueFlag(step: step, due: dueDay, doneLate: nil))
            }
        }
        check("registration", due.registration, e.registered)
        check("audit-plan", due.auditPlan, e.planFiled ?? e.draftSubmitted)
        if e.penalized == nil {
            check("draft", due.draft, e.draftSubmitted)
            check("acceptance", due.acceptance, e.siteInspectionDone)
            if let finalDue = due.finalReport { check("final-report", finalDue, e.finalSubmitted) }
        }
        return flags
    }

    /// The next step the enterprise or the bureau owes.
    public static func nextStep(_ e: Enterprise) -> NextStep? {
        let due = dueDates(e)
        switch stage(e) {
        case .listed: return NextStep(step: "register", due: due.registration)
        case .registered: return NextStep(step: "file-audit-plan", due: due.auditPlan)
        case .planFiled: return NextStep(step: "submit-draft", due: due.draft)
        case .draftSubmitted: return NextStep(step: "initial-review", due: due.acceptance)
        case .initialReviewed: return NextStep(step: "site-inspection", due: due.acceptance)
        case .siteInspected: return NextStep(step: "record-result", due: nil)
        case .passed: return NextStep(step: "submit-final-report", due: due.finalReport)
        case .failed, .vetoed, .finalReport: return NextStep(step: "publish-result", due: nil)
        }
    }

    /// Eligibility (rule 2) and the planning window (rules 3 and 4) under the batch's rules.
    public static func status(_ e: Enterprise, rules: BatchRules, calendar: WorkCalendar, asOf: Day? = nil)
        -> EnterpriseStatus
    {
        let asOfDay = asOf ?? rules.today
        let ext = extensionState(e)
        var notes: [Phrase] = []
        if ext == .late, let r = e.extensionRequested {
            let late = ["date": "\(r.iso)", "limit": "\(e.deadline.addingMonths(-3).iso)"]
            notes.append(Phrase("workflow.late-extension", late.mapValues { .text($0) }))
        }
        var reason: IneligibilityReason?
        if let p = e.penalized {
            reason = .vetoed(p)
        } else if e.siteInspectionDone != nil || e.result != nil {
            reason = .alreadyInspected(e.siteInspectionDone)
        } else if e.draftSubmitted == nil {
            reason = .noDraft
        } else if ext == .pending {
            reason = .extensionPending(e.extensionRequested!)
        }
        var window: PlanningWindow?
        if reason == nil {
            var tasks: [TaskKind] = []
            if e.initialReviewDone == nil {
                if rules.planInitial {
                    tasks.append(.initial)
                    if rules.planSite { tasks.append(.site) }
                }
            } else if rules.planSite {
                tasks.append(.site)
            }
            if tasks.isEmpty {
                reason = rules.planInitial || rules.planSite ? .noInitialReview : .nothingToPlan
                if e.initialReviewDone != nil { reason = .nothingToPlan }
            } else {
                let draft = e.draftSubmitted!
                let earliestInitial =
                    e.initialReviewDone == nil
                    ? max(rules.start, calendar.addingWorkingDays(rules.leadDays, to: draft)) : nil
                let earliestSite = e.initialReviewDone.map {
                    max(rules.start, calendar.addingWorkingDays(rules.revisionDays, to: $0))
                }
                window = PlanningWindow(
                    tasks: tasks, earliestInitial: earliestInitial, initialHeld: e.initialReviewDone,
                    earliestSite: earliestSite, latestSite: min(rules.end, e.effectiveDeadline),
                    deadline: e.effectiveDeadline)
            }
        }
        return EnterpriseStatus(
            enterprise: e, stage: stage(e), due: dueDates(e), overdue: overdue(e, asOf: asOfDay), extensionState: ext,
            next: nextStep(e), ineligibility: reason, window: window, notes: notes)
    }
}
