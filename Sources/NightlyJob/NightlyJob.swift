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
        case cannotWrite(Phrase)
        /// The as-of date goes back before the last run's.
        case asOfBackwards(asOf: Day, last: Day)
        /// The planner failed: its error.
        case solver(Phrase)

        /// What stopped the run, as a sentence of the string table.
        public var phrase: Phrase {
            switch self {
            case .locked(let path, let waited):
                return Phrase("nightly.locked", ["path": .text(path), "seconds": "\(Int(waited.rounded()))"])
            case .cannotWrite(let phrase): return phrase
            case .asOfBackwards(let asOf, let last):
                return Phrase("nightly.as-of-backwards", ["asof": .text(asOf.iso), "last": .text(last.iso)])
            case .solver(let phrase): return Phrase("nightly.solver", ["text": .phrase(phrase)])
            }
        }

        /// What stopped the run, in `language`.
        public func text(_ language: Language) -> String { phrase.text(language) }

        public var description: String { text(.en) }
    }

    public let options: Options
    let log: Logger

    public init(options: Options, log: Logger) {
        self.options = options
        self.log = log
    }

    /// The language of the run's files and log lines: ``Options/language``, else the batch's.
    public func language(of b: Batch) -> Language {
        options.language ?? Language.resolve(nil, batch: b.rules.language, batchName: b.rules.name)
    }

    /// Runs the job on the loaded batch.
    public func run(batch b: Batch) throws(Failure) -> Outcome {
        let lock: FileLock?
        let lockPath = options.storePath + ".lock"
        do {
            lock = try FileLock(path: lockPath, waitSeconds: options.waitSeconds)
        } catch {
            throw .cannotWrite(Phrase("nightly.cannot-lock", ["path": .text(lockPath), "text": .text("\(error)")]))
        }
        guard let lock else { throw .locked(path: options.storePath, waitedSeconds: options.waitSeconds) }
        defer { withExtendedLifetime(lock) {} }
        do {
            return try runLocked(batch: b)
        } catch let failure as Failure {
            throw failure
        } catch let error as PlanStoreError {
            throw .cannotWrite(error.phrase)
        } catch {
            let values: [String: Phrase.Value] = [
                "store": .text(options.storePath), "text": .text(error.localizedDescription),
            ]
            throw .cannotWrite(Phrase("nightly.store-unusable", values))
        }
    }

    func runLocked(batch b: Batch) throws -> Outcome {
        let s = try PlanStore(path: options.storePath)
        let outDir = options.outFolder
        let asOfDay = options.asOf
        let language = language(of: b)
        let say = { (key: String, values: [String: String]) in Strings.fill(key, language, values) }
        // Exactly once: a version recorded by a run that died before its files were written is
        // announced now, before anything else.
        if let pending = try s.latest(), !pending.announced {
            try VersionFiles.write(s, pending.id, to: outDir)
            try s.markAnnounced(pending.id)
            log.info("\(say("nightly.announced-pending", ["version": "\(pending.id)"]))")
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
            log.info("\(say("nightly.no-changes", ["version": "\(latest.id)"]))")
            try VersionFiles.writeNothingNew(s, latest.id, to: outDir, language: language)
            return .nothingNew(version: latest.id)
        }
        let reference = try s.latestPublished() ?? latest
        let referenceAssignments = try reference.map { try s.assignments($0.id) } ?? []
        let referenceNote =
            reference.map {
                Strings.fill(
                    $0.published ? "nightly.reference.published" : "nightly.reference.latest", language,
                    ["version": "\($0.id)"])
            } ?? Strings.text("nightly.reference.none", language)
        let replanning = say(
            "nightly.replanning",
            [
                "folder": options.batchFolder, "asof": asOfDay.iso, "days": "\(options.freezeDays)",
                "reference": referenceNote,
            ])
        log.info("\(replanning)")
        var plannerOptions = PlannerOptions(
            timeLimitSeconds: options.timeLimitSeconds, reference: referenceAssignments,
            asOf: asOfDay, freezeDays: options.freezeDays)
        plannerOptions.declines = declines
        plannerOptions.referenceReserves = try reference.map { try s.plan($0.id).reserves } ?? [:]
        let plan: Plan
        do {
            plan = try PanelPlanner(batch: b, options: plannerOptions).plan()
        } catch let error as PlannerError {
            throw Failure.solver(error.phrase)
        } catch {
            throw Failure.solver(.verbatim("\(error)"))
        }
        for w in plan.warnings { log.warning("\(w.text(language))") }
        if let latest, try s.assignments(latest.id) == plan.assignments,
            try s.unscheduled(latest.id).map({ "\($0.enterpriseID)|\($0.code)|\($0.reason)" })
                == plan.unscheduled.map({ "\($0.enterpriseID)|\($0.code)|\($0.reason)" })
        {
            log.info("\(say("nightly.same-plan", ["version": "\(latest.id)"]))")
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
            let values: [String: Phrase.Value] = [
                "version": "\(version)", "folder": .text(outDir), "text": .text(error.localizedDescription),
            ]
            throw Failure.cannotWrite(Phrase("nightly.files-not-written", values))
        }
        try s.markAnnounced(version)
        let changeCount = news.changes.count
        let notified = Set(news.notifications.map(\.expertID)).count
        let summary = say(
            "nightly.version",
            [
                "version": "\(version)", "planned": "\(plan.plannedCount)", "eligible": "\(plan.eligibleCount)",
                "changes": say(
                    changeCount == 1 ? "nightly.changes.one" : "nightly.changes", ["count": "\(changeCount)"]),
                "experts": say(notified == 1 ? "nightly.experts.one" : "nightly.experts", ["count": "\(notified)"]),
            ])
        log.info("\(summary)")
        if news.changes.isEmpty {
            // Only history moved (tasks recorded as held) or reasons changed: recorded, nothing to announce.
            log.info("\(say("nightly.recorded-quietly", ["version": "\(version)"]))")
            return .recordedQuietly(version: version)
        }
        return .newPlan(version: version, diff: news.text)
    }
}
