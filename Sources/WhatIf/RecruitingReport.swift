import PanelModel
import Phrasebook
import TextFormats

/// The recruiting list for people (a text block) and for programs (JSON).
public enum RecruitingReport {
    /// The promise, what no recruit can fix, and one line per recruit, in `language`.
    public static func text(_ r: RecruitingList, _ language: Language = .en) -> String {
        func say(_ key: String, _ values: [String: String] = [:]) -> String {
            Strings.fill(key, language, values)
        }
        var out = say("whatif.recruit.count", ["count": "\(r.recruits.count)", "minimum": "\(r.modelMinimum)"]) + "\n"
        let promise = ["promised": "\(r.promised)", "eligible": "\(r.eligible)", "before": "\(r.plannedBefore)"]
        out += say("whatif.recruit.promise", promise) + "\n"
        if !r.unfixable.isEmpty {
            let key = r.unfixable.count == 1 ? "whatif.recruit.unfixable.one" : "whatif.recruit.unfixable.many"
            out += say(key, ["count": "\(r.unfixable.count)"]) + "\n"
            for u in r.unfixable { out += "  \(u.enterpriseID) [\(u.code)] \(u.reason(in: language))\n" }
        }
        for x in r.recruits {
            var profile =
                x.specialties.isEmpty
                ? say("whatif.recruit.any-specialty")
                : say("whatif.recruit.specialty", ["tags": x.specialties.joined(separator: ";")])
            if x.auditor { profile += say("whatif.recruit.auditor") }
            if x.leader { profile += say("whatif.recruit.leader") }
            out += "  \(x.id): \(profile)"
            if let d = x.district {
                // English keeps the code people type; Chinese the district's name.
                let name = language == .zh ? DistrictTable.shenzhen.lookup(d)?.nameZh ?? d : d
                out += say("whatif.recruit.based", ["district": name])
            }
            let weeks = x.weeks.isEmpty ? say("whatif.recruit.no-week") : x.weeks.joined(separator: " ")
            out += say("whatif.recruit.weeks", ["weeks": weeks])
            if !x.mustNotComeFrom.isEmpty {
                out += say("whatif.recruit.not-from", ["organizations": x.mustNotComeFrom.joined(separator: ", ")])
            }
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
