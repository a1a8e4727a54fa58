import ArgumentParser
import Foundation
import Logging
import PanelModel
import PlanModel
import PlanStore
import Planner
import Reports

/// `--db`: the plan store; by default panelplan.sqlite in the batch folder.
struct StoreOption: ParsableArguments {
    @Option(help: "The plan store (default: BATCH/panelplan.sqlite).") var db: String?

    func path(batch: String) -> String {
        db ?? URL(fileURLWithPath: batch).appendingPathComponent("panelplan.sqlite").path
    }

    func open(batch: String, mustExist: Bool = false) throws -> PlanStore {
        if mustExist && !FileManager.default.fileExists(atPath: path(batch: batch)) {
            var err = StandardError()
            print("error: no plan store at \(path(batch: batch)) (run `panelplan plan` first, or give --db)", to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
        do {
            return try PlanStore(path: path(batch: batch))
        } catch let error as PlanStoreError {
            StandardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.cannotWrite)
        } catch {
            StandardError.write(
                "error: cannot open the plan store \(path(batch: batch)) (\(error.localizedDescription)): check that "
                    + "the folder is writable and the disk not full\n")
            throw ExitCode(ExitStatus.cannotWrite)
        }
    }
}

/// Imports the folder as a snapshot, recording what changed since the previous one.
func importSnapshot(_ store: PlanStore, folder: String, batch: Batch) throws -> (
    id: Int64, isNew: Bool, previous: Int64?, files: [String: String]
) {
    let files = BatchLoader.inputFiles(path: folder)
    let s = try store.importSnapshot(folder: folder, files: files) { previous in
        guard let previous else { return [] }
        let fileEvents = ChangeDetector.fileEvents(from: previous, to: files)
        guard let old = ChangeDetector.batch(from: previous) else { return fileEvents }
        return ChangeDetector.events(from: old, to: batch) + fileEvents
    }
    return (s.id, s.isNew, s.previous, files)
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Mark a plan version as announced (published).")
    @Argument(help: "The batch folder.") var batch: String
    @Option(help: "The version (default: the latest).") var version: Int64?
    @OptionGroup var store: StoreOption

    func run() throws {
        let s = try store.open(batch: batch)
        do {
            let id = try s.publish(version: version)
            print("published version \(id)")
        } catch let e as PlanStoreError {
            var err = StandardError()
            print("error: \(e)", to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the plan versions of the store.")
    @Argument(help: "The batch folder.") var batch: String = "."
    @OptionGroup var store: StoreOption

    func run() throws {
        let s = try store.open(batch: batch, mustExist: true)
        let versions = try s.versions()
        let reference = try s.latestPublished()?.id ?? versions.last?.id
        let rows = versions.map { v in
            [
                "\(v.id)", v.createdAt, v.createdBy, v.status, "\(v.planned)/\(v.eligible)",
                String(format: "%.1f", v.objective),
                String(format: "%.4f%%", v.gap * 100), v.published ? "published \(v.publishedAt ?? "")" : "",
                v.id == reference ? "← reference of the next replan" : "",
            ]
        }
        print(
            TextTable.render(
                header: ["version", "created (UTC)", "by", "status", "planned", "objective", "gap", "published", ""],
                rows: rows), terminator: "")
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Compare two plan versions task by task.")
    @Argument(help: "The older version.") var from: Int64
    @Argument(help: "The newer version.") var to: Int64
    @Option(help: "The batch folder holding the store.") var batch: String = "."
    @OptionGroup var store: StoreOption

    func run() throws {
        let s = try store.open(batch: batch, mustExist: true)
        do {
            let a = try s.version(from)
            let b = try s.version(to)
            let timingOnly = ChangeDetector.timingOnlyKinds
            var causes = try s.events(after: a.snapshotID, upTo: b.snapshotID).filter { !$0.subjects.contains("*") }.map
            {
                ChangeCause(subjects: $0.subjects, detail: $0.detail, affectsPanels: !timingOnly.contains($0.kind))
            }
            causes += ChangeDetector.fileEvents(
                from: try s.snapshotFiles(a.snapshotID), to: try s.snapshotFiles(b.snapshotID)
            )
            .map { ChangeCause(subjects: $0.subjects, detail: $0.detail) }
            // Tasks before the newer version's as-of date that it no longer holds were held.
            let asOf = b.parameters.split(separator: ";").first { $0.hasPrefix("as-of=") }.flatMap {
                Day(iso: String($0.dropFirst(6)))
            }
            let changes = PlanDiff.changes(
                from: try s.assignments(from), to: try s.assignments(to), causes: causes, historyUpTo: asOf)
            print("version \(from) → \(to): \(changes.count) change\(changes.count == 1 ? "" : "s")")
            for c in changes { print("  " + c.line) }
        } catch let e as PlanStoreError {
            var err = StandardError()
            print("error: \(e)", to: &err)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

/// An exclusive lock next to the store, so two nightly runs never interleave.
final class FileLock {
    let fd: Int32
    let path: String

    struct CannotCreate: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot create the lock file \(path): \(reason)" }
    }

    /// Waits up to `seconds` for the lock; nil when another process still holds it.
    init?(path: String, waitSeconds: Double) throws {
        self.path = path
        fd = open(path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw CannotCreate(path: path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(waitSeconds)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date() >= deadline {
                close(fd)
                return nil
            }
            usleep(100_000)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Nightly regeneration: re-import the folder and re-plan around the published plan.",
        discussion: """
            Exit codes: 0 no changes to announce, 3 a new plan version with changes, 65 bad input,
            70 solver failure, 73 cannot write (lock file, plan files), 75 locked.
            Assignments on or before --as-of are history; those within --freeze-days working days
            are kept unless a change makes them impossible (then only the experts who cannot serve
            are swapped); later ones move only where the plan gains.
            """)

    @Argument(help: "The batch folder.") var batch: String
    @Option(name: .customLong("freeze-days"), help: "Working days after --as-of that stay as announced.")
    var freezeDays: Int = 5
    @Option(name: .customLong("as-of"), help: "Today's date (default: batch.toml today).") var asOf: String?
    @Option(help: "Who runs it, recorded with the version.") var by: String = "replan"
    @Option(help: "Where to write plan.json, plan.csv, changes.txt and notifications (default: the batch folder).")
    var out: String?
    @Option(name: .customLong("time-limit"), help: "Seconds for the solver.") var timeLimit: Double?
    @Option(help: "Seconds to wait for a concurrent run before giving up with exit 75.") var wait: Double = 10
    @Flag(help: "Accept an --as-of earlier than the last run's.") var force = false
    @OptionGroup var store: StoreOption

    func run() throws {
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = .info
            return h
        }
        let log = Logger(label: "panelplan.replan")
        guard freezeDays >= 0 else { throw ValidationError("--freeze-days must be ≥ 0") }
        let b = try loadBatchOrExit(batch)
        var asOfDay = b.rules.today
        if let asOf {
            guard let d = Day(iso: asOf) else {
                throw ValidationError("--as-of '\(asOf)' is not a date (expected YYYY-MM-DD)")
            }
            asOfDay = d
        }
        let dbPath = store.path(batch: batch)
        let acquired: FileLock?
        do {
            acquired = try FileLock(path: dbPath + ".lock", waitSeconds: wait)
        } catch {
            log.error("\(error)")
            throw ExitCode(ExitStatus.cannotWrite)
        }
        guard let lock = acquired else {
            log.error("locked: another panelplan run holds \(dbPath) (waited \(Int(wait)) s)")
            throw ExitCode(ExitStatus.locked)
        }
        defer { withExtendedLifetime(lock) {} }
        let s = try store.open(batch: batch)
        let outDir = out ?? batch
        // Exactly once: a version recorded by a run that died before its files were written is
        // announced now, before anything else.
        if let pending = try s.latest(), !pending.announced {
            try writeVersion(s, pending.id, outDir, log: log)
            try s.markAnnounced(pending.id)
            log.info("version \(pending.id) was recorded but not announced by an earlier run: announced now")
            throw ExitCode(ExitStatus.newPlan)
        }
        if let last = try s.lastAsOf().flatMap(Day.init(iso:)), asOfDay < last, !force {
            let sentence = "--as-of \(asOfDay.iso) is earlier than the last run's \(last.iso): history cannot go"
            log.error("\(sentence) backwards (give --force to replan as of that day anyway)")
            throw ExitCode(ExitCode.validationFailure.rawValue)
        }
        try s.setLastAsOf(asOfDay.iso)
        let snapshot = try importSnapshot(s, folder: batch, batch: b)
        let parameters =
            "as-of=\(asOfDay.iso);freeze-days=\(freezeDays);seed=\(b.rules.seed);"
            + "time-limit=\(timeLimit ?? b.rules.timeLimitSeconds)"
        let inputsHash = contentHash(snapshot.files, extra: parameters)
        let latest = try s.latest()
        if let latest, latest.inputsHash == inputsHash {
            log.info("no changes since version \(latest.id): inputs and parameters are the same")
            try writeNothingNew(s, latest.id, outDir, log: log)
            return
        }
        let reference = try s.latestPublished() ?? latest
        let referenceAssignments = try reference.map { try s.assignments($0.id) } ?? []
        let referenceNote =
            reference.map {
                $0.published ? "published version \($0.id)" : "version \($0.id) (the latest; none is published yet)"
            } ?? "none"
        log.info(
            "replanning \(batch) as of \(asOfDay.iso), freeze \(freezeDays) working days, reference: \(referenceNote)")
        let plan: Plan
        do {
            plan = try PanelPlanner(
                batch: b,
                options: PlannerOptions(
                    timeLimitSeconds: timeLimit, reference: referenceAssignments,
                    asOf: asOfDay, freezeDays: freezeDays)
            ).plan()
        } catch {
            log.error("\(error); the previous plan is untouched")
            throw ExitCode(ExitStatus.failure)
        }
        for w in plan.warnings { log.warning("\(w)") }
        if let latest, try s.assignments(latest.id) == plan.assignments,
            try s.unscheduled(latest.id).map({ "\($0.enterpriseID)|\($0.code)|\($0.reason)" })
                == plan.unscheduled.map({ "\($0.enterpriseID)|\($0.code)|\($0.reason)" })
        {
            let sentence = "the plan for these inputs is the same as version \(latest.id) (assignments and reasons): "
            log.info("\(sentence)no new version")
            try writeNothingNew(s, latest.id, outDir, log: log)
            return
        }
        let causes = try changeCauses(s, from: reference?.snapshotID, to: snapshot.id, currentFiles: snapshot.files)
        let changes = PlanDiff.changes(
            from: referenceAssignments, to: plan.assignments, causes: causes, historyUpTo: asOfDay)
        let notifications = PlanDiff.notifications(changes)
        let header = "against \(referenceNote): \(changes.count) change\(changes.count == 1 ? "" : "s")\n"
        let diffText = header + changes.map { "  " + $0.line + "\n" }.joined()
        let expertNames = Dictionary(b.experts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let enterpriseNames = Dictionary(b.enterprises.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let extra = [
            ("changes.txt", diffText),
            (
                "notifications.csv",
                PlanDiff.notificationsCSV(notifications, expertNames: expertNames, enterpriseNames: enterpriseNames)
            ),
            ("notifications.json", PlanDiff.notificationsJSON(notifications)),
        ]
        // The store first (one transaction, with the files' contents), then the files: a crash
        // in between is repaired by the next run, which writes the recorded files again.
        let version = try s.record(
            plan, snapshotID: snapshot.id, inputsHash: inputsHash, parameters: parameters, createdBy: by, files: extra)
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            try PlanWriter.writeAtomically(
                [("plan.json", PlanWriter.json(plan)), ("plan.csv", PlanWriter.csv(plan.assignments))] + extra,
                in: outDir)
        } catch {
            let sentence = "version \(version) is recorded, but its files could not be written to \(outDir): "
            log.error("\(sentence)\(error.localizedDescription); the next replan writes them and announces it")
            throw ExitCode(ExitStatus.cannotWrite)
        }
        try s.markAnnounced(version)
        print("version \(version) " + diffText, terminator: "")
        let counts = "planned \(plan.plannedCount)/\(plan.eligibleCount), \(changes.count) "
        let notified = Set(notifications.map(\.expertID)).count
        log.info("version \(version): \(counts)change\(changes.count == 1 ? "" : "s"), \(notified) experts to notify")
        if changes.isEmpty {
            // Only history moved (tasks recorded as held) or reasons changed: recorded, nothing to announce.
            log.info("version \(version) records the new state; no assignment to announce changed")
            return
        }
        throw ExitCode(ExitStatus.newPlan)
    }

    /// The causes of the changes since the reference snapshot: the recorded events, and the
    /// rule, calendar, affinity and travel files compared with the reference's own (so a change
    /// that was made and undone in between is no cause).
    func changeCauses(_ s: PlanStore, from reference: Int64?, to current: Int64, currentFiles: [String: String]) throws
        -> [ChangeCause]
    {
        let timingOnly = ChangeDetector.timingOnlyKinds
        var causes = try s.events(after: reference, upTo: current).filter { !$0.subjects.contains("*") }.map {
            ChangeCause(subjects: $0.subjects, detail: $0.detail, affectsPanels: !timingOnly.contains($0.kind))
        }
        if let reference {
            causes += ChangeDetector.fileEvents(from: try s.snapshotFiles(reference), to: currentFiles).map {
                ChangeCause(subjects: $0.subjects, detail: $0.detail)
            }
        }
        return causes
    }

    /// Writes a recorded version's files (plan.json, plan.csv, changes.txt, notifications) to `dir`.
    func writeVersion(_ s: PlanStore, _ version: Int64, _ dir: String, log: Logger) throws {
        let plan = try s.plan(version)
        let files =
            [("plan.json", PlanWriter.json(plan)), ("plan.csv", PlanWriter.csv(plan.assignments))]
            + (try s.files(version))
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try PlanWriter.writeAtomically(files, in: dir)
        } catch {
            log.error("version \(version)'s files could not be written to \(dir): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.cannotWrite)
        }
    }

    /// A run with nothing new: the latest version's plan files, and changes.txt and the
    /// notifications saying so, so that no mailing script sends the last version's news again.
    func writeNothingNew(_ s: PlanStore, _ version: Int64, _ dir: String, log: Logger) throws {
        let plan = try s.plan(version)
        let files = [
            ("plan.json", PlanWriter.json(plan)), ("plan.csv", PlanWriter.csv(plan.assignments)),
            ("changes.txt", "no changes since version \(version)\n"),
            ("notifications.csv", PlanDiff.notificationsCSV([])),
            ("notifications.json", PlanDiff.notificationsJSON([])),
        ]
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try PlanWriter.writeAtomically(files, in: dir)
        } catch {
            log.error("cannot write to \(dir): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.cannotWrite)
        }
    }
}
