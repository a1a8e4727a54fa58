import Foundation
import PanelModel
import TOMLSubset

/// A what-if scenario: changes to a batch, read from a TOML file (docs/whatif.md).
public struct Scenario {
    public var name: String
    public var removeExpertIDs: [String] = []
    public var removeSpecialties: [String] = []
    public var removeOrganizations: [String] = []
    public var removeFraction: Double = 0
    public var removeSeed: UInt64 = 1
    public var addExperts: Int = 0
    public var addLike: String?
    public var addSpecialties: [String] = []
    public var addEnterprises: Int = 0
    public var scaleEnterprises: Double = 1
    public var enterpriseSeed: UInt64 = 1
    public var deadlineShiftDays: Int = 0
    public var awayShare: Double = 0
    public var awayFrom: Day?
    public var awayTo: Day?
    public var awaySeed: UInt64 = 1
    /// The `[rules]` table (same keys as batch.toml) and the file text, applied by the rules reader.
    var rulesTable: TOMLTable?
    var text = ""
    var file = ""

    public init(name: String) { self.name = name }
}

/// Errors in scenario files, each with file, line and key.
public struct ScenarioError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map { "error: \($0)" }.joined(separator: "\n") }
}

extension Scenario {
    static let known: [String: [String]] = [
        "scenario": ["name"],
        "remove_experts": ["ids", "specialties", "organizations", "fraction", "seed"],
        "add_experts": ["count", "like", "specialties"],
        "add_enterprises": ["count", "scale", "seed"],
        "shift": ["deadline_days", "start", "end"],
        "unavailability": ["share", "from", "to", "seed"],
        "rules": [],
    ]

    /// Reads a scenario file; every problem is reported at once with its line and key.
    public static func load(path: String) throws -> Scenario {
        let file = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(diagnostics: [Diagnostic(.error, file: file, "cannot read the scenario file")])
        }
        return try parse(bytes: Array(data), file: file)
    }

    /// Parses scenario text.
    public static func parse(_ text: String, file: String) throws -> Scenario {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses a scenario file's bytes (the TOML parser checks the UTF-8 and refuses NUL bytes).
    public static func parse(bytes: [UInt8], file: String) throws -> Scenario {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(bytes: bytes)
        } catch {
            throw ScenarioError(diagnostics: [
                Diagnostic(
                    .error, file: file, line: error.line, "not valid TOML (column \(error.column)): \(error.message)")
            ])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var r = TOMLReader(table: root, text: text, file: file, prefix: "")
        var s = Scenario(
            name: r.string("scenario", "name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
        s.removeExpertIDs = r.strings("remove_experts", "ids") ?? []
        s.removeSpecialties = (r.strings("remove_experts", "specialties") ?? []).map { $0.lowercased() }
        s.removeOrganizations = r.strings("remove_experts", "organizations") ?? []
        s.removeFraction = r.double("remove_experts", "fraction", min: 0) ?? 0
        if s.removeFraction > 1 {
            r.fail("remove_experts", "fraction", "\(s.removeFraction)", "a share of the pool: expected 0 to 1")
        }
        s.removeSeed = UInt64(r.int("remove_experts", "seed", min: 0) ?? 1)
        s.addExperts = r.int("add_experts", "count", min: 0) ?? 0
        s.addLike = r.string("add_experts", "like")
        s.addSpecialties = (r.strings("add_experts", "specialties") ?? []).map { $0.lowercased() }
        s.addEnterprises = r.int("add_enterprises", "count", min: 0) ?? 0
        s.scaleEnterprises = r.double("add_enterprises", "scale", min: 0) ?? 1
        s.enterpriseSeed = UInt64(r.int("add_enterprises", "seed", min: 0) ?? 1)
        s.deadlineShiftDays = r.int("shift", "deadline_days", min: -3650, max: 3650) ?? 0
        s.awayShare = r.double("unavailability", "share", min: 0) ?? 0
        if s.awayShare > 1 {
            r.fail("unavailability", "share", "\(s.awayShare)", "a share of the pool: expected 0 to 1")
        }
        s.awayFrom = r.date("unavailability", "from")
        s.awayTo = r.date("unavailability", "to")
        s.awaySeed = UInt64(r.int("unavailability", "seed", min: 0) ?? 1)
        if s.awayShare > 0 && (s.awayFrom == nil || s.awayTo == nil) {
            r.fail("unavailability", "share", "\(s.awayShare)", "needs 'from' and 'to' dates")
        }
        if let f = s.awayFrom, let t = s.awayTo, t < f {
            r.fail("unavailability", "to", t.iso, "'to' \(t.iso) is before 'from' \(f.iso)")
        }
        if s.awayShare == 0 && (s.awayFrom != nil || s.awayTo != nil) {
            r.fail(
                "unavailability", "from", s.awayFrom?.iso,
                "needs 'share' (the part of the pool away), or it changes nothing")
        }
        if s.addExperts == 0 && (s.addLike != nil || !s.addSpecialties.isEmpty) {
            r.fail(
                "add_experts", s.addLike != nil ? "like" : "specialties", nil, "needs 'count', or it changes nothing")
        }
        if root["add_enterprises"]?.table?["scale"] != nil && s.scaleEnterprises < 1 {
            r.fail(
                "add_enterprises", "scale", "\(s.scaleEnterprises)",
                "a factor of at least 1 (removing enterprises is not a scenario of this kind)")
        }
        // Start and end of the horizon go through the rules reader as [rules.batch] keys.
        var rulesTable = root["rules"]?.table
        if let start = r.date("shift", "start") ?? nil {
            rulesTable = rulesTable ?? TOMLTable()
            setBatchKey(&rulesTable!, "start", start)
        }
        if let end = r.date("shift", "end") ?? nil {
            rulesTable = rulesTable ?? TOMLTable()
            setBatchKey(&rulesTable!, "end", end)
        }
        s.rulesTable = rulesTable
        s.text = text
        s.file = file
        for section in root.keys.sorted() {
            guard let keys = known[section] else {
                r.failTable(
                    section, "unknown table [\(section)] (expected \(known.keys.sorted().joined(separator: ", ")))")
                continue
            }
            guard section != "rules", let t = root[section]?.table else { continue }
            for key in t.keys.sorted() where !keys.contains(key) {
                r.fail(
                    section, key, nil, "unknown key '\(key)' in [\(section)] (expected \(keys.joined(separator: ", ")))"
                )
            }
        }
        // Validate the rule overrides now, against the defaults, so errors come with their line.
        var probe = BatchRules(start: Day(year: 1, month: 1, day: 1)!, end: Day(year: 9999, month: 12, day: 31)!)
        r.diagnostics += s.applyRules(to: &probe)
        let errors = r.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw ScenarioError(diagnostics: errors) }
        return s
    }

    static func setBatchKey(_ table: inout TOMLTable, _ key: String, _ day: Day) {
        let (y, m, d) = day.components
        var batch = table["batch"]?.table ?? TOMLTable()
        batch[key] = .date(year: y, month: m, day: d)
        table["batch"] = .table(batch)
    }

    /// Applies the `[rules]` overrides; returns what was wrong (unknown keys are errors here).
    func applyRules(to rules: inout BatchRules) -> [Diagnostic] {
        guard let rulesTable else { return [] }
        var reader = TOMLReader(table: rulesTable, text: text, file: file, prefix: "rules")
        reader.apply(to: &rules)
        reader.warnUnknownKeys(TOMLReader.knownKeys)
        return reader.diagnostics.map { d in
            var d = d
            if d.severity == .warning && d.message.hasPrefix("unknown") {
                d.severity = .error
                d.message = d.message.replacingOccurrences(of: " is ignored", with: "")
            }
            return d
        }
    }
}
