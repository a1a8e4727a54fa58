import Foundation
import PanelModel
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
/// The repository's tiny example batch (examples/tiny).
let tinyExample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples/tiny")

@Suite("Batch-folder loading")
struct LoaderTests {
    @Test("the tiny example loads with every default of FORMAT.md")
    func tiny() throws {
        let b = try BatchLoader.load(path: tinyExample.path)
        #expect(b.experts.count == 30 && b.enterprises.count == 12 && b.fixed.count == 1)
        #expect(b.rules.start.iso == "2026-04-01" && b.rules.today.iso == "2026-03-31")
        #expect(b.rules.previousExperts == .prefer)  // not in its batch.toml: the default
        #expect(b.rules.weights.planned == 1_000_000)
        #expect(b.experts.first { $0.id == "E008" }?.maxInitial == 4)
        #expect(b.enterprises.first { $0.id == "ENT008" }?.previousExperts.count == 5)
        #expect(b.fixed[0].experts == ["E003", "E008", "E022"])
        #expect(b.unavailability.count == 2)
    }

    @Test("a BOM, Chinese headers, columns in any order and district names are accepted")
    func chineseHeaders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loader-zh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try
            ("[batch]\nstart = 2026-03-02\nend = 2026-04-30\n[initial_review]\npanel_size = "
            + "2\n[site_inspection]\nplan = false\n")
            .write(to: dir.appendingPathComponent("batch.toml"), atomically: true, encoding: .utf8)
        try
            ("\u{FEFF}姓名,编号,单位,专业,审核师,组长,区\n张三,E1,U-A,PCB;Heavy-Metal,是,否,"
            + "福田区\n李四,E2,U-B,pcb,否,是,Bao'an\n")
            .write(to: dir.appendingPathComponent("experts.csv"), atomically: true, encoding: .utf8)
        try
            ("编号,企业名称,区,行业,强制原因,服务机构,listed,验收截止,送审日期\nN1,"
            + "\"某某电子, 有限公司\",龙岗,PCB,Heavy-Metal;TOXIC,,2025-05-01,2026-04-30,2026-02-01\n")
            .write(to: dir.appendingPathComponent("enterprises.csv"), atomically: true, encoding: .utf8)
        let b = try BatchLoader.load(path: dir.path)
        #expect(b.experts.map(\.id) == ["E1", "E2"])
        #expect(b.experts[0].specialties == ["pcb", "heavy-metal"] && b.experts[0].isAuditor && !b.experts[0].canLead)
        #expect(b.experts[0].district == "futian" && b.experts[1].district == "baoan")
        #expect(b.enterprises[0].name == "某某电子, 有限公司" && b.enterprises[0].district == "longgang")
        #expect(b.enterprises[0].reasons == [.heavyMetal, .toxic])
        #expect(b.enterprises[0].draftSubmitted?.iso == "2026-02-01")
        #expect(b.rules.sitePanelSize == 5 && b.rules.continuity == .prefer)
    }

    @Test("every broken folder of the corpus yields its expected errors, with file and line, and no crash")
    func brokenCorpus() throws {
        let root = fixtures.appendingPathComponent("broken")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            !$0.hasPrefix(".") && !$0.hasSuffix(".md")
        }.sorted()
        #expect(folders.count >= 30)
        for name in folders {
            let folder = root.appendingPathComponent(name)
            let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
                .split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            let shouldPass = expected.first == "OK"
            var lines: [String] = []
            var failed = false
            do {
                let b = try BatchLoader.load(path: folder.path)
                lines = b.warnings.map { "warning: \($0)" }
            } catch let error as BatchLoadError {
                failed = true
                lines = error.errors.map { "error: \($0)" } + error.warnings.map { "warning: \($0)" }
            }
            #expect(
                failed != shouldPass,
                "\(name): expected \(shouldPass ? "success" : "errors"), got:\n\(lines.joined(separator: "\n"))")
            let text = lines.joined(separator: "\n")
            for want in expected.dropFirst(shouldPass ? 1 : 0) {
                #expect(text.contains(want), "\(name): missing «\(want)» in:\n\(text)")
            }
        }
    }

    @Test("every column has a Chinese name, per file (企业编号: enterprises.csv's id)")
    func chineseColumnTable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loader-zh-all-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            "batch.toml": "[batch]\nstart = 2026-03-02\nend = 2026-04-30\n",
            "experts.csv": "专家编号,姓名,工作单位,专业,审核师,组长,"
                + "所在区,初审上限,现场验收上限,在库\n"
                + (1...6).map {
                    "E\($0),专家\($0),U\($0),general,"
                        + "是,是,福田,3,2,是"
                }.joined(separator: "\n") + "\n",
            "enterprises.csv": "企业编号,企业名称,区,行业,"
                + "列入名单日期,验收截止,送审日期,上轮专家\n"
                + "N1,某企业,龙岗,general,2025/5/1,2026年4月30日,2026-2-1,E1\n",
            "unavailability.csv": "专家编号,开始日期,结束日期,原因\nE2,2026/3/9,,病假\n",
            "fixed.csv": "企业编号,环节,日期,时段,专家,组长\nN1,initial,2026-03-05,am,E1;E2;E3,\n",
        ]
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let b = try BatchLoader.load(path: dir.path)
        #expect(b.experts.count == 6 && b.experts[0].maxSite == 2 && b.experts[0].district == "futian")
        #expect(b.enterprises[0].id == "N1" && b.enterprises[0].listed.iso == "2025-05-01")
        #expect(b.enterprises[0].deadline.iso == "2026-04-30" && b.enterprises[0].previousExperts == ["E1"])
        #expect(b.unavailability[0].from.iso == "2026-03-09" && b.unavailability[0].to.iso == "2026-03-09")
        #expect(b.fixed[0].experts == ["E1", "E2", "E3"])
    }
}
