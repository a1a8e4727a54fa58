import Foundation
import Phrasebook

/// Rule 9: two same-day site inspections of one expert are at most `max_travel_minutes` apart.
public struct TravelRule: LoadRule {
    public let number = 9
    public let code = "travel"
    @usableFromInline let limit: Double
    @usableFromInline let districts: DistrictTable

    public init(_ rules: BatchRules, districts: DistrictTable) {
        limit = rules.maxTravelMinutes
        self.districts = districts
    }

    @inlinable
    public func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool {
        guard seat.task == .site else { return true }
        return load.siteDistricts(seat.expert, on: seat.time.day).allSatisfy { other in
            !(districts.travelMinutes(other, seat.district) > limit)
        }
    }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase? {
        guard seat.task == .site else { return nil }
        for other in load.siteDistricts(seat.expert, on: seat.time.day) {
            let minutes = districts.travelMinutes(other, seat.district)
            if minutes > limit {
                let shown =
                    minutes.isFinite
                    ? Phrase("rule.travel-minutes", ["minutes": "\(String(format: "%.0f", minutes))"])
                    : Phrase("rule.travel-unknown")
                let cap = String(format: "%.0f", limit)
                return Phrase("rule.travel", ["district": "\(other)", "away": .phrase(shown), "cap": "\(cap)"])
            }
        }
        return nil
    }
}
