/// The string table's sentences of the nightly job (`replan`, `decline`): its log lines, which
/// cron mails to the organizer, its failures, the planner's solver failure and `verify-draw`'s
/// differences.
extension Strings {
    static let nightly: [String: (zh: String, en: String)] = [
        // The log lines of one run, in the order a run writes them.
        "nightly.announced-pending": (
            "第 {version} 版已由之前的一次运行记入排期库但未公布：现已公布",
            "version {version} was recorded but not announced by an earlier run: announced now"
        ),
        "nightly.no-changes": (
            "自第 {version} 版以来没有变化：输入和参数都相同",
            "no changes since version {version}: inputs and parameters are the same"
        ),
        "nightly.replanning": (
            "重新排期 {folder}，截至 {asof}，冻结 {days} 个工作日，参照：{reference}",
            "replanning {folder} as of {asof}, freeze {days} working days, reference: {reference}"
        ),
        "nightly.reference.published": ("已公布的第 {version} 版", "published version {version}"),
        "nightly.reference.latest": (
            "第 {version} 版（最新一版，尚无已公布的版本）",
            "version {version} (the latest; none is published yet)"
        ),
        "nightly.reference.none": ("无", "none"),
        "nightly.same-plan": (
            "这些输入排出的排期与第 {version} 版相同（安排和原因都相同）",
            "the plan for these inputs is the same as version {version} (assignments and reasons)"
        ),
        "nightly.version": (
            "第 {version} 版：已安排 {planned}/{eligible}，{changes}，{experts}",
            "version {version}: planned {planned}/{eligible}, {changes}, {experts}"
        ),
        "nightly.changes.one": ("1 项变更", "1 change"),
        "nightly.changes": ("{count} 项变更", "{count} changes"),
        "nightly.experts.one": ("需通知 1 位专家", "1 expert to notify"),
        "nightly.experts": ("需通知 {count} 位专家", "{count} experts to notify"),
        "nightly.recorded-quietly": (
            "第 {version} 版记下了新的状况；已公布的安排都没有变化，无需通知",
            "version {version} records the new state; no assignment to announce changed"
        ),
        "nightly.new-version": ("第 {version} 版，", "version {version} "),
        "nightly.decline-recorded": (
            "已记录：专家 {expert} 谢绝了 {enterprise} 于 {day} 的{task}",
            "recorded: {expert} declined {enterprise} {task} of {day}"
        ),
        // Why a run stopped; the last plan and every announcement stay.
        "nightly.locked": (
            "已锁定：另一个 panelplan 进程正在使用 {path}（已等待 {seconds} 秒）",
            "locked: another panelplan run holds {path} (waited {seconds} s)"
        ),
        "nightly.as-of-backwards": (
            "--as-of {asof} 早于上次运行的 {last}：历史不能倒退"
                + "（如确要按该日重新排期，请加 --force）",
            "--as-of {asof} is earlier than the last run's {last}: history cannot go backwards "
                + "(give --force to replan as of that day anyway)"
        ),
        "nightly.solver": ("{text}；上一版排期未受影响", "{text}; the previous plan is untouched"),
        "nightly.cannot-lock": ("无法创建锁文件 {path}：{text}", "cannot create the lock file {path}: {text}"),
        "nightly.store-unusable": (
            "排期库 {store} 无法使用：{text}",
            "the plan store {store} cannot be used: {text}"
        ),
        "nightly.files-not-written": (
            "第 {version} 版已记入排期库，但其文件无法写入 {folder}：{text}；"
                + "下一次重新排期会写出并公布它",
            "version {version} is recorded, but its files could not be written to {folder}: {text}; "
                + "the next replan writes them and announces it"
        ),
        "nightly.version-files-not-written": (
            "第 {version} 版的文件无法写入 {folder}：{text}",
            "version {version}'s files could not be written to {folder}: {text}"
        ),
        "nightly.no-news-not-written": (
            "「没有变更」的文件无法写入 {folder}：{text}",
            "the files saying there is no change could not be written to {folder}: {text}"
        ),
        "nightly.decline-kept": (
            "{text}；谢绝已记录，下一次重新排期会执行它",
            "{text}; the decline is recorded and the next replan applies it"
        ),
        // The planner's failure: where it happened, GLPK's own message as it gave it.
        "solver.failure": ("求解器失败：{detail}", "solver failure: {detail}"),
        "solver.bound-lp": ("上界的线性规划以 {status} 结束", "the bound LP ended {status}"),
        "solver.draw-lp": ("随机抽取的线性规划以 {status} 结束", "the draw's LP ended {status}"),
        // verify-draw: how the recorded draw.json differs from the recomputed one.
        "draw.input-added": (
            "输入文件 {file}：现在有，抽取时没有",
            "input {file}: present now, absent when the draw was made"
        ),
        "draw.input-removed": (
            "输入文件 {file}：现在没有，抽取时有",
            "input {file}: absent now, present when the draw was made"
        ),
        "draw.input-changed": (
            "输入文件 {file}：内容自抽取以来已改变（SHA-256 不同）",
            "input {file}: its content changed since the draw (SHA-256 differs)"
        ),
        "draw.field-differs": (
            "{field}：记录为 {recorded}，重新计算为 {recomputed}",
            "{field}: recorded {recorded}, recomputed {recomputed}"
        ),
        "draw.panel-count": (
            "panels（专家组数）：记录为 {recorded}，重新计算为 {recomputed}",
            "panels: recorded {recorded}, recomputed {recomputed}"
        ),
        "draw.panel-field-differs": (
            "{enterprise} {task}：{field} 记录为 {recorded}，重新计算为 {recomputed}",
            "{enterprise} {task}: {field} recorded {recorded}, recomputed {recomputed}"
        ),
        "draw.probability-differs": (
            "{enterprise} {task}：候选专家 {expert} 的 probability（概率）"
                + "记录为 {recorded}，重新计算为 {recomputed}",
            "{enterprise} {task}: candidate {expert} probability recorded {recorded}, recomputed {recomputed}"
        ),
        "draw.missing": ("（缺失）", "missing"),
        "draw.none": ("（无）", "none"),
    ]
}
