import Foundation
import GRDB
import PanelModel
import Phrasebook
import PlanModel

/// A stored plan version's header.
public struct PlanVersion: Sendable, Hashable {
    public var id: Int64
    public var snapshotID: Int64
    public var inputsHash: String
    public var parameters: String
    public var status: String
    public var objective: Double
    public var bound: Double
    public var gap: Double
    public var elapsedSeconds: Double
    public var planned: Int
    public var eligible: Int
    public var batchName: String
    public var createdBy: String
    public var createdAt: String
    public var published: Bool
    public var publishedAt: String?
    /// Whether the version's files were written out (see ``PlanStore/markAnnounced(_:)``).
    public var announced: Bool
    /// The as-of date of a replan.
    public var asOf: String?
}

/// Errors of the plan store.
public enum PlanStoreError: Error, CustomStringConvertible {
    case noSuchVersion(Int64)
    case noVersions
    case locked(String)
    /// The file exists but is empty or not an SQLite database: never taken for a new store.
    case notAStore(String)
    /// What went wrong, as a sentence of the string table.
    public var phrase: Phrase {
        switch self {
        case .notAStore(let path): return Phrase("store.not-a-store", ["path": .text(path)])
        case .noSuchVersion(let v): return Phrase("store.no-such-version", ["version": "\(v)"])
        case .noVersions: return Phrase("store.no-versions")
        case .locked(let path): return Phrase("store.locked", ["path": .text(path)])
        }
    }

    /// What went wrong, in `language`.
    public func text(_ language: Language) -> String { phrase.text(language) }

    public var description: String { text(.en) }
}

/// The SQLite history of a batch: imported snapshots of the folder, every plan version with its
/// assignments, and the events that changed between snapshots. One file, `panelplan.sqlite` in
/// the batch folder by default. Every write is one transaction: a process killed at any moment
/// leaves the previous versions intact.
public final class PlanStore: Sendable {
    let queue: DatabaseQueue
    /// The database file.
    public let path: String

    /// Opens (creating and migrating) the store at `path`.
    public init(path: String) throws {
        self.path = path
        // An existing file must be an SQLite database: an empty or foreign file would otherwise
        // be taken for a new store and the whole history re-planned.
        if let handle = FileHandle(forReadingAtPath: path) {
            let header = handle.readData(ofLength: 16)
            try? handle.close()
            guard header == Data("SQLite format 3\0".utf8) else { throw PlanStoreError.notAStore(path) }
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "snapshot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("importedAt", .text).notNull()
                t.column("contentHash", .text).notNull().indexed()
                t.column("folder", .text).notNull()
            }
            try db.create(table: "snapshotFile") { t in
                t.column("snapshotID", .integer).notNull().references("snapshot", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("content", .text).notNull()
                t.primaryKey(["snapshotID", "name"])
            }
            try db.create(table: "planVersion") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("snapshotID", .integer).notNull().references("snapshot")
                t.column("inputsHash", .text).notNull()
                t.column("parameters", .text).notNull()
                t.column("status", .text).notNull()
                t.column("objective", .double).notNull()
                t.column("bound", .double).notNull()
                t.column("gap", .double).notNull()
                t.column("elapsedSeconds", .double).notNull()
                t.column("planned", .integer).notNull()
                t.column("eligible", .integer).notNull()
                t.column("batchName", .text).notNull()
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .text).notNull()
                t.column("published", .boolean).notNull().defaults(to: false)
                t.column("publishedAt", .text)
            }
            try db.create(table: "assignment") { t in
                t.column("versionID", .integer).notNull().references("planVersion", onDelete: .cascade).indexed()
                t.column("enterpriseID", .text).notNull()
                t.column("task", .text).notNull()
                t.column("date", .text).notNull()
                t.column("slot", .text).notNull()
                t.column("experts", .text).notNull()
                t.column("leader", .text)
                t.primaryKey(["versionID", "enterpriseID", "task"])
            }
            try db.create(table: "unscheduled") { t in
                t.column("versionID", .integer).notNull().references("planVersion", onDelete: .cascade).indexed()
                t.column("enterpriseID", .text).notNull()
                t.column("task", .text)
                t.column("code", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("eligible", .boolean).notNull()
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("snapshotID", .integer).notNull().references("snapshot", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull()
                t.column("subjects", .text).notNull()
                t.column("detail", .text).notNull()
            }
        }
        m.registerMigration("v2") { db in
            // Files written with a version (changes.txt, notifications), so they can be written
            // again after a crash; and the order of publications, so that publishing an older
            // version makes it the reference again.
            try db.create(table: "versionFile") { t in
                t.column("versionID", .integer).notNull().references("planVersion", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("content", .text).notNull()
                t.primaryKey(["versionID", "name"])
            }
            try db.alter(table: "planVersion") { t in t.add(column: "publishOrder", .integer) }
            try db.execute(sql: "UPDATE planVersion SET publishOrder = id WHERE published = 1")
        }
        m.registerMigration("v3") { db in
            // Whether a version's files were written out (announced): a version recorded by a run
            // that died before writing them is announced by the next run. Older versions count as
            // announced. And the as-of date of a replan, for the facts of plan.json.
            try db.alter(table: "planVersion") { t in
                t.add(column: "announced", .boolean).notNull().defaults(to: true)
                t.add(column: "asOf", .text)
            }
            // The as-of date of the last replan, whether or not it made a version.
            try db.create(table: "runState") { t in
                t.column("name", .text).primaryKey()
                t.column("value", .text).notNull()
            }
        }
        m.registerMigration("v4") { db in
            // Experts who declined a task (`panelplan decline`), kept across nights and re-imports.
            try db.create(table: "decline") { t in
                t.column("enterpriseID", .text).notNull()
                t.column("task", .text).notNull()
                t.column("expertID", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.primaryKey(["enterpriseID", "task", "expertID"])
            }
        }
        m.registerMigration("v5") { db in
            // The reserves (候补) of each seat, in the order to ask them: a decline takes the first
            // who can still serve (plan.json `reserves`).
            try db.create(table: "reserve") { t in
                t.column("versionID", .integer).notNull().references("planVersion", onDelete: .cascade)
                t.column("enterpriseID", .text).notNull()
                t.column("task", .text).notNull()
                t.column("member", .text).notNull()
                t.column("rank", .integer).notNull()
                t.column("expertID", .text).notNull()
                t.primaryKey(["versionID", "enterpriseID", "task", "member", "rank"])
            }
        }
        m.registerMigration("v6") { db in
            // The Chinese sentence of an unscheduled entry (plan.json `reason_zh`); null before.
            try db.alter(table: "unscheduled") { t in t.add(column: "reasonZh", .text) }
        }
        return m
    }

    /// The applied migrations, for tests.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try Self.migrator.appliedMigrations(db) }
    }

    // MARK: snapshots

    /// Imports a snapshot of the folder's input files unless the latest one has the same
    /// content; returns its id, whether it is new, and the previous snapshot's id.
    public func importSnapshot(
        folder: String, files: [String: String], events: (_ previous: [String: String]?) -> [ChangeEvent]
    ) throws -> (id: Int64, isNew: Bool, previous: Int64?) {
        let hash = contentHash(files)
        return try queue.write { db in
            let last = try Row.fetchOne(db, sql: "SELECT id, contentHash FROM snapshot ORDER BY id DESC LIMIT 1")
            if let last, (last["contentHash"] as String) == hash {
                let id: Int64 = last["id"]
                let previous = try Int64.fetchOne(
                    db, sql: "SELECT id FROM snapshot WHERE id < ? ORDER BY id DESC LIMIT 1", arguments: [id])
                return (id, false, previous)
            }
            var previousFiles: [String: String]?
            let previousID: Int64? = last?["id"]
            if let previousID {
                previousFiles = Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(
                        db, sql: "SELECT name, content FROM snapshotFile WHERE snapshotID = ?", arguments: [previousID]
                    )
                    .map { ($0["name"] as String, $0["content"] as String) })
            }
            try db.execute(
                sql: "INSERT INTO snapshot (importedAt, contentHash, folder) VALUES (?, ?, ?)",
                arguments: [timestamp(), hash, folder])
            let id = db.lastInsertedRowID
            for (name, content) in files.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO snapshotFile (snapshotID, name, content) VALUES (?, ?, ?)",
                    arguments: [id, name, content])
            }
            for e in events(previousFiles) {
                try db.execute(
                    sql: "INSERT INTO event (snapshotID, kind, subjects, detail) VALUES (?, ?, ?, ?)",
                    arguments: [id, e.kind.rawValue, e.subjects.joined(separator: ";"), e.detail])
            }
            return (id, true, previousID)
        }
    }

    /// The events recorded when snapshots after `afterSnapshot` (exclusive) up to `upTo` were imported.
    public func events(after afterSnapshot: Int64?, upTo: Int64) throws -> [ChangeEvent] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT kind, subjects, detail FROM event WHERE snapshotID > ? AND snapshotID <= ? ORDER BY id",
                arguments: [afterSnapshot ?? 0, upTo]
            ).map {
                ChangeEvent(
                    kind: ChangeEvent.Kind(rawValue: $0["kind"]) ?? .other,
                    subjects: ($0["subjects"] as String).split(separator: ";").map(String.init),
                    detail: $0["detail"])
            }
        }
    }

    /// The files of a snapshot.
    public func snapshotFiles(_ id: Int64) throws -> [String: String] {
        try queue.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT name, content FROM snapshotFile WHERE snapshotID = ?", arguments: [id]
                )
                .map { ($0["name"] as String, $0["content"] as String) })
        }
    }

    // MARK: versions

    /// Records a plan as a new version, with its assignments, in one transaction.
    @discardableResult
    public func record(
        _ plan: Plan, snapshotID: Int64, inputsHash: String, parameters: String, createdBy: String,
        files: [(name: String, content: String)] = []
    ) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO planVersion (snapshotID, inputsHash, parameters, status, objective, bound, gap, \
                    elapsedSeconds,
                        planned, eligible, batchName, createdBy, createdAt, published, announced, asOf)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)
                    """,
                arguments: [
                    snapshotID, inputsHash, parameters, plan.status.rawValue, plan.objective, plan.bound, plan.gap,
                    plan.elapsedSeconds, plan.plannedCount, plan.eligibleCount, plan.batchName, createdBy, timestamp(),
                    plan.asOf?.iso,
                ])
            let id = db.lastInsertedRowID
            for a in plan.assignments {
                try db.execute(
                    sql:
                        "INSERT INTO assignment (versionID, enterpriseID, task, date, slot, experts, leader) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        id, a.enterpriseID, a.task.rawValue, a.day.iso, a.slot.rawValue,
                        a.experts.joined(separator: ";"), a.leader,
                    ])
            }
            for (key, seats) in plan.reserves {
                let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                for (member, list) in seats {
                    for (rank, expert) in list.enumerated() {
                        try db.execute(
                            sql:
                                "INSERT INTO reserve (versionID, enterpriseID, task, member, rank, expertID) VALUES "
                                + "(?, ?, ?, ?, ?, ?)",
                            arguments: [id, parts[0], parts[1], member, rank, expert])
                    }
                }
            }
            for u in plan.unscheduled {
                try db.execute(
                    sql:
                        "INSERT INTO unscheduled (versionID, enterpriseID, task, code, reason, reasonZh, eligible) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        id, u.enterpriseID, u.task?.rawValue, u.code.rawValue, u.reason, u.reasonZh, u.eligible,
                    ])
            }
            for f in files {
                try db.execute(
                    sql: "INSERT INTO versionFile (versionID, name, content) VALUES (?, ?, ?)",
                    arguments: [id, f.name, f.content])
            }
            return id
        }
    }

    /// Marks a version (default: the latest) as the published one.
    @discardableResult
    public func publish(version: Int64? = nil) throws -> Int64 {
        try queue.write { db in
            let id: Int64
            if let version {
                guard
                    try Int64.fetchOne(db, sql: "SELECT id FROM planVersion WHERE id = ?", arguments: [version]) != nil
                else {
                    throw PlanStoreError.noSuchVersion(version)
                }
                id = version
            } else {
                guard let latest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM planVersion") else {
                    throw PlanStoreError.noVersions
                }
                id = latest
            }
            let order = (try Int64.fetchOne(db, sql: "SELECT MAX(publishOrder) FROM planVersion") ?? 0) + 1
            try db.execute(
                sql: "UPDATE planVersion SET published = 1, publishedAt = ?, publishOrder = ? WHERE id = ?",
                arguments: [timestamp(), order, id])
            return id
        }
    }

    /// Every version, oldest first.
    public func versions() throws -> [PlanVersion] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM planVersion ORDER BY id").map(Self.version) }
    }

    /// One version.
    public func version(_ id: Int64) throws -> PlanVersion {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM planVersion WHERE id = ?", arguments: [id]) else {
                throw PlanStoreError.noSuchVersion(id)
            }
            return Self.version(row)
        }
    }

    /// The latest version, if any.
    public func latest() throws -> PlanVersion? { try versions().last }

    /// Records that an expert declined a task; recording the same decline again keeps the first.
    public func recordDecline(_ decline: Decline) throws {
        try queue.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO decline (enterpriseID, task, expertID, reason, recordedAt) "
                    + "VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    decline.enterpriseID, decline.task.rawValue, decline.expertID, decline.reason, timestamp(),
                ])
        }
    }

    /// Every decline recorded, in the order recorded.
    public func declines() throws -> [Decline] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM decline ORDER BY recordedAt, rowid").compactMap { r in
                guard let task = TaskKind(rawValue: r["task"]) else { return nil }
                return Decline(
                    enterpriseID: r["enterpriseID"], task: task, expertID: r["expertID"], reason: r["reason"])
            }
        }
    }

    /// The as-of date of the last replan (nil before the first).
    public func lastAsOf() throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM runState WHERE name = 'lastAsOf'")
        }
    }

    /// Records the as-of date of a replan.
    public func setLastAsOf(_ day: String) throws {
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO runState (name, value) VALUES ('lastAsOf', ?) "
                    + "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                arguments: [day])
        }
    }

    /// Records that a version's files were written out: the mailing script has its news.
    public func markAnnounced(_ id: Int64) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE planVersion SET announced = 1 WHERE id = ?", arguments: [id])
        }
    }

    /// The version published last (publishing an older version again makes it the reference).
    public func latestPublished() throws -> PlanVersion? {
        try queue.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM planVersion WHERE published = 1 ORDER BY publishOrder DESC, id DESC LIMIT 1"
            ).map(Self.version)
        }
    }

    /// The files written with a version (changes.txt, notifications), by name.
    public func files(_ id: Int64) throws -> [(name: String, content: String)] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT name, content FROM versionFile WHERE versionID = ? ORDER BY name", arguments: [id]
            ).map { ($0["name"], $0["content"]) }
        }
    }

    /// A version's unscheduled entries, in plan order.
    public func unscheduled(_ id: Int64) throws -> [UnscheduledEntry] { try plan(id).unscheduled }

    /// A version's assignments, in plan order.
    public func assignments(_ id: Int64) throws -> [Assignment] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM assignment WHERE versionID = ? ORDER BY date, slot, task, enterpriseID",
                arguments: [id]
            ).compactMap { r in
                guard let task = TaskKind(rawValue: r["task"]), let day = Day(iso: r["date"]),
                    let slot = Slot(rawValue: r["slot"])
                else { return nil }
                return Assignment(
                    enterpriseID: r["enterpriseID"], task: task, day: day, slot: slot,
                    experts: (r["experts"] as String).split(separator: ";").map(String.init), leader: r["leader"])
            }
        }
    }

    /// The reserves of a version's seats by ``Plan/key(_:)``, then by member, in rank order.
    public func reserves(_ id: Int64) throws -> [String: [String: [String]]] {
        try queue.read { db in
            var out: [String: [String: [String]]] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM reserve WHERE versionID = ? ORDER BY enterpriseID, task, member, rank",
                arguments: [id])
            for r in rows {
                let key = "\(r["enterpriseID"] as String)|\(r["task"] as String)"
                out[key, default: [:]][r["member"] as String, default: []].append(r["expertID"])
            }
            return out
        }
    }

    /// A version as a whole plan, for export.
    public func plan(_ id: Int64) throws -> Plan {
        let v = try version(id)
        let assignments = try assignments(id)
        let unscheduled = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM unscheduled WHERE versionID = ? ORDER BY rowid", arguments: [id])
                .map { r in
                    UnscheduledEntry(
                        enterpriseID: r["enterpriseID"], task: (r["task"] as String?).flatMap(TaskKind.init(rawValue:)),
                        code: ReasonCode(r["code"] as String), reason: r["reason"], reasonZh: r["reasonZh"],
                        eligible: r["eligible"])
                }
        }
        var plan = Plan(
            batchName: v.batchName, status: PlanStatus(rawValue: v.status) ?? .feasible, objective: v.objective,
            bound: v.bound,
            assignments: assignments, unscheduled: unscheduled, breakdown: ObjectiveBreakdown(),
            eligibleCount: v.eligible,
            plannedCount: v.planned, elapsedSeconds: v.elapsedSeconds, warnings: [])
        plan.asOf = v.asOf.flatMap(Day.init(iso:))
        plan.reserves = try reserves(id)
        return plan
    }

    static func version(_ r: Row) -> PlanVersion {
        PlanVersion(
            id: r["id"], snapshotID: r["snapshotID"], inputsHash: r["inputsHash"], parameters: r["parameters"],
            status: r["status"],
            objective: r["objective"], bound: r["bound"], gap: r["gap"], elapsedSeconds: r["elapsedSeconds"],
            planned: r["planned"],
            eligible: r["eligible"], batchName: r["batchName"], createdBy: r["createdBy"], createdAt: r["createdAt"],
            published: r["published"], publishedAt: r["publishedAt"], announced: r["announced"], asOf: r["asOf"])
    }
}

/// A 64-bit FNV-1a digest of named contents, as hex: detects changed inputs (not a security hash).
public func contentHash(_ files: [String: String], extra: String = "") -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func feed(_ s: String) {
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        h ^= 0xff
        h = h &* 0x100_0000_01b3
    }
    for (name, content) in files.sorted(by: { $0.key < $1.key }) {
        feed(name)
        feed(content)
    }
    feed(extra)
    return String(h, radix: 16)
}

func timestamp() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}
