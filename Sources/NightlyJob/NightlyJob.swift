import Foundation
import Logging
import PanelModel
import Phrasebook
import PlanModel
import PlanStore
import Planner
import Reports

/// The nightly regeneration of a batch's plan: re-import the folder, re-plan around the
/// published plan (history kept as fact, the freeze horizon repaired by swaps), record the
/// version and announce it exactly once. The command line maps its ``Outcome`` and ``Failure``
/// to exit codes by name.
public struct NightlyJob {
    /// What one run is asked to do.
    public struct Options: Sendable {
        public var batchFolder: String
        public var storePath: String
        /// Where plan.json, plan.csv, changes.txt and the notifications go.
        public var outFolder: String
        /// Tasks on or before this day are history (a run at 02:15 on day D passes D − 1).
        public var asOf: Day
        public var freezeDays = 5
        public var timeLimitSeconds: Double?
        public var createdBy = "replan"
        /// Seconds to wait for a concurrent run.
        public var waitSeconds = 10.0
        /// Accept an as-of earlier than the last run's.
        public var force = false
        /// The language of changes.txt and the notifications; nil: the batch's `[batch]
        /// language`, else the locale.
        public var language: Language?

        public init(batchFolder: String, storePath: String, outFolder: String, asOf: Day) {
            self.batchFolder = batchFolder
            self.storePath = storePath
            self.outFolder = outFolder
            self.asOf = asOf
        }
    }

    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        /// A version an earlier run recorded but could not announce was announced now.
        case announcedPending(version: Int64)
        /// Nothing changed since this version; "no changes" was written.
        case nothingNew(version: Int64)
        /// A new version was recorded, with no change to any announced assignment.
        case recordedQuietly(version: Int64)
        /// A new version with changes to announce, written with its notifications.
        case newPlan(version: Int64, diff: String)

        /// Whether the run has news for people (exit 3 on the command line).
        public var announces: Bool {
            switch self {
            case .announcedPending, .newPlan: return true
            case .nothingNew, .recordedQuietly: return false
            }
        }
    }

    /// Why a run stopped without an outcome; the last plan and every announcement stay.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Another run holds the store (after waiting).
        case locked(path: String, waitedSeconds: Double)
        /// A file or the store cannot be written or read (disk, permissions, not a store).
        case cannotWrite(String)
        /// The as-of date goes back before the last run's.
        case asOfBackwards(asOf: Day, last: Day)
        /// The solver failed.
        case solver(String)

        public var description: String {
            switch self {
            case .locked(let path, let waited):
                return "locked: another panelplan run holds \(path) (waited \(String(format: "%.0f", waited)) s)"
            case .cannotWrite(let sentence): return sentence
            case .asOfBackwards(let asOf, let last):
                return "--as-of \(asOf.iso) is earlier than the last run's \(last.iso): history cannot go backwards "
                    + "(give --force to replan as of that day anyway)"
            case .solver(let message): return "\(message); the previous plan is untouched"
            }
        }
    }

    public let options: Options
    let log: Logger

    public init(options: Options, log: Logger) {
        self.options = options
        self.log = log
    }

    /// Runs the job on the loaded batch.
    public func run(batch b: Batch) throws(Failure) -> Outcome {
        let lock: FileLock?
        do {
            lock = try FileLock(path: options.storePath + ".lock", waitSeconds: options.waitSeconds)
        } catch {
            throw .cannotWrite("\(error)")
        }
        guard let lock else { throw .locked(path: options.storePath, waitedSeconds: options.waitSeconds) }
        defer { withExtendedLifetime(lock) {} }
        do {
            return try runLocked(batch: b)
        } catch let failure as Failure {
            throw failure
        } catch let error as PlanStoreError {
            throw .cannotWrite("error: \(error)")
        } catch {
            throw .cannotWrite("the plan store \(options.storePath) cannot be used: \(error.localizedDescription)")
        }
    }

    func runLocked(batch b: Batch) throws -> Outcome {
        let s = try PlanStore(path: options.storePath)
        let outDir = options.outFolder
        let asOfDay = options.asOf
        let language = options.language ?? Language.resolve(nil, batch: b.rules.language, batchName: b.rules.name)
        // Exactly once: a version recorded by a run that died before its files were written is
        // announced now, before anything else.
        if let pending = try s.latest(), !pending.announced {
            try VersionFiles.write(s, pending.id, to: outDir)
            try s.markAnnounced(pending.id)
            log.info("version \(pending.id) was recorded but not announced by an earlier run: announced now")
            return .announcedPending(version: pending.id)
        }
        if let last = try s.lastAsOf().flatMap(Day.init(iso:)), asOfDay < last, !options.force {
            throw Failure.asOfBackwards(asOf: asOfDay, last: last)
        }
        try s.setLastAsOf(asOfDay.iso)
        let snapshot = try importSnapshot(s, folder: options.batchFolder, batch: b)
        let declines = try s.declines()
        let parameters =
            "as-of=\(asOfDay.iso);freeze-days=\(options.freezeDays);seed=\(b.rules.seed);"
            + "time-limit=\(options.timeLimitSeconds ?? b.rules.timeLimitSeconds)"
            + (declines.isEmpty ? "" : ";declines=\(declines.map(\.key).joined(separator: ","))")
        let inputsHash = contentHash(snapshot.files, extra: parameters)
        let latest = try s.latest()
        if let latest, latest.inputsHash == inputsHash {
            log.info("no changes since version \(latest.id): inputs and parameters are the same")
            try VersionFiles.writeNothingNew(s, latest.id, to: outDir, language: language)
            return .nothingNew(version: latest.id)
        }
        let reference = try s.latestPublished() ?? latest
        let referenceAssignments = try reference.map { try s.assignments($0.id) } ?? []
        let referenceNote =
            reference.map {
                $0.published ? "published version \($0.id)" : "version \($0.id) (the latest; none is published yet)"
            } ?? "none"
        let freeze = "freeze \(options.freezeDays) working days, reference: \(referenceNote)"
        log.info("replanning \(options.batchFolder) as of \(asOfDay.iso), \(freeze)")
        let plan: Plan
        do {
            var plannerOptions = PlannerOptions(
                timeLimitSeconds: options.timeLimitSeconds, reference: referenceAssignments,
                asOf: asOfDay, freezeDays: options.freezeDays)
            plannerOptions.declines = declines
            plannerOptions.referenceReserves = try reference.map { try s.plan($0.id).reserves } ?? [:]
            plan = try PanelPlanner(batch: b, options: plannerOptions).plan()
        } catch {
            throw Failure.solver("\(error)")
        }
        for w in plan.warnings { log.warning("\(w.text(.en))") }
        if let latest, try s.assignments(latest.id) == plan.assignments,
            try s.unscheduled(latest.id).map({ "\($0.enterpriseID)|\($0.code)|\($0.reason)" })
                == plan.unscheduled.map({ "\($0.enterpriseID)|\($0.code)|\($0.reason)" })
        {
            log.info("the plan for these inputs is the same as version \(latest.id) (assignments and reasons)")
            try VersionFiles.writeNothingNew(s, latest.id, to: outDir, language: language)
            return .nothingNew(version: latest.id)
        }
        let news = try News(
            store: s, reference: reference, referenceAssignments: referenceAssignments, plan: plan, batch: b,
            snapshot: (snapshot.id, snapshot.files), declines: declines, language: language)
        let extra = news.files
        // The store first (one transaction, with the files' contents), then the files: a run
        // that dies in between leaves the version unannounced, and the next run announces it.
        let planJSON = ("plan.json", PlanWriter.json(plan))
        let version = try s.record(
            plan, snapshotID: snapshot.id, inputsHash: inputsHash, parameters: parameters,
            createdBy: options.createdBy, files: [planJSON] + extra)
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            try PlanWriter.writeAtomically(
                [planJSON, ("plan.csv", PlanWriter.csv(plan.assignments))] + extra, in: outDir)
        } catch {
            throw Failure.cannotWrite(
                "version \(version) is recorded, but its files could not be written to \(outDir): "
                    + "\(error.localizedDescription); the next replan writes them and announces it")
        }
        try s.markAnnounced(version)
        let changeCount = news.changes.count
        let counts = "planned \(plan.plannedCount)/\(plan.eligibleCount), \(changeCount) "
        let notified = Set(news.notifications.map(\.expertID)).count
        log.info("version \(version): \(counts)change\(changeCount == 1 ? "" : "s"), \(notified) experts to notify")
        if news.changes.isEmpty {
            // Only history moved (tasks recorded as held) or reasons changed: recorded, nothing to announce.
            log.info("version \(version) records the new state; no assignment to announce changed")
            return .recordedQuietly(version: version)
        }
        return .newPlan(version: version, diff: news.text)
    }
}
