import BatchGenerator
import Foundation
import PanelModel
import Testing

@testable import Planner

/// The ledger's answers (what every load rule reads) against a plain list of the tasks recorded,
/// over random runs of records and removals.
@Suite("Expert ledger")
struct ExpertLedgerTests {
    /// A task as the reference list keeps it.
    struct Record: Equatable {
        var task: TaskKind
        var time: SlotTime
        var district: String
        var panel: [Int]
    }

    func batch() throws -> Batch {
        var g = BatchGenerator(.init(enterprises: 12, experts: 8, seed: 3, months: 2))
        let dir = temporaryFolder("ledger")
        try g.write(to: dir.path)
        return try BatchLoader.load(path: dir.path)
    }

    /// The minutes the ledger's travel reads from the list: from the first site visit of the day
    /// recorded in an earlier half-day, else from home.
    func expectedTravel(
        _ records: [Record], _ ledger: ExpertLedger, _ expert: Int, _ district: String, _ time: SlotTime
    ) -> Double {
        for r in records
        where r.task == .site && r.panel.contains(expert) && r.time.day == time.day && r.time.slot < time.slot {
            return ledger.districts.travelMinutes(r.district, district)
        }
        return ledger.homeTravelMinutes(expert, to: district)
    }

    @Test("the ledger answers as the list of tasks it recorded, over 400 random records and removals")
    func matchesTheRecords() throws {
        let batch = try batch()
        var ledger = ExpertLedger(batch: batch)
        var records: [Record] = []
        var random = SplitMix64(seed: 11)
        let start = batch.rules.start
        let codes = batch.districts.districts.map(\.code)
        let experts = batch.experts.indices
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        for _ in 0..<400 {
            if !records.isEmpty && pick(3) == 0 {
                let r = records.remove(at: pick(records.count))
                ledger.remove(r.task, r.time, district: r.district, experts: r.panel)
            } else {
                // Days across two ISO weeks, both half-days; each expert one task a half-day, as
                // the planner records them (two are the next test's).
                let time = SlotTime(day: start + pick(12), slot: pick(2) == 0 ? .am : .pm)
                let free = experts.filter { i in !records.contains { $0.time == time && $0.panel.contains(i) } }
                guard !free.isEmpty else { continue }
                let panel = Array(Set((0..<(1 + pick(3))).map { _ in free[pick(free.count)] })).sorted()
                let r = Record(
                    task: pick(2) == 0 ? .initial : .site, time: time, district: codes[pick(codes.count)], panel: panel)
                records.append(r)
                ledger.add(r.task, r.time, district: r.district, experts: r.panel)
            }
            for i in experts {
                let mine = records.filter { $0.panel.contains(i) }
                for d in 0..<12 {
                    let day = start + d
                    #expect(ledger.tasks(i, on: day) == mine.filter { $0.time.day == day }.count)
                    #expect(ledger.tasks(i, inWeekOf: day) == mine.filter { $0.time.day.weekKey == day.weekKey }.count)
                    let visits = mine.filter { $0.task == .site && $0.time.day == day }.map(\.district)
                    #expect(ledger.siteDistricts(i, on: day) == visits)
                    for slot in [Slot.am, .pm] {
                        let time = SlotTime(day: day, slot: slot)
                        #expect(ledger.isBusy(i, at: time) == mine.contains { $0.time == time })
                        let district = codes[(i + d) % codes.count]
                        #expect(
                            ledger.travelMinutes(i, to: district, at: time)
                                == expectedTravel(records, ledger, i, district, time))
                    }
                }
                for task in TaskKind.allCases {
                    #expect(ledger.tasks(i, of: task) == mine.filter { $0.task == task }.count)
                }
            }
        }
    }

    @Test("an expert holding two tasks in one half-day (fixed rows) is still busy when one is removed")
    func busyUntilTheLastTaskGoes() throws {
        let batch = try batch()
        var ledger = ExpertLedger(batch: batch)
        let time = SlotTime(day: batch.rules.start, slot: .am)
        let code = batch.districts.districts[0].code
        ledger.add(.initial, time, district: code, experts: [0, 1])
        ledger.add(.site, time, district: code, experts: [0])
        ledger.remove(.initial, time, district: code, experts: [0, 1])
        #expect(ledger.isBusy(0, at: time))
        #expect(!ledger.isBusy(1, at: time))
        #expect(ledger.block(0, .initial, time, district: code) == .busySlot)
        #expect(ledger.block(1, .initial, time, district: code) != .busySlot)
    }
}
