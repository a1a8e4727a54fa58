import PanelModel
import Testing
import Workflow

/// The workflow rules of the bureau's document (附件2《深圳市强制性清洁生产审核验收工作流程》).
@Suite("Workflow (seed sections 一 to 六)")
struct WorkflowTests {
    func day(_ s: String) -> Day { Day(iso: s)! }

    func enterprise(_ changes: (inout Enterprise) -> Void = { _ in }) -> Enterprise {
        var e = Enterprise(
            id: "E1", name: "企业", district: "baoan", industry: "electroplating", reasons: [.heavyMetal],
            listed: day("2025-05-31"), deadline: day("2026-05-31"))
        changes(&e)
        return e
    }

    var rules: BatchRules { BatchRules(start: day("2026-03-02"), end: day("2026-06-30")) }

    @Test("一: registration within one month, audit plan within two months of the list date")
    func startDueDates() {
        let d = WorkflowRules.dueDates(enterprise())
        #expect(d.registration == day("2025-06-30"))
        #expect(d.auditPlan == day("2025-07-31"))
    }

    @Test("三(一): draft one month before the deadline; 三(二): extension requests three months before")
    func applyDueDates() {
        let d = WorkflowRules.dueDates(enterprise())
        #expect(d.draft == day("2026-04-30"))
        #expect(d.extensionRequest == day("2026-02-28"))  // May 31 − 3 months, clamped
        let extended = WorkflowRules.dueDates(enterprise { $0.extendedDeadline = day("2026-08-31") })
        #expect(extended.acceptance == day("2026-08-31"))
        #expect(extended.draft == day("2026-07-31"))
    }

    @Test("五(二): final report within one month of a pass")
    func finalReport() {
        let passed = enterprise {
            $0.siteInspectionDone = day("2026-03-31")
            $0.result = .pass
        }
        #expect(WorkflowRules.dueDates(passed).finalReport == day("2026-04-30"))
        #expect(WorkflowRules.stage(passed) == .passed)
        let failed = enterprise {
            $0.siteInspectionDone = day("2026-03-31")
            $0.result = .fail
        }
        #expect(WorkflowRules.dueDates(failed).finalReport == nil)
        #expect(WorkflowRules.stage(failed) == .failed)
    }

    @Test("三(二): a late extension request is not accepted; a timely one is pending until decided")
    func extensions() {
        #expect(WorkflowRules.extensionState(enterprise { $0.extensionRequested = day("2026-02-28") }) == .pending)
        #expect(WorkflowRules.extensionState(enterprise { $0.extensionRequested = day("2026-03-01") }) == .late)
        #expect(
            WorkflowRules.extensionState(
                enterprise {
                    $0.extensionRequested = day("2026-01-10")
                    $0.extensionRefused = day("2026-01-20")
                }) == .refused)
        #expect(
            WorkflowRules.extensionState(
                enterprise {
                    $0.extensionRequested = day("2026-01-10")
                    $0.extendedDeadline = day("2026-09-30")
                }) == .granted)
    }

    @Test("三(三): a penalty during the audit period is a one-vote veto")
    func veto() {
        let e = enterprise {
            $0.draftSubmitted = day("2026-02-01")
            $0.penalized = day("2025-12-01")
        }
        let s = WorkflowRules.status(e, rules: rules, calendar: .builtIn)
        #expect(s.stage == .vetoed)
        #expect(s.ineligibility?.code == "penalized")
        #expect(s.window == nil)
    }

    @Test("stages follow the dates given")
    func stages() {
        #expect(WorkflowRules.stage(enterprise()) == .listed)
        #expect(WorkflowRules.stage(enterprise { $0.registered = day("2025-06-10") }) == .registered)
        #expect(
            WorkflowRules.stage(
                enterprise {
                    $0.registered = day("2025-06-10")
                    $0.planFiled = day("2025-07-01")
                }) == .planFiled)
        #expect(WorkflowRules.stage(enterprise { $0.draftSubmitted = day("2026-02-01") }) == .draftSubmitted)
        #expect(
            WorkflowRules.stage(
                enterprise {
                    $0.draftSubmitted = day("2026-02-01")
                    $0.initialReviewDone = day("2026-02-20")
                }) == .initialReviewed)
        #expect(
            WorkflowRules.stage(
                enterprise {
                    $0.siteInspectionDone = day("2026-03-20")
                    $0.result = .pass
                    $0.finalSubmitted = day("2026-04-10")
                }) == .finalReport)
    }

    @Test("overdue flags as of a date")
    func overdue() {
        let e = enterprise { $0.registered = day("2025-07-15") }
        let flags = WorkflowRules.overdue(e, asOf: day("2026-05-01"))
        #expect(flags.contains { $0.step == "registration" && $0.doneLate == day("2025-07-15") })
        #expect(flags.contains { $0.step == "audit-plan" && $0.doneLate == nil })
        #expect(flags.contains { $0.step == "draft" && $0.due == day("2026-04-30") })
        #expect(!flags.contains { $0.step == "acceptance" })
        #expect(WorkflowRules.overdue(e, asOf: day("2026-06-01")).contains { $0.step == "acceptance" })
    }

    @Test("planning window: wd(draft, lead_days) to the deadline in force, within the horizon")
    func window() {
        let e = enterprise { $0.draftSubmitted = day("2026-03-05") }
        let s = WorkflowRules.status(e, rules: rules, calendar: .builtIn)
        #expect(s.ineligibility == nil)
        #expect(s.window?.tasks == [.initial, .site])
        #expect(s.window?.earliestInitial == day("2026-03-10"))
        #expect(s.window?.latestSite == day("2026-05-31"))
        let held = enterprise {
            $0.draftSubmitted = day("2026-01-05")
            $0.initialReviewDone = day("2026-02-27")
        }
        let h = WorkflowRules.status(held, rules: rules, calendar: .builtIn)
        #expect(h.window?.tasks == [.site])
        #expect(h.window?.earliestSite == day("2026-03-12"))  // wd(2026-02-27, 10): Saturday the 28th is a make-up day
        #expect(WorkflowRules.status(enterprise(), rules: rules, calendar: .builtIn).ineligibility?.code == "no-draft")
        var initialOnly = rules
        initialOnly.planInitial = false
        #expect(
            WorkflowRules.status(e, rules: initialOnly, calendar: .builtIn).ineligibility?.code == "no-initial-review")
    }
}
