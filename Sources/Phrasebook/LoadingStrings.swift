/// The string table's sentences about a batch folder: the loader's errors and warnings
/// (`Diagnostic`), the what-if scenario files' and `--sweep`'s, and the words around them.
extension Strings {
    static let loading: [String: (zh: String, en: String)] = [
        "load.unknown-organization": (
            "单位「{value}」不在 organizations.csv 中（拼写错误会掩盖利益冲突）",
            "organization '{value}' is not in organizations.csv (a typo would hide a conflict of interest)"
        ),
        "load.unknown-consultancy": (
            "咨询机构「{value}」不在 organizations.csv 中（拼写错误会掩盖利益冲突）",
            "consultancy '{value}' is not in organizations.csv (a typo would hide a conflict of interest)"
        ),
        "load.unknown-previous-expert": (
            "上一轮专家「{value}」不在 experts.csv 中",
            "previous expert '{value}' is not in experts.csv"
        ),
        "load.no-industry-expert": (
            "没有专家具备专业「{value}」：该行业的企业无法配备行业专家",
            "no expert has specialty '{value}': enterprises of this industry cannot get an industry expert"
        ),
        "load.no-expertise-tags": (
            "没有专家具备 [{tags}] 中的任何专业",
            "no expert has any specialty of [{tags}]"
        ),
        "load.panel-size-above-pool": (
            "{key}.panel_size = {size}，但专家库只有 {count} 位专家",
            "{key}.panel_size = {size}, but the pool has only {count} experts"
        ),
        "load.caps-below-panel": (
            "专家的 {cap} 上限合计只有 {capacity} 个席位，不足一个 {size} 人的专家组：无法"
                + "安排任何{task}",
            "the experts' {cap} caps add up to {capacity} seats, fewer than one panel of {size}: no {task} can "
                + "be planned"
        ),
        "load.task.initial": ("初审", "initial review"),
        "load.task.site": ("现场验收", "site inspection"),
        "load.no-leader": (
            "没有专家的 leader 为 yes：无法安排任何现场验收",
            "no expert has leader = yes: no site inspection can be planned"
        ),
        "load.min-total-unreachable": (
            "min_total = {min} 超过 max_initial + max_site = {most}：没有专家能达到",
            "min_total = {min} exceeds max_initial + max_site = {most}: no expert can reach it"
        ),
        "load.today-after-end": (
            "today {today} 晚于排期结束日 {end}：已没有可安排的任务",
            "today {today} is after the horizon's end {end}: nothing is left to plan"
        ),
        "load.affinity-outweighs": (
            "评分最高 {largest} × {seats} 个席位 × [weights] affinity = {affinity}，达到 [weights] planne"
                + "d = "
                + "{planned}：亲和度可能压过安排一家企业；请缩小评分或权重",
            "scores up to {largest} × {seats} seats × [weights] affinity = {affinity} reach [weights] planned = "
                + "{planned}: affinity could outweigh planning an enterprise; scale the scores or the weights"
        ),
        "load.late-draft": (
            "审核报告草稿逾期：{date} 提交，应不晚于 {due}（截止日期前 1 个月）",
            "late draft: submitted {date}, due by {due} (deadline − 1 month)"
        ),
        "load.date-after-today": (
            "日期晚于今天（{today}）；按所填采用",
            "date is after today ({today}); taken as given"
        ),
        "load.no-holidays": (
            "日历中没有 {year} 年的法定节假日：只把周末当作休息日（请在 calendar.csv 中补"
                + "充）",
            "the calendar has no official holidays for {year}: only weekends are days off (add them in calendar.csv)"
        ),
        "load.file-missing": (
            "缺少文件：批次文件夹需要 {file}（或 {workbook}）",
            "file is missing: a batch folder needs {file} (or {workbook})"
        ),
        "load.not-text": (
            "既不是 UTF-8、UTF-16，也不是 GB18030 文本（请在 Excel 中另存为“CSV UTF-8”）",
            "is neither UTF-8, UTF-16 nor GB18030 text (save it from Excel as \"CSV UTF-8\")"
        ),
        "load.read-as-encoding": (
            "按 {encoding} 文本读取；另存为“CSV UTF-8”最稳妥",
            "read as {encoding} text; \"CSV UTF-8\" is the safest way to save it"
        ),
        "load.required-column": (
            "表头缺少必需的列「{column}」",
            "required column '{column}' is missing from the header"
        ),
        "load.value-required": ("此项必须填写", "value is required"),
        "load.bad-id": (
            "「{value}」不是有效的编号（只能由字母、数字、'-'、'_' 或 '.' 组成）",
            "'{value}' is not a valid id (expected letters, digits, '-', '_' or '.')"
        ),
        "load.id-too-long": (
            "编号有 {count} 个字符，太长（最多 {limit} 个）",
            "an id of {count} characters is too long (at most {limit})"
        ),
        "load.not-date": (
            "「{value}」不是日期（应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日）",
            "'{value}' is not a date (expected YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)"
        ),
        "load.year-out-of-range": (
            "「{value}」超出 {first}–{last} 年的范围",
            "'{value}' is outside the years {first}–{last}"
        ),
        "load.not-boolean": (
            "「{value}」不是是否值（应为 yes/no、true/false、1/0 或 是/否）",
            "'{value}' is not a boolean (expected yes/no, true/false, 1/0, 是/否)"
        ),
        "load.not-whole-number": (
            "「{value}」不是 ≥ {min} 的整数",
            "'{value}' is not a whole number ≥ {min}"
        ),
        "load.count-out-of-range": (
            "{value} 在此不合理：应为 {min} 到 {max} 之间的整数",
            "{value} makes no sense here: expected a whole number from {min} to {max}"
        ),
        "load.unknown-district": ("未知的区「{value}」（{hint}）", "unknown district '{value}' ({hint})"),
        "load.district-suggestions": ("是否指 {names}？", "did you mean {names}?"),
        "load.district-options": ("应为以下之一：{names}", "expected one of {names}"),
        "load.either": ("{first} 或 {second}", "{first} or {second}"),
        "load.not-folder": (
            "不是批次文件夹（没有这个目录）",
            "is not a batch folder (no such directory)"
        ),
        "load.not-calendar-kind": (
            "「{value}」不是有效的类型（应为 holiday 或 workday）",
            "'{value}' is not a kind (expected holiday or workday)"
        ),
        "load.not-minutes": (
            "「{value}」不是 0 到 {max} 之间的分钟数",
            "'{value}' is not a number of minutes from 0 to {max}"
        ),
        "load.duplicate-id": (
            "编号「{value}」重复（第一次出现在第 {first} 行）",
            "duplicate id '{value}' (first on line {first})"
        ),
        "load.not-organization-kind": (
            "「{value}」不是单位类型（应为 {options}）",
            "'{value}' is not an organization kind (expected {options})"
        ),
        "load.empty-pool": (
            "专家库为空：experts.csv 中没有任何专家",
            "the pool is empty: experts.csv lists no expert"
        ),
        "load.unknown-reason": (
            "未知的列入原因「{value}」（应为 {options}）",
            "unknown listing reason '{value}' (expected {options})"
        ),
        "load.not-result": (
            "「{value}」不是验收结果（应为 pass 或 fail）",
            "'{value}' is not a result (expected pass or fail)"
        ),
        "load.deadline-before-listed": (
            "截止日期 {deadline} 早于列入名单日期 {listed}",
            "deadline {deadline} is before the listing date {listed}"
        ),
        "load.extended-before-deadline": (
            "延期后的截止日期 {extended} 早于原截止日期 {deadline}",
            "extended deadline {extended} is before the deadline {deadline}"
        ),
        "load.site-before-initial": (
            "现场验收 {site} 早于初审 {initial}",
            "site inspection {site} is before the initial review {initial}"
        ),
        "load.result-without-site": (
            "填了结果，但没有 site_inspection_done",
            "a result without site_inspection_done"
        ),
        "load.unknown-expert-row": (
            "未知的专家「{value}」（不在 experts.csv 中）：是已离开专家库的专家吗？此行"
                + "不涉及任何人",
            "unknown expert '{value}' (not in experts.csv): an expert who left the pool? the row concerns no one"
        ),
        "load.unknown-with": (
            "「{value}」既不是企业，也不是已知的单位",
            "'{value}' is neither an enterprise nor a known organization"
        ),
        "load.to-before-from": ("to {to} 早于 from {from}", "'to' {to} is before 'from' {from}"),
        "load.not-number": ("「{value}」不是数字", "'{value}' is not a number"),
        "load.score-out-of-range": (
            "{value} 超出范围：评分应在 ±{limit} 以内",
            "{value} is out of range: scores lie within ±{limit}"
        ),
        "load.unknown-enterprise": (
            "未知的企业「{value}」（不在 enterprises.csv 中）",
            "unknown enterprise '{value}' (not in enterprises.csv)"
        ),
        "load.duplicate-pair": ("组合 {expert}、{enterprise} 重复", "duplicate pair {expert}, {enterprise}"),
        "load.not-task": (
            "「{value}」不是任务（应为 initial 或 site）",
            "'{value}' is not a task (expected initial or site)"
        ),
        "load.not-slot": (
            "「{value}」不是半天（应为 am 或 pm）",
            "'{value}' is not a slot (expected am or pm)"
        ),
        "load.experts-required": (
            "此项必须填写（以 ';' 分隔的专家编号）",
            "value is required (a ';' list of expert ids)"
        ),
        "load.unknown-fixed-expert": (
            "未知的专家「{value}」（不在 experts.csv 中）：此固定行按原样保留（既成事实）",
            "unknown expert '{value}' (not in experts.csv): the fixed row is kept as it is (a fact)"
        ),
        "load.expert-twice": (
            "专家「{value}」在同一专家组中出现两次",
            "expert '{value}' is listed twice in one panel"
        ),
        "load.initial-no-leader": (
            "初审不设组长（请留空）",
            "an initial review has no leader (leave it empty)"
        ),
        "load.leader-not-member": (
            "组长「{value}」不是此行的专家",
            "leader '{value}' is not one of the row's experts"
        ),
        "load.site-needs-leader": (
            "现场验收需要组长（此行的专家之一）",
            "a site inspection needs its leader (one of the row's experts)"
        ),
        "load.fixed-twice": (
            "{enterprise} 已有一行固定的 {task}",
            "{enterprise} already has a fixed {task} row"
        ),
        "load.fixed-panel-size": (
            "{count} 位专家，但 {task} 专家组应为 {size} 人；仍按固定行保留",
            "{count} experts, but {task} panels have {size}; kept as fixed"
        ),
        "load.empty-file": ("文件为空：应有表头行", "the file is empty: expected a header row"),
        "load.column-twice": (
            "列「{column}」在表头中出现两次",
            "column '{column}' appears twice in the header"
        ),
        "load.not-csv": ("不是有效的 CSV 文件：{detail}", "not a valid CSV file: {detail}"),
        "load.toml-missing": (
            "缺少文件：批次文件夹需要写有 [batch] start 和 end 的 batch.toml",
            "file is missing: a batch folder needs batch.toml with [batch] start and end"
        ),
        "load.not-toml": (
            "不是有效的 TOML（第 {column} 列）：{detail}",
            "not valid TOML (column {column}): {detail}"
        ),
        "load.max-per-day": (
            "专家每天只有上午、下午两个半天，每天最多 2 项任务",
            "an expert has two half-day slots a day, so at most 2 tasks a day are possible"
        ),
        "load.nothing-planned": (
            "initial_review.plan 和 site_inspection.plan 都为 false：不会安排任何任务",
            "both initial_review.plan and site_inspection.plan are false: nothing will be planned"
        ),
        "load.end-before-start": ("end {end} 早于 start {start}", "end {end} is before start {start}"),
        "load.time-limit-too-long": (
            "夜间排期的时限超过一天不合理",
            "more than a day makes no sense for a nightly plan"
        ),
        "load.not-table": ("「{section}」必须是一个表", "'{section}' must be a table"),
        "load.required-key": (
            "[{section}] 缺少必需的键「{key}」",
            "required key '{key}' is missing from [{section}]"
        ),
        "load.expected-date": (
            "应为形如 2026-03-02 的日期，实际为 {value}",
            "expected a date like 2026-03-02, found {value}"
        ),
        "load.day-outside-years": ("{value} 超出 {years} 年的范围", "{value} is outside the years {years}"),
        "load.expected-string": ("应为字符串", "expected a string"),
        "load.expected-boolean": ("应为 true 或 false，实际为 {value}", "expected true or false, found {value}"),
        "load.expected-whole-number": (
            "应为 ≥ {min} 的整数，实际为 {value}",
            "expected a whole number ≥ {min}, found {value}"
        ),
        "load.nonsense-whole-min": (
            "{value} 在此不合理：应为 ≥ {min} 的整数",
            "{value} makes no sense here: expected a whole number ≥ {min}"
        ),
        "load.nonsense-max": (
            "{value} 在此不合理：应不超过 {max}",
            "{value} makes no sense here: expected at most {max}"
        ),
        "load.expected-number": (
            "应为 ≥ {min} 的数，实际为 {value}",
            "expected a number ≥ {min}, found {value}"
        ),
        "load.nonsense-number-min": (
            "{value} 在此不合理：应为 ≥ {min} 的数",
            "{value} makes no sense here: expected a number ≥ {min}"
        ),
        "load.not-allowed": (
            "不允许「{value}」（应为 {options}）",
            "'{value}' is not allowed (expected {options})"
        ),
        "load.expected-list": ("应为{what}的列表，实际为 {value}", "expected a list of {what}, found {value}"),
        "load.list.strings": ("字符串", "strings"),
        "load.list.specialties": ("专业字符串", "specialty strings"),
        "load.unknown-table": ("未知的表 [{section}]，已忽略", "unknown table [{section}] is ignored"),
        "load.unknown-key": (
            "[{section}] 中未知的键「{key}」，已忽略",
            "unknown key '{key}' in [{section}] is ignored"
        ),
        "load.both-files": (
            "已忽略：读取的是 {name}（请删除两者之一）",
            "ignored: {name} is read (remove one of the two)"
        ),
        "load.no-sheet": ("工作簿中没有工作表", "the workbook has no sheet"),
        "load.not-xlsx": (
            "{detail}：请在 Excel 中另存为 .xlsx 工作簿",
            "{detail}: save it from Excel as an .xlsx workbook"
        ),
        "load.error": ("错误：{text}", "error: {text}"),
        "load.warning": ("警告：{text}", "warning: {text}"),
        "load.summary": ("{path}：{errors}，{warnings}", "{errors}, {warnings} in {path}"),
        "load.count.error.one": ("{n} 个错误", "{n} error"),
        "load.count.error.many": ("{n} 个错误", "{n} errors"),
        "load.count.warning.one": ("{n} 个警告", "{n} warning"),
        "load.count.warning.many": ("{n} 个警告", "{n} warnings"),
        "load.at.file": ("{file}：{message}", "{file}: {message}"),
        "load.at.line": ("{file} 第 {line} 行：{message}", "{file}:{line}: {message}"),
        "load.at.column": ("列「{column}」：{message}", "column '{column}': {message}"),
        "load.at.key": ("键「{column}」：{message}", "key '{column}': {message}"),
        "scenario.rules-unknown-table": ("未知的表 [{section}]", "unknown table [{section}]"),
        "scenario.rules-unknown-key": ("[{section}] 中未知的键「{key}」", "unknown key '{key}' in [{section}]"),
        "scenario.unreadable": ("无法读取情景文件", "cannot read the scenario file"),
        "scenario.share": ("占专家库的比例：应为 0 到 1", "a share of the pool: expected 0 to 1"),
        "scenario.needs-dates": ("需要 from 和 to 日期", "needs 'from' and 'to' dates"),
        "scenario.needs-share": (
            "需要 share（不可用的专家占比），否则没有任何变化",
            "needs 'share' (the part of the pool away), or it changes nothing"
        ),
        "scenario.needs-count": ("需要 count，否则没有任何变化", "needs 'count', or it changes nothing"),
        "scenario.scale": (
            "应为不小于 1 的倍数（减少企业不属于这类情景）",
            "a factor of at least 1 (removing enterprises is not a scenario of this kind)"
        ),
        "scenario.unknown-table": (
            "未知的表 [{section}]（应为 {options}）",
            "unknown table [{section}] (expected {options})"
        ),
        "scenario.unknown-key": (
            "[{section}] 中未知的键「{key}」（应为 {options}）",
            "unknown key '{key}' in [{section}] (expected {options})"
        ),
        "scenario.unknown-expert": (
            "未知的专家「{value}」（不在该批次的 experts.csv 中）",
            "unknown expert '{value}' (not in the batch's experts.csv)"
        ),
        "scenario.no-such-organization": (
            "该批次没有专家就职于「{value}」",
            "no expert of the batch works for '{value}'"
        ),
        "sweep.bad": (
            "「{value}」：{why}（应为 KEY=FROM..TO[:STEP]，例如 pool=60%..100%:10%）",
            "'{value}': {why} (expected KEY=FROM..TO[:STEP], e.g. pool=60%..100%:10%)"
        ),
        "sweep.no-equals": ("缺少 '='", "no '='"),
        "sweep.no-key": ("'=' 前没有键", "no key before '='"),
        "sweep.no-range-after": ("'=' 后没有 FROM..TO", "no 'FROM..TO' after '='"),
        "sweep.no-range": ("没有 FROM..TO", "no 'FROM..TO'"),
        "sweep.bad-bounds": ("范围有误", "bad bounds"),
        "sweep.bad-step": ("步长有误", "bad step"),
        "sweep.too-many": ("超过 1000 个点", "more than 1000 points"),
        "sweep.unknown-key": (
            "未知的键「{key}」：请用 pool 或 batch.toml 的键，例如 site_inspection.panel_size",
            "unknown key '{key}': use pool or a batch.toml key like site_inspection.panel_size"
        ),
        "sweep.pool-range": (
            "pool 取 0% 到 100% 的百分比（要扩充专家库，请用含 [add_experts] 的情景）",
            "pool takes percentages from 0% to 100% (to grow the pool, use a scenario with [add_experts])"
        ),
    ]
}
