/// The string table's sentences about the hard rules (a violation and its numbers) and the
/// plan's warnings to the organizer (fixed rows, history, workflow notes).
extension Strings {
    static let rules: [String: (zh: String, en: String)] = [
        "rule.violation": ("{message}（规则 {rule}）", "{message} (rule {rule})"),
        "rule.inactive": ("未启用（active = no）", "not active (active = no)"),
        "rule.no-auditor": ("没有持证审核师（require_auditor）", "no certified auditor (require_auditor)"),
        "rule.unavailable": ("{day} 不可出席", "unavailable on {day}"),
        "rule.no-continuity": (
            "现场验收专家组中没有任何初审专家（continuity = \"require\"）",
            "none of the initial reviewers sits on the site panel (continuity = \"require\")"
        ),
        "rule.max-per-day": (
            "{day} 已有 {tasks} 项任务（max_per_day={cap}）",
            "{tasks} tasks on {day} already (max_per_day={cap})"
        ),
        "rule.no-industry-expert": (
            "没有专业为「{industry}」的专家（require_industry）",
            "no expert with specialty '{industry}' (require_industry)"
        ),
        "rule.no-leader": ("没有可任组长的成员（leader = yes）", "no member may lead (leader = yes)"),
        "rule.one-per-organization": (
            "有两位专家来自同一单位（one_per_organization）",
            "two experts of one organization (one_per_organization)"
        ),
        "rule.busy-slot": ("该半天已在另一个专家组", "already on a panel in that half-day"),
        "rule.listed-twice": ("有专家被列了两次", "an expert is listed twice"),
        "rule.panel-size": (
            "{count} 位专家，该任务的专家组应为 {size} 人",
            "{count} experts, panels of this task have {size}"
        ),
        "rule.max-parallel": (
            "{day} {slot} 已有 {panels} 个 {task} 专家组（max_parallel={cap}）",
            "{panels} {task} panels in {day} {slot} already (max_parallel={cap})"
        ),
        "rule.max-of-kind": (
            "已有 {tasks} 项 {task} 任务（{key}={cap}）",
            "{tasks} {task} tasks already ({key}={cap})"
        ),
        "rule.max-per-week": (
            "{day} 所在的周已有 {tasks} 项任务（max_per_week={cap}）",
            "{tasks} tasks in the week of {day} already (max_per_week={cap})"
        ),
        "rule.outside-horizon": (
            "{day} 不在批次的排期范围 {start}..{end} 内",
            "{day} is outside the batch horizon {start}..{end}"
        ),
        "rule.not-working-day": ("{day} 不是工作日", "{day} is not a working day"),
        "rule.travel": (
            "当天在 {district} 有现场验收，相距{away}（max_travel_minutes={cap}）",
            "a site visit in {district} the same day, {away} away (max_travel_minutes={cap})"
        ),
        "rule.travel-minutes": ("{minutes} 分钟", "{minutes} min"),
        "rule.travel-unknown": ("未知的路程时间", "an unknown travel time"),
        "rule.conflict.employed": ("受雇于该企业", "employed by the enterprise"),
        "rule.conflict.consultancy": (
            "受雇于其咨询机构 {consultancy}",
            "employed by its consultancy {consultancy}"
        ),
        "rule.conflict.declared": ("已申报利益冲突（{reason}）", "declared conflict ({reason})"),
        "rule.conflict.declared-consultancy": (
            "已申报与其咨询机构 {consultancy} 存在利益冲突",
            "declared conflict with its consultancy {consultancy}"
        ),
        "rule.conflict": ("利益冲突", "conflict"),
        "rule.leader-cannot-lead": ("组长 {leader} 的 leader 为 no", "leader {leader} has leader = no"),
        "rule.expert-conflict": (
            "{expert} 存在利益冲突：{message}",
            "{expert} has a conflict of interest, {message}"
        ),
        "rule.expert-is": ("{expert}：{message}", "{expert} is {message}"),
        "rule.expert-load": ("{expert}：{why}", "{expert}: {why}"),
        "plan.fixed-row": (
            "固定行 {enterprise} {task} {day} {slot}：{violation}，仍按固定行保留",
            "fixed {enterprise} {task} {day} {slot}: {violation}, kept as fixed"
        ),
        "plan.enterprise-note": ("{enterprise}：{note}", "{enterprise}: {note}"),
        "plan.internal-bound": (
            "internal：松弛上界 {bound} 低于排期的目标值 {objective}",
            "internal: the relaxation bound {bound} is below the plan's objective {objective}"
        ),
        "plan.history.left-pool": ("{expert} 已不在专家库中", "{expert} is no longer in the pool"),
        "plan.history.panel-size": (
            "其专家组有 {count} 位专家，现在专家组应为 {size} 人",
            "its panel has {count} experts, panels now have {size}"
        ),
        "plan.history.leader": ("其组长 {leader} 已不能任组长", "its leader {leader} may no longer lead"),
        "plan.history.conflict": ("{expert} 现在存在利益冲突", "{expert} now has a conflict of interest"),
        "plan.history.now": ("{expert} 现在{message}", "{expert} is now {message}"),
        "plan.history.cannot-serve": ("{expert} 那时无法出席（{why}）", "{expert} cannot serve then ({why})"),
        "plan.history.window": (
            "其日期已不在工作流程的时间窗内",
            "its date no longer fits the workflow window"
        ),
        "plan.history.fact": (
            "{enterprise} 于 {day} {slot} 的{task}已进行（既成事实），但按今天的数据{problem}："
                + "按原样保留",
            "{enterprise} {task} of {day} {slot} took place (a fact) but today's data says {problem}: kept as it was"
        ),
        "workflow.late-extension": (
            "延期申请（{date}）晚于 {limit}（截止日期前 3 个月）提交：不予受理，已忽略",
            "extension request of {date} arrived after {limit} (deadline − 3 months): not accepted, ignored"
        ),
    ]
}
