import Foundation
import Phrasebook

/// The checks across files that the loader makes once every file is read: ids that refer to
/// nothing, a pool that cannot staff any panel, weights that let affinity outweigh planning,
/// dates after today. Errors stop the load; warnings are told and the batch is planned.
extension LoadContext {
    /// Organizations and previous experts named but not listed. Returns every known
    /// organization id: listed, or used by an expert or as a consultancy.
    mutating func checkReferences(
        experts: [Expert], enterprises: [Enterprise], organizations: [String: Organization], organizationsGiven: Bool
    ) -> Set<String> {
        let expertIDs = Set(experts.map(\.id))
        let enterpriseIDs = Set(enterprises.map(\.id))
        var knownOrganizations = Set(organizations.keys)
        knownOrganizations.formUnion(experts.map(\.organization))
        knownOrganizations.formUnion(enterprises.compactMap(\.consultancy))
        if organizationsGiven {
            for e in experts where organizations[e.organization] == nil && !enterpriseIDs.contains(e.organization) {
                warning(
                    "experts.csv", e.line, "organization", e.organization,
                    Phrase("load.unknown-organization", ["value": "\(e.organization)"])
                )
            }
            for e in enterprises {
                if let c = e.consultancy, organizations[c] == nil {
                    warning(
                        "enterprises.csv", e.line, "consultancy", c,
                        Phrase("load.unknown-consultancy", ["value": "\(c)"]))
                }
            }
        }
        for e in enterprises {
            for p in e.previousExperts where expertsLoaded && !expertIDs.contains(p) {
                warning(
                    "enterprises.csv", e.line, "previous_experts", p,
                    Phrase("load.unknown-previous-expert", ["value": "\(p)"]))
            }
        }

        return knownOrganizations
    }

    /// Industries and expertise no expert holds; panels larger than the pool or than its caps;
    /// no leader; min_total out of reach; today after the horizon.
    mutating func checkPool(experts: [Expert], enterprises: [Enterprise], rules: BatchRules?) {
        let allSpecialties = Set(experts.flatMap(\.specialties))
        if !experts.isEmpty {
            var reportedIndustries = Set<String>()
            for e in enterprises where !allSpecialties.contains(e.industry) && !reportedIndustries.contains(e.industry)
            {
                reportedIndustries.insert(e.industry)
                warning(
                    "enterprises.csv", e.line, "industry", e.industry,
                    Phrase("load.no-industry-expert", ["value": "\(e.industry)"])
                )
            }
            if let rules {
                for (reason, tags) in rules.expertise.sorted(by: { $0.key.rawValue < $1.key.rawValue })
                where !tags.isEmpty {
                    if tags.allSatisfy({ !allSpecialties.contains($0) })
                        && enterprises.contains(where: { $0.reasons.contains(reason) })
                    {
                        warning(
                            "batch.toml", nil, "expertise.\(reason.rawValue)", nil,
                            Phrase("load.no-expertise-tags", ["tags": "\(tags.joined(separator: ", "))"]))
                    }
                }
            }
        }
        if let rules, !experts.isEmpty {
            for task in TaskKind.allCases where rules.plans(task) {
                let key = task.settingsTable
                let size = rules.panelSize(task)
                if size > experts.count {
                    error(
                        "batch.toml", tomlLine(key, "panel_size"), "\(key).panel_size", "\(size)",
                        Phrase(
                            "load.panel-size-above-pool",
                            ["key": "\(key)", "size": "\(size)", "count": "\(experts.count)"]))
                }
                let capName = task.capKey
                let capacity = experts.reduce(0) { $0 + rules.cap(of: $1, task) }
                if capacity < size {
                    error(
                        "batch.toml", tomlLine("load", capName), "load.\(capName)",
                        "\(task == .initial ? rules.maxInitial : rules.maxSite)",
                        Phrase(
                            "load.caps-below-panel",
                            [
                                "cap": "\(capName)", "capacity": "\(capacity)", "size": "\(size)",
                                "task": .phrase(Phrase("load.task.\(task.rawValue)")),
                            ])
                    )
                }
                if task == .site && rules.sitePanelSize > 0 && !experts.contains(where: \.canLead) {
                    warning(
                        "experts.csv", nil, "leader", nil,
                        Phrase("load.no-leader"))
                }
            }
            let most = rules.maxInitial + rules.maxSite
            if rules.minTotal > most {
                warning(
                    "batch.toml", tomlLine("load", "min_total"), "load.min_total", "\(rules.minTotal)",
                    Phrase("load.min-total-unreachable", ["min": "\(rules.minTotal)", "most": "\(most)"]))
            }
            if rules.today > rules.end {
                warning(
                    "batch.toml", tomlLine("batch", "today"), "batch.today", rules.today.iso,
                    Phrase("load.today-after-end", ["today": "\(rules.today.iso)", "end": "\(rules.end.iso)"]))
            }
        }
    }

    /// Affinity scores large enough to outweigh planning an enterprise.
    mutating func checkAffinityWeight(_ affinity: [Affinity], hasAffinity: Bool, rules: BatchRules) {
        if hasAffinity, let largest = affinity.map({ abs($0.score) }).max() {
            let panel = Double(max(rules.initialPanelSize, rules.sitePanelSize))
            if largest * panel * rules.weights.affinity >= rules.weights.planned {
                warning(
                    "affinity.csv", nil, "score", "\(largest)",
                    Phrase(
                        "load.affinity-outweighs",
                        [
                            "largest": "\(largest)", "seats": "\(Int(panel))", "affinity": "\(rules.weights.affinity)",
                            "planned": "\(rules.weights.planned)",
                        ])
                )
            }
        }
    }

    /// Late drafts, workflow dates after today, and years the calendar does not know.
    mutating func checkDates(_ enterprises: [Enterprise], rules: BatchRules, calendar: WorkCalendar) {
        for e in enterprises {
            if let d = e.draftSubmitted, d > e.effectiveDeadline.addingMonths(-1) {
                warning(
                    "enterprises.csv", e.line, "draft_submitted", d.iso,
                    Phrase(
                        "load.late-draft", ["date": "\(d.iso)", "due": "\(e.effectiveDeadline.addingMonths(-1).iso)"])
                )
            }
            let dated: [(String, Day?)] = [
                ("registered", e.registered), ("plan_filed", e.planFiled),
                ("draft_submitted", e.draftSubmitted), ("extension_requested", e.extensionRequested),
                ("extension_refused", e.extensionRefused), ("penalized", e.penalized),
                ("initial_review_done", e.initialReviewDone), ("site_inspection_done", e.siteInspectionDone),
                ("final_submitted", e.finalSubmitted),
            ]
            for (column, day) in dated {
                if let day, day > rules.today {
                    warning(
                        "enterprises.csv", e.line, column, day.iso,
                        Phrase("load.date-after-today", ["today": "\(rules.today.iso)"]))
                }
            }
        }
        for day in [rules.start, rules.end] where !calendar.knows(day) {
            warning(
                "batch.toml", nil, "batch", day.iso,
                Phrase("load.no-holidays", ["year": "\(day.year)"])
            )
        }
    }
}
