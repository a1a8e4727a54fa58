import TextFormats

/// The recruiting list for people (a text block) and for programs (JSON).
public enum RecruitingReport {
    /// The promise, what no recruit can fix, and one line per recruit.
    public static func text(_ r: RecruitingList) -> String {
        var out =
            "experts to recruit: \(r.recruits.count) (the aggregate model proves at least \(r.modelMinimum) "
            + "necessary)\n"
        out +=
            "with them appended to experts.csv, \(r.promised) of \(r.eligible) eligible enterprises are planned "
            + "(verified by planning; \(r.plannedBefore) with the pool as it is)\n"
        if !r.unfixable.isEmpty {
            out += "no recruit can help \(r.unfixable.count) enterprise\(r.unfixable.count == 1 ? "" : "s"):\n"
            for u in r.unfixable { out += "  \(u.enterpriseID) [\(u.code)] \(u.reason)\n" }
        }
        for x in r.recruits {
            var profile = x.specialties.isEmpty ? "any specialty" : "specialty " + x.specialties.joined(separator: ";")
            if x.auditor { profile += ", certified auditor" }
            if x.leader { profile += ", may lead" }
            out += "  \(x.id): \(profile)"
            if let d = x.district { out += ", based in \(d)" }
            out += "; needed in \(x.weeks.isEmpty ? "no week" : x.weeks.joined(separator: " "))"
            if !x.mustNotComeFrom.isEmpty { out += "; not from \(x.mustNotComeFrom.joined(separator: ", "))" }
            out += "\n"
        }
        return out
    }

    /// `{"total": …, "model_minimum": …, "promised": …, "recruits": [{…}]}`.
    public static func json(_ r: RecruitingList) -> String {
        let q = JSONText.quote
        let list = { (items: [String]) in "[" + items.map(q).joined(separator: ", ") + "]" }
        let recruits = r.recruits.map { x in
            "{\"id\": \(q(x.id)), \"specialties\": \(list(x.specialties)), \"auditor\": \(x.auditor), "
                + "\"leader\": \(x.leader), \"district\": \(x.district.map(q) ?? "null"), "
                + "\"weeks\": \(list(x.weeks)), \"enterprises\": \(list(x.enterprises)), "
                + "\"must_not_come_from\": \(list(x.mustNotComeFrom))}"
        }
        let unfixable = r.unfixable.map {
            "{\"enterprise\": \(q($0.enterpriseID)), \"code\": \(q($0.code.rawValue)), \"reason\": \(q($0.reason))}"
        }
        return "{\"total\": \(r.recruits.count), \"model_minimum\": \(r.modelMinimum), \"eligible\": \(r.eligible), "
            + "\"planned_before\": \(r.plannedBefore), \"promised\": \(r.promised), "
            + "\"unfixable\": [\(unfixable.joined(separator: ", "))], "
            + "\"recruits\": [\(recruits.joined(separator: ", "))]}"
    }
}
