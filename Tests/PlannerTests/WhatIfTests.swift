import Foundation
import PanelModel
import Phrasebook
import Planner
import Reports
import Testing
import WhatIf
import Workflow

@Suite("What-if capacity analysis")
struct WhatIfTests {
    @Test("removing the only expert of an industry makes exactly those enterprises unplannable, with that reason")
    func removeOnlyIndustryExpert() throws {
        var t = TestBatch()
        t.pool(10)
        t.expert("X", "batteries;general")
        t.enterprise("A", industry: "batteries")
        t.enterprise("B", industry: "batteries")
        t.enterprise("C")
        let base = try loadTestBatch(t, "whatif-remove")
        let scenario = try Scenario.parse(
            "[scenario]\nname = \"X retires\"\n[remove_experts]\nids = [\"X\"]\n", file: "retire.toml")
        let rows = try WhatIfRunner.run(
            [("baseline", nil, base), (scenario.name, nil, try scenario.apply(to: base))], timeLimit: 30, seed: nil)
        #expect(rows[0].planned == 3)
        #expect(rows[1].planned == 1)
        #expect(rows[1].unplannedReasons.map(\.code) == ["no-industry-expert"])
        #expect(rows[1].unplannedReasons.first?.count == 2)
        let plan = try PanelPlanner(batch: try scenario.apply(to: base)).plan()
        #expect(Set(plan.unscheduled.filter(\.eligible).map(\.enterpriseID)) == ["A", "B"])
        #expect(plan.unscheduled.allSatisfy { $0.reason.contains("no expert in the pool has specialty 'batteries'") })
    }

    @Test("a pool sweep is monotone: more experts never plan fewer enterprises")
    func monotoneSweep() throws {
        var t = TestBatch()
        t.set("load", "max_site", "2")
        t.set("load", "max_initial", "3")
        t.pool(20)
        for k in 1...12 { t.enterprise("N\(k)") }
        let base = try loadTestBatch(t, "whatif-sweep")
        let sweep = try Sweep.parse("pool=50%..100%:10%")
        #expect(sweep.values == [50, 60, 70, 80, 90, 100])
        let items = try sweep.values.map { v in
            (name: "p\(v)", value: Optional(v), batch: try sweep.scenario(at: v, seed: 4).apply(to: base))
        }
        #expect(items.map { $0.batch.experts.count } == [10, 12, 14, 16, 18, 20])
        let rows = try WhatIfRunner.run(items, timeLimit: 30, seed: nil)
        let planned = rows.map(\.planned)
        #expect(planned == planned.sorted(), "planned \(planned)")
        #expect(planned.first! < planned.last!)
        // Parallel and sequential runs agree (deterministic whatever the parallelism).
        let sequential = try WhatIfRunner.run(items, timeLimit: 30, seed: nil, jobs: 1)
        #expect(sequential.map(\.planned) == planned)
        #expect(sequential.map(\.medianBuffer) == rows.map(\.medianBuffer))
    }

    @Test("--min-pool lists two heavy-metal recruits where exactly two are missing, and appending them works")
    func minPoolTwo() throws {
        var t = TestBatch()
        t.pool(12)
        for k in 1...7 { t.enterprise("H\(k)", industry: "heavy-metal") }
        let dir = temporaryFolder("whatif-minpool")
        try t.write(to: dir)
        let files = BatchLoader.inputFiles(path: dir.path)
        let answer = try CapacityAnalysis.recruitingList(files: files, timeLimit: 30)
        #expect(answer.modelMinimum == 2 && answer.recruits.count == 2)
        #expect(answer.recruits.allSatisfy { $0.specialties == ["heavy-metal"] && !$0.weeks.isEmpty })
        #expect(answer.promised == 7 && answer.eligible == 7 && answer.plannedBefore < 7)
        // The organizer appends the rows of experts-to-recruit.csv to experts.csv and plans.
        let rows = answer.csv.split(separator: "\n").dropFirst().joined(separator: "\n")
        let experts = dir.appendingPathComponent("experts.csv")
        try (try String(contentsOf: experts, encoding: .utf8) + rows + "\n").write(
            to: experts, atomically: true, encoding: .utf8)
        let plan = try PanelPlanner(batch: try BatchLoader.load(path: dir.path)).plan()
        #expect(plan.plannedCount == answer.promised)
        // The answer read in each language: the same numbers, no English sentence in Chinese.
        let english = RecruitingReport.text(answer, .en)
        let chinese = RecruitingReport.text(answer, .zh)
        #expect(english.hasPrefix("experts to recruit: 2 (the aggregate model proves at least 2 necessary)\n"))
        #expect(chinese.hasPrefix("需招募专家：2 位（聚合模型证明至少需要 2 位）\n"))
        #expect(chinese.contains("专业 heavy-metal") && chinese.contains("需要的周："))
        for phrase in ["experts to recruit", "appended", "specialty", "needed in", "based in", "eligible"] {
            #expect(!chinese.contains(phrase), "\(phrase) in \(chinese)")
        }
    }

    /// Six heavy-metal enterprises, sixteen general experts and `specialists` heavy-metal ones;
    /// with caps of 2 per kind each specialist can serve two of the enterprises.
    func heavyMetalBatch(specialists: Int) -> TestBatch {
        var t = TestBatch()
        t.set("load", "max_initial", "2")
        t.set("load", "max_site", "2")
        t.pool(16)
        if specialists > 0 { t.pool(specialists, prefix: "HM", specialties: "heavy-metal") }
        for k in 1...6 { t.enterprise("H\(k)", industry: "heavy-metal") }
        return t
    }

    @Test("recruiting answers are monotone: a smaller pool never needs fewer recruits")
    func recruitingMonotone() throws {
        var counts: [Int] = []
        var minimums: [Int] = []
        for specialists in [3, 2, 1, 0] {
            let t = heavyMetalBatch(specialists: specialists)
            let dir = temporaryFolder("whatif-monotone-\(specialists)")
            try t.write(to: dir)
            let answer = try CapacityAnalysis.recruitingList(
                files: BatchLoader.inputFiles(path: dir.path), timeLimit: 30)
            #expect(answer.promised == answer.eligible)
            counts.append(answer.recruits.count)
            minimums.append(answer.modelMinimum)
        }
        #expect(minimums == [0, 1, 2, 3], "model minimums \(minimums)")
        #expect(counts == [0, 1, 2, 3], "recruits \(counts)")
    }

    @Test("--max-batch finds what the pool can absorb and verifies it by planning")
    func maxBatch() throws {
        var t = TestBatch()
        t.set("load", "max_site", "2")
        t.pool(15)
        for k in 1...4 { t.enterprise("N\(k)") }
        let base = try loadTestBatch(t, "whatif-maxbatch")
        let answer = try CapacityAnalysis.maxBatch(base, seed: 1, limit: 20, timeLimit: 30)
        // 15 experts × max_site 2 = 30 site seats = 6 site panels; 4 are the batch's own.
        #expect(answer.modelBound == 2)
        #expect(answer.verified == 2)
        #expect(answer.baselinePlanned == 4)
        #expect(answer.added.map(\.id) == ["NEW-N1", "NEW-N2"])
    }

    @Test("capacity by week: demand and supply per role, and the weeks the leaders bind")
    func weekCapacity() throws {
        var t = TestBatch()
        // Two leaders who may sit once a week, and four site inspections that the windows put
        // into the horizon's last two weeks: the leaders bind there.
        t.set("load", "max_per_week", "1")
        t.set("batch", "end", "2026-03-27")
        for k in 1...2 { t.expert("L\(k)", "general") }
        for k in 1...20 { t.expert("M\(k)", "general", leader: false) }
        for k in 1...4 { t.enterprise("E\(k)") }
        let base = try loadTestBatch(t, "whatif-weeks")
        let plan = try PanelPlanner(batch: base).plan()
        let weeks = WeekCapacity.table(plan, base)
        let seats = weeks.filter { $0.role == "seats" }
        #expect(seats.reduce(0) { $0 + $1.demand } == plan.assignments.reduce(0) { $0 + $1.experts.count })
        let leaders = weeks.filter { $0.role == "leaders" }
        #expect(leaders.allSatisfy { $0.supply <= 2 && $0.demand <= $0.supply })
        #expect(leaders.reduce(0) { $0 + $1.demand } == plan.assignments.filter { $0.task == .site }.count)
        let binding = leaders.filter(\.isBinding)
        #expect(!binding.isEmpty && binding.allSatisfy { $0.demand * 10 >= $0.supply * 9 })
        let row = WhatIfRunner.row("baseline", nil, plan, base)
        #expect(row.bindingWeeks.contains { $0.hasSuffix(" leaders") })
        #expect(WhatIfOutput.weeksCSV([row]).contains(",leaders,"))
        // The terminal table in Chinese names the binding weeks' roles, the baseline and the status.
        let chinese = try #require(WhatIfOutput.tableRows([row], language: .zh).first)
        #expect(chinese[0] == "基准（现状）")
        #expect(chinese[10].contains(" 组长") && !chinese[10].contains("leaders"))
        #expect(WhatIfOutput.tableHeader(.zh)[10] == "满负荷周" && chinese[11] != row.status)
        #expect(WhatIfOutput.tableRows([row])[0][10].contains(" leaders"))
        let chart = WhatIfOutput.weeksSVG(row, language: .zh)
        #expect(chart.contains("组长") && chart.contains("stroke-dasharray"))
    }

    @Test("scale multiplies the eligible enterprises exactly")
    func scaleExact() throws {
        let demo = try BatchLoader.load(path: repositoryRoot.appendingPathComponent("datasets/shenzhen-demo").path)
        func eligible(_ b: Batch) -> Int {
            b.enterprises.filter { WorkflowRules.status($0, rules: b.rules, calendar: b.calendar).window != nil }.count
        }
        var s = Scenario(name: "double")
        s.scaleEnterprises = 2
        #expect(eligible(try s.apply(to: demo)) == 2 * eligible(demo))
        s.scaleEnterprises = 1.5
        #expect(eligible(try s.apply(to: demo)) == eligible(demo) + Int((0.5 * Double(eligible(demo))).rounded()))
    }

    @Test("--min-pool answers for a scenario too, from the scenario's batch")
    func minPoolForScenario() throws {
        let base = try loadTestBatch(heavyMetalBatch(specialists: 3), "whatif-minpool-scenario")
        var away = Scenario(name: "two specialists leave")
        away.removeExpertIDs = ["HM1", "HM2"]
        let answer = try CapacityAnalysis.recruitingList(batch: try away.apply(to: base), timeLimit: 30)
        #expect(answer.recruits.count == 2 && answer.promised == 6)
        #expect(answer.recruits.allSatisfy { $0.specialties == ["heavy-metal"] })
    }

    @Test("scenario files with errors name file, line and key")
    func scenarioErrors() throws {
        let text = """
            [scenario]
            name = "bad"
            [remove_experts]
            fraction = 1.5
            colour = "red"
            [rules.site_inspection]
            panel_size = 0
            [unknown_table]
            x = 1
            """
        #expect {
            _ = try Scenario.parse(text, file: "bad.toml")
        } throws: { error in
            let d = (error as? ScenarioError)?.description ?? ""
            return d.contains("bad.toml:4: key 'remove_experts.fraction'")
                && d.contains("bad.toml:5: key 'remove_experts.colour'")
                && d.contains("bad.toml:7: key 'site_inspection.panel_size'") && d.contains("bad.toml:8")
                && d.contains("unknown table [unknown_table]")
        }
        #expect(throws: ScenarioError.self) { _ = try Sweep.parse("pool=60..") }
        #expect(throws: ScenarioError.self) { _ = try Sweep.parse("colour=1..3") }
    }
}
