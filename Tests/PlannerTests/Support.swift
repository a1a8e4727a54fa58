import Foundation
import PanelModel
import PlanModel
import Planner
import Reports
import Testing

/// A batch folder written from rows, for instances built to tempt the planner.
struct TestBatch {
    var toml: [String: [String: String]] = [
        "batch": ["name": "\"test\"", "start": "2026-03-02", "end": "2026-04-30", "today": "2026-03-01"],
        "solver": ["time_limit_seconds": "30", "seed": "7"],
    ]
    var experts: [[String: String]] = []
    var enterprises: [[String: String]] = []
    var organizations: [[String]] = []
    var conflicts: [[String]] = []
    var unavailability: [[String]] = []
    var affinity: [[String]] = []
    var fixed: [[String]] = []

    static let expertColumns = [
        "id", "name", "organization", "specialties", "auditor", "leader", "district", "max_initial", "max_site",
        "min_total", "active",
    ]
    static let enterpriseColumns = [
        "id", "name", "district", "industry", "reasons", "consultancy", "listed", "deadline", "draft_submitted",
        "extension_requested", "extended_deadline", "extension_refused", "penalized", "initial_review_done",
        "site_inspection_done", "result", "previous_experts",
    ]

    mutating func set(_ section: String, _ key: String, _ value: String) { toml[section, default: [:]][key] = value }

    /// Adds an expert; by default an auditor and leader of their own organization in Futian.
    mutating func expert(
        _ id: String, _ specialties: String, org: String? = nil, auditor: Bool = true, leader: Bool = true,
        district: String = "futian", extra: [String: String] = [:]
    ) {
        var row = [
            "id": id, "name": "专家\(id)", "organization": org ?? "P-\(id)", "specialties": specialties,
            "auditor": auditor ? "yes" : "no", "leader": leader ? "yes" : "no", "district": district,
        ]
        row.merge(extra) { $1 }
        experts.append(row)
    }

    /// Adds a generic pool of `count` experts with the given specialties.
    mutating func pool(_ count: Int, prefix: String = "G", specialties: String = "general", district: String = "futian")
    {
        for k in 1...count { expert("\(prefix)\(k)", specialties, district: district) }
    }

    /// Adds an enterprise whose draft is in (eligible) with a deadline at the end of the horizon.
    mutating func enterprise(
        _ id: String, industry: String = "general", district: String = "futian", extra: [String: String] = [:]
    ) {
        var row = [
            "id": id, "name": "企业\(id)", "district": district, "industry": industry, "listed": "2025-04-01",
            "deadline": "2026-04-30", "draft_submitted": "2026-02-20",
        ]
        row.merge(extra) { $1 }
        enterprises.append(row)
    }

    func write(to dir: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        var t = ""
        for section in toml.keys.sorted() {
            t += "[\(section)]\n"
            for (k, v) in toml[section]!.sorted(by: { $0.key < $1.key }) { t += "\(k) = \(v)\n" }
            t += "\n"
        }
        try t.write(to: dir.appendingPathComponent("batch.toml"), atomically: true, encoding: .utf8)
        func csv(_ columns: [String], _ rows: [[String: String]]) -> String {
            columns.joined(separator: ",") + "\n"
                + rows.map { r in columns.map { r[$0] ?? "" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        func plain(_ header: String, _ rows: [[String]]) -> String {
            header + "\n" + rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        try csv(Self.expertColumns, experts).write(
            to: dir.appendingPathComponent("experts.csv"), atomically: true, encoding: .utf8)
        try csv(Self.enterpriseColumns, enterprises).write(
            to: dir.appendingPathComponent("enterprises.csv"), atomically: true, encoding: .utf8)
        if !organizations.isEmpty {
            try plain("id,name,kind", organizations).write(
                to: dir.appendingPathComponent("organizations.csv"), atomically: true, encoding: .utf8)
        }
        if !conflicts.isEmpty {
            try plain("expert_id,with,reason", conflicts).write(
                to: dir.appendingPathComponent("conflicts.csv"), atomically: true, encoding: .utf8)
        }
        if !unavailability.isEmpty {
            try plain("expert_id,from,to,reason", unavailability).write(
                to: dir.appendingPathComponent("unavailability.csv"), atomically: true, encoding: .utf8)
        }
        if !affinity.isEmpty {
            try plain("expert_id,enterprise_id,score", affinity).write(
                to: dir.appendingPathComponent("affinity.csv"), atomically: true, encoding: .utf8)
        }
        if !fixed.isEmpty {
            try plain("enterprise_id,task,date,slot,experts,leader", fixed).write(
                to: dir.appendingPathComponent("fixed.csv"), atomically: true, encoding: .utf8)
        }
    }
}

/// A planned batch: the loaded batch, the plan, and the folder both live in.
struct PlannedBatch {
    var batch: Batch
    var plan: Plan
    var folder: URL
    var planJSON: URL { folder.appendingPathComponent("plan.json") }

    func entry(_ enterprise: String) -> UnscheduledEntry? { plan.unscheduled.first { $0.enterpriseID == enterprise } }
    func assignment(_ enterprise: String, _ task: TaskKind) -> Assignment? {
        plan.assignments.first { $0.enterpriseID == enterprise && $0.task == task }
    }
}

/// Writes a test batch to a fresh folder and loads it.
func loadTestBatch(_ t: TestBatch, _ name: String) throws -> Batch {
    let dir = temporaryFolder(name)
    try t.write(to: dir)
    return try BatchLoader.load(path: dir.path)
}

func temporaryFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("panelplan-tests-\(name)-\(UUID().uuidString)")
}

/// Writes, loads and plans a test batch, writes plan.json next to it, and runs the independent
/// checker on it (failing the test on any violation).
func planAndCheck(
    _ t: TestBatch, name: String, expectComplete: Bool = false, options: PlannerOptions = PlannerOptions()
) throws -> PlannedBatch {
    let dir = temporaryFolder(name)
    try t.write(to: dir)
    return try planFolderAndCheck(dir, expectComplete: expectComplete, options: options)
}

func planFolderAndCheck(
    _ dir: URL, outputFolder: URL? = nil, expectComplete: Bool = false, options: PlannerOptions = PlannerOptions()
) throws -> PlannedBatch {
    let batch = try BatchLoader.load(path: dir.path)
    let plan = try PanelPlanner(batch: batch, options: options).plan()
    let out = outputFolder ?? dir
    try PlanWriter.write(plan, to: out.path)
    let result = try runChecker(
        batch: dir, plan: out.appendingPathComponent("plan.json"), expectComplete: expectComplete)
    #expect(result.status == 0, "independent checker found violations:\n\(result.output)")
    // The bound is never clamped to the objective, so a wrong one shows here.
    #expect(plan.bound >= plan.objective - 1e-6 * max(1, abs(plan.objective)), "bound below the objective")
    #expect(!plan.warnings.map { $0.text(.en) }.contains { $0.hasPrefix("internal:") }, "\(plan.warnings)")
    // Every level's bound is a bound: never below the level's value.
    #expect(plan.levels.map(\.name) == ["planned", "expertise", "continuity", "balance", "buffer"])
    for level in plan.levels {
        #expect(level.bound >= level.value - 1e-6 * max(1, abs(level.value)), "level \(level.name)")
    }
    return PlannedBatch(batch: batch, plan: plan, folder: out)
}

/// Runs Tests/checker/check_plan.py, the plan checker written apart from the planner.
func runChecker(batch: URL, plan: URL, expectComplete: Bool, extra: [String] = []) throws -> (
    status: Int32, output: String
) {
    let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("checker/check_plan.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
        ["python3", checker.path, batch.path, plan.path] + (expectComplete ? ["--expect-complete"] : []) + extra
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
