import Foundation
import PanelModel
import Phrasebook
import Workflow

extension Scenario {
    /// The first line of the scenario file that mentions a value, for messages.
    func lineOf(_ value: String) -> Int? {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).firstIndex {
            $0.contains("\"\(value)\"")
        }.map { $0 + 1 }
    }

    /// The batch as the scenario changes it. Deterministic in the scenario's seeds.
    public func apply(to original: Batch) throws -> Batch {
        var b = original
        // Rules first: a changed horizon decides which enterprises and days count.
        let problems = applyRules(to: &b.rules).filter { $0.severity == .error }
        if !problems.isEmpty { throw ScenarioError(diagnostics: problems) }

        // Remove experts: every id and organization named must exist, or the scenario means
        // something else than it says.
        let known = Set(original.experts.map(\.id))
        let orgs = Set(original.experts.map(\.organization))
        var unknown: [Diagnostic] = []
        for id in removeExpertIDs where !known.contains(id) {
            unknown.append(
                Diagnostic(
                    .error, file: file, line: lineOf(id), column: "remove_experts.ids", value: id,
                    Phrase("scenario.unknown-expert", ["value": "\(id)"])))
        }
        for o in removeOrganizations where !orgs.contains(o) {
            unknown.append(
                Diagnostic(
                    .error, file: file, line: lineOf(o), column: "remove_experts.organizations", value: o,
                    Phrase("scenario.no-such-organization", ["value": "\(o)"])))
        }
        if !unknown.isEmpty { throw ScenarioError(diagnostics: unknown) }
        var removed = Set(removeExpertIDs)
        for x in b.experts {
            if !x.specialties.isDisjoint(with: removeSpecialties) || removeOrganizations.contains(x.organization) {
                removed.insert(x.id)
            }
        }
        if removeFraction > 0 {
            var rng = SplitMix64(seed: removeSeed &+ 0xA11CE)
            let ids = b.experts.map(\.id).filter { !removed.contains($0) }.shuffled(using: &rng)
            removed.formUnion(ids.prefix(Int((Double(b.experts.count) * removeFraction).rounded())))
        }
        if !removed.isEmpty {
            b.experts.removeAll { removed.contains($0.id) }
            b.conflicts.removeAll { removed.contains($0.expertID) }
            b.unavailability.removeAll { removed.contains($0.expertID) }
            b.affinity.removeAll { removed.contains($0.expertID) }
            b.fixed.removeAll { !removed.isDisjoint(with: $0.experts) }
        }

        // Add experts like an existing one (or like the pool, in turn).
        if addExperts > 0 {
            guard !original.experts.isEmpty else { return b }
            let template: [Expert]
            if let like = addLike {
                guard let x = original.experts.first(where: { $0.id == like }) else {
                    throw ScenarioError(diagnostics: [
                        Diagnostic(
                            .error, file: file, line: lineOf(like), column: "add_experts.like", value: like,
                            Phrase("scenario.unknown-expert", ["value": "\(like)"]))
                    ])
                }
                template = [x]
            } else {
                template = original.experts.sorted { $0.id < $1.id }
            }
            for k in 0..<addExperts {
                var x = template[k % template.count]
                x.id = "NEW-E\(k + 1)"
                x.name = "新增专家 \(k + 1)"
                x.organization = "NEW-ORG-\(k + 1)"
                x.specialties.formUnion(addSpecialties)
                b.experts.append(x)
            }
        }

        // Add enterprises drawn like the batch's own eligible ones: exact copies under new ids,
        // so each is eligible as its original is, and `scale` multiplies the eligible count.
        let pool = original.enterprises.filter {
            WorkflowRules.status($0, rules: original.rules, calendar: original.calendar).window != nil
        }
        let extra = addEnterprises + Int(((scaleEnterprises - 1) * Double(pool.count)).rounded())
        if extra > 0 && !pool.isEmpty {
            var rng = SplitMix64(seed: enterpriseSeed &+ 0xA11CE)
            for k in 0..<extra {
                var e = pool[Int(rng.next() % UInt64(pool.count))]
                e.id = "NEW-N\(k + 1)"
                e.name = "新增企业 \(k + 1)"
                b.enterprises.append(e)
            }
        }

        if deadlineShiftDays != 0 {
            for k in b.enterprises.indices {
                b.enterprises[k].deadline = b.enterprises[k].deadline + deadlineShiftDays
                b.enterprises[k].extendedDeadline = b.enterprises[k].extendedDeadline.map { $0 + deadlineShiftDays }
            }
        }

        if awayShare > 0, let from = awayFrom, let to = awayTo {
            var rng = SplitMix64(seed: awaySeed &+ 0xA11CE)
            let ids = b.experts.map(\.id).sorted().shuffled(using: &rng)
            for id in ids.prefix(Int((Double(ids.count) * awayShare).rounded())) {
                b.unavailability.append(Unavailability(expertID: id, from: from, to: to, reason: "what-if: \(name)"))
            }
        }
        return b
    }
}
