import Phrasebook

/// Rule 8: no task on a day of the expert's unavailability (unavailability.csv).
public struct AvailabilityRule: LoadRule {
    public let number = 8
    public let code = "unavailable"

    public init() {}

    @inlinable
    public func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool {
        !load.isUnavailable(seat.expert, on: seat.time.day)
    }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase? {
        load.isUnavailable(seat.expert, on: seat.time.day)
            ? Phrase("rule.unavailable", ["day": "\(seat.time.day.iso)"]) : nil
    }
}
