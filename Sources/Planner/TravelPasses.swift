/// The passes that shorten the ways from home once the search is done (docs/formulation.md
/// §2.6): the travel trim's joint MIPs (``trimTravel(until:)``) and the seat exchanges
/// (``exchangeSeats(until:)``) take turns while the exchanges gain, each opening moves for the
/// other, all within one deadline.
extension PlanningRun {
    /// The most rounds of the travel trim followed by the exchanges (another round only when
    /// the exchanges gained).
    static let travelRounds = 3
    /// The share of the time left that the rounds may use together: the rest stays for the
    /// explanations and the reserves (候补), which come after them and are cut short past the
    /// limit.
    static let travelTimeShare = 0.75
    /// The share of the rounds' time left that one trim may use, the rest kept for the
    /// exchanges that follow it.
    static let trimTimeShare = 0.6

    /// Runs the rounds of trim and exchanges. Stopped by their deadline (``travelTimeShare`` of
    /// the time left), the run has timed out and no round follows.
    /// - Complexity: at most ``travelRounds`` trims and exchange passes (see each).
    mutating func shortenTravel() throws {
        guard elapsed < timeLimit else { return }
        let deadline = elapsed + Self.travelTimeShare * (timeLimit - elapsed)
        for _ in 0..<Self.travelRounds {
            try trimTravel(until: elapsed + Self.trimTimeShare * (deadline - elapsed))
            guard elapsed < deadline, try exchangeSeats(until: deadline), elapsed < deadline else { break }
        }
    }
}
