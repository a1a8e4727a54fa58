import Phrasebook

/// Rule 8: at most one task per expert per half-day slot.
public struct OneTaskPerSlotRule: LoadRule {
    public let number = 8
    public let code = "busy-slot"

    public init() {}

    @inlinable
    public func admits(_ seat: Seat, _ load: some ExpertLoad) -> Bool { !load.isBusy(seat.expert, at: seat.time) }

    public func blocks(_ seat: Seat, _ load: some ExpertLoad) -> Phrase? {
        load.isBusy(seat.expert, at: seat.time) ? Phrase("rule.busy-slot") : nil
    }
}
