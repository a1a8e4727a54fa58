import Foundation
import Phrasebook

/// Reads a batch folder (FORMAT v1) and validates it, collecting every error at once.
public enum BatchLoader {
    /// The files of a batch folder that are inputs (FORMAT v1).
    public static let inputFileNames = [
        "batch.toml", "experts.csv", "enterprises.csv", "organizations.csv", "conflicts.csv",
        "unavailability.csv", "affinity.csv", "fixed.csv", "calendar.csv", "travel.csv",
    ]

    /// The input files present in the folder, by name (for snapshots and change detection).
    public static func inputFiles(path: String) -> [String: String] {
        var files: [String: String] = [:]
        for name in inputFileNames {
            if let data = FileManager.default.contents(
                atPath: URL(fileURLWithPath: path).appendingPathComponent(name).path)
            {
                // As the loader reads them: UTF-8, UTF-16 or GB18030, stored as UTF-8 text.
                files[name] = TextDecoding.decode(Array(data))?.text ?? String(decoding: data, as: UTF8.self)
            }
        }
        // Tables from Excel workbooks, as the CSV text the loader reads for them.
        let workbooks = WorkbookInput(folder: path, csvNames: tableFileNames)
        files.merge(workbooks.texts) { csv, _ in csv }
        return files
    }

    /// The input files that are tables (every input but batch.toml).
    static var tableFileNames: [String] { inputFileNames.filter { $0.hasSuffix(".csv") } }

    /// The Excel workbooks a folder may hold instead of its CSV files.
    public static var workbookFileNames: [String] {
        ["batch.xlsx"] + tableFileNames.map { String($0.dropLast(4)) + ".xlsx" }
    }

    /// The input files present in the folder, by name, as raw bytes (for digests).
    public static func inputFileBytes(path: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in inputFileNames + workbookFileNames {
            if let data = FileManager.default.contents(
                atPath: URL(fileURLWithPath: path).appendingPathComponent(name).path)
            {
                files[name] = Array(data)
            }
        }
        return files
    }

    /// Loads the folder at `path`.
    ///
    /// - Throws: ``BatchLoadError`` with every error found (and the warnings) when the folder
    ///   is not valid; nothing is returned half-read.
    public static func load(path: String) throws -> Batch {
        var context = LoadContext(folder: path)
        let batch = context.load()
        if !context.errors.isEmpty || batch == nil {
            throw BatchLoadError(errors: context.errors, warnings: context.warnings)
        }
        return batch!
    }

    /// Loads a batch from its files' contents, by name (a stored snapshot), without touching
    /// the file system.
    public static func load(files: [String: String], name: String = "snapshot") throws -> Batch {
        var context = LoadContext(folder: name, memory: files)
        let batch = context.load()
        if !context.errors.isEmpty || batch == nil {
            throw BatchLoadError(errors: context.errors, warnings: context.warnings)
        }
        return batch!
    }
}

struct LoadContext {
    let folder: String
    /// File contents by name, instead of the folder (snapshots).
    var memory: [String: String]?
    var diagnostics: [Diagnostic] = []
    /// Whether experts.csv / enterprises.csv were read. When a whole file failed, references to
    /// it are not checked: each would be reported again as unknown, burying the real error.
    var expertsLoaded = false
    var enterprisesLoaded = false
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Tables read from Excel workbooks, for the CSV files the folder does not have.
    var workbooks = WorkbookInput()

    init(folder: String, memory: [String: String]? = nil) {
        self.folder = folder
        self.memory = memory
        guard memory == nil else { return }
        workbooks = WorkbookInput(folder: folder, csvNames: BatchLoader.tableFileNames)
        diagnostics += workbooks.diagnostics
    }

    mutating func error(
        _ file: String, _ line: Int? = nil, _ column: String? = nil, _ value: String? = nil, _ message: Phrase
    ) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, value: value, message))
    }

    mutating func warning(
        _ file: String, _ line: Int? = nil, _ column: String? = nil, _ value: String? = nil, _ message: Phrase
    ) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, column: column, value: value, message))
    }

    /// The file's bytes as they are (batch.toml: its parser checks the UTF-8 itself).
    func readBytes(_ name: String) -> [UInt8]? {
        if let memory { return memory[name].map { Array($0.utf8) } }
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        return FileManager.default.contents(atPath: url.path).map { Array($0) }
            ?? workbooks.texts[name].map { Array($0.utf8) }
    }

    func readText(_ name: String) -> String? {
        if let memory { return memory[name] }
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    mutating func table(_ file: String, required: Bool, columns: [String]) -> CSVTable? {
        guard let bytes = readBytes(file) else {
            if required && !workbooks.unreadable.contains(file) {
                let workbook = String(file.dropLast(4)) + ".xlsx"
                error(file, nil, nil, nil, Phrase("load.file-missing", ["file": "\(file)", "workbook": "\(workbook)"]))
            }
            return nil
        }
        let name = workbooks.labels[file] ?? file
        guard let (text, encoding) = TextDecoding.decode(bytes) else {
            error(
                name, nil, nil, nil,
                Phrase("load.not-text"))
            return nil
        }
        if encoding != .utf8 {
            warning(
                name, nil, nil, nil, Phrase("load.read-as-encoding", ["encoding": "\(encoding.rawValue)"]))
        }
        guard let t = CSVTable.parse(text, file: name, table: file, diagnostics: &diagnostics) else { return nil }
        var ok = true
        for c in columns where !t.has(c) {
            error(name, 1, c, nil, Phrase("load.required-column", ["column": "\(c)"]))
            ok = false
        }
        return ok ? t : nil
    }

    // MARK: cells

    mutating func required(_ t: CSVTable, _ r: Int, _ column: String) -> String? {
        guard let v = t.value(r, column) else {
            error(t.file, t.lines[r], t.columnName(column), nil, Phrase("load.value-required"))
            return nil
        }
        return v
    }

    mutating func identifier(_ t: CSVTable, _ r: Int, _ column: String, required isRequired: Bool = true) -> String? {
        guard let v = isRequired ? required(t, r, column) : t.value(r, column) else { return nil }
        guard isValidIdentifier(v) else {
            error(
                t.file, t.lines[r], t.columnName(column), v,
                Phrase("load.bad-id", ["value": "\(v)"]))
            return nil
        }
        guard v.count <= InputLimits.identifierLength else {
            error(
                t.file, t.lines[r], t.columnName(column), String(v.prefix(20)) + "…",
                Phrase("load.id-too-long", ["count": "\(v.count)", "limit": "\(InputLimits.identifierLength)"]))
            return nil
        }
        return v
    }

    mutating func date(_ t: CSVTable, _ r: Int, _ column: String, required isRequired: Bool = false) -> Day? {
        guard let v = isRequired ? required(t, r, column) : t.value(r, column) else { return nil }
        guard let d = Day(written: v) else {
            error(
                t.file, t.lines[r], t.columnName(column), v,
                Phrase("load.not-date", ["value": "\(v)"]))
            return nil
        }
        guard InputLimits.years.contains(d.components.year) else {
            error(
                t.file, t.lines[r], t.columnName(column), v,
                Phrase(
                    "load.year-out-of-range",
                    [
                        "value": "\(v)", "first": "\(InputLimits.years.lowerBound)",
                        "last": "\(InputLimits.years.upperBound)",
                    ]))
            return nil
        }
        return d
    }

    mutating func boolean(_ t: CSVTable, _ r: Int, _ column: String) -> Bool? {
        guard let v = t.value(r, column) else { return nil }
        guard let b = parseBoolean(v) else {
            error(
                t.file, t.lines[r], t.columnName(column), v,
                Phrase("load.not-boolean", ["value": "\(v)"]))
            return nil
        }
        return b
    }

    mutating func count(_ t: CSVTable, _ r: Int, _ column: String, minimum: Int = 0) -> Int? {
        guard let v = t.value(r, column) else { return nil }
        guard let n = Int(v), n >= minimum else {
            error(
                t.file, t.lines[r], t.columnName(column), v,
                Phrase("load.not-whole-number", ["value": "\(v)", "min": "\(minimum)"]))
            return nil
        }
        guard n <= InputLimits.count else {
            error(
                t.file, t.lines[r], t.columnName(column), v,
                Phrase(
                    "load.count-out-of-range", ["value": "\(n)", "min": "\(minimum)", "max": "\(InputLimits.count)"]))
            return nil
        }
        return n
    }

    /// "a or b" (a或b), for a list of alternatives.
    private func either(_ first: Phrase, _ second: Phrase) -> Phrase {
        Phrase("load.either", ["first": .phrase(first), "second": .phrase(second)])
    }

    mutating func district(_ t: CSVTable, _ r: Int, _ column: String, required isRequired: Bool) -> String? {
        guard let v = isRequired ? required(t, r, column) : t.value(r, column) else { return nil }
        if let d = DistrictTable.shenzhen.lookup(v) { return d.code }
        let hints = DistrictTable.shenzhen.suggestions(for: v).map { Phrase.verbatim("\($0.shortNameZh)/\($0.code)") }
        let options = DistrictTable.shenzhen.districts.map(\.code).joined(separator: ", ")
        let hint =
            hints.isEmpty
            ? Phrase("load.district-options", ["names": "\(options)"])
            : Phrase("load.district-suggestions", ["names": .phrase(hints.dropFirst().reduce(hints[0], either))])
        error(
            t.file, t.lines[r], t.columnName(column), v,
            Phrase("load.unknown-district", ["value": "\(v)", "hint": .phrase(hint)]))
        return nil
    }

    static func list(_ v: String?) -> [String] {
        guard let v else { return [] }
        return v.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    // MARK: the folder

    mutating func load() -> Batch? {
        var isDirectory: ObjCBool = false
        guard
            memory != nil
                || (FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue)
        else {
            error(folder, nil, nil, nil, Phrase("load.not-folder"))
            return nil
        }
        let rules = loadRules()
        var calendar = WorkCalendar.builtIn
        loadCalendar(into: &calendar)
        var districts = DistrictTable.shenzhen
        loadTravel(into: &districts)
        let (organizations, organizationsGiven) = loadOrganizations()
        let experts = loadExperts(rules: rules)
        let enterprises = loadEnterprises(rules: rules)
        let expertIDs = Set(experts.map(\.id))
        let enterpriseIDs = Set(enterprises.map(\.id))

        let knownOrganizations = checkReferences(
            experts: experts, enterprises: enterprises, organizations: organizations,
            organizationsGiven: organizationsGiven)

        let conflicts = loadConflicts(experts: expertIDs, targets: enterpriseIDs.union(knownOrganizations))
        let unavailability = loadUnavailability(experts: expertIDs)
        let (affinity, hasAffinity) = loadAffinity(experts: expertIDs, enterprises: enterpriseIDs)
        let fixed = loadFixed(experts: expertIDs, enterprises: enterpriseIDs, rules: rules)

        checkPool(experts: experts, enterprises: enterprises, rules: rules)
        if let rules {
            checkAffinityWeight(affinity, hasAffinity: hasAffinity, rules: rules)
            checkDates(enterprises, rules: rules, calendar: calendar)
        }

        guard let rules, errors.isEmpty else { return nil }
        return Batch(
            rules: rules, experts: experts, enterprises: enterprises, organizations: organizations,
            conflicts: conflicts, unavailability: unavailability, affinity: affinity, hasAffinity: hasAffinity,
            fixed: fixed, calendar: calendar, districts: districts, warnings: warnings)
    }

    /// The line of `key` in `[section]` of batch.toml, when it is written there.
    func tomlLine(_ section: String, _ key: String) -> Int? {
        guard let text = readText("batch.toml") else { return nil }
        var current = ""
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = String(line.dropFirst().prefix(while: { $0 != "]" }))
                continue
            }
            if current == section && line.prefix(while: { $0 != "=" }).trimmingCharacters(in: .whitespaces) == key {
                return i + 1
            }
        }
        return nil
    }

    mutating func loadCalendar(into calendar: inout WorkCalendar) {
        guard let t = table("calendar.csv", required: false, columns: ["date", "kind"]) else { return }
        for r in t.rows.indices {
            guard let d = date(t, r, "date", required: true), let kind = required(t, r, "kind") else { continue }
            switch kind.lowercased() {
            case "holiday": calendar.add(d, isHoliday: true, name: t.value(r, "name") ?? "")
            case "workday": calendar.add(d, isHoliday: false, name: t.value(r, "name") ?? "")
            default:
                error(
                    t.file, t.lines[r], t.columnName("kind"), kind,
                    Phrase("load.not-calendar-kind", ["value": "\(kind)"]))
            }
        }
    }

    mutating func loadTravel(into districts: inout DistrictTable) {
        guard let t = table("travel.csv", required: false, columns: ["from", "to", "minutes"]) else { return }
        for r in t.rows.indices {
            let a = district(t, r, "from", required: true)
            let b = district(t, r, "to", required: true)
            guard let v = required(t, r, "minutes") else { continue }
            guard let m = Double(v), m >= 0, m <= InputLimits.travelMinutes else {
                error(
                    t.file, t.lines[r], t.columnName("minutes"), v,
                    Phrase("load.not-minutes", ["value": "\(v)", "max": "\(Int(InputLimits.travelMinutes))"]))
                continue
            }
            guard let a, let b else { continue }
            districts.travelOverrides[a, default: [:]][b] = m
            districts.travelOverrides[b, default: [:]][a] = m
        }
    }

    mutating func loadOrganizations() -> ([String: Organization], Bool) {
        guard let t = table("organizations.csv", required: false, columns: ["id", "name"]) else {
            return ([:], readText("organizations.csv") != nil)
        }
        var result: [String: Organization] = [:]
        var firstLine: [String: Int] = [:]
        for r in t.rows.indices {
            guard let id = identifier(t, r, "id") else { continue }
            if let first = firstLine[id] {
                error(
                    t.file, t.lines[r], t.columnName("id"), id,
                    Phrase("load.duplicate-id", ["value": "\(id)", "first": "\(first)"]))
                continue
            }
            firstLine[id] = t.lines[r]
            let kindText = t.value(r, "kind")?.lowercased() ?? "other"
            guard let kind = OrganizationKind(rawValue: kindText) else {
                error(
                    t.file, t.lines[r], t.columnName("kind"), kindText,
                    Phrase(
                        "load.not-organization-kind",
                        [
                            "value": "\(kindText)",
                            "options": "\(OrganizationKind.allCases.map(\.rawValue).joined(separator: ", "))",
                        ])
                )
                continue
            }
            result[id] = Organization(id: id, name: t.value(r, "name") ?? id, kind: kind)
        }
        return (result, true)
    }

    mutating func loadExperts(rules: BatchRules?) -> [Expert] {
        guard let t = table("experts.csv", required: true, columns: ["id", "name", "organization"]) else { return [] }
        expertsLoaded = true
        var experts: [Expert] = []
        var seen: [String: Int] = [:]
        for r in t.rows.indices {
            let line = t.lines[r]
            let id = identifier(t, r, "id")
            let name = required(t, r, "name")
            let organization = identifier(t, r, "organization")
            let auditor = boolean(t, r, "auditor")
            let leader = boolean(t, r, "leader")
            let district = district(t, r, "district", required: false)
            let maxInitial = count(t, r, "max_initial")
            let maxSite = count(t, r, "max_site")
            let minTotal = count(t, r, "min_total")
            let active = boolean(t, r, "active")
            guard let id, let name, let organization else { continue }
            if let first = seen[id] {
                error(
                    t.file, line, t.columnName("id"), id,
                    Phrase("load.duplicate-id", ["value": "\(id)", "first": "\(first)"]))
                continue
            }
            seen[id] = line
            experts.append(
                Expert(
                    id: id, name: name, organization: organization,
                    specialties: Set(LoadContext.list(t.value(r, "specialties")).map { $0.lowercased() }),
                    isAuditor: auditor ?? false, canLead: leader ?? false, district: district,
                    maxInitial: maxInitial, maxSite: maxSite, minTotal: minTotal, isActive: active ?? true,
                    line: line))
        }
        if experts.isEmpty && t.rows.isEmpty {
            error(t.file, nil, nil, nil, Phrase("load.empty-pool"))
        }
        return experts
    }

    mutating func loadEnterprises(rules: BatchRules?) -> [Enterprise] {
        guard
            let t = table(
                "enterprises.csv", required: true,
                columns: ["id", "name", "district", "industry", "listed", "deadline"])
        else { return [] }
        enterprisesLoaded = true
        var result: [Enterprise] = []
        var seen: [String: Int] = [:]
        for r in t.rows.indices {
            let line = t.lines[r]
            let id = identifier(t, r, "id")
            let name = required(t, r, "name")
            let district = district(t, r, "district", required: true)
            let industry = required(t, r, "industry")?.lowercased()
            var reasons: [ListingReason] = []
            for code in LoadContext.list(t.value(r, "reasons")) {
                if let reason = ListingReason(rawValue: code.lowercased()) {
                    if !reasons.contains(reason) { reasons.append(reason) }
                } else {
                    error(
                        t.file, line, t.columnName("reasons"), code,
                        Phrase(
                            "load.unknown-reason",
                            [
                                "value": "\(code)",
                                "options": "\(ListingReason.allCases.map(\.rawValue).joined(separator: ", "))",
                            ])
                    )
                }
            }
            let consultancy = identifier(t, r, "consultancy", required: false)
            let listed = date(t, r, "listed", required: true)
            let deadline = date(t, r, "deadline", required: true)
            let registered = date(t, r, "registered")
            let planFiled = date(t, r, "plan_filed")
            let draft = date(t, r, "draft_submitted")
            let extensionRequested = date(t, r, "extension_requested")
            let extended = date(t, r, "extended_deadline")
            let refused = date(t, r, "extension_refused")
            let penalized = date(t, r, "penalized")
            let initialDone = date(t, r, "initial_review_done")
            let siteDone = date(t, r, "site_inspection_done")
            let finalSubmitted = date(t, r, "final_submitted")
            var inspectionResult: InspectionResult?
            if let v = t.value(r, "result") {
                inspectionResult = InspectionResult(rawValue: v.lowercased())
                if inspectionResult == nil {
                    error(t.file, line, t.columnName("result"), v, Phrase("load.not-result", ["value": "\(v)"]))
                }
            }
            let previous = LoadContext.list(t.value(r, "previous_experts"))
            if let listed, let deadline, deadline < listed {
                error(
                    t.file, line, t.columnName("deadline"), deadline.iso,
                    Phrase("load.deadline-before-listed", ["deadline": "\(deadline.iso)", "listed": "\(listed.iso)"]))
            }
            if let deadline, let extended, extended < deadline {
                error(
                    t.file, line, t.columnName("extended_deadline"), extended.iso,
                    Phrase(
                        "load.extended-before-deadline", ["extended": "\(extended.iso)", "deadline": "\(deadline.iso)"])
                )
            }
            if let i = initialDone, let s = siteDone, s < i {
                error(
                    t.file, line, t.columnName("site_inspection_done"), s.iso,
                    Phrase("load.site-before-initial", ["site": "\(s.iso)", "initial": "\(i.iso)"]))
            }
            if inspectionResult != nil && siteDone == nil {
                warning(
                    t.file, line, t.columnName("result"), t.value(r, "result"), Phrase("load.result-without-site"))
            }
            guard let id, let name, let district, let industry, let listed, let deadline else { continue }
            if let first = seen[id] {
                error(
                    t.file, line, t.columnName("id"), id,
                    Phrase("load.duplicate-id", ["value": "\(id)", "first": "\(first)"]))
                continue
            }
            seen[id] = line
            result.append(
                Enterprise(
                    id: id, name: name, district: district, industry: industry, reasons: reasons,
                    consultancy: consultancy,
                    listed: listed, deadline: deadline, registered: registered, planFiled: planFiled,
                    draftSubmitted: draft,
                    extensionRequested: extensionRequested, extendedDeadline: extended, extensionRefused: refused,
                    penalized: penalized, initialReviewDone: initialDone, siteInspectionDone: siteDone,
                    result: inspectionResult,
                    finalSubmitted: finalSubmitted, previousExperts: previous, line: line))
        }
        return result
    }

    mutating func loadConflicts(experts: Set<String>, targets: Set<String>) -> [Conflict] {
        guard let t = table("conflicts.csv", required: false, columns: ["expert_id", "with"]) else { return [] }
        var result: [Conflict] = []
        for r in t.rows.indices {
            guard let e = identifier(t, r, "expert_id"), let w = identifier(t, r, "with") else { continue }
            var ok = true
            if expertsLoaded && !experts.contains(e) {
                warning(
                    t.file, t.lines[r], t.columnName("expert_id"), e,
                    Phrase("load.unknown-expert-row", ["value": "\(e)"]))
            }
            if expertsLoaded && enterprisesLoaded && !targets.contains(w) {
                error(
                    t.file, t.lines[r], t.columnName("with"), w,
                    Phrase("load.unknown-with", ["value": "\(w)"]))
                ok = false
            }
            if ok { result.append(Conflict(expertID: e, with: w, reason: t.value(r, "reason") ?? "")) }
        }
        return result
    }

    mutating func loadUnavailability(experts: Set<String>) -> [Unavailability] {
        guard let t = table("unavailability.csv", required: false, columns: ["expert_id", "from"]) else { return [] }
        var result: [Unavailability] = []
        for r in t.rows.indices {
            let e = identifier(t, r, "expert_id")
            let from = date(t, r, "from", required: true)
            let to = date(t, r, "to") ?? from
            guard let e, let from, let to else { continue }
            if expertsLoaded && !experts.contains(e) {
                warning(
                    t.file, t.lines[r], t.columnName("expert_id"), e,
                    Phrase("load.unknown-expert-row", ["value": "\(e)"]))
            }
            if to < from {
                error(
                    t.file, t.lines[r], t.columnName("to"), to.iso,
                    Phrase("load.to-before-from", ["to": "\(to.iso)", "from": "\(from.iso)"]))
                continue
            }
            result.append(Unavailability(expertID: e, from: from, to: to, reason: t.value(r, "reason") ?? ""))
        }
        return result
    }

    mutating func loadAffinity(experts: Set<String>, enterprises: Set<String>) -> ([Affinity], Bool) {
        guard let t = table("affinity.csv", required: false, columns: ["expert_id", "enterprise_id", "score"]) else {
            return ([], false)
        }
        var result: [Affinity] = []
        var seen = Set<String>()
        for r in t.rows.indices {
            guard let e = identifier(t, r, "expert_id"), let n = identifier(t, r, "enterprise_id"),
                let v = required(t, r, "score")
            else { continue }
            guard let score = Double(v), score.isFinite else {
                error(t.file, t.lines[r], t.columnName("score"), v, Phrase("load.not-number", ["value": "\(v)"]))
                continue
            }
            guard abs(score) <= InputLimits.affinityScore else {
                error(
                    t.file, t.lines[r], t.columnName("score"), v,
                    Phrase("load.score-out-of-range", ["value": "\(v)", "limit": "\(Int(InputLimits.affinityScore))"]))
                continue
            }
            var ok = true
            if expertsLoaded && !experts.contains(e) {
                warning(
                    t.file, t.lines[r], t.columnName("expert_id"), e,
                    Phrase("load.unknown-expert-row", ["value": "\(e)"]))
            }
            if enterprisesLoaded && !enterprises.contains(n) {
                error(
                    t.file, t.lines[r], t.columnName("enterprise_id"), n,
                    Phrase("load.unknown-enterprise", ["value": "\(n)"]))
                ok = false
            }
            if !seen.insert("\(e)\u{1}\(n)").inserted {
                error(
                    t.file, t.lines[r], t.columnName("expert_id"), e,
                    Phrase("load.duplicate-pair", ["expert": "\(e)", "enterprise": "\(n)"]))
                ok = false
            }
            if ok { result.append(Affinity(expertID: e, enterpriseID: n, score: score)) }
        }
        return (result, true)
    }

    mutating func loadFixed(experts: Set<String>, enterprises: Set<String>, rules: BatchRules?) -> [Assignment] {
        guard
            let t = table("fixed.csv", required: false, columns: ["enterprise_id", "task", "date", "slot", "experts"])
        else { return [] }
        var result: [Assignment] = []
        var seen = Set<String>()
        for r in t.rows.indices {
            let line = t.lines[r]
            let n = identifier(t, r, "enterprise_id")
            var task: TaskKind?
            if let v = required(t, r, "task") {
                task = TaskKind(rawValue: v.lowercased())
                if task == nil {
                    error(t.file, line, t.columnName("task"), v, Phrase("load.not-task", ["value": "\(v)"]))
                }
            }
            let d = date(t, r, "date", required: true)
            var slot: Slot?
            if let v = required(t, r, "slot") {
                slot = Slot(rawValue: v.lowercased())
                if slot == nil {
                    error(t.file, line, t.columnName("slot"), v, Phrase("load.not-slot", ["value": "\(v)"]))
                }
            }
            let panel = LoadContext.list(t.value(r, "experts"))
            if panel.isEmpty {
                error(t.file, line, t.columnName("experts"), nil, Phrase("load.experts-required"))
            }
            for e in panel where expertsLoaded && !experts.contains(e) {
                warning(
                    t.file, line, t.columnName("experts"), e,
                    Phrase("load.unknown-fixed-expert", ["value": "\(e)"]))
            }
            var seenInPanel = Set<String>()
            for e in panel where !seenInPanel.insert(e).inserted {
                error(t.file, line, t.columnName("experts"), e, Phrase("load.expert-twice", ["value": "\(e)"]))
            }
            let leader = t.value(r, "leader")
            if let n, enterprisesLoaded, !enterprises.contains(n) {
                error(
                    t.file, line, t.columnName("enterprise_id"), n, Phrase("load.unknown-enterprise", ["value": "\(n)"])
                )
            }
            if let leader {
                if task == .initial {
                    error(
                        t.file, line, t.columnName("leader"), leader, Phrase("load.initial-no-leader")
                    )
                } else if !panel.contains(leader) {
                    error(
                        t.file, line, t.columnName("leader"), leader,
                        Phrase("load.leader-not-member", ["value": "\(leader)"]))
                }
            } else if task == .site {
                error(
                    t.file, line, t.columnName("leader"), nil,
                    Phrase("load.site-needs-leader"))
            }
            guard let n, let task, let d, let slot else { continue }
            if !seen.insert("\(n)\u{1}\(task.rawValue)").inserted {
                error(
                    t.file, line, t.columnName("task"), task.rawValue,
                    Phrase("load.fixed-twice", ["enterprise": "\(n)", "task": "\(task.rawValue)"]))
                continue
            }
            if let rules, panel.count != rules.panelSize(task) {
                warning(
                    t.file, line, t.columnName("experts"), t.value(r, "experts"),
                    Phrase(
                        "load.fixed-panel-size",
                        ["count": "\(panel.count)", "task": "\(task.rawValue)", "size": "\(rules.panelSize(task))"]))
            }
            result.append(Assignment(enterpriseID: n, task: task, day: d, slot: slot, experts: panel, leader: leader))
        }
        return result
    }
}

/// Letters, digits, `-`, `_`, `.`.
public func isValidIdentifier(_ s: String) -> Bool {
    !s.isEmpty
        && s.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
}

/// yes/no, true/false, 1/0, 是/否 (case-insensitive).
public func parseBoolean(_ s: String) -> Bool? {
    switch s.trimmingWhitespace().lowercased() {
    case "yes", "true", "1", "是", "y": return true
    case "no", "false", "0", "否", "n": return false
    default: return nil
    }
}
