import PanelModel
import PlanModel
import TextFormats

/// Writes draw.json: everything needed to check a random draw (随机抽取) from the batch folder
/// and the public seed text. Byte-for-byte deterministic, so a recomputed draw can be compared
/// as text.
public enum DrawWriter {
    /// What draw.json states besides the panels.
    public struct Header: Sendable {
        public var panelplanVersion: String
        /// The public text the seed was derived from.
        public var seedText: String
        /// SHA-256 of the seed text and the inputs' digest, hex.
        public var seed: String
        /// SHA-256 of the input files together, hex.
        public var inputsSHA256: String
        /// Each input file's own SHA-256, by name.
        public var files: [String: String]
        public var maxPairProbability: Double
        public var qualityFloor: Double
        /// The planner's settings that the draw depends on.
        public var solverSeed: UInt64
        public var timeLimitSeconds: Double

        public init(
            panelplanVersion: String, seedText: String, seed: String, inputsSHA256: String, files: [String: String],
            maxPairProbability: Double, qualityFloor: Double, solverSeed: UInt64, timeLimitSeconds: Double
        ) {
            self.panelplanVersion = panelplanVersion
            self.seedText = seedText
            self.seed = seed
            self.inputsSHA256 = inputsSHA256
            self.files = files
            self.maxPairProbability = maxPairProbability
            self.qualityFloor = qualityFloor
            self.solverSeed = solverSeed
            self.timeLimitSeconds = timeLimitSeconds
        }
    }

    /// draw.json for a plan's draw.
    /// - Complexity: O(total candidates).
    public static func json(_ plan: Plan, header h: Header) -> String {
        let q = JSONText.quote
        var out = "{\n"
        out += "  \"format\": \"panelplan-draw/1\",\n"
        out += "  \"panelplan_version\": \(q(h.panelplanVersion)),\n"
        out += "  \"batch\": \(q(plan.batchName)),\n"
        out += "  \"seed_text\": \(q(h.seedText)),\n"
        out += "  \"seed\": \(q(h.seed)),\n"
        out += "  \"inputs_sha256\": \(q(h.inputsSHA256)),\n"
        out += "  \"inputs\": {"
        out += h.files.keys.sorted().map { "\n    \(q($0)): \(q(h.files[$0] ?? ""))" }.joined(separator: ",")
        out += "\n  },\n"
        out += "  \"max_pair_probability\": \(PlanWriter.number(h.maxPairProbability)),\n"
        out += "  \"quality_floor\": \(PlanWriter.number(h.qualityFloor)),\n"
        out += "  \"solver_seed\": \(h.solverSeed),\n"
        out += "  \"time_limit_seconds\": \(PlanWriter.number(h.timeLimitSeconds)),\n"
        out += "  \"status\": \(q(plan.status.rawValue)),\n"
        out += "  \"panels\": ["
        out += plan.draw.map { d in
            let candidates = d.candidates.map {
                "{\"expert_id\": \(q($0.expertID)), \"probability\": \(probability($0.probability)), "
                    + "\"cap\": \(probability($0.cap))}"
            }
            return "\n    {\"enterprise_id\": \(q(d.enterpriseID)), \"task\": \(q(d.task.rawValue)), "
                + "\"date\": \(q(d.day.iso)), \"half_day\": \(q(d.slot.rawValue)),\n"
                + "     \"cap\": \(probability(d.cap)), \"proven\": \(d.proven), "
                + "\"reference_quality\": \(PlanWriter.number(d.referenceQuality)), "
                + "\"expected_quality\": \(PlanWriter.number(d.expectedQuality)),\n"
                + "     \"candidates\": [\n       " + candidates.joined(separator: ",\n       ") + "],\n"
                + "     \"drawn\": [\(d.drawn.map(q).joined(separator: ", "))], "
                + "\"leader\": \(d.leader.map(q) ?? "null")}"
        }.joined(separator: ",")
        out += plan.draw.isEmpty ? "]\n" : "\n  ]\n"
        out += "}\n"
        return out
    }

    /// A probability with nine decimals: candidates' sums stay within 10⁻⁸ of the panel size.
    static func probability(_ x: Double) -> String { PlanWriter.number(x, decimals: 9) }
}
