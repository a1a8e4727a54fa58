import Foundation

/// The one table of user-facing strings, Chinese and English side by side. Every translated
/// text of the tool comes from here; nothing is translated anywhere else.
public enum Strings {
    /// Every entry: the general sentences, the loader's (``loading``), the console's (``console``),
    /// `--help`'s (``help``), the rules' and plan warnings' (``rules``), the TOML reader's
    /// (``toml``) and the nightly job's (``nightly``), which share no key.
    static let table = [loading, console, help, rules, toml, nightly].reduce(general) {
        $0.merging($1) { first, _ in first }
    }

    /// The general sentences: reports, explanations, notices, calendars.
    static let general: [String: (zh: String, en: String)] = [
        "initial": ("初审", "Initial review"),
        "initial_short": ("初审", "initial"),
        "site_short": ("现场验收", "site"),
        "optimal": ("最优", "optimal"),
        "feasible": ("可行", "feasible"),
        "infeasible": ("无可行方案", "infeasible"),
        "time-limit": ("达到时限", "time-limit"),
        "listed": ("已列入名单", "listed"),
        "registered": ("已注册", "registered"),
        "plan-filed": ("已填报审核计划", "plan-filed"),
        "draft-submitted": ("已提交送审稿", "draft-submitted"),
        "initial-reviewed": ("已初审", "initial-reviewed"),
        "site-inspected": ("已现场验收", "site-inspected"),
        "passed": ("验收通过", "passed"),
        "failed": ("验收不通过", "failed"),
        "vetoed": ("一票否决", "vetoed"),
        "final-report": ("已提交最终稿", "final-report"),
        "register": ("注册", "register"),
        "file-audit-plan": ("填报审核计划", "file-audit-plan"),
        "submit-draft": ("提交送审稿", "submit-draft"),
        "initial-review": ("初审", "initial-review"),
        "site-inspection": ("现场验收", "site-inspection"),
        "record-result": ("录入验收结果", "record-result"),
        "submit-final-report": ("提交最终稿", "submit-final-report"),
        "publish-result": ("公布结果", "publish-result"),
        "yes": ("是", "yes"),
        "pending": ("待决定", "pending"),
        "granted": ("已批准", "granted"),
        "refused": ("未批准", "refused"),
        "late": ("逾期申请（不予受理）", "late"),
        "deadline-passed": ("已过截止", "deadline-passed"),
        "penalized": ("受处罚（一票否决）", "penalized"),
        "no-draft": ("未提交送审稿", "no-draft"),
        "extension-pending": ("延期申请待决定", "extension-pending"),
        "already-inspected": ("已现场验收", "already-inspected"),
        "no-initial-review": ("未初审（本批不安排初审）", "no-initial-review"),
        "nothing-to-plan": ("无需安排", "nothing-to-plan"),
        "kind": ("类别", "kind"),
        "tag": ("标签", "tag"),
        "enterprises": ("企业数", "enterprises"),
        "experts_count": ("专家数", "experts"),
        "conflict_free_min": ("无回避专家（最少）", "conflict-free (min)"),
        "note": ("备注", "note"),
        "industry": ("行业", "industry"),
        "pool": ("专家库", "pool"),
        "auditors": ("审核师", "auditors"),
        "leaders": ("组长", "leaders"),
        "site": ("现场验收", "Site inspection"),
        "am": ("上午", "morning"),
        "pm": ("下午", "afternoon"),
        "leader": ("组长", "leader"),
        "panel": ("专家组", "panel"),
        "batch": ("批次", "batch"),
        "planned": ("已安排", "planned"),
        "eligible": ("应安排", "eligible"),
        "status": ("状态", "status"),
        "gap": ("最优性差距", "gap"),
        "objective": ("目标值", "objective"),
        "bound": ("上界", "bound"),
        "time": ("用时", "time"),
        "deadline": ("验收截止", "deadline"),
        "reserves": ("候补专家（按呼叫顺序）", "reserves (in the order to call)"),
        "tasks": ("任务", "tasks"),
        "sheet.schedule": ("日程", "schedule"),
        "cause": ("原因类别", "cause"),
        "code.penalized": ("受环保行政处罚，一票否决", "environmental penalty: one-vote veto"),
        "code.already-inspected": ("已完成现场验收", "site inspection already held"),
        "code.no-draft": ("尚未提交送审稿", "draft report not submitted"),
        "code.extension-pending": ("延期申请待批复", "extension request undecided"),
        "code.no-initial-review": ("本批次不安排初审且尚未初审", "no initial review planned or held"),
        "code.nothing-to-plan": ("本批次无需安排", "nothing to plan in this batch"),
        "code.deadline-passed": ("验收截止日期已过", "deadline passed"),
        "code.window-closed": ("时间窗口内没有可用的工作日", "no working day left in the window"),
        "code.too-few-experts": ("可用专家人数不足", "too few experts"),
        "code.no-industry-expert": ("缺少本行业专家", "no expert of the industry"),
        "code.no-auditor": ("缺少清洁生产审核师", "no certified auditor"),
        "code.no-leader": ("缺少可任组长的专家", "no expert who may lead"),
        "code.too-few-organizations": ("专家所属单位不足（同一单位限一人）", "too few organizations"),
        "code.no-continuity": ("初审专家均无法参加现场验收", "no initial reviewer free for the site"),
        "code.panel-rules": ("专家组规则无法同时满足", "the panel rules cannot all be met"),
        "code.max-parallel": ("同一时段的专家组数已满", "every half-day full (max_parallel)"),
        "code.caps-exhausted": ("专家任务数已达上限", "the experts' caps are used up"),
        "code.industry-experts-busy": ("本行业专家在时间窗口内均无空", "the industry's experts are busy"),
        "code.no-capacity": ("时间窗口内无完整专家组可用", "no full panel free in the window"),
        "code.time-limit": ("求解时限已到，未及安排", "time limit reached before it"),
        "notice.title": ("清洁生产审核验收告知书", "Notice of the cleaner-production audit acceptance"),
        "notice.opening": (
            "贵单位提交的清洁生产审核报告（送审稿）已收到。"
                + "根据深圳市强制性清洁生产审核验收工作安排，"
                + "现将初审和现场验收安排告知如下：",
            "Your cleaner-production audit report (draft for review) has been received. The initial review and "
                + "the on-site acceptance inspection are scheduled as follows:"
        ),
        "notice.place": ("地点", "place"),
        "notice.at_enterprise": ("贵单位现场", "your premises"),
        "notice.at_site": ("企业现场", "the enterprise's premises"),
        "notice.revise": (
            "初审由专家对清洁生产审核报告（送审稿）"
                + "和清洁生产审核绩效表第一稿（送审稿）"
                + "进行书面审查，贵单位无需到场。请按照初审意见修改报告，"
                + "在现场验收前形成清洁生产报告修改稿"
                + "（含报告正文、附件、绩效表、修改意见清单）。",
            "The initial review is the experts' desk review of the report (draft) and of the first draft of the "
                + "performance table; you need not attend. Please revise the report according to its opinions and "
                + "complete the revised report (main text, attachments, performance table, list of changes) before "
                + "the on-site inspection."
        ),
        "notice.prepare_heading": ("现场验收须准备", "To prepare for the on-site inspection"),
        "notice.prepare_report": (
            "清洁生产报告修改稿（含报告正文、绩效表、修改意见清单）一式六份打印；",
            "the revised report (main text, performance table, list of changes), printed in six copies;"
        ),
        "notice.prepare_attachments": (
            "附件一式两份单独打印，供现场查阅。",
            "the attachments, printed separately in two copies, for inspection on site."
        ),
        "notice.deadline": ("本轮验收完成时间截止：{date}。", "Acceptance deadline: {date}."),
        "notice.penalty": (
            "审核期间如再次受到环保行政处罚，请主动报告；"
                + "受到环保行政处罚的企业将不予开展现场验收，直接做验收不合格处理。",
            "If you receive another environmental administrative penalty during the audit, please report it: a "
                + "penalized enterprise is not inspected and fails the acceptance."
        ),
        "notice.free": (
            "清洁生产审核评估验收工作由市生态环境局负责组织实施，"
                + "不向企业收取任何费用。",
            "The Shenzhen Ecology and Environment Bureau organizes the assessment and acceptance and charges no fee."
        ),
        "notice.issuer": ("深圳市生态环境局", "Shenzhen Ecology and Environment Bureau"),
        "invitation.title": ("邀请函", "Invitation"),
        "invitation.dear": ("尊敬的{name}专家：", "Dear {name},"),
        "invitation.opening": (
            "诚邀您作为深圳市清洁生产专家库专家，"
                + "参加深圳市强制性清洁生产审核验收工作，"
                + "共{count}项任务，安排如下：",
            "You are invited, as an expert of the Shenzhen cleaner-production expert pool, to the mandatory "
                + "cleaner-production audit acceptance: {count} tasks, as follows:"
        ),
        "invitation.role": ("角色", "role"),
        "invitation.member": ("组员", "member"),
        "invitation.conflict": (
            "如您与上述企业或其清洁生产技术服务机构存在利害关系，"
                + "请及时告知我局并回避。",
            "If you have an interest in one of these enterprises or in its consultancy, please tell the bureau at once "
                + "and withdraw."
        ),
        "invitation.decline": (
            "如不能参加，请尽早告知我局，以便安排候补专家。",
            "If you cannot attend, please tell the bureau as early as possible so that a reserve expert can be called."
        ),
        "sheet.workload": ("专家工作量", "workload"),
        "sheet.unplanned": ("未安排", "unplanned"),
        "sheet.notifications": ("通知", "notifications"),
        "date": ("日期", "date"),
        "slot": ("时段", "slot"),
        "enterprise": ("企业", "enterprise"),
        "enterprise_id": ("企业编号", "enterprise id"),
        "district": ("区", "district"),
        "task": ("环节", "task"),
        "experts": ("专家", "experts"),
        "expert": ("专家", "expert"),
        "expert_id": ("专家编号", "expert id"),
        "name": ("姓名", "name"),
        "organization": ("单位", "organization"),
        "initial_count": ("初审次数", "initial reviews"),
        "site_count": ("现场验收次数", "site inspections"),
        "total": ("合计", "total"),
        "code": ("原因代码", "code"),
        "reason": ("原因", "reason"),
        "panels": ("场", "panels"),
        "busiest": ("任务最多的专家", "busiest experts"),
        "all_planned": ("所有应安排的企业均已安排", "every eligible enterprise is planned"),
        "not_planned": ("未能安排", "not planned"),
        "not_eligible": ("不符合安排条件", "not eligible"),
        "both": ("两个环节", "both"),
        "wrote": ("已写出", "wrote"),
        "report_title": ("清洁生产审核验收专家安排", "Cleaner-production acceptance panel plan"),
        "at_a_glance": ("概览", "At a glance"),
        "calendar": ("日历", "Calendar"),
        "timeline": ("专家时间线", "Expert timelines"),
        "load_chart": ("专家工作量", "Expert load"),
        "map": ("现场验收分布图", "Site inspections by district"),
        "unplanned": ("未安排企业及原因", "Unplanned enterprises and reasons"),
        "holiday": ("法定节假日", "official holiday"),
        "workday": ("调休工作日", "make-up working day"),
        "deadlines_at_risk": (
            "临近截止（缓冲不足5个工作日）",
            "deadlines at risk (buffer under 5 working days)"
        ),
        "none": ("无", "none"),
        "covered": ("覆盖的强制原因", "covered listing reasons"),
        "continuity": ("初审专家参加现场验收", "continuity"),
        "travel": ("路程（分钟）", "travel (minutes)"),
        "buffer": ("截止前缓冲（工作日）", "buffer (working days)"),
        "stage": ("阶段", "stage"),
        "next": ("下一步", "next"),
        "next_due": ("截止日期", "due"),
        "overdue": ("逾期", "overdue"),
        "veto": ("一票否决", "veto"),
        "extension": ("延期", "extension"),
        "earliest_initial": ("最早初审", "earliest initial"),
        "latest_site": ("最晚现场验收", "latest site"),
        "status_as_of": ("状态日期", "status as of"),
        "errors": ("错误", "errors"),
        "warnings": ("警告", "warnings"),
        "ok": ("通过", "OK"),
        "counts": (
            "专家 %d 名，企业 %d 家，机构 %d 个，回避声明 %d 条，"
                + "不可用时段 %d 条，固定安排 %d 条",
            "%d experts, %d enterprises, %d organizations, %d conflicts, %d unavailability periods, %d fixed rows"
        ),
        "horizon": ("计划期 %@..%@：%d 个工作日", "horizon %@..%@: %d working days"),
        "eligible_of": ("可安排企业：%d / %d", "eligible for planning: %d of %d"),
        "summary_planned": (
            "已安排 %d/%d 家应安排企业，共 %d 场",
            "planned %d/%d eligible enterprises, %d panels"
        ),
        "summary_status": (
            "状态 %@  目标值 %.2f  上界 %.2f  差距 %.4f%%  用时 %.2f 秒",
            "status %@  objective %.2f  bound %.2f  gap %.4f%%  time %.2f s"
        ),
        "summary_infeasible": (
            "固定行违反硬性规则或相互矛盾：没有满足全部规则的方案。"
                + "本计划保留固定行，每处违反见警告。",
            "The fixed rows break the hard rules or each other: no plan keeps every rule. This plan keeps the "
                + "fixed rows; each breach is named in the warnings."
        ),
        "summary_levels": (
            "在不降低前序目标的前提下，距各目标可达上限：",
            "how far each goal is from the best a plan could reach without giving up the goals before it: "
        ),
        "level_planned": ("安排企业数", "enterprises planned"),
        "level_expertise": ("专业覆盖", "expertise"),
        "level_continuity": ("连续性", "continuity"),
        "level_buffer": ("截止前缓冲", "buffer before deadlines"),
        "summary_weeks": (
            "最忙的一周 %d 项任务（各企业时间窗口所允许的最低峰值 %d）",
            "busiest week %d tasks (the enterprises' windows allow a peak of %d at the least)"
        ),
        "summary_parts": (
            "覆盖强制原因 %d，连续性 %d，路程 %.0f 分钟，"
                + "超出均衡负荷 %.0f，截止前缓冲 %d 个工作日",
            "covered listing reasons %d, continuity %d, travel %.0f min, load above even share %.0f, buffer %d "
                + "working days"
        ),
        // What changed in the batch folder (causes in changes.txt and the notifications).
        "event_enterprise_added": ("%@ 加入本批次", "%@ added to the batch"),
        "event_enterprise_withdrawn": ("%@ 退出本批次", "%@ withdrawn from the batch"),
        "event_dated": ("%@ %@ %@", "%@ %@ %@"),
        "event_cleared": ("%@ %@：已清除", "%@ %@ cleared"),
        "event_label_draft-arrived": ("提交送审稿", "draft submitted"),
        "event_label_penalized": ("受处罚（一票否决）", "penalized (one-vote veto)"),
        "event_label_extension-requested": ("申请延期", "extension requested"),
        "event_label_extension-granted": ("验收截止延至", "deadline extended to"),
        "event_label_extension-refused": ("延期申请未获批准", "extension refused"),
        "event_label_initial-review-done": ("已初审", "initial review held"),
        "event_label_site-inspection-done": ("已现场验收", "site inspection held"),
        "event_deadline_changed": ("%@ 验收截止 %@ → %@", "%@ deadline %@ → %@"),
        "event_enterprise_changed": ("%@ 企业信息变更", "%@ details changed"),
        "event_expert_added": ("%@ 加入专家库", "%@ joined the pool"),
        "event_expert_removed": ("%@ 离开专家库", "%@ left the pool"),
        "event_expert_active_false": ("%@ 停用（不再参加评审）", "%@ no longer active"),
        "event_expert_active_true": ("%@ 恢复启用", "%@ active again"),
        "event_expert_changed": ("%@ 专家信息变更", "%@ details changed"),
        "event_unavailable": ("%@ %@..%@ 不能参加%@", "%@ unavailable %@..%@%@"),
        "event_reason": ("（%@）", " (%@)"),
        "event_available": ("%@ %@..%@ 恢复可参加", "%@ available again %@..%@"),
        "event_conflict_declared": ("%@ 申报与 %@ 存在利益冲突（回避）", "%@ declared a conflict with %@"),
        "event_conflict_withdrawn": ("%@ 撤回与 %@ 的回避声明", "%@ conflict with %@ withdrawn"),
        "event_fixed_added": ("%@ %@ 固定于 %@ %@", "%@ %@ fixed on %@ %@"),
        "event_fixed_removed": ("%@ %@ 不再固定", "%@ %@ no longer fixed"),
        "event_declined": ("%@ 谢绝参加 %@ %@%@", "%@ declined %@ %@%@"),
        "event_file_batch.toml": ("批次规则（batch.toml）已修改", "the batch rules (batch.toml) changed"),
        "event_file_calendar.csv": ("日历（calendar.csv）已修改", "the calendar (calendar.csv) changed"),
        "event_file_affinity.csv": (
            "专家匹配度（affinity.csv）已修改", "the affinity scores (affinity.csv) changed"
        ),
        "event_file_travel.csv": ("路程时间（travel.csv）已修改", "the travel times (travel.csv) changed"),
        // Tasks and half-days inside sentences.
        "task_initial": ("初审", "initial"),
        "task_site": ("现场验收", "site"),
        "task_phrase_initial": ("初审", "initial review"),
        "task_phrase_site": ("现场验收", "site inspection"),
        "slot_am": ("上午", "am"),
        "slot_pm": ("下午", "pm"),
        "member": ("组员", "member"),
        "html_lang": ("zh-CN", "en"),
        "history_version": ("版本", "version"),
        "history_created": ("创建时间（UTC）", "created (UTC)"),
        "history_by": ("创建者", "by"),
        "history_published": ("公布", "published"),
        "history_published_at": ("已公布 %@", "published %@"),
        "history_reference": ("← 下次重新规划的参照版本", "← reference of the next replan"),
        "bureau": ("深圳市生态环境局", "Shenzhen Municipal Ecology and Environment Bureau"),
        // What-if charts.
        "chart_planned_share": ("已安排比例（%）", "planned share (%)"),
        "chart_median_buffer": ("截止前缓冲中位数（工作日）", "median deadline buffer (working days)"),
        "chart_week_use": ("每周需求占可用能力（%）", "weekly demand as a share of supply (%)"),
        "chart_week": ("周", "week"),
        "role_seats": ("专家席位", "seats"),
        "role_leaders": ("组长", "leaders"),
        "role_auditors": ("审核师", "auditors"),
        "role_industry": ("行业 %@", "industry %@"),
        "ics_lang": ("ZH", "EN"),
        "month_heading": ("%d年%d月", "%d-%02d"),
        "none_for_some": ("⚠ 部分企业无人可派", "⚠ none for some"),
        // changes.txt
        "no_changes_since": ("自第 %lld 版以来没有变更", "no changes since version %lld"),
        "changes_against_published": ("对照已公布的第 %lld 版", "against published version %lld"),
        "changes_against_latest": (
            "对照第 %lld 版（最新一版，尚未公布）",
            "against version %lld (the latest; none is published yet)"
        ),
        "changes_against_none": ("无对照版本", "against none"),
        "changes_count": ("%@：%d 项变更", "%@: %d changes"),
        "changes_count_one": ("%@：%d 项变更", "%@: %d change"),
        "change_added": ("新增 %@ %@ %@ [%@]", "added   %@ %@ %@ [%@]"),
        "change_removed": ("取消 %@ %@ %@", "removed %@ %@ %@"),
        "change_moved": ("改期 %@ %@ %@ → %@", "moved   %@ %@ %@ → %@"),
        "change_panel": ("换人 %@ %@ %@", "panel   %@ %@ %@"),
        "change_leader": ("（组长 %@ → %@）", " (leader %@ → %@)"),
        "change_because": ("  原因：%@", "  because %@"),
        "list_separator": ("；", "; "),
        "diff_header": ("第 %lld 版 → 第 %lld 版：%d 项变更", "version %lld → %lld: %d changes"),
        "diff_header_one": ("第 %lld 版 → 第 %lld 版：%d 项变更", "version %lld → %lld: %d change"),
        // One sentence per notification; {names} are filled in by ``Strings/fill(_:_:_:)``.
        "note_assigned": (
            "{expert}专家：请于 {after} 参加 {enterprise} {enterprise_name} 的{task}，担任{role}。",
            "{expert}: you are invited to the {task} of {enterprise} {enterprise_name} on {after}, as {role}."
        ),
        "note_released": (
            "{expert}专家：{enterprise} {enterprise_name} {before} 的{task}不再需要您参加。",
            "{expert}: you are released from the {task} of {enterprise} {enterprise_name} on {before}."
        ),
        "note_moved": (
            "{expert}专家：{enterprise} {enterprise_name} 的{task}由 {before} 改至 {after}，"
                + "您仍担任{role}。",
            "{expert}: the {task} of {enterprise} {enterprise_name} moves from {before} to {after}; you stay on it "
                + "as {role}."
        ),
        "note_panel-changed": (
            "{expert}专家：{enterprise} {enterprise_name} {after} 的{task}专家组有变动，"
                + "您仍担任{role}。",
            "{expert}: the panel of the {task} of {enterprise} {enterprise_name} on {after} changed; you stay on "
                + "it as {role}."
        ),
        "note_cause": ("原因：%@。", " Cause: %@."),
        // Sentences built from phrases (``Phrase``): lists and clauses.
        "verbatim": ("{text}", "{text}"),
        "clauses": ("{parts}", "{parts}"),
        "clauses.separator": ("；", "; "),
        "list.separator": ("、", ", "),
        // Why an enterprise is not planned (plan.json `reason` and `reason_zh`). Rule 2 first.
        "why.vetoed": (
            "{date} 受到环保行政处罚：一票否决，不开展现场验收（规则 2）",
            "environmental penalty on {date}: one-vote veto, no site inspection (rule 2)"
        ),
        "why.already-inspected-on": (
            "已于 {date} 现场验收或已有验收结果（规则 2）",
            "site inspection already held on {date} or result given (rule 2)"
        ),
        "why.already-inspected": (
            "已现场验收或已有验收结果（规则 2）",
            "site inspection already held or result given (rule 2)"
        ),
        "why.no-draft": ("尚未提交送审稿（规则 2）", "draft report not submitted yet (rule 2)"),
        "why.extension-pending": (
            "已于 {date} 申请延期，尚未决定（规则 2）",
            "extension requested {date}, not yet decided (rule 2)"
        ),
        "why.no-initial-review": (
            "本批不安排初审，且尚未完成初审（规则 4）",
            "initial reviews are not planned in this batch and none was held yet (rule 4)"
        ),
        "why.nothing-to-plan": (
            "本批既不安排初审也不安排现场验收",
            "this batch plans neither initial reviews nor site inspections"
        ),
        "why.time-limit": (
            "计算时限 {seconds} 秒已用完，尚未处理到该企业（[solver] time_limit_seconds）",
            "the time limit of {seconds} s ran out before this enterprise was reached ([solver] time_limit_seconds)"
        ),
        // The window (rules 1, 3, 4).
        "why.deadline": ("截止日期 {date}", "deadline {date}"),
        "why.extended-deadline": ("延期后的截止日期 {date}", "extended deadline {date}"),
        "why.deadline-before-start": (
            "{deadline}早于本批开始日期 {start}（规则 4）",
            "the {deadline} is before the batch starts on {start} (rule 4)"
        ),
        "why.no-initial-day": (
            "wd(送审稿 {draft}, lead_days={lead}) = {first} 至 {last}（{deadline}和本批结束日期 {end} "
                + "所允许的最后一天）之间没有可安排初审的工作日（规则 1、3、4）",
            "no working day for the initial review between wd(draft {draft}, lead_days={lead}) = {first} and {last}, "
                + "the last day the {deadline} and the batch end ({end}) allow (rules 1, 3, 4)"
        ),
        "why.fixed-site-too-early": (
            "固定的现场验收在 {date} {slot}，需在其前 revision_days={revision} 个工作日完成初审，"
                + "但最早的初审为 {first}（wd(送审稿, lead_days={lead})，规则 3、4）",
            "the fixed site inspection on {date} {slot} needs the initial review revision_days={revision} working days "
                + "before it, but the earliest initial review is {first} (wd(draft, lead_days={lead}), rules 3, 4)"
        ),
        "why.from-earliest-initial": ("最早的初审", "the earliest initial review"),
        "why.from-initial-on": ("{date} 的初审", "the initial review of {date}"),
        "why.from-fixed-initial": ("固定的初审", "the fixed initial review"),
        "why.no-site-day": (
            "现场验收需在{from}之后 revision_days={revision} 个工作日，即最早 {earliest}，"
                + "但{deadline}和本批结束日期 {end} 最晚只允许 {last}（规则 3、4）",
            "the site inspection needs revision_days={revision} working days after {from}, i.e. {earliest} at the "
                + "earliest, but the {deadline} and the batch end ({end}) allow {last} at the latest (rules 3, 4)"
        ),
        // The pool, ignoring dates (rules 5–7).
        "why.rule-code": ("规则 {rule} {code}", "rule {rule} {code}"),
        "why.panel-rules": (
            "{count} 名无回避专家无法组成同时满足全部专家组规则（{rules}）的 {size} 人{task"
                + "}专家组",
            "no {task} panel of {size} meets all panel rules together ({rules}) with the {count} conflict-free experts"
        ),
        "why.pool.too-few": (
            "只有 {have} 名专家无利益冲突且未达上限，而{task}专家组需要 {need} 名（规则 5"
                + "、6）",
            "only {have} experts are free of conflicts of interest and below their caps, but a {task} panel needs "
                + "{need} (rules 5, 6)"
        ),
        "why.pool.no-holder": (
            "专家库中没有具有专长“{tag}”的专家，而每个专家组都需要一名（规则 7，req"
                + "uire_industry）",
            "no expert in the pool has specialty '{tag}', and every panel needs one (rule 7, require_industry)"
        ),
        "why.pool.conflict-item": ("{expert}：{message}（规则 {rule}）", "{expert}: {message}"),
        "why.pool.conflicted": ("{count} 名有利益冲突（{why}）", "{count} with a conflict of interest ({why})"),
        "why.pool.capped": ("{count} 名的 {cap}=0", "{count} with {cap}=0"),
        "why.pool.no-industry": (
            "没有具有专长“{tag}”的无回避专家：专家库中有 {holders} 名具备该专长，{parts"
                + "}，而每个专家组都需要一名（规则 6、7）",
            "no conflict-free expert with specialty '{tag}': {holders} in the pool have it, {parts}, and every panel "
                + "needs one (rules 6, 7)"
        ),
        "why.pool.no-auditor": (
            "专家库中没有无回避的清洁生产审核师，而每个专家组都需要一名（规则 6、7"
                + "，require_auditor）",
            "no conflict-free certified cleaner-production auditor in the pool, and every panel needs one (rules 6, 7, "
                + "require_auditor)"
        ),
        "why.pool.no-leader": (
            "没有 leader = yes 的无回避专家，而每个现场验收专家组都需要一名组长（规则 5"
                + "、6）",
            "no conflict-free expert with leader = yes, and every site panel needs one (rules 5, 6)"
        ),
        "why.pool.too-few-organizations": (
            "无回避专家只来自 {have} 个单位，而{task}专家组按 one_per_organization 需要 {need} "
                + "个不同单位（规则 6、7）",
            "the conflict-free experts come from only {have} organizations, but one_per_organization needs {need} "
                + "different ones for a {task} panel (rules 6, 7)"
        ),
        "why.pool.no-continuity": (
            "其初审专家均不能参加现场验收专家组（continuity = \"require\"，规则 7）",
            "none of its initial reviewers may sit on the site panel (continuity = \"require\", rule 7)"
        ),
        "why.pool.combination": (
            "无法组成同时满足全部专家组规则的{task}专家组（规则 5–7）",
            "no {task} panel meets all panel rules together (rules 5–7)"
        ),
        // Capacity in the window (rules 7–10).
        "why.at-cap": ("{expert}（已达 {cap}={n}）", "{expert} at {cap}={n}"),
        "why.list-and-more": ("{items}等，另有 {more} 名", "{items} and {more} more"),
        "why.caps.too-few": (
            "{free} 名无回避专家中只有 {have} 名尚未达到 {cap} 上限，而{task}专家组需要 {need"
                + "} 名（规则 8）",
            "only {have} of the {free} conflict-free experts are still below their {cap} cap, and a {task} panel "
                + "needs {need} (rule 8)"
        ),
        "why.caps.no-industry": (
            "具有专长“{tag}”的无回避专家均已达到上限（{experts}），而每个专家组都需"
                + "要一名（规则 7、8）",
            "every conflict-free expert with specialty '{tag}' is at their cap ({experts}), and every panel needs one "
                + "(rules 7, 8)"
        ),
        "why.caps.no-auditor": (
            "所有无回避的清洁生产审核师均已达到 {cap} 上限，而每个专家组都需要一名（"
                + "规则 7、8）",
            "every conflict-free certified auditor is at {cap}, and every panel needs one (rules 7, 8)"
        ),
        "why.caps.no-leader": (
            "所有可任组长的无回避专家均已达到上限（{experts}）（规则 5、8）",
            "every conflict-free expert who may lead is at their cap ({experts}) (rules 5, 8)"
        ),
        "why.caps.too-few-organizations": (
            "尚未达到 {cap} 上限的 {open} 名无回避专家只来自 {have} 个单位，而 one_per_organiza"
                + "tion 需要 {need} 个（规则 7、8）",
            "the {open} conflict-free experts below their {cap} cap come from {have} organizations, and "
                + "one_per_organization needs {need} (rules 7, 8)"
        ),
        "why.caps.combination": (
            "尚未达到 {cap} 上限的专家无法组成{task}专家组（规则 5–8）",
            "the experts below their {cap} caps cannot form a {task} panel (rules 5–8)"
        ),
        "why.max-parallel": (
            "{span} 的每个半天都已安排 max_parallel={n} 场{task}（规则 10）",
            "every half-day of {span} already holds max_parallel={n} {task}s (rule 10)"
        ),
        "why.no-panel-free": (
            "{span} 没有一个半天能凑齐{task}专家组",
            "no half-day of {span} has a full {task} panel free"
        ),
        "why.no-panel-free-after": (
            "初审可以安排，但其后 {span} 没有一个半天能凑齐{task}专家组",
            "the initial review fits, but no half-day of {span} has a full {task} panel free after it"
        ),
        "why.colon": ("{head}：{tail}", "{head}: {tail}"),
        "why.in-half-days": ("{tried} 个半天中有 {count} 个{what}", "in {count} of {tried} half-days {what}"),
        "why.short.too-few": (
            "空闲的无回避专家不足 {size} 名（不可用、已在其他专家组，或已达 max_per_day={d"
                + "ay}、max_per_week={week}、"
                + "{cap} 上限，或第二场现场距离过远）",
            "fewer than {size} conflict-free experts were free (unavailable, in another panel, or at "
                + "max_per_day={day}, max_per_week={week}, {cap} caps, or too far for a second visit)"
        ),
        "why.short.no-auditor": (
            "没有空闲的清洁生产审核师（require_auditor）",
            "no free certified auditor (require_auditor)"
        ),
        "why.short.no-industry": (
            "没有空闲的具有专长“{tag}”的专家（require_industry）",
            "no free expert with specialty '{tag}' (require_industry)"
        ),
        "why.short.no-leader": (
            "没有空闲的可任现场验收组长的专家",
            "no free expert who may lead a site panel"
        ),
        "why.short.too-few-organizations": (
            "空闲专家来自不足 {size} 个单位（one_per_organization）",
            "the free experts came from fewer than {size} organizations (one_per_organization)"
        ),
        "why.short.no-continuity": (
            "其初审专家均无空闲（continuity = \"require\"）",
            "none of its initial reviewers was free (continuity = \"require\")"
        ),
        "why.short.combination": (
            "空闲专家无法同时满足全部专家组规则",
            "the free experts could not meet all panel rules together"
        ),
        "why.parallel-full": (
            "{count} 个半天已达 max_parallel={n}（规则 10）",
            "{count} half-days were full at max_parallel={n} (rule 10)"
        ),
        "why.expert-state": ("{expert}{state}", "{expert} {state}"),
        "why.industry-states-one": (
            "具有专长“{tag}”的 {count} 名无回避专家：{states}",
            "the {count} conflict-free expert with specialty '{tag}': {states}"
        ),
        "why.industry-states": (
            "具有专长“{tag}”的 {count} 名无回避专家：{states}",
            "the {count} conflict-free experts with specialty '{tag}': {states}"
        ),
        "why.state.at-cap": ("已达 {cap}={n}", "is at {cap}={n}"),
        "why.state.away": ("在 {from}..{to} 不可用{note}{more}", "is unavailable {from}..{to}{note}{more}"),
        "why.state.away-note": ("（{reason}）", " ({reason})"),
        "why.state.away-more": ("，另有 {n} 个不可用时段", " and {n} more periods"),
        "why.state.busy": (
            "在空闲的半天已有任务或已达 max_per_day/max_per_week",
            "is busy or at max_per_day/max_per_week in the free half-days"
        ),
        "why.relaxing": ("仅放宽{rule}即可安排", "relaxing {rule} alone would let it be planned"),
        "why.relax.max-parallel": ("max_parallel（规则 10）", "max_parallel (rule 10)"),
        "why.relax.max-per-week": ("max_per_week={n}（规则 8）", "max_per_week={n} (rule 8)"),
        "why.relax.max-per-day": ("max_per_day={n}（规则 8）", "max_per_day={n} (rule 8)"),
        "why.relax.caps": ("max_initial/max_site 上限（规则 8）", "the max_initial/max_site caps (rule 8)"),
        "why.relax.travel": ("max_travel_minutes={n}（规则 9）", "max_travel_minutes={n} (rule 9)"),
        "why.relax.unavailability": ("专家的不可用时段（规则 8）", "the experts' unavailability (rule 8)"),
        "why.relax.one-per-organization": ("one_per_organization（规则 7）", "one_per_organization (rule 7)"),
        "why.rules-7-8": ("{text}（规则 7、8）", "{text} (rules 7, 8)"),
    ]

    /// A short phrase for an `unscheduled` code (the code itself when the table has none).
    public static func cause(_ code: String, _ language: Language) -> String {
        table["code." + code].map { language == .zh ? $0.zh : $0.en } ?? code
    }

    /// The text of `key` in `language` (the key itself when missing, so a gap shows).
    public static func text(_ key: String, _ language: Language) -> String {
        guard let entry = table[key] else { return key }
        return language == .zh ? entry.zh : entry.en
    }

    /// The text of `key` with each `{name}` replaced by `values[name]`: for sentences whose
    /// parts come in another order in each language.
    /// One pass over the template: a value that itself holds `{…}` is never filled again.
    /// - Complexity: O(*n*) in the template's length plus the values'.
    public static func fill(_ key: String, _ language: Language, _ values: [String: String]) -> String {
        let template = text(key, language)
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])]
            else {
                out.append("{")
                rest = rest[after...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A formatted text (printf-style arguments).
    public static func format(_ key: String, _ language: Language, _ args: CVarArg...) -> String {
        String(format: text(key, language), arguments: args)
    }
}
