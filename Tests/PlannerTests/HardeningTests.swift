import Foundation
import PanelModel
import PlanModel
import Reports
import Testing

/// Regressions of the hardening issue: every defect found by fuzzing and fault injection.
@Suite("Hardening")
struct HardeningTests {
    func load(_ t: TestBatch, extra: [String: String] = [:]) throws -> Batch {
        let dir = temporaryFolder("hardening")
        try t.write(to: dir)
        for (name, text) in extra {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try BatchLoader.load(path: dir.path)
    }

    func errors(_ t: TestBatch, extra: [String: String] = [:]) -> [String] {
        do {
            _ = try load(t, extra: extra)
            return []
        } catch let error as BatchLoadError {
            return error.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    func smallBatch() -> TestBatch {
        var t = TestBatch()
        t.pool(8)
        t.enterprise("A")
        return t
    }

    @Test("dates are written with four-digit years, and years outside 1900–2199 are refused")
    func fourDigitYears() throws {
        let day = try #require(Day(year: 999, month: 12, day: 31))
        #expect(day.iso == "0999-12-31")
        #expect(Day(iso: day.iso) == day)
        var t = smallBatch()
        t.set("batch", "start", "0999-03-02")
        #expect(errors(t).contains { $0.contains("batch.start") && $0.contains("outside the years 1900–2199") })
        var u = smallBatch()
        u.enterprises[0]["deadline"] = "2300-01-01"
        #expect(errors(u).contains { $0.contains("enterprises.csv") && $0.contains("2300-01-01") })
    }

    @Test("a cap of 2^63 − 1 in experts.csv is an error, not an overflow")
    func hugeCap() {
        var t = smallBatch()
        t.experts[0]["max_initial"] = "9223372036854775807"
        #expect(errors(t).contains { $0.contains("max_initial") && $0.contains("from 0 to 10000") })
    }

    @Test("weights and affinity scores that would make the objective infinite are errors")
    func infiniteCoefficients() {
        var t = smallBatch()
        t.set("weights", "planned", "1e308")
        #expect(errors(t).contains { $0.contains("weights.planned") && $0.contains("at most") })
        var u = smallBatch()
        u.affinity = [["G1", "A", "-1e308"]]
        #expect(errors(u).contains { $0.contains("affinity.csv") && $0.contains("±1000000") })
    }

    @Test("travel minutes too large for any report are errors (a crash found by the black-box fuzzer)")
    func hugeTravelMinutes() {
        let t = smallBatch()
        let travel = ["travel.csv": "from,to,minutes\nfutian,baoan,9223372036854775807\n"]
        #expect(errors(t, extra: travel).contains { $0.contains("travel.csv") && $0.contains("from 0 to 10080") })
        var u = smallBatch()
        u.set("site_inspection", "max_travel_minutes", "1e300")
        #expect(errors(u).contains { $0.contains("max_travel_minutes") && $0.contains("at most") })
    }

    @Test("an id longer than 64 characters is refused by check")
    func longIdentifier() {
        var t = smallBatch()
        t.expert(String(repeating: "E", count: 300), "general")
        #expect(errors(t).contains { $0.contains("300 characters is too long") })
    }

    @Test("a NUL byte or invalid UTF-8 in batch.toml is an error with its line, never a silent default")
    func tomlBytes() throws {
        var t = smallBatch()
        t.set("initial_review", "panel_size", "4")
        let dir = temporaryFolder("toml-nul")
        try t.write(to: dir)
        let url = dir.appendingPathComponent("batch.toml")
        var bytes = Array(try Data(contentsOf: url))
        bytes.insert(0, at: bytes.count / 2)
        try Data(bytes).write(to: url)
        #expect(throws: BatchLoadError.self) { try BatchLoader.load(path: dir.path) }
        try t.write(to: dir)
        try Data(Array("[batch]\nname = \"".utf8) + [0xC9, 0xEE] + Array("\"\n".utf8)).write(to: url)
        do {
            _ = try BatchLoader.load(path: dir.path)
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as BatchLoadError {
            #expect(
                error.errors.contains { $0.file == "batch.toml" && $0.line == 2 && $0.description.contains("UTF-8") })
        }
    }

    @Test("temporary files a killed run left are removed by the next write")
    func staleTemporaries() throws {
        let dir = temporaryFolder("stale-tmp")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let stale = dir.appendingPathComponent(".plan.json.tmp-999999")
        try "half".write(to: stale, atomically: false, encoding: .utf8)
        try PlanWriter.writeAtomically([("plan.json", "{}")], in: dir.path)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("plan.json").path))
    }
}
