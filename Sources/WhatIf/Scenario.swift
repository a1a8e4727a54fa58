import Foundation
import PanelModel
import Phrasebook
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
    public var description: String { text(.en) }

    /// Every problem, one a line, in `language`.
    public func text(_ language: Language) -> String {
        diagnostics.map { Diagnostic.line($0, language) }.joined(separator: "\n")
    }
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
            throw ScenarioError(diagnostics: [Diagnostic(.error, file: file, Phrase("scenario.unreadable"))])
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
                    .error, file: file, line: error.line,
                    Phrase("load.not-toml", ["column": "\(error.column)", "detail": .phrase(error.phrase)]))
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
            r.fail("remove_experts", "fraction", "\(s.removeFraction)", Phrase("scenario.share"))
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
            r.fail("unavailability", "share", "\(s.awayShare)", Phrase("scenario.share"))
        }
        s.awayFrom = r.date("unavailability", "from")
        s.awayTo = r.date("unavailability", "to")
        s.awaySeed = UInt64(r.int("unavailability", "seed", min: 0) ?? 1)
        if s.awayShare > 0 && (s.awayFrom == nil || s.awayTo == nil) {
            r.fail("unavailability", "share", "\(s.awayShare)", Phrase("scenario.needs-dates"))
        }
        if let f = s.awayFrom, let t = s.awayTo, t < f {
            r.fail(
                "unavailability", "to", t.iso, Phrase("load.to-before-from", ["to": "\(t.iso)", "from": "\(f.iso)"]))
        }
        if s.awayShare == 0 && (s.awayFrom != nil || s.awayTo != nil) {
            r.fail(
                "unavailability", "from", s.awayFrom?.iso,
                Phrase("scenario.needs-share"))
        }
        if s.addExperts == 0 && (s.addLike != nil || !s.addSpecialties.isEmpty) {
            r.fail(
                "add_experts", s.addLike != nil ? "like" : "specialties", nil, Phrase("scenario.needs-count"))
        }
        if root["add_enterprises"]?.table?["scale"] != nil && s.scaleEnterprises < 1 {
            r.fail(
                "add_enterprises", "scale", "\(s.scaleEnterprises)",
                Phrase("scenario.scale"))
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
                    section,
                    Phrase(
                        "scenario.unknown-table",
                        ["section": "\(section)", "options": "\(known.keys.sorted().joined(separator: ", "))"]))
                continue
            }
            guard section != "rules", let t = root[section]?.table else { continue }
            for key in t.keys.sorted() where !keys.contains(key) {
                r.fail(
                    section, key, nil,
                    Phrase(
                        "scenario.unknown-key",
                        ["key": "\(key)", "section": "\(section)", "options": "\(keys.joined(separator: ", "))"])
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

    /// The loader's warnings about unknown tables and keys, and the errors they become in `[rules]`.
    static let unknownAsError = [
        "load.unknown-table": "scenario.rules-unknown-table", "load.unknown-key": "scenario.rules-unknown-key",
    ]

    /// Applies the `[rules]` overrides; returns what was wrong (unknown keys are errors here).
    func applyRules(to rules: inout BatchRules) -> [Diagnostic] {
        guard let rulesTable else { return [] }
        var reader = TOMLReader(table: rulesTable, text: text, file: file, prefix: "rules")
        reader.apply(to: &rules)
        reader.warnUnknownKeys(TOMLReader.knownKeys)
        return reader.diagnostics.map { d in
            var d = d
            if d.severity == .warning, let key = Self.unknownAsError[d.message.key] {
                d.severity = .error
                d.message.key = key
            }
            return d
        }
    }
}
