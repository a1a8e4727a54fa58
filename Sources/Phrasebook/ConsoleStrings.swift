/// The string table's sentences that commands print on the console: `whatif`'s answers, the
/// planner's progress lines and the commands' own usage errors.
extension Strings {
    static let console: [String: (zh: String, en: String)] = [
        // What the commands say when they end: errors (with an exit code of their own), what was written.
        "cli.error": ("错误：{text}", "error: {text}"),
        "cli.failure": (
            "错误：{text}（上一版排期未受影响）",
            "error: {text} (the last plan is untouched)"
        ),
        "cli.plan-failed": (
            "错误：{text}；之前的排期（如有）未受影响",
            "error: {text}; the previous plan (if any) is untouched"
        ),
        "cli.published-exists": (
            "错误：排期库中已有已公布的版本 {version}：请用 `panelplan replan {batch}` "
                + "围绕它重新排期，或用 `plan --force` 从头排期",
            "error: the store holds published version {version}: use `panelplan replan {batch}` to replan around it, "
                + "or `plan --force` to plan anew"
        ),
        "cli.draw-needs-seed-text": (
            "错误：batch.toml 的 [draw] mode = \"on\" 需要 --seed-text TEXT",
            "error: batch.toml [draw] mode = \"on\" needs --seed-text TEXT"
        ),
        "cli.cannot-write-plan": (
            "错误：无法把排期写入 {folder}：{text}",
            "error: cannot write the plan to {folder}: {text}"
        ),
        "cli.not-recorded": (
            "警告：排期已写出，但未记入排期库：{text}",
            "warning: the plan was written but not recorded in the store: {text}"
        ),
        "cli.recorded-version": ("（排期库 {store} 中的版本 {version}）", " (version {version} in {store})"),
        "cli.not-a-plan": (
            "错误：{file}：不是可读取的 plan.json（FORMAT v1）",
            "error: {file}: not a readable plan.json (FORMAT v1)"
        ),
        "cli.cannot-write": ("错误：无法写入 {path}：{text}", "error: cannot write {path}: {text}"),
        "cli.wrote-files.one": ("已写出 1 个文件到 {folder}", "wrote 1 file to {folder}"),
        "cli.wrote-files": ("已写出 {count} 个文件到 {folder}", "wrote {count} files to {folder}"),
        "cli.generated": (
            "已写出 {folder}：{enterprises} 家企业、{experts} 位专家、自 {start} 起 {months} 个月",
            "wrote {folder}: {enterprises} enterprises, {experts} experts, {months} months from {start}"
        ),
        "cli.no-store": (
            "错误：{store} 处没有排期库（请先运行 `panelplan plan`，或用 --db 指定）",
            "error: no plan store at {store} (run `panelplan plan` first, or give --db)"
        ),
        "cli.cannot-open-store": (
            "错误：无法打开排期库 {store}（{text}）：请检查文件夹可写、磁盘未满",
            "error: cannot open the plan store {store} ({text}): check that the folder is writable "
                + "and the disk not full"
        ),
        "cli.published": ("已公布版本 {version}", "published version {version}"),
        "cli.cannot-read": ("错误：无法读取 {file}", "error: cannot read {file}"),
        "cli.not-a-draw": (
            "错误：{file} 不是 PanelPlan 的 draw.json：应为含 seed_text、solver_seed 和 time_limit_seconds"
                + "（0 < 秒数 ≤ 86400）的 JSON 对象",
            "error: {file} is not a PanelPlan draw.json: expected a JSON object with seed_text, solver_seed "
                + "and time_limit_seconds (0 < seconds ≤ 86400)"
        ),
        "cli.verified": ("已核验（verified）", "verified"),
        "cli.draw-text-differs": (
            "文件文本与重新计算的 draw.json 不同",
            "the file's text differs from the recomputed draw.json"
        ),
        "cli.draw-time-limit": (
            "注意：重新计算的排期在时限处停止；较慢的机器可能排出不同的结果",
            "note: the recomputed plan stopped at its time limit; a slower machine may plan differently"
        ),
        "cli.wrote-recruits": (
            "已写出 {folder}/experts-to-recruit.csv：把其中各行追加到 experts.csv",
            "wrote {folder}/experts-to-recruit.csv: append its rows to experts.csv"
        ),
        "cli.give-out-for-recruits": (
            "（加上 --out DIR 可写出 experts-to-recruit.csv，即要追加到 experts.csv 的各行）",
            "(give --out DIR to write experts-to-recruit.csv, the rows to append to experts.csv)"
        ),
        // The plan store's errors.
        "store.not-a-store": (
            "{path} 不是 PanelPlan 排期库（为空或不是 SQLite 数据库）；已原样保留："
                + "请从备份恢复，或将其移走以开始新的历史",
            "{path} is not a PanelPlan store (empty or not an SQLite database); it was left as it is: "
                + "restore it from a backup, or move it away to start a new history"
        ),
        "store.no-such-version": ("排期库中没有排期版本 {version}", "no plan version {version} in the store"),
        "store.no-versions": (
            "排期库中还没有排期（请先运行 `panelplan plan`）",
            "the store holds no plan yet (run `panelplan plan` first)"
        ),
        "store.locked": (
            "已锁定：另一个 panelplan 进程正在使用 {path}",
            "locked: another panelplan run holds {path}"
        ),
        // Usage errors of the commands' own options (exit 64), after argument-parser's 错误：.
        "usage.time-limit-positive": (
            "--time-limit 必须是正的秒数",
            "--time-limit must be a positive number of seconds"
        ),
        "usage.draw-needs-seed-text": (
            "--draw 需要 --seed-text TEXT：抽取种子所依据的公开文本",
            "--draw needs --seed-text TEXT: the public text the draw's seed comes from"
        ),
        "usage.seed-text-empty": (
            "--seed-text 不能为空：空种子谁都猜得到",
            "--seed-text must not be empty: anyone can guess an empty seed"
        ),
        "usage.not-a-date": (
            "{option} '{value}' 不是日期（应为 YYYY-MM-DD）",
            "{option} '{value}' is not a date (expected YYYY-MM-DD)"
        ),
        "usage.sizes-positive": (
            "--enterprises、--experts 和 --months 必须为正数",
            "--enterprises, --experts and --months must be positive"
        ),
        "usage.folder-not-empty": (
            "{folder} 已存在且不为空：请换一个文件夹，或加上 --force",
            "{folder} exists and is not empty: choose another folder or pass --force"
        ),
        "usage.lang": ("--lang 必须是 zh 或 en", "--lang must be zh or en"),
        "usage.slot-hours": (
            "--am 和 --pm 的格式为 HH:MM-HH:MM，且 00:00 ≤ 开始 < 结束 ≤ 23:59",
            "--am and --pm take HH:MM-HH:MM with 00:00 ≤ start < end ≤ 23:59"
        ),
        "usage.freeze-days": ("--freeze-days 必须 ≥ 0", "--freeze-days must be ≥ 0"),
        "usage.task": ("任务「{task}」不是 initial 或 site", "task '{task}' is not initial or site"),
        "usage.no-plan-yet": (
            "排期库中还没有排期：请先运行 `panelplan plan`",
            "the store holds no plan yet: run `panelplan plan` first"
        ),
        "usage.not-on-panel": (
            "{expert} 不在版本 {version} 中 {enterprise} 的{task}专家组中",
            "{expert} is not on the {task} panel of {enterprise} in version {version}"
        ),
        "usage.took-place": (
            "{enterprise} 的{task}在 {day}，不晚于 --as-of {asof}：已经进行，不能谢绝",
            "the {task} of {enterprise} was on {day}, on or before --as-of {asof}: it took place and cannot be declined"
        ),
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
        // whatif's terminal table (whatif.csv and whatif.json keep the English keys; planned,
        // status and gap use the general keys).
        "whatif.column.scenario": ("情景", "scenario"),
        "whatif.column.value": ("取值", "value"),
        "whatif.column.eligible": ("可安排", "eligible"),
        "whatif.column.unplanned_top_reasons": ("未安排的主要原因", "unplanned_top_reasons"),
        "whatif.column.min_buffer": ("最小余量", "min_buffer"),
        "whatif.column.median_buffer": ("余量中位数", "median_buffer"),
        "whatif.column.max_load": ("最大工作量", "max_load"),
        "whatif.column.mean_load": ("平均工作量", "mean_load"),
        "whatif.column.bottleneck_specialties": ("瓶颈专业", "bottleneck_specialties"),
        "whatif.column.binding_weeks": ("满负荷周", "binding_weeks"),
        "whatif.column.week": ("周", "week"),
        "whatif.baseline": ("基准（现状）", "baseline"),
        "whatif.role.seats": ("席位", "seats"),
        "whatif.role.leaders": ("组长", "leaders"),
        "whatif.role.auditors": ("审核师", "auditors"),
        "whatif.more-weeks": ("（另有 {count} 周）", " (+{count} more)"),
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
        "progress.phase.exchange": ("互换席位", "exchange"),
        "progress.phase.trim": ("缩短路程", "trim"),
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
