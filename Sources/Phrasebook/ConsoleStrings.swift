/// The string table's sentences that commands print on the console: `whatif`'s answers and
/// the planner's progress lines.
extension Strings {
    static let console: [String: (zh: String, en: String)] = [
        "whatif.recruit.count": (
            "需招募专家：{count} 位（聚合模型证明至少需要 {minimum} 位）",
            "experts to recruit: {count} (the aggregate model proves at least {minimum} necessary)"
        ),
        "whatif.recruit.promise": (
            "把他们追加到 experts.csv 后，{eligible} 家符合条件的企业中可安排 {promised} 家（"
                + "已实际排期验证；"
                + "按现有专家库为 {before} 家）",
            "with them appended to experts.csv, {promised} of {eligible} eligible enterprises are planned "
                + "(verified by planning; {before} with the pool as it is)"
        ),
        "whatif.recruit.unfixable.one": (
            "招募专家也帮不了 {count} 家企业：",
            "no recruit can help {count} enterprise:"
        ),
        "whatif.recruit.unfixable.many": (
            "招募专家也帮不了 {count} 家企业：",
            "no recruit can help {count} enterprises:"
        ),
        "whatif.recruit.any-specialty": ("专业不限", "any specialty"),
        "whatif.recruit.specialty": ("专业 {tags}", "specialty {tags}"),
        "whatif.recruit.auditor": ("，持证审核师", ", certified auditor"),
        "whatif.recruit.leader": ("，可任组长", ", may lead"),
        "whatif.recruit.based": ("，常驻{district}", ", based in {district}"),
        "whatif.recruit.weeks": ("；需要的周：{weeks}", "; needed in {weeks}"),
        "whatif.recruit.no-week": ("无", "no week"),
        "whatif.recruit.not-from": ("；不得来自 {organizations}", "; not from {organizations}"),
        "whatif.max-batch": (
            "专家库在本批次之外还能承接的企业：{verified} 家（已把这些企业加入本批次实"
                + "际排期验证；聚合上界 {bound}；"
                + "本批次本身安排 {baseline} 家）",
            "enterprises the pool can absorb beyond the batch: {verified} (verified by planning the batch with "
                + "exactly these added; aggregate bound {bound}; the batch itself: {baseline} planned)"
        ),
        "whatif.max-batch.item": (
            "{id}：与{district}的 {industry} 企业相同，截止日期 {deadline}",
            "{id}: like {industry} in {district}, deadline {deadline}"
        ),
        "whatif.plans": (
            "{count} 个方案，用时 {seconds} 秒，每次并行 {jobs} 个",
            "{count} plans in {seconds} s, {jobs} at a time"
        ),
        "whatif.capacity-by-week": (
            "按周的容量，{scenario}（需求/供给；* 表示达到 90 % 或以上）：",
            "capacity by week, {scenario} (demand/supply; * at 90 % or more):"
        ),
        "progress.phase.construct": ("构造", "construct"),
        "progress.phase.improve": ("改进", "improve"),
        "progress.phase.search": ("搜索", "search"),
        "progress.phase.bound": ("界", "bound"),
        "progress.phase.done": ("完成", "done"),
        "progress.phase.assign": ("分配", "assign"),
        "progress.tasks": ("已排任务 {n}", "tasks planned {n}"),
        "progress.incumbent": ("当前最优 {value}", "incumbent {value}"),
        "progress.bound": ("上界 {value}", "bound {value}"),
        "progress.gap": ("差距 {value}%", "gap {value}%"),
        "progress.seconds": ("{value} 秒", "{value} s"),
    ]
}
