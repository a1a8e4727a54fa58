import Foundation
import PanelModel
import PlanModel
import PlanStore
import Planner
import Reports
import Testing

/// The nightly regeneration: replanning around a published plan.
@Suite("Replanning")
struct ReplanTests {
    /// A batch where everything fits, planned once: the reference.
    func baseline() throws -> (TestBatch, PlannedBatch) {
        var t = TestBatch()
        t.set("batch", "today", "2026-03-01")
        t.pool(24)
        for k in 1...10 { t.enterprise(String(format: "N%02d", k), extra: ["deadline": "2026-04-30"]) }
        return (t, try planAndCheck(t, name: "replan-base", expectComplete: true))
    }

    func replan(_ t: TestBatch, reference: [Assignment], asOf: String = "2026-03-01", freezeDays: Int) throws
        -> PlannedBatch
    {
        try planAndCheck(
            t, name: "replan",
            options: PlannerOptions(reference: reference, asOf: Day(iso: asOf), freezeDays: freezeDays))
    }

    func key(_ a: Assignment) -> String {
        "\(a.enterpriseID)|\(a.task)|\(a.day)|\(a.slot)|\(a.experts.sorted())|\(a.leader ?? "")"
    }

    @Test("a frozen assignment whose expert became unavailable changes that expert alone")
    func frozenSwap() throws {
        let (base, v1) = try baseline()
        let frozen = try #require(v1.plan.assignments.first { $0.task == .initial })
        let away = frozen.experts[0]
        var t = base
        t.unavailability = [[away, frozen.day.iso, frozen.day.iso, "病假"]]
        let v2 = try replan(t, reference: v1.plan.assignments, freezeDays: 5)
        let after = try #require(v2.assignment(frozen.enterpriseID, .initial))
        #expect(after.time == frozen.time)
        #expect(!after.experts.contains(away))
        #expect(Set(after.experts).intersection(frozen.experts).count == frozen.experts.count - 1)
    }

    @Test(
        "replanning after each kind of change keeps every assignment the change does not force",
        arguments: ["unavailable-week", "new-draft", "penalty", "extension", "initial-done"])
    func keepsUnforced(change: String) throws {
        let (base, v1) = try baseline()
        var t = base
        t.enterprise("NEW", extra: ["draft_submitted": "", "deadline": "2026-04-30"])
        // The reference knows NEW without a draft; the change may add it.
        let reference = v1.plan.assignments
        let first = reference[0]
        var forcedEnterprises: Set<String> = []
        var forcedExpert: String?
        switch change {
        case "unavailable-week":
            forcedExpert = first.experts[0]
            t.unavailability = [[first.experts[0], "2026-03-02", "2026-03-06", "出差"]]
        case "new-draft":
            t.enterprises[t.enterprises.count - 1]["draft_submitted"] = "2026-02-25"
        case "penalty":
            t.enterprises[0]["penalized"] = "2026-02-27"
            forcedEnterprises = [t.enterprises[0]["id"]!]
        case "extension":
            t.enterprises[1]["extension_requested"] = "2026-01-10"
            forcedEnterprises = [t.enterprises[1]["id"]!]
        default:
            let id = t.enterprises[2]["id"]!
            t.enterprises[2]["initial_review_done"] = "2026-02-27"
            forcedEnterprises = [id]
        }
        // A freeze horizon over the whole batch: nothing unforced may move.
        let v2 = try replan(t, reference: reference, freezeDays: 60)
        let now = Set(v2.plan.assignments.map(key))
        for a in reference where !forcedEnterprises.contains(a.enterpriseID) {
            if let x = forcedExpert, a.experts.contains(x), a.day <= Day(iso: "2026-03-06")! { continue }
            let current = v2.plan.assignments.filter { $0.enterpriseID == a.enterpriseID }.map(key)
            let cause = "unavailable: \(forcedExpert ?? "-"), first \(key(first))"
            #expect(
                now.contains(key(a)),
                "\(change): \(a.enterpriseID) \(a.task) changed without cause (\(cause))\n\(current)"
            )
        }
        if change == "new-draft" { #expect(v2.assignment("NEW", .initial) != nil) }
        if change == "penalty" || change == "extension" {
            #expect(v2.plan.assignments.allSatisfy { !forcedEnterprises.contains($0.enterpriseID) })
        }
    }

    @Test("history before as-of is fact: it stays as it was, and a conflict declared since is only a warning")
    func historyStays() throws {
        let (base, v1) = try baseline()
        let asOf = Day(iso: "2026-03-03")!
        let past = v1.plan.assignments.filter { $0.day <= asOf }
        try #require(past.count >= 2)
        var t = base
        t.set("batch", "today", "2026-03-03")
        // An unrelated change: someone is away in April.
        t.unavailability = [["G24", "2026-04-20", "2026-04-24", "出差"]]
        let v2 = try replan(t, reference: v1.plan.assignments, asOf: "2026-03-03", freezeDays: 5)
        for a in past { #expect(v2.plan.assignments.contains { key($0) == key(a) }) }

        // A conflict recorded now for a past panel: the panel took place; it is kept, with a warning,
        // and the enterprise is not lost (issue: a replan used to drop it silently).
        let a = past[0]
        t.conflicts = [[a.experts[0], a.enterpriseID, "后来申报"]]
        let v3 = try replan(t, reference: v1.plan.assignments, asOf: "2026-03-03", freezeDays: 5)
        #expect(v3.plan.assignments.contains { key($0) == key(a) })
        #expect(v3.plan.asOf == asOf && v3.plan.isFact(a))
        #expect(
            v3.plan.warnings.map { $0.text(.en) }.contains {
                $0.contains("\(a.enterpriseID) \(a.task.rawValue)") && $0.contains("conflict of interest")
                    && $0.contains("kept as it was")
            })
        #expect(v3.plan.plannedCount == v2.plan.plannedCount)
        #expect(!v3.plan.unscheduled.contains { $0.enterpriseID == a.enterpriseID })
    }
}

/// The plan store and the `replan` command as cron runs it.
@Suite("Plan store and nightly job", .serialized)
struct NightlyJobTests {
    /// The tool built by the same build as this test bundle, found beside it (not a fixed path).
    var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("panelplan")
    }

    func run(_ args: [String], wait: Bool = true) throws -> (status: Int32, output: String) {
        try #require(FileManager.default.fileExists(atPath: binary.path), "build the tool first: swift build")
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        // English unless a test asks otherwise: the text it reads must not follow the machine's locale.
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("a closed stderr pipe does not kill a plan (SIGPIPE ignored, failed writes ignored)")
    func closedPipe() throws {
        try #require(FileManager.default.fileExists(atPath: binary.path))
        let dir = try demoCopy("pipe")
        let p = Process()
        p.executableURL = binary
        p.arguments = ["plan", dir.path, "--no-store"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try pipe.fileHandleForReading.close()
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("plan.json").path))
    }

    /// A copy of the demo whose people read English (`[batch] language = "en"`): its Chinese
    /// name would otherwise make every command speak Chinese.
    func demoCopy(_ name: String) throws -> URL {
        let dir = temporaryFolder(name)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("datasets/shenzhen-demo"), to: dir)
        let toml = dir.appendingPathComponent("batch.toml")
        let text = try String(contentsOf: toml, encoding: .utf8)
        try text.replacingOccurrences(of: "[batch]\n", with: "[batch]\nlanguage = \"en\"\n").write(
            to: toml, atomically: true, encoding: .utf8)
        return dir
    }

    @Test("a Chinese batch name makes Chinese the default; --lang and [batch] language win")
    func chineseByDefault() throws {
        let dir = temporaryFolder("zh-default")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("datasets/shenzhen-demo"), to: dir)
        #expect(try run(["plan", dir.path, "--quiet", "--no-store"]).output.contains("已安排"))
        #expect(try run(["plan", dir.path, "--quiet", "--no-store", "--lang", "en"]).output.contains("planned"))
        #expect(try run(["check", dir.path]).output.contains("企业"))
    }

    func appendUnavailability(_ dir: URL, _ line: String) throws {
        let url = dir.appendingPathComponent("unavailability.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + line + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("a new store is migrated; an empty or foreign file is an error, never taken for a new store")
    func storeFiles() throws {
        let path = temporaryFolder("new").path + ".sqlite"
        let store = try PlanStore(path: path)
        #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6"])
        #expect(try store.versions().isEmpty)
        _ = try PlanStore(path: path)  // reopening is a no-op
        for contents in [Data(), Data("plan.json".utf8)] {
            let bad = temporaryFolder("bad").path + ".sqlite"
            #expect(FileManager.default.createFile(atPath: bad, contents: contents))
            #expect(throws: PlanStoreError.self) { try PlanStore(path: bad) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: bad)) == contents)  // left as it was
        }
        let dir = try demoCopy("empty-store")
        let empty = dir.appendingPathComponent("panelplan.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let r = try run(["replan", dir.path])
        #expect(r.status == 73 && r.output.contains("not a PanelPlan store"), "\(r.output)")
        let chinese = try run(["replan", dir.path, "--lang", "zh"])
        #expect(chinese.status == 73 && chinese.output.contains("不是 PanelPlan 排期库"), "\(chinese.output)")
    }

    @Test("a version recorded but not announced is announced by the next run, exactly once")
    func pendingAnnouncement() throws {
        let dir = try demoCopy("pending")
        #expect(try run(["plan", dir.path, "--quiet"]).status == 0)
        #expect(try run(["publish", dir.path]).status == 0)
        let plan = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8).split(
            separator: "\n")[1].split(separator: ",")
        try appendUnavailability(dir, "\(plan[4].split(separator: ";")[0]),\(plan[2]),\(plan[2]),病假")
        // The out folder cannot be written (a file stands where the folder should be).
        let blocked = dir.appendingPathComponent("blocked")
        #expect(FileManager.default.createFile(atPath: blocked.path, contents: Data()))
        let failed = try run(["replan", dir.path, "--out", blocked.appendingPathComponent("out").path])
        #expect(failed.status == 73, "\(failed.output)")
        let out = temporaryFolder("pending-out")
        let announced = try run(["replan", dir.path, "--out", out.path])
        #expect(announced.status == 3, "\(announced.output)")
        #expect(announced.output.contains("announced now"), "\(announced.output)")
        let changes = try String(contentsOf: out.appendingPathComponent("changes.txt"), encoding: .utf8)
        #expect(changes.contains("1 change") || changes.contains("changes"))
        #expect(try run(["replan", dir.path, "--out", out.path]).status == 0)
        #expect(
            try String(contentsOf: out.appendingPathComponent("changes.txt"), encoding: .utf8).hasPrefix("no changes"))
    }

    @Test("a decline swaps one expert, is announced, and no later replan puts the expert back")
    func decline() throws {
        let dir = try demoCopy("decline")
        #expect(try run(["plan", dir.path, "--quiet"]).status == 0)
        #expect(try run(["publish", dir.path]).status == 0)
        let row = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8).split(
            separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let (enterprise, task, expert) = (row[0], row[1], row[4].split(separator: ";").map(String.init)[0])
        let published = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("plan.json")))
                as? [String: Any])
        let seats = try #require(published["assignments"] as? [[String: Any]])
        let declinedSeat = try #require(
            seats.first { $0["enterprise"] as? String == enterprise && $0["task"] as? String == task })
        let firstReserve = try #require(((declinedSeat["reserves"] as? [String: [String]])?[expert])?.first)
        let r = try run(["decline", dir.path, enterprise, task, expert, "--reason", "出差"])
        #expect(r.status == 3, "\(r.output)")
        #expect(r.output.contains("\(expert) declined \(enterprise) \(task) (出差)"))
        let plan = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8)
        let seat = try #require(plan.split(separator: "\n").first { $0.hasPrefix("\(enterprise),\(task),") })
        #expect(!seat.contains(expert))
        #expect(seat.split(separator: ",")[2] == row[2] && seat.split(separator: ",")[3] == row[3])  // same slot
        let before = Set(row[4].split(separator: ";"))
        let after = Set(seat.split(separator: ",")[4].split(separator: ";"))
        #expect(before.subtracting(after).count == 1)  // one swap
        #expect(after.subtracting(before) == [Substring(firstReserve)])  // the first reserve (候补) asked
        #expect(
            try runChecker(batch: dir, plan: dir.appendingPathComponent("plan.json"), expectComplete: true).status == 0)
        // Later nights keep the decline, even after a re-import with other changes.
        try appendUnavailability(dir, "E001,2026-06-01,2026-06-05,培训")
        #expect([0, 3].contains(try run(["replan", dir.path]).status))
        let later = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8)
        let again = try #require(later.split(separator: "\n").first { $0.hasPrefix("\(enterprise),\(task),") })
        #expect(!again.contains(expert))
        // A task that took place cannot be declined.
        let kept = String(try #require(before.intersection(after).first))
        let past = try run(["decline", dir.path, enterprise, task, kept, "--as-of", "2026-06-30"])
        #expect(past.status == 64 && past.output.contains("took place"), "\(past.output)")
    }

    @Test("plan refuses a batch with a published plan; replan refuses an as-of that goes backwards")
    func guards() throws {
        let dir = try demoCopy("guards")
        #expect(try run(["plan", dir.path, "--quiet"]).status == 0)
        #expect(try run(["publish", dir.path]).status == 0)
        let again = try run(["plan", dir.path, "--quiet"])
        #expect(again.status == 64 && again.output.contains("replan"), "\(again.output)")
        #expect([0, 3].contains(try run(["replan", dir.path, "--as-of", "2026-03-10"]).status))
        let back = try run(["replan", dir.path, "--as-of", "2026-03-05"])
        #expect(back.status == 64 && back.output.contains("earlier than the last run"), "\(back.output)")
        #expect([0, 3].contains(try run(["replan", dir.path, "--as-of", "2026-03-05", "--force"]).status))
    }

    @Test("plan, publish, replan, idempotency, history, diff and export")
    func nightlyCycle() throws {
        let dir = try demoCopy("cycle")
        #expect(try run(["plan", dir.path, "--quiet"]).status == 0)
        #expect(try run(["publish", dir.path]).output.contains("published version 1"))
        #expect(try run(["replan", dir.path]).status == 0)  // nothing changed: no new version
        let plan = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8).split(
            separator: "\n")[1].split(separator: ",")
        let expert = String(plan[4].split(separator: ";")[0])
        let day = String(plan[2])
        try appendUnavailability(dir, "\(expert),\(day),\(day),病假")
        let r = try run(["replan", dir.path])
        #expect(r.status == 3, "\(r.output)")
        #expect(r.output.contains("\(expert) unavailable \(day)..\(day)"))
        let notes = try String(contentsOf: dir.appendingPathComponent("notifications.csv"), encoding: .utf8)
        #expect(try Data(contentsOf: dir.appendingPathComponent("notifications.csv")).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(notes.contains("expert_id,expert_name,change,role"))
        let json = try String(contentsOf: dir.appendingPathComponent("notifications.json"), encoding: .utf8)
        #expect(
            json.contains("\"role\": \"") && json.contains("\"expert_name\": \"")
                && !json.contains("\"expert_name\": \"\""))
        #expect(notes.split(separator: "\n").contains { $0.hasPrefix("\(expert),") && $0.contains(",released,") })
        let again = try run(["replan", dir.path])
        #expect(again.status == 0 && again.output.contains("no changes"))
        #expect(try run(["history", dir.path]).output.contains("replan"))
        #expect(try run(["diff", "1", "2", "--batch", dir.path]).output.contains("version 1 → 2"))
        let out = temporaryFolder("export")
        #expect(try run(["export", dir.path, "--version", "1", "--out", out.path]).status == 0)
        #expect(
            try runChecker(batch: dir, plan: dir.appendingPathComponent("plan.json"), expectComplete: true).status == 0)
        // A run with nothing new leaves no stale news: the notifications hold no row.
        let quiet = try String(contentsOf: dir.appendingPathComponent("notifications.csv"), encoding: .utf8)
        #expect(quiet.split(separator: "\n").count == 1)
        #expect(
            try String(contentsOf: dir.appendingPathComponent("changes.txt"), encoding: .utf8).hasPrefix("no changes"))
        // A lock file that cannot be created is not "locked".
        let bad = try run(["replan", dir.path, "--db", "/nonexistent-dir/x.sqlite", "--wait", "0"])
        #expect(bad.status == 73 && bad.output.contains("cannot create the lock file"))
    }

    @Test("changes.txt, the notifications and diff speak the batch's language, with names and roles")
    func chineseNews() throws {
        let dir = try demoCopy("zh-news")
        let toml = dir.appendingPathComponent("batch.toml")
        let rules = try String(contentsOf: toml, encoding: .utf8)
        try rules.replacingOccurrences(of: "language = \"en\"", with: "language = \"zh\"").write(
            to: toml, atomically: true, encoding: .utf8)
        #expect(try run(["plan", dir.path, "--quiet"]).status == 0)
        #expect(try run(["publish", dir.path]).status == 0)
        let rows = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8).split(
            separator: "\n"
        ).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let row = rows[0]
        let (day, members) = (row[2], row[4].split(separator: ";").map(String.init))
        // An initial reviewer who is not also on the site panel: the swap is then the one change
        // (replacing the site panel's link to the initial panel could cost continuity).
        let site = rows.first { $0[0] == row[0] && $0[1] == "site" }?[4].split(separator: ";").map(String.init) ?? []
        let sick = try #require(members.first { !site.contains($0) })
        try appendUnavailability(dir, "\(sick),\(day),\(day),病假")
        #expect(try run(["replan", dir.path]).status == 3)
        let changes = try String(contentsOf: dir.appendingPathComponent("changes.txt"), encoding: .utf8)
        #expect(changes.hasPrefix("对照已公布的第 1 版：1 项变更"), "\(changes)")
        #expect(changes.contains("换人"))
        #expect(changes.contains("原因：\(sick) \(day)..\(day) 不能参加（病假）"))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("notifications.json")))
                as? [[String: Any]])
        let released = try #require(json.first { $0["expert"] as? String == sick })
        let name = try #require(released["expert_name"] as? String)
        #expect(!name.isEmpty && released["change"] as? String == "released")
        let message = try #require(released["message"] as? String)
        #expect(message.hasPrefix("\(name)专家：") && message.contains("不再需要您参加"))
        #expect(message.contains("病假"))
        let stayed = try #require(json.first { $0["change"] as? String == "panel-changed" })
        let role = stayed["role"] as? String == "leader" ? "组长" : "组员"
        #expect((stayed["message"] as? String)?.contains("您仍担任\(role)") == true)
        let csv = try String(contentsOf: dir.appendingPathComponent("notifications.csv"), encoding: .utf8)
        #expect(csv.contains(",message\n") && csv.contains(message))
        // diff follows the batch too, and --lang overrides it.
        let chinese = try run(["diff", "1", "2", "--batch", dir.path]).output
        #expect(chinese.hasPrefix("第 1 版 → 第 2 版：1 项变更"))
        let english = try run(["diff", "1", "2", "--batch", dir.path, "--lang", "en"]).output
        #expect(english.hasPrefix("version 1 → 2: 1 change") && english.contains("\(sick) unavailable"))
    }

    @Test("diff between any two versions compares their folders: a change made and undone is no cause")
    func diffCausesAcrossVersions() throws {
        let dir = try demoCopy("diff-causes")
        #expect(try run(["plan", dir.path, "--quiet"]).status == 0)
        #expect(try run(["publish", dir.path]).status == 0)
        let rows = try String(contentsOf: dir.appendingPathComponent("plan.csv"), encoding: .utf8).split(
            separator: "\n"
        ).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let first = rows[0]
        let x = first[4].split(separator: ";").map(String.init)[0]
        let other = try #require(
            rows.first { !$0[4].split(separator: ";").contains(Substring(x)) && $0[2] != first[2] })
        let z = other[4].split(separator: ";").map(String.init)[0]
        let unavailability = dir.appendingPathComponent("unavailability.csv")
        let original = try String(contentsOf: unavailability, encoding: .utf8)
        try appendUnavailability(dir, "\(x),\(first[2]),\(first[2]),病假")
        #expect(try run(["replan", dir.path]).status == 3)  // version 2: x swapped out
        try original.write(to: unavailability, atomically: true, encoding: .utf8)  // x is well again
        try appendUnavailability(dir, "\(z),\(other[2]),\(other[2]),出差")
        #expect(try run(["replan", dir.path]).status == 3)  // version 3
        let oneToThree = try run(["diff", "1", "3", "--batch", dir.path]).output
        #expect(oneToThree.contains("\(z) unavailable \(other[2])..\(other[2]) (出差)"), "\(oneToThree)")
        #expect(!oneToThree.contains("\(x) unavailable") && !oneToThree.contains("\(x) available"), "\(oneToThree)")
        let twoToThree = try run(["diff", "2", "3", "--batch", dir.path]).output
        #expect(twoToThree.contains("\(x) available again"), "\(twoToThree)")
    }

    @Test("a second concurrent run waits, then exits 75 with a clear message")
    func lockContention() throws {
        let dir = try demoCopy("lock")
        let lockPath = dir.appendingPathComponent("panelplan.sqlite.lock").path
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        let r = try run(["replan", dir.path, "--wait", "0.5"])
        flock(fd, LOCK_UN)
        close(fd)
        #expect(r.status == 75)
        #expect(r.output.contains("locked"))
        #expect(try run(["replan", dir.path, "--wait", "0.5"]).status == 3)
    }

    @Test("killing replan at random moments never loses the published plan")
    func crashSafety() throws {
        let dir = try demoCopy("kill")
        #expect(try run(["plan", dir.path, "--quiet"]).status == 0)
        #expect(try run(["publish", dir.path]).status == 0)
        let store = try PlanStore(path: dir.appendingPathComponent("panelplan.sqlite").path)
        let published = try store.assignments(1)
        var rng = SplitMix64(seed: 3)
        for k in 0..<12 {
            try appendUnavailability(
                dir,
                "E\(String(format: "%03d", 10 + k)),2026-03-\(String(format: "%02d", 2 + k % 5)),"
                    + "2026-03-\(String(format: "%02d", 2 + k % 5)),kill test"
            )
            let p = Process()
            p.executableURL = binary
            p.arguments = ["replan", dir.path, "--wait", "5"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(useconds_t(rng.next() % 400_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let check = try PlanStore(path: dir.appendingPathComponent("panelplan.sqlite").path)
            #expect(try check.latestPublished()?.id == 1)
            #expect(try check.assignments(1) == published)
            // plan.json is whole: either the old or a new plan, never half-written.
            let data = try Data(contentsOf: dir.appendingPathComponent("plan.json"))
            #expect((try? PlanReader.read(data)) != nil)
        }
        let final = try run(["replan", dir.path])
        #expect(final.status == 3 || final.status == 0)
        #expect(
            try runChecker(batch: dir, plan: dir.appendingPathComponent("plan.json"), expectComplete: true).status == 0)
    }
}
