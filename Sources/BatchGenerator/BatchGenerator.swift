import Foundation
import PanelModel
import TextFormats

/// Generates realistic batch folders of any size, deterministically from a seed: the demo batch,
/// test instances and benchmark instances.
public struct BatchGenerator {
    /// What to generate.
    public struct Parameters: Sendable {
        public var enterprises: Int
        public var experts: Int
        public var seed: UInt64
        public var start: Day
        public var months: Int
        public var name: String
        /// Add the demo's special cases: a veto, extensions, a failed last round, drafts not in.
        public var specialCases: Bool

        public init(
            enterprises: Int, experts: Int, seed: UInt64 = 1, start: Day = Day(year: 2026, month: 3, day: 2)!,
            months: Int = 4, name: String? = nil, specialCases: Bool = true
        ) {
            self.enterprises = enterprises
            self.experts = experts
            self.seed = seed
            self.start = start
            self.months = months
            self.name = name ?? "generated-\(enterprises)x\(experts)-s\(seed)"
            self.specialCases = specialCases
        }
    }

    struct Industry {
        let tag: String
        let zh: String
        let weight: Int
        let reasons: [String]
    }

    static let industries: [Industry] = [
        Industry(tag: "electroplating", zh: "电镀", weight: 14, reasons: ["heavy-metal"]),
        Industry(tag: "pcb", zh: "线路板", weight: 14, reasons: ["heavy-metal", "toxic"]),
        Industry(tag: "electronics", zh: "电子", weight: 14, reasons: ["toxic", "hazardous-waste"]),
        Industry(tag: "metal-finishing", zh: "表面处理", weight: 8, reasons: ["heavy-metal"]),
        Industry(tag: "coatings", zh: "涂料", weight: 8, reasons: ["voc"]),
        Industry(tag: "printing", zh: "包装印刷", weight: 8, reasons: ["voc"]),
        Industry(tag: "chemicals", zh: "化工", weight: 8, reasons: ["toxic", "hazardous-waste"]),
        Industry(tag: "batteries", zh: "电池", weight: 5, reasons: ["heavy-metal", "hazardous-waste"]),
        Industry(tag: "hazardous-waste", zh: "废物处理", weight: 4, reasons: ["hazardous-waste"]),
        Industry(tag: "textiles", zh: "印染", weight: 5, reasons: ["over-limit"]),
        Industry(tag: "plastics", zh: "塑胶", weight: 6, reasons: ["voc", "first-audit"]),
        Industry(tag: "food", zh: "食品", weight: 4, reasons: ["over-limit", "first-audit"]),
        Industry(tag: "furniture", zh: "家具", weight: 2, reasons: ["voc"]),
    ]
    static let expertiseTags = [
        "heavy-metal", "electroplating", "hazardous-waste", "environmental-engineering",
        "wastewater", "air-pollution", "toxic-substances", "chemicals", "voc", "coatings",
    ]
    static let districtWeights: [(String, Int)] = [
        ("baoan", 24), ("longgang", 20), ("longhua", 12), ("guangming", 11), ("pingshan", 10), ("nanshan", 6),
        ("futian", 3), ("luohu", 3), ("yantian", 3), ("dapeng", 3), ("shenshan", 5),
    ]
    static let surnames = Array(
        [
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋",
            "唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁",
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦",
            "邱江尹薛",
        ].joined())
    static let givenChars = Array(
        [
            "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华",
            "玉兰萍红建文辉宇志飞鹏浩琳颖雪晨林华峰亮斌健凯丹",
        ].joined())
    static let companyWords = Array(
        [
            "华信通力诚恒威铭星伟祥隆汇长腾金利光兴宝远明创精",
            "富源升骏驰展美鑫达泰顺安盛嘉瑞宏",
        ].joined())

    var rng: SplitMix64
    let p: Parameters

    public init(_ parameters: Parameters) {
        p = parameters
        rng = SplitMix64(seed: parameters.seed &+ 0x5EED)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func weighted(_ weights: [Int]) -> Int {
        var r = int(0...(weights.reduce(0, +) - 1))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }
    mutating func personName() -> String {
        String(pick(Self.surnames)) + String(pick(Self.givenChars)) + (chance(0.6) ? String(pick(Self.givenChars)) : "")
    }

    /// The batch folder's files, by name.
    public mutating func files() -> [(name: String, content: String)] {
        let start = p.start
        let end = start.addingMonths(p.months) - 1
        let today = start - 1
        let consultancyCount = max(3, min(20, p.enterprises / 4))
        let consultancies = (1...consultancyCount).map { String(format: "C%02d", $0) }
        let universities = ["U-SZU", "U-SUSTECH", "U-HITSZ", "U-THU-SIGS", "U-PKU-SZ", "U-CUHKSZ", "U-SZTU"]
        let institutes = ["I-SZAES", "I-SZEMC", "I-SIAT", "I-SMQ", "I-DESIGN", "I-GDEP", "I-SCIES"]
        var organizations: [[String]] = []
        for c in consultancies {
            let words = String((0..<2).map { _ in pick(Self.companyWords) })
            organizations.append([c, "深圳市\(words)清洁生产技术服务有限公司", "consultancy"])
        }
        for u in universities { organizations.append([u, "大学 \(u)", "university"]) }
        for i in institutes { organizations.append([i, "研究院 \(i)", "institute"]) }

        // Enterprises.
        let ew = Self.districtWeights.map(\.1)
        var enterpriseRows: [[String]] = []
        var industryCount: [String: Int] = [:]
        var enterpriseDistricts: [String] = []
        let horizon = end - start
        for n in 1...max(1, p.enterprises) {
            let id = String(format: "ENT%03d", n)
            let ind = Self.industries[weighted(Self.industries.map(\.weight))]
            industryCount[ind.tag, default: 0] += 1
            let district = Self.districtWeights[weighted(ew)].0
            enterpriseDistricts.append(district)
            var reasons = ind.reasons.filter { _ in chance(0.8) }
            if reasons.isEmpty { reasons = [ind.reasons[0]] }
            if chance(0.15) && !reasons.contains("first-audit") { reasons.append("first-audit") }
            let consultancy = chance(0.8) ? pick(consultancies) : ""
            // Deadlines spread over the horizon, never in its first five weeks.
            var deadline = start + int(min(35, horizon)...horizon)
            if p.specialCases && n == 9 { deadline = start + min(40, horizon) }  // a late extension request
            let listed = min(deadline.addingMonths(-int(10...14)), today - int(70...120))
            let registered = min(listed + int(5...28), today - 40)
            let planFiled = min(registered + int(5...30), today - 20)
            var draft: Day? = today - int(0...45)
            if chance(0.08) { draft = nil }
            let name = "深圳市\(String((0..<2).map { _ in pick(Self.companyWords) }))\(ind.zh)有限公司"
            var row = [
                id, name, district, ind.tag, reasons.joined(separator: ";"), consultancy, listed.iso, deadline.iso,
                registered.iso, planFiled.iso, draft?.iso ?? "", "", "", "", "", "", "", "", "", "",
            ]
            if p.specialCases {
                switch n {
                case 3: row[14] = (today - 40).iso  // penalized: vetoed
                case 5: row[11] = min(deadline.addingMonths(-4), today - 10).iso  // extension pending
                case 7:  // extension granted
                    row[11] = min(deadline.addingMonths(-4), today - 10).iso
                    row[12] = min(deadline.addingMonths(2), end).iso
                case 9: row[11] = (today - 3).iso  // late request: ignored
                case 11: row[15] = (today - 5).iso  // initial review already held
                case 13:
                    row[4] = (reasons + ["failed-last-round"]).joined(separator: ";")
                    row[10] = (today - 12).iso  // its revised report is in
                    row[19] = "PREV"
                default: break
                }
            }
            enterpriseRows.append(row)
        }

        // Experts: every industry gets enough holders, from several organizations.
        var expertRows: [[String]] = []
        let tags = Self.industries.map(\.tag)
        let tagWeights = Self.industries.map { max(1, $0.weight) }
        let count = max(1, p.experts)
        for n in 1...count {
            let id = String(format: "E%03d", n)
            let orgRoll = int(0...99)
            let org: String
            if orgRoll < 30 {
                org = pick(consultancies)
            } else if orgRoll < 52 {
                org = pick(universities)
            } else if orgRoll < 72 {
                org = pick(institutes)
            } else {
                org = "P-\(id)"
            }
            var specialties: [String] = [tags[(n - 1) % tags.count]]
            for _ in 0..<int(0...2) {
                let t = tags[weighted(tagWeights)]
                if !specialties.contains(t) { specialties.append(t) }
            }
            for _ in 0..<int(1...2) {
                let t = pick(Self.expertiseTags)
                if !specialties.contains(t) { specialties.append(t) }
            }
            let auditor = chance(0.55) ? "yes" : "no"
            let leader = (n % 4 == 1 || chance(0.1)) ? "yes" : "no"
            let district = Self.districtWeights[weighted(ew)].0
            expertRows.append([
                id, personName(), org, specialties.joined(separator: ";"), auditor, leader, district, "", "", "",
            ])
            if org.hasPrefix("P-") { organizations.append([org, "独立专家 \(id)", "individual"]) }
        }
        // The failed-last-round enterprise: its previous panel, the first five experts.
        if p.specialCases {
            for k in enterpriseRows.indices where enterpriseRows[k][19] == "PREV" {
                enterpriseRows[k][19] = expertRows.prefix(5).map { $0[0] }.joined(separator: ";")
            }
        }

        // Declared conflicts: about 4 % of experts with an enterprise or a consultancy.
        var conflictRows: [[String]] = []
        for e in expertRows where chance(0.04) {
            if chance(0.5) {
                conflictRows.append([e[0], pick(enterpriseRows)[0], "former employer 曾任职"])
            } else {
                conflictRows.append([e[0], pick(consultancies), "consulting contract 顾问合同"])
            }
        }
        // Unavailability: about 12 % of experts away for one to two weeks.
        var awayRows: [[String]] = []
        for e in expertRows where chance(0.12) {
            let from = start + int(0...max(0, horizon - 14))
            awayRows.append([
                e[0], from.iso, (from + int(4...13)).iso,
                pick(["出差 business " + "trip", "病假 sick leave", "培训 training"]),
            ])
        }

        // The bureau's organizing capacity grows with the batch (Shenzhen: 4 reviews and 3 site
        // panels per half-day; a province-wide batch runs many more in parallel).
        let toml = """
            [batch]
            name = "\(p.name)"
            start = \(start.iso)
            end = \(end.iso)
            today = \(today.iso)

            [initial_review]
            plan = true
            panel_size = 3
            lead_days = 3
            max_parallel = \(max(4, p.enterprises / 20))

            [site_inspection]
            plan = true
            panel_size = 5
            revision_days = 10
            max_parallel = \(max(3, p.enterprises / 30))
            max_travel_minutes = 60

            [panel]
            one_per_organization = true
            require_auditor = true
            require_industry = true
            continuity = "prefer"
            previous_experts = "prefer"

            [load]
            max_initial = 8
            max_site = 6
            max_per_week = 4
            max_per_day = 2
            min_total = 0

            [solver]
            time_limit_seconds = 60
            seed = \(p.seed)

            """
        func csv(_ header: String, _ rows: [[String]]) -> String {
            header + "\n" + rows.map { $0.map(CSVText.field).joined(separator: ",") }.joined(separator: "\n")
                + (rows.isEmpty ? "" : "\n")
        }
        return [
            ("batch.toml", toml),
            ("organizations.csv", csv("id,name,kind", organizations)),
            (
                "experts.csv",
                csv(
                    "id,name,organization,specialties,auditor,leader,district,max_initial,max_site,min_total",
                    expertRows)
            ),
            (
                "enterprises.csv",
                csv(
                    "id,name,district,industry,reasons,consultancy,listed,deadline,registered,plan_filed,"
                        + "draft_submitted,extension_requested,extended_deadline,extension_refused,penalized,"
                        + "initial_review_done,site_inspection_done,result,final_submitted,previous_experts",
                    enterpriseRows)
            ),
            ("conflicts.csv", csv("expert_id,with,reason", conflictRows)),
            ("unavailability.csv", csv("expert_id,from,to,reason", awayRows)),
        ]
    }

    /// Writes the folder (creating it).
    public mutating func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, content) in files() {
            try Data(content.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
    }
}
