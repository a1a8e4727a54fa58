import Digest
import Foundation
import PanelModel
import PlanModel
import Planner
import Reports

/// The version written into draw.json and shown by `--version`.
let panelplanVersion = "0.9.0"

/// A random draw's seed and header, derived from the batch folder and the public text.
struct DrawSetup {
    let seed: DrawSeed
    let files: [String: String]

    /// Reads the folder's input files and derives the seed from them and the text.
    init(folder: String, text: String) {
        let bytes = BatchLoader.inputFileBytes(path: folder)
        self.seed = DrawSeed(text: text, files: bytes)
        self.files = bytes.mapValues { SHA256.hex($0) }
    }

    func header(_ batch: Batch, solverSeed: UInt64, timeLimit: Double) -> DrawWriter.Header {
        DrawWriter.Header(
            panelplanVersion: panelplanVersion, seedText: seed.text, seed: seed.hex,
            inputsSHA256: seed.inputsSHA256, files: files, maxPairProbability: batch.rules.maxPairProbability,
            qualityFloor: batch.rules.qualityFloor, solverSeed: solverSeed, timeLimitSeconds: timeLimit)
    }
}
