import Foundation

/// Rule 9: two same-day site inspections of one expert are at most `max_travel_minutes` apart.
public struct TravelRule: LoadRule {
    public let number = 9
    public let code = "travel"
    let limit: Double
    let districts: DistrictTable

    public init(_ rules: BatchRules, districts: DistrictTable) {
        limit = rules.maxTravelMinutes
        self.districts = districts
    }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> String? {
        guard seat.task == .site else { return nil }
        for other in load.siteDistricts(seat.expert, on: seat.time.day) {
            let minutes = districts.travelMinutes(other, seat.district)
            if minutes > limit {
                let shown = minutes.isFinite ? String(format: "%.0f min", minutes) : "an unknown travel time"
                let cap = String(format: "%.0f", limit)
                return "a site visit in \(other) the same day, \(shown) away (max_travel_minutes=\(cap))"
            }
        }
        return nil
    }
}
