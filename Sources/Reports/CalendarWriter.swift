import Foundation
import PanelModel
import Phrasebook
import PlanModel
import TextFormats

/// iCalendar (RFC 5545) files: one per expert with only their tasks, and one for the batch.
public struct CalendarWriter {
    /// Half-day slot times, "HH:MM".
    public struct SlotHours: Sendable {
        public var amStart = "09:00", amEnd = "12:00", pmStart = "14:00", pmEnd = "17:30"
        public init() {}
        /// Parses "09:00-12:00".
        public static func range(_ s: String) -> (String, String)? {
            let parts = s.split(separator: "-").map { String($0).trimmingWhitespace() }
            func minutes(_ t: String) -> Int? {
                guard t.count == 5, t.dropFirst(2).first == ":", let h = Int(t.prefix(2)), let m = Int(t.suffix(2)),
                    (0...23).contains(h), (0...59).contains(m)
                else { return nil }
                return h * 60 + m
            }
            guard parts.count == 2, let a = minutes(parts[0]), let b = minutes(parts[1]), a < b else { return nil }
            return (parts[0], parts[1])
        }
    }

    public let plan: Plan
    public let batch: Batch
    public let language: Language
    public var hours = SlotHours()
    /// DTSTAMP, UTC (the export time).
    public var stamp = Date()
    /// The plan people's calendars hold now (the version before this one): a task an expert no
    /// longer holds is written as cancelled, so that calendar clients remove it, and an expert
    /// left with no task still gets a file.
    public var previous: [Assignment] = []

    public init(plan: Plan, batch: Batch, language: Language) {
        self.plan = plan
        self.batch = batch
        self.language = language
    }

    /// File name → content: `batch.ics` and `expert-<id>.ics` for every expert with a task now
    /// or in ``previous``.
    public func files() -> [(name: String, content: String)] {
        let current = Set(plan.assignments.map(Plan.key))
        let dropped = previous.filter { !current.contains(Plan.key($0)) }
        var out = [
            (
                name: "batch.ics",
                content: calendar(name: plan.batchName, assignments: plan.assignments, cancelled: dropped)
            )
        ]
        var byExpert: [String: [Assignment]] = [:]
        for a in plan.assignments { for e in a.experts { byExpert[e, default: []].append(a) } }
        var cancelled: [String: [Assignment]] = [:]
        for a in previous {
            for e in a.experts where !(byExpert[e] ?? []).contains(where: { Plan.key($0) == Plan.key(a) }) {
                cancelled[e, default: []].append(a)
            }
        }
        let names = Dictionary(batch.experts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for id in Set(byExpert.keys).union(cancelled.keys).sorted() {
            out.append(
                (
                    "expert-\(FileNameText.safe(id)).ics",
                    calendar(
                        name: "\(plan.batchName) — \(names[id] ?? id)", assignments: byExpert[id] ?? [],
                        cancelled: cancelled[id] ?? [])
                ))
        }
        return out
    }

    /// A stable UID per (batch, enterprise, task): a re-published plan updates the event.
    public func uid(_ a: Assignment) -> String {
        "\(slug(plan.batchName))-\(a.enterpriseID)-\(a.task.rawValue)@panelplan"
    }

    func slug(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let ascii = s.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        return String(String.UnicodeScalarView(ascii.prefix(24))).lowercased() + "-"
            + String(h % 0xFFFF_FFFF, radix: 36)
    }

    /// A calendar of `assignments`, and of `cancelled` ones as STATUS:CANCELLED events with the
    /// same UID and a higher SEQUENCE, which calendar clients apply as removals.
    func calendar(name: String, assignments: [Assignment], cancelled: [Assignment] = []) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//PanelPlan//Shenzhen cleaner-production acceptance//\(Strings.text("ics_lang", language))",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:\(Self.escape(name))", "X-WR-TIMEZONE:Asia/Shanghai",
            "BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
        ]
        let enterprises = Dictionary(batch.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let experts = Dictionary(batch.experts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let dtstamp = f.string(from: stamp)
        // A sequence that grows with every export (seconds since 2023-11-14), so calendar
        // clients accept the update.
        let sequence = max(0, Int(stamp.timeIntervalSince1970 - 1_700_000_000))
        let order = { (x: Assignment, y: Assignment) in
            (x.time, x.enterpriseID, x.task) < (y.time, y.enterpriseID, y.task)
        }
        let events = assignments.sorted(by: order).map { ($0, false) } + cancelled.sorted(by: order).map { ($0, true) }
        for (a, isCancelled) in events {
            let e = enterprises[a.enterpriseID]
            let district = e.flatMap { batch.districts.lookup($0.district) }
            // A desk review (初审) sits where the bureau holds it; a site inspection at the enterprise.
            let place =
                a.task == .initial
                ? (batch.rules.initialReviewLocation ?? Strings.text("bureau", language))
                : district.map { Strings.district($0, language) } ?? (e?.district ?? "")
            let task = Strings.text(a.task.rawValue, language)
            let summary =
                language == .zh
                ? "\(task)：\(e?.name ?? a.enterpriseID)（\(place)）"
                : "\(task): \(e?.name ?? a.enterpriseID) " + "(\(place))"
            let panel = a.experts.map { id in
                let n = experts[id]?.name ?? id
                return a.leader == id ? "\(n) (\(id), \(Strings.text("leader", language)))" : "\(n) (\(id))"
            }
            var description = "\(Strings.text("panel", language)): \(panel.joined(separator: ", "))"
            if let leader = a.leader {
                description += "\n\(Strings.text("leader", language)): \(experts[leader]?.name ?? leader)"
            }
            if let e { description += "\n\(Strings.text("deadline", language)): \(e.effectiveDeadline.iso)" }
            let (start, end) = a.slot == .am ? (hours.amStart, hours.amEnd) : (hours.pmStart, hours.pmEnd)
            let day = a.day.iso.replacingOccurrences(of: "-", with: "")
            lines += [
                "BEGIN:VEVENT", "UID:\(uid(a))", "DTSTAMP:\(dtstamp)", "SEQUENCE:\(sequence + (isCancelled ? 1 : 0))",
                "DTSTART;TZID=Asia/Shanghai:\(day)T\(start.replacingOccurrences(of: ":", with: ""))00",
                "DTEND;TZID=Asia/Shanghai:\(day)T\(end.replacingOccurrences(of: ":", with: ""))00",
                "SUMMARY:\(Self.escape(summary))", "LOCATION:\(Self.escape(place))",
                "DESCRIPTION:\(Self.escape(description))",
                "CATEGORIES:\(a.task == .initial ? "INITIAL-REVIEW" : "SITE-INSPECTION")",
                isCancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping of RFC 5545 §3.3.11.
    public static func escape(_ s: String) -> String {
        var out = ""
        // Scalars, not Characters: "\r\n" is one Character in Swift and would slip through.
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: if u.value < 0x20 && u != "\t" { continue } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if current + size > limit {
                result += "\r\n "
                current = 1
                limit = 75
            }
            result.unicodeScalars.append(scalar)
            current += size
        }
        return result
    }
}
