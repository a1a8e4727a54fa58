/// The string table's `--help` texts: each command's abstract and discussion and each
/// argument's help.
extension Strings {
    static let help: [String: (zh: String, en: String)] = [
        // argument-parser's own words (ParserWords in the CLI), as it writes them in English.
        "help.parser.overview": ("概述：", "OVERVIEW:"),
        "help.parser.usage-heading": ("用法：", "USAGE:"),
        "help.parser.arguments": ("参数：", "ARGUMENTS:"),
        "help.parser.options": ("选项：", "OPTIONS:"),
        "help.parser.subcommands": ("子命令：", "SUBCOMMANDS:"),
        "help.parser.show-help": ("显示帮助信息。", "Show help information."),
        "help.parser.show-version": ("显示版本号。", "Show the version."),
        "help.parser.values-default": (
            "（可选值：{list}；默认：{value}）",
            "(values: {list}; default: {value})"
        ),
        "help.parser.values": ("（可选值：{list}）", "(values: {list})"),
        "help.parser.default": ("（默认：{value}）", "(default: {value})"),
        "help.parser.see-subcommand-help": (
            "各子命令的详细帮助请运行 '{command}'。",
            "See '{command}' for detailed help."
        ),
        "help.parser.see-more": ("更多信息请运行 '{command}'。", "See '{command}' for more information."),
        "help.parser.error": ("错误：", "Error:"),
        "help.parser.help-line": ("说明：", "Help:"),
        "help.parser.usage-line": ("用法：", "Usage:"),
        "help.parser.missing-argument": ("缺少参数 '{name}'", "Missing expected argument '{name}'"),
        "help.parser.unknown-option": ("未知选项 '{option}'", "Unknown option '{option}'"),
        "help.parser.did-you-mean": ("。是否指 '{option}'？", ". Did you mean '{option}'?"),
        "help.parser.invalid-value": (
            "'{option}' 的值 '{value}' 无效",
            "The value '{value}' is invalid for '{option}'"
        ),
        "help.parser.unexpected-argument": ("多余的参数 '{value}'", "Unexpected argument '{value}'"),
        "help.parser.missing-value": ("'{option}' 缺少值", "Missing value for '{option}'"),
        "help.parser.choose-one": ("。可选值如下：", ". Please provide one of the following:"),
        "help.validate-a-batch-folder-errors": (
            "检查批次文件夹：错误（退出码 65）、警告，以及初步的容量提示。",
            "Validate a batch folder: errors (exit 65), warnings, and a first capacity hint."
        ),
        "help.the-batch-folder": ("批次文件夹。", "The batch folder."),
        "help.language-zh-or-en-default": (
            "语言：zh 或 en（默认：系统语言环境）。",
            "Language: zh or en (default: the locale)."
        ),
        "help.the-date-to-judge-the": (
            "判断工作流程所依据的日期，与当天的重新排期相同（默认：batch.toml 的 today"
                + "）。",
            "The date to judge the workflow by, as a replan of that day would (default: batch.toml today)."
        ),
        "help.write-a-stored-plan-version": (
            "把已存的排期版本（默认：最新）或一个 plan.json 导出为其他格式。",
            "Write a stored plan version (default: the latest) or a plan.json in other formats."
        ),
        "help.the-version-to-export-default": (
            "要导出的版本（默认：最新）。",
            "The version to export (default: the latest)."
        ),
        "help.a-plan-json-to-export": (
            "要导出的 plan.json（代替已存版本）。",
            "A plan.json to export instead of a stored version."
        ),
        "help.json-plan-json-plan-csv": (
            "json（plan.json、plan.csv）、ics、xlsx（plan.xlsx）、xlsx-csv、html、notices 或 all。",
            "json (plan.json, plan.csv), ics, xlsx (plan.xlsx), xlsx-csv, html, notices or all."
        ),
        "help.the-folder-to-write": ("要写入的文件夹。", "The folder to write."),
        "help.language-zh-or-en-default-2": (
            "语言：zh 或 en（默认：zh，即生态环境局使用的语言）。",
            "Language: zh or en (default: zh, the bureau's)."
        ),
        "help.morning-slot-hours-for-calendars": (
            "日历中上午时段的时间。",
            "Morning slot hours for calendars."
        ),
        "help.afternoon-slot-hours-for-calendars": (
            "日历中下午时段的时间。",
            "Afternoon slot hours for calendars."
        ),
        "help.write-a-realistic-synthetic-batch": (
            "按种子确定地生成任意规模、接近真实的模拟批次文件夹。",
            "Write a realistic synthetic batch folder of any size, deterministically from a seed."
        ),
        "help.number-of-enterprises": ("企业数量。", "Number of enterprises."),
        "help.number-of-experts-in-the": ("专家库中的专家数量。", "Number of experts in the pool."),
        "help.random-seed": ("随机种子。", "Random seed."),
        "help.horizon-length-in-months": ("排期范围的月数。", "Horizon length in months."),
        "help.first-plannable-day-yyyy-mm": (
            "第一个可安排的日期（YYYY-MM-DD）。",
            "First plannable day (YYYY-MM-DD)."
        ),
        "help.batch-name": ("批次名称。", "Batch name."),
        "help.overwrite-the-files-of-an": (
            "覆盖已有文件夹中的文件。",
            "Overwrite the files of an existing folder."
        ),
        "help.language-of-what-people-read": (
            "供人阅读的内容所用语言：zh 或 en（默认依次为：[batch] language、中文批次名称"
                + "、系统语言环境）。",
            "Language of what people read: zh or en (default: [batch] language, a Chinese batch name, the locale)."
        ),
        "help.plan-expert-panels-for-the": (
            "为深圳市强制性清洁生产审核验收安排专家组。",
            "Plan expert panels for the Shenzhen mandatory cleaner-production audit acceptance."
        ),
        "help.a-batch-folder-holds-batch": (
            "批次文件夹包含 batch.toml、experts.csv、enterprises.csv 以及可选文件（见 docs/user-gui"
                + "de.md）。",
            "A batch folder holds batch.toml, experts.csv, enterprises.csv and optional files "
                + "(see docs/user-guide.md)."
        ),
        "help.plan-dates-and-panels-for": (
            "为批次中每次初审和现场验收安排日期和专家组。",
            "Plan dates and panels for every initial review and site inspection of a batch."
        ),
        "help.where-to-write-plan-json": (
            "plan.json 和 plan.csv 的写入位置（默认：批次文件夹）。",
            "Where to write plan.json and plan.csv (default: the batch folder)."
        ),
        "help.seconds-default-batch-toml-solver": (
            "秒数（默认：batch.toml 的 [solver] time_limit_seconds）。",
            "Seconds (default: batch.toml [solver] time_limit_seconds)."
        ),
        "help.seed-for-the-reproducible-random": (
            "在同等专家间进行可复现随机选择的种子（默认：batch.toml 的 [solver] seed）。",
            "Seed for the reproducible random draw among equal experts (default: batch.toml [solver] seed)."
        ),
        "help.no-progress-on-stderr": ("不在标准错误输出进度。", "No progress on stderr."),
        "help.do-not-record-the-plan": ("不把排期记入排期库。", "Do not record the plan in the plan store."),
        "help.who-makes-the-plan-recorded": (
            "排期人，随版本记录。",
            "Who makes the plan, recorded with the version."
        ),
        "help.language-of-the-summary-zh": (
            "摘要语言：zh 或 en（默认：系统语言环境）。",
            "Language of the summary: zh or en (default: the locale)."
        ),
        "help.plan-anew-even-though-the": (
            "即使排期库中已有已公布的排期，仍重新排期（replan 则保留已公布的内容）。",
            "Plan anew even though the store holds a published plan (replan keeps what was announced)."
        ),
        "help.draw-each-panel-s-members": (
            "随机抽取每个专家组的成员并写出 draw.json（需要 --seed-text）。",
            "Draw each panel's members at random (随机抽取) and write draw.json (needs --seed-text)."
        ),
        "help.the-public-text-the-draw": (
            "抽取种子所依据的公开文本，例如专家库冻结后开出的彩票号码。",
            "The public text the draw's seed comes from, e.g. a lottery's numbers drawn after the pool was frozen."
        ),
        "help.workflow-status-of-every-enterprise": (
            "每家企业的工作流程状态：阶段、下一步、逾期标记、一票否决/延期、可安排"
                + "时间窗。",
            "Workflow status of every enterprise: stage, next step, overdue marks, veto/extension, planning window."
        ),
        "help.the-date-to-judge-overdue": (
            "判断逾期步骤所依据的日期（默认：batch.toml 的 today）。",
            "The date to judge overdue steps by (default: batch.toml today)."
        ),
        "help.table-csv-or-json": ("table、csv 或 json。", "table, csv or json."),
        "help.language-of-the-table-headers": (
            "表头语言：zh 或 en（默认：系统语言环境；csv 和 json 保留英文键）。",
            "Language of the table headers: zh or en (default: the locale; csv and json keep English keys)."
        ),
        "help.the-plan-store-default-batch": (
            "排期库（默认：BATCH/panelplan.sqlite）。",
            "The plan store (default: BATCH/panelplan.sqlite)."
        ),
        "help.mark-a-plan-version-as": (
            "把一个排期版本标记为已公布。",
            "Mark a plan version as announced (published)."
        ),
        "help.the-version-default-the-latest": ("版本（默认：最新）。", "The version (default: the latest)."),
        "help.list-the-plan-versions-of": (
            "列出排期库中的排期版本。",
            "List the plan versions of the store."
        ),
        "help.compare-two-plan-versions-task": (
            "逐项比较两个排期版本，并给出每处变化的原因。",
            "Compare two plan versions task by task, with the causes of each change."
        ),
        "help.the-older-version": ("较早的版本。", "The older version."),
        "help.the-newer-version": ("较新的版本。", "The newer version."),
        "help.the-batch-folder-holding-the": (
            "存放排期库的批次文件夹。",
            "The batch folder holding the store."
        ),
        "help.nightly-regeneration-re-import-the": (
            "夜间重新生成：重新导入文件夹，并围绕已公布的排期重新排期。",
            "Nightly regeneration: re-import the folder and re-plan around the published plan."
        ),
        "help.exit-codes-0-nothing-new": (
            "退出码：0 没有需要公布的新内容，3 有变化的新排期版本（或上次运行未能公"
                + "布的版本），64 --as-of 早于上次运行，65 输入有误，70 求解器失败，"
                + "73 无法写入（文件、锁、排期库），75 被锁定。\n--as-of 当天及之前的安排"
                + "是历史（既成事实，保持原样）；--freeze-days 个工作日内的"
                + "安排保持不变，除非某项变化使其无法进行（此时只替换无法出席的专家"
                + "）；之后的安排只在排期因此更好时才调整。D 日 02:15 的运行传入 --as-of D "
                + "− 1。",
            "Exit codes: 0 nothing new to announce, 3 a new plan version with changes (or one "
                + "an earlier run could not announce), 64 --as-of earlier than the last run's, 65 "
                + "bad input, 70 solver failure, 73 cannot write (files, lock, store), 75 locked.\nAssignments "
                + "on or before --as-of are history (facts, kept as they were); those within --freeze-days "
                + "working days are kept unless a change makes them impossible (then only the experts "
                + "who cannot serve are swapped); later ones move only where the plan gains. A run "
                + "at 02:15 on day D passes --as-of D − 1."
        ),
        "help.working-days-after-as-of": (
            "--as-of 之后保持已公布安排不变的工作日数。",
            "Working days after --as-of that stay as announced."
        ),
        "help.the-last-day-of-history": (
            "历史的最后一天（默认：batch.toml 的 today）。",
            "The last day of history (default: batch.toml today)."
        ),
        "help.who-runs-it-recorded-with": ("运行人，随版本记录。", "Who runs it, recorded with the version."),
        "help.where-to-write-plan-json-2": (
            "plan.json、plan.csv、changes.txt 和通知的写入位置（默认：批次文件夹）。",
            "Where to write plan.json, plan.csv, changes.txt and notifications (default: the batch folder)."
        ),
        "help.seconds-for-the-solver": ("求解器的秒数。", "Seconds for the solver."),
        "help.seconds-to-wait-for-a": (
            "等待并发运行的秒数，超时则以退出码 75 放弃。",
            "Seconds to wait for a concurrent run before giving up with exit 75."
        ),
        "help.accept-an-as-of-earlier": (
            "接受早于上次运行的 --as-of。",
            "Accept an --as-of earlier than the last run's."
        ),
        "help.record-that-an-invited-expert": (
            "记录受邀专家谢绝某项任务，换上替补并发出通知。",
            "Record that an invited expert declined a task, swap in a replacement and notify."
        ),
        "help.the-decline-is-kept-in": (
            "谢绝记录保存在排期库中：以后的重新排期都不会再把该专家排回这项任务。\n"
                + "专家组通过以 --as-of（默认：上次重新排期的日期，否则为 batch.toml "
                + "的 today）为准的重新排期来修复，即把该专家从冻结的专家组中换出；退"
                + "出码与 replan 相同（3：替换已公布）。",
            "The decline is kept in the plan store: no later replan puts that expert back on "
                + "that task.\nThe panel is repaired by replanning as of --as-of (default: the last "
                + "replan's, else batch.toml today), which swaps the expert out of the frozen panel; "
                + "exit codes as for replan (3: the swap is announced)."
        ),
        "help.the-enterprise-id": ("企业编号。", "The enterprise id."),
        "help.the-task-initial-or-site": (
            "任务：initial（初审）或 site（现场验收）。",
            "The task: initial or site."
        ),
        "help.the-expert-who-declined": ("谢绝的专家。", "The expert who declined."),
        "help.why-as-the-expert-said": (
            "专家所说的原因（记录下来并作为变更原因显示）。",
            "Why, as the expert said (recorded and shown as the cause)."
        ),
        "help.where-to-write-plan-json-3": (
            "plan.json、changes.txt 和通知的写入位置（默认：批次文件夹）。",
            "Where to write plan.json, changes.txt and notifications (default: the batch folder)."
        ),
        "help.check-a-random-draw-draw": (
            "对照批次文件夹及其公开种子文本核验一次随机抽取（draw.json）。",
            "Check a random draw (draw.json) against the batch folder and its public seed text."
        ),
        "help.prints-verified-and-exits-0": (
            "输入、种子以及每个专家组的候选人、概率和抽中成员与重新计算的结果一致"
                + "时，输出 \"verified\" 并以 0 退出；否则逐条输出差异并以 1 退出。",
            "Prints \"verified\" and exits 0 when the inputs, the seed and every panel's candidates, "
                + "probabilities and drawn members are as recomputed; otherwise prints each difference "
                + "and exits 1."
        ),
        "help.the-batch-folder-the-draw": (
            "进行抽取时所用的批次文件夹。",
            "The batch folder the draw was made from."
        ),
        "help.the-draw-json-to-check": ("要核验的 draw.json。", "The draw.json to check."),
        "help.capacity-analysis-plan-scenarios-or": (
            "容量分析：对照基准为各情景或参数扫描排期，或直接求所需专家库规模或可"
                + "承接的批次规模。",
            "Capacity analysis: plan scenarios or a sweep against the baseline, or ask for "
                + "the pool or batch size directly."
        ),
        "help.scenario-files-are-described-in": (
            "情景文件的写法见 docs/whatif.md。",
            "Scenario files are described in docs/whatif.md."
        ),
        "help.scenario-files-toml": ("情景文件（TOML）。", "Scenario files (TOML)."),
        "help.a-sweep-e-g-pool": (
            "参数扫描，例如 'pool=60%..100%:10%' 或 'site_inspection.panel_size=3..5'。",
            "A sweep, e.g. 'pool=60%..100%:10%' or 'site_inspection.panel_size=3..5'."
        ),
        "help.whom-to-recruit-so-that": (
            "为使每家符合条件的企业都能安排而需招募的专家：写入 --out 中的 experts-to-rec"
                + "ruit.csv。",
            "Whom to recruit so that every eligible enterprise can be planned: experts-to-recruit.csv in --out."
        ),
        "help.the-most-enterprises-drawn-like": (
            "按本批次的特征生成企业，求专家库最多还能承接多少家。",
            "The most enterprises, drawn like the batch, that the pool can absorb."
        ),
        "help.also-write-whatif-csv-whatif": (
            "同时在此写出 whatif.csv、whatif.json 和 whatif.svg。",
            "Also write whatif.csv, whatif.json and whatif.svg here."
        ),
        "help.seconds-per-plan": ("每次排期的秒数。", "Seconds per plan."),
        "help.seed-for-sweeps-over-the": (
            "专家库扫描和生成企业所用的种子。",
            "Seed for sweeps over the pool and for drawn enterprises."
        ),
        "help.scenarios-planned-at-once-default": (
            "同时排期的情景数（默认：全部 CPU 核心）。",
            "Scenarios planned at once (default: all cores)."
        ),
    ]
}
