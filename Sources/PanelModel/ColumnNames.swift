/// The one table of column names, English and Chinese, for every column of every file
/// (docs/format.md §3). A header is matched case-insensitively in English, exactly in Chinese.
public enum ColumnNames {
    /// File → Chinese header → column.
    public static let chinese: [String: [String: String]] = [
        "experts.csv": [
            "编号": "id",
            "专家编号": "id",
            "姓名": "name",
            "单位": "organization",
            "工作单位": "organization",
            "专业": "specialties",
            "审核师": "auditor",
            "组长": "leader",
            "区": "district",
            "所在区": "district",
            "初审上限": "max_initial",
            "现场验收上限": "max_site",
            "最少任务": "min_total",
            "在库": "active",
        ],
        "enterprises.csv": [
            "编号": "id",
            "企业编号": "id",
            "企业名称": "name",
            "名称": "name",
            "区": "district",
            "行业": "industry",
            "强制原因": "reasons",
            "服务机构": "consultancy",
            "列入名单日期": "listed",
            "公布日期": "listed",
            "验收截止": "deadline",
            "注册日期": "registered",
            "计划备案日期": "plan_filed",
            "送审日期": "draft_submitted",
            "延期申请日期": "extension_requested",
            "延期截止": "extended_deadline",
            "延期驳回日期": "extension_refused",
            "处罚日期": "penalized",
            "初审完成日期": "initial_review_done",
            "现场验收完成日期": "site_inspection_done",
            "验收结果": "result", "终稿提交日期": "final_submitted", "上轮专家": "previous_experts",
        ],
        "organizations.csv": ["编号": "id", "名称": "name", "类型": "kind"],
        "conflicts.csv": ["专家编号": "expert_id", "回避对象": "with", "原因": "reason"],
        "unavailability.csv": [
            "专家编号": "expert_id", "开始日期": "from", "结束日期": "to", "原因": "reason",
        ],
        "affinity.csv": ["专家编号": "expert_id", "企业编号": "enterprise_id", "匹配分": "score"],
        "fixed.csv": [
            "企业编号": "enterprise_id",
            "环节": "task",
            "日期": "date",
            "时段": "slot",
            "专家": "experts",
            "组长": "leader",
        ],
        "calendar.csv": ["日期": "date", "类型": "kind", "名称": "name"],
        "travel.csv": ["从": "from", "到": "to", "分钟": "minutes"],
    ]

    /// Chinese headers accepted in any file, for the files of earlier versions.
    static let anyFile: [String: String] = [
        "编号": "id", "姓名": "name", "单位": "organization", "专业": "specialties", "审核师": "auditor",
        "组长": "leader", "区": "district", "企业名称": "name", "行业": "industry", "强制原因": "reasons",
        "服务机构": "consultancy", "验收截止": "deadline", "送审日期": "draft_submitted",
        "名称": "name",
        "类型": "kind",
        "专家编号": "expert_id",
        "企业编号": "enterprise_id",
        "在库": "active",
    ]

    /// The column a header names in `file`.
    public static func canonical(_ header: String, file: String) -> String {
        let h = header.trimmingWhitespace()
        if let column = chinese[file]?[h] ?? anyFile[h] { return column }
        return h.lowercased()
    }
}
