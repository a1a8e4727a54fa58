import Foundation
import Phrasebook
import TOMLSubset

extension LoadContext {
    /// Reads batch.toml into ``BatchRules``; every key but [batch] start/end has a default.
    mutating func loadRules() -> BatchRules? {
        let file = "batch.toml"
        guard let bytes = readBytes(file) else {
            error(file, nil, nil, nil, Phrase("load.toml-missing"))
            return nil
        }
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(bytes: bytes)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .error, file: file, line: error.line, column: nil, value: nil,
                    Phrase("load.not-toml", ["column": "\(error.column)", "detail": .phrase(error.phrase)])))
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var reader = TOMLReader(root: root, text: text)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }

        guard let start = reader.date("batch", "start", required: true),
            let end = reader.date("batch", "end", required: true)
        else {
            return nil
        }
        var rules = BatchRules(start: start, end: end, today: reader.date("batch", "today"))
        rules.name = reader.string("batch", "name") ?? ""
        reader.apply(to: &rules)
        reader.warnUnknownKeys(TOMLReader.knownKeys)
        if rules.maxPerDay > 2 {
            reader.warn(
                "load", "max_per_day", "\(rules.maxPerDay)",
                Phrase("load.max-per-day"))
        }
        if !rules.planInitial && !rules.planSite {
            reader.warn(
                "initial_review", "plan", "false",
                Phrase("load.nothing-planned"))
        }
        return rules
    }
}

extension TOMLReader {
    /// Every key of batch.toml, by table (nil: any key).
    public static let knownKeys: [String: [String]?] = [
        "batch": ["name", "start", "end", "today", "language"],
        "initial_review": ["plan", "panel_size", "lead_days", "max_parallel", "location"],
        "site_inspection": ["plan", "panel_size", "revision_days", "max_parallel", "max_travel_minutes"],
        "panel": ["one_per_organization", "require_auditor", "require_industry", "continuity", "previous_experts"],
        "load": ["max_initial", "max_site", "max_per_week", "max_per_day", "min_total"],
        "expertise": nil,
        "solver": ["time_limit_seconds", "seed", "mip_gap", "search"],
        "draw": ["reserves", "mode", "max_pair_probability", "quality_floor"],
        "schedule": ["spread", "notice_days"],
        "weights": [
            "level",
            "planned", "expertise", "affinity", "continuity", "previous_expert", "travel", "load", "min_total",
            "buffer", "change",
        ],
    ]

    /// Applies every key present in the document onto `rules` (the defaults stay where a key is
    /// absent). Used for batch.toml and for the `[rules]` overrides of what-if scenarios.
    public mutating func apply(to rules: inout BatchRules) {
        if let start = date("batch", "start") { rules.start = start }
        if let end = date("batch", "end") { rules.end = end }
        if let today = date("batch", "today") { rules.today = today }
        if let name = string("batch", "name") { rules.name = name }
        if let language = choice("batch", "language", ["zh", "en"]) { rules.language = language }
        if rules.end < rules.start {
            fail(
                "batch", "end", rules.end.iso,
                Phrase("load.end-before-start", ["end": "\(rules.end.iso)", "start": "\(rules.start.iso)"]))
        }

        rules.planInitial = bool("initial_review", "plan") ?? rules.planInitial
        rules.initialPanelSize = int("initial_review", "panel_size", min: 1, max: 50) ?? rules.initialPanelSize
        rules.leadDays = int("initial_review", "lead_days", min: 0, max: 250) ?? rules.leadDays
        rules.initialMaxParallel = int("initial_review", "max_parallel", min: 1) ?? rules.initialMaxParallel
        rules.initialReviewLocation = string("initial_review", "location") ?? rules.initialReviewLocation

        rules.planSite = bool("site_inspection", "plan") ?? rules.planSite
        rules.sitePanelSize = int("site_inspection", "panel_size", min: 1, max: 50) ?? rules.sitePanelSize
        rules.revisionDays = int("site_inspection", "revision_days", min: 0, max: 250) ?? rules.revisionDays
        rules.siteMaxParallel = int("site_inspection", "max_parallel", min: 1) ?? rules.siteMaxParallel
        rules.maxTravelMinutes =
            double("site_inspection", "max_travel_minutes", min: 0, max: InputLimits.travelMinutes)
            ?? rules.maxTravelMinutes

        rules.onePerOrganization = bool("panel", "one_per_organization") ?? rules.onePerOrganization
        rules.requireAuditor = bool("panel", "require_auditor") ?? rules.requireAuditor
        rules.requireIndustry = bool("panel", "require_industry") ?? rules.requireIndustry
        if let v = choice("panel", "continuity", ContinuityPolicy.allCases.map(\.rawValue)) {
            rules.continuity = ContinuityPolicy(rawValue: v)!
        }
        if let v = choice("panel", "previous_experts", PreviousExpertsPolicy.allCases.map(\.rawValue)) {
            rules.previousExperts = PreviousExpertsPolicy(rawValue: v)!
        }

        rules.maxInitial = int("load", "max_initial", min: 0) ?? rules.maxInitial
        rules.maxSite = int("load", "max_site", min: 0) ?? rules.maxSite
        rules.maxPerWeek = int("load", "max_per_week", min: 1) ?? rules.maxPerWeek
        rules.maxPerDay = int("load", "max_per_day", min: 1) ?? rules.maxPerDay
        rules.minTotal = int("load", "min_total", min: 0) ?? rules.minTotal

        if let table = table("expertise") {
            for key in table.keys.sorted() {
                guard let reason = ListingReason(rawValue: key.lowercased()) else {
                    fail(
                        "expertise", key, key,
                        Phrase(
                            "load.unknown-reason",
                            [
                                "value": "\(key)",
                                "options": "\(ListingReason.allCases.map(\.rawValue).joined(separator: ", "))",
                            ])
                    )
                    continue
                }
                if let tags = stringList("expertise", key) { rules.expertise[reason] = tags.map { $0.lowercased() } }
            }
        }

        rules.timeLimitSeconds = double("solver", "time_limit_seconds", min: 0.01) ?? rules.timeLimitSeconds
        if rules.timeLimitSeconds > 86_400 {
            fail(
                "solver", "time_limit_seconds", "\(rules.timeLimitSeconds)",
                Phrase("load.time-limit-too-long"))
        }
        if let seed = int("solver", "seed", min: 0) { rules.seed = UInt64(seed) }
        rules.mipGap = double("solver", "mip_gap", min: 0) ?? rules.mipGap
        if let v = choice("solver", "search", SearchPolicy.allCases.map(\.rawValue)) {
            rules.search = SearchPolicy(rawValue: v) ?? rules.search
        }
        if let v = choice("schedule", "spread", SpreadPolicy.allCases.map(\.rawValue)) {
            rules.spread = SpreadPolicy(rawValue: v) ?? rules.spread
        }
        rules.noticeDays = int("schedule", "notice_days", min: 0, max: 250) ?? rules.noticeDays
        rules.reserves = int("draw", "reserves", min: 0, max: 10) ?? rules.reserves
        if let mode = choice("draw", "mode", ["off", "on"]) { rules.drawEnabled = mode == "on" }
        rules.maxPairProbability =
            double("draw", "max_pair_probability", min: 0.01, max: 1) ?? rules.maxPairProbability
        rules.qualityFloor = double("draw", "quality_floor", min: 0, max: 1) ?? rules.qualityFloor

        var w = rules.weights
        w.planned = double("weights", "planned", min: 0, max: InputLimits.weight) ?? w.planned
        w.expertise = double("weights", "expertise", min: 0, max: InputLimits.weight) ?? w.expertise
        w.affinity = double("weights", "affinity", min: 0, max: InputLimits.weight) ?? w.affinity
        w.continuity = double("weights", "continuity", min: 0, max: InputLimits.weight) ?? w.continuity
        w.previousExpert = double("weights", "previous_expert", min: 0, max: InputLimits.weight) ?? w.previousExpert
        w.travel = double("weights", "travel", min: 0, max: InputLimits.weight) ?? w.travel
        w.load = double("weights", "load", min: 0, max: InputLimits.weight) ?? w.load
        w.level = double("weights", "level", min: 0, max: InputLimits.weight) ?? w.level
        w.minTotal = double("weights", "min_total", min: 0, max: InputLimits.weight) ?? w.minTotal
        w.buffer = double("weights", "buffer", min: 0, max: InputLimits.weight) ?? w.buffer
        w.change = double("weights", "change", min: 0, max: InputLimits.weight) ?? w.change
        rules.weights = w

    }
}

/// Reads typed keys of a TOML document and reports type errors with the key's line.
public struct TOMLReader {
    let root: TOMLTable
    let lines: [Substring]
    /// What was found wrong, with file, line and key.
    public var diagnostics: [Diagnostic] = []
    let file: String
    /// The table the keys live under in the file (e.g. `rules` in a scenario), for line lookup.
    let prefix: String

    init(root: TOMLTable, text: String, file: String = "batch.toml", prefix: String = "") {
        self.root = root
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        self.file = file
        self.prefix = prefix
    }

    /// A reader over a table of a TOML document (`text` is the whole file, for line numbers).
    public init(table: TOMLTable, text: String, file: String, prefix: String) {
        self.init(root: table, text: text, file: file, prefix: prefix)
    }

    /// The 1-based line of `key` inside `[section]` (or of the section's header), as the parser
    /// recorded it, else found by scanning the text.
    func line(_ section: String, _ key: String?) -> Int? {
        if let key, let line = root[section]?.table?.line(of: key) { return line }
        if key == nil, let line = root.line(of: section) { return line }
        let section = prefix.isEmpty ? section : "\(prefix).\(section)"
        if let key {
            // Dotted keys: `site_inspection.panel_size = 3` under [rules], or `rules.x.y = …`.
            let dotted = [section + "." + key, String(section.split(separator: ".").last ?? "") + "." + key]
            for (i, raw) in lines.enumerated() {
                let name = raw.prefix(while: { $0 != "=" }).trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: "\"", with: "")
                if raw.contains("=") && dotted.contains(name) { return i + 1 }
            }
        }
        var current = ""
        for (i, raw) in lines.enumerated() {
            let l = raw.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("[") {
                current = l.dropFirst().prefix(while: { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                if key == nil && current == section { return i + 1 }
                continue
            }
            if current == section, let key {
                let name = l.prefix(while: { $0 != "=" }).trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if name == key { return i + 1 }
            }
        }
        return nil
    }

    public mutating func fail(_ section: String, _ key: String, _ value: String?, _ message: Phrase) {
        diagnostics.append(
            Diagnostic(.error, file: file, line: line(section, key), column: "\(section).\(key)", value: value, message)
        )
    }

    public mutating func warn(_ section: String, _ key: String, _ value: String?, _ message: Phrase) {
        diagnostics.append(
            Diagnostic(
                .warning, file: file, line: line(section, key), column: "\(section).\(key)", value: value, message))
    }

    public mutating func table(_ section: String) -> TOMLTable? {
        guard let v = root[section] else { return nil }
        guard let t = v.table else {
            diagnostics.append(
                Diagnostic(
                    .error, file: file, line: line(section, nil), column: section, value: nil,
                    Phrase("load.not-table", ["section": "\(section)"])))
            return nil
        }
        return t
    }

    public mutating func value(_ section: String, _ key: String, required: Bool = false) -> TOMLValue? {
        guard let t = root[section]?.table, let v = t[key] else {
            if required {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, line: line(section, nil), column: "\(section).\(key)", value: nil,
                        Phrase("load.required-key", ["key": "\(key)", "section": "\(section)"])))
            }
            return nil
        }
        return v
    }

    public mutating func date(_ section: String, _ key: String, required: Bool = false) -> Day? {
        guard let v = value(section, key, required: required) else { return nil }
        if let d = v.date, let day = Day(year: d.year, month: d.month, day: d.day) { return inRange(section, key, day) }
        if let s = v.string, let day = Day(iso: s) { return inRange(section, key, day) }
        fail(section, key, v.description, Phrase("load.expected-date", ["value": "\(v.description)"]))
        return nil
    }

    /// The date when its year lies in ``InputLimits/years``; an error otherwise.
    mutating func inRange(_ section: String, _ key: String, _ day: Day) -> Day? {
        guard InputLimits.years.contains(day.components.year) else {
            let years = "\(InputLimits.years.lowerBound)–\(InputLimits.years.upperBound)"
            fail(section, key, day.iso, Phrase("load.day-outside-years", ["value": "\(day.iso)", "years": "\(years)"]))
            return nil
        }
        return day
    }

    public mutating func string(_ section: String, _ key: String) -> String? {
        guard let v = value(section, key) else { return nil }
        guard let s = v.string else {
            fail(section, key, v.description, Phrase("load.expected-string"))
            return nil
        }
        return s
    }

    public mutating func bool(_ section: String, _ key: String) -> Bool? {
        guard let v = value(section, key) else { return nil }
        if let b = v.boolean { return b }
        if let s = v.string, let b = parseBoolean(s) { return b }
        fail(section, key, v.description, Phrase("load.expected-boolean", ["value": "\(v.description)"]))
        return nil
    }

    public mutating func int(_ section: String, _ key: String, min: Int, max: Int = 100_000) -> Int? {
        guard let v = value(section, key) else { return nil }
        guard let n = v.integer else {
            fail(
                section, key, v.description,
                Phrase("load.expected-whole-number", ["min": "\(min)", "value": "\(v.description)"]))
            return nil
        }
        guard n >= min else {
            fail(section, key, "\(n)", Phrase("load.nonsense-whole-min", ["value": "\(n)", "min": "\(min)"]))
            return nil
        }
        guard n <= max else {
            fail(section, key, "\(n)", Phrase("load.nonsense-max", ["value": "\(n)", "max": "\(max)"]))
            return nil
        }
        return n
    }

    public mutating func double(
        _ section: String, _ key: String, min: Double, max: Double = .greatestFiniteMagnitude
    ) -> Double? {
        guard let v = value(section, key) else { return nil }
        guard let x = v.double else {
            fail(
                section, key, v.description,
                Phrase("load.expected-number", ["min": "\(min)", "value": "\(v.description)"]))
            return nil
        }
        guard x >= min, x.isFinite else {
            fail(section, key, "\(x)", Phrase("load.nonsense-number-min", ["value": "\(x)", "min": "\(min)"]))
            return nil
        }
        guard x <= max else {
            fail(section, key, "\(x)", Phrase("load.nonsense-max", ["value": "\(x)", "max": "\(max)"]))
            return nil
        }
        return x
    }

    public mutating func choice(_ section: String, _ key: String, _ options: [String]) -> String? {
        guard let s = string(section, key) else { return nil }
        guard options.contains(s.lowercased()) else {
            fail(
                section, key, s,
                Phrase(
                    "load.not-allowed",
                    ["value": "\(s)", "options": "\(options.map { "\"\($0)\"" }.joined(separator: ", "))"]))
            return nil
        }
        return s.lowercased()
    }

    /// A list of strings, or nil when the key is absent.
    public mutating func strings(_ section: String, _ key: String) -> [String]? {
        stringList(section, key, what: Phrase("load.list.strings"))
    }

    /// Reports a problem with a whole table.
    public mutating func failTable(_ section: String, _ message: Phrase) {
        diagnostics.append(
            Diagnostic(.error, file: file, line: line(section, nil), column: section, value: nil, message))
    }

    mutating func stringList(_ section: String, _ key: String, what: Phrase = Phrase("load.list.specialties"))
        -> [String]?
    {
        guard let v = value(section, key) else { return nil }
        guard let a = v.array else {
            fail(
                section, key, v.description,
                Phrase("load.expected-list", ["what": .phrase(what), "value": "\(v.description)"]))
            return nil
        }
        var out: [String] = []
        for item in a {
            guard let s = item.string else {
                fail(
                    section, key, item.description,
                    Phrase("load.expected-list", ["what": .phrase(what), "value": "\(item.description)"]))
                return nil
            }
            out.append(s)
        }
        return out
    }

    public mutating func warnUnknownKeys(_ known: [String: [String]?]) {
        for section in root.keys.sorted() {
            guard let entry = known[section] else {
                diagnostics.append(
                    Diagnostic(
                        .warning, file: file, line: line(section, nil), column: section, value: nil,
                        Phrase("load.unknown-table", ["section": "\(section)"])))
                continue
            }
            guard let keys = entry, let t = root[section]?.table else { continue }
            for key in t.keys.sorted() where !keys.contains(key) {
                warn(section, key, nil, Phrase("load.unknown-key", ["key": "\(key)", "section": "\(section)"]))
            }
        }
    }
}
