import Foundation
import FuzzHarness
import PanelModel
import Testing

/// The project's own fuzzer, in-process: the committed corpus (Tests/FuzzTests/corpus: the
/// example batches and every input that once crashed a reader) and seeded mutations of it go
/// through every reader of outside bytes. A crash fails the whole run; `make fuzz` runs the
/// same harness for longer under libFuzzer (Fuzz/).
@Suite("Fuzzing the readers")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("corpus")

    static func inputs() throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".bin") }
        return try names.sorted().map { name in
            (name, Array(try Data(contentsOf: corpus.appendingPathComponent(name))))
        }
    }

    /// Mutations per corpus input: PANELPLAN_FUZZ_ITERATIONS, 200 by default.
    static var iterations: Int {
        ProcessInfo.processInfo.environment["PANELPLAN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 200
    }

    @Test("the example batches in the corpus load")
    func examplesLoad() throws {
        for name in ["tiny.bin", "demo.bin"] {
            let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
            let batch = try BatchLoader.load(files: FuzzHarness.folder(bytes), name: name)
            #expect(!batch.experts.isEmpty && !batch.enterprises.isEmpty)
        }
    }

    @Test("every input that once crashed a reader is now refused with an error")
    func reproducersAreRefused() throws {
        let reproducers = ["toml-", "experts-", "travel-"]
        for (name, bytes) in try Self.inputs() where reproducers.contains(where: { name.hasPrefix($0) }) {
            #expect(throws: BatchLoadError.self, "\(name)") {
                try BatchLoader.load(files: FuzzHarness.folder(bytes), name: name)
            }
        }
    }

    @Test("seeded mutations of the corpus never crash a reader")
    func mutations() throws {
        var rng = Mutator(seed: 2026)
        var runs = 0
        for (_, bytes) in try Self.inputs() {
            FuzzHarness.run(bytes)
            for _ in 0..<Self.iterations {
                FuzzHarness.run(rng.mutate(bytes))
                runs += 1
            }
        }
        #expect(runs > 0)
    }
}

/// Byte-level mutations in the manner of libFuzzer's: flips, inserted interesting bytes and
/// tokens, erased and duplicated ranges, truncation.
struct Mutator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }

    static let tokens: [[UInt8]] =
        [
            "9223372036854775807", "-1", "1e308", "nan", "[", "]", "\"", "\\u0000", "=", ",", "\n", "\r", "是",
            "2026-02-30", "0999-12-31", "[x]", "{", "}", ";", "..", "/",
        ].map { Array($0.utf8) } + [[0], [0xFF], [0xEF, 0xBB, 0xBF], [0x1C]]

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...next(4) {
            let at = next(bytes.count + 1)
            switch next(6) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] ^= UInt8(1 << next(8))
            case 1:
                bytes.insert(contentsOf: Self.tokens[next(Self.tokens.count)], at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + next(64) + 1)
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + next(64) + 1)
                bytes.insert(contentsOf: Array(bytes[min(at, end)..<end]), at: next(bytes.count + 1))
            case 4:
                bytes = Array(bytes.prefix(at))
            default:
                bytes.insert(UInt8(next(256)), at: at)
            }
        }
        return bytes
    }
}
