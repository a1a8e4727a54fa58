import GLPK
import PanelModel

extension Model {
    /// Adds the rows of a composition rule's requirement over a panel's seat variables: a
    /// qualifying member (Σ x ≥ `held`, the panel's own variable, or 1 when it is always held)
    /// and at most one member per group (Σ x ≤ 1).
    /// - Complexity: O(*n* log *n*) for *n* seats.
    mutating func addComposition(
        _ requirement: PanelRequirement, seats: [(expert: Int, variable: Variable)], held: Variable? = nil
    ) throws {
        switch requirement {
        case .atLeastOne(let qualifies):
            let terms = seats.filter { qualifies($0.expert) }.map { ($0.variable, 1.0) }
            if let held {
                try addGreaterOrEqual(terms + [(held, -1)], 0)
            } else {
                try addGreaterOrEqual(terms, 1)
            }
        case .atMostOnePerGroup(let group):
            var members: [String: [Variable]] = [:]
            for seat in seats { members[group(seat.expert), default: []].append(seat.variable) }
            for key in members.keys.sorted() {
                guard let same = members[key], same.count > 1 else { continue }
                try addLessOrEqual(same.map { ($0, 1.0) }, 1)
            }
        }
    }
}
