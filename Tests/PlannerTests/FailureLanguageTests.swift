import NightlyJob
import PanelModel
import Phrasebook
import PlanStore
import Planner
import Testing

/// The failures of the planner, the plan store and the nightly job read in Chinese and English;
/// what the system or GLPK said is kept as it was said.
@Suite("Failures in Chinese and English")
struct FailureLanguageTests {
    func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("the planner's solver failure: the frame translated, GLPK's own message verbatim")
    func solverFailure() {
        let bound = PlannerError.solver(Phrase("solver.bound-lp", ["status": "undefined"]))
        #expect(bound.text(.zh) == "求解器失败：上界的线性规划以 undefined 结束")
        #expect(bound.text(.en) == "solver failure: the bound LP ended undefined")
        #expect(bound.description == bound.text(.en))
        let glpk = PlannerError.solver(.verbatim("GLPK error: glp_intopt: invalid basis"))
        #expect(glpk.text(.zh) == "求解器失败：GLPK error: glp_intopt: invalid basis")
    }

    @Test("each way a nightly run stops, in both languages, the last plan said to be kept")
    func nightlyFailures() throws {
        let asOf = try #require(Day(iso: "2026-03-01"))
        let last = try #require(Day(iso: "2026-03-09"))
        let failures: [NightlyJob.Failure] = [
            .locked(path: "/srv/b/panelplan.sqlite", waitedSeconds: 10),
            .asOfBackwards(asOf: asOf, last: last),
            .solver(PlannerError.solver(Phrase("solver.draw-lp", ["status": "infeasible"])).phrase),
            .cannotWrite(PlanStoreError.notAStore("/srv/b/panelplan.sqlite").phrase),
            .cannotWrite(
                Phrase("nightly.files-not-written", ["version": "7", "folder": "/srv/out", "text": "EACCES"])),
        ]
        for failure in failures {
            let zh = failure.text(.zh)
            let en = failure.text(.en)
            #expect(isChinese(zh) && !isChinese(en), "\(zh) / \(en)")
            #expect(!zh.contains("{") && !en.contains("{"), "\(zh) / \(en)")
            #expect(failure.description == en)
        }
        let locked = "已锁定：另一个 panelplan 进程正在使用 /srv/b/panelplan.sqlite（已等待 10 秒）"
        #expect(failures[0].text(.zh) == locked)
        #expect(failures[1].text(.en).hasPrefix("--as-of 2026-03-01 is earlier than the last run's 2026-03-09"))
        let solver = "求解器失败：随机抽取的线性规划以 infeasible 结束；上一版排期未受影响"
        #expect(failures[2].text(.zh) == solver)
        let unwritten = "第 7 版已记入排期库，但其文件无法写入 /srv/out：EACCES"
        #expect(failures[4].text(.zh).contains(unwritten))
    }
}
