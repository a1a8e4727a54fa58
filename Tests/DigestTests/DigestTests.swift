import Testing

@testable import Digest

@Suite("SHA-256 and the draw seed")
struct DigestTests {
    @Test("SHA-256 matches the FIPS 180-2 test vectors")
    func vectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the seed changes with the text and with any byte of any input file, not with file order")
    func seed() {
        let files: [String: [UInt8]] = ["experts.csv": Array("id,name\nE1,A\n".utf8), "batch.toml": [0x61]]
        let a = DrawSeed(text: "03 14 15 92 65", files: files)
        #expect(a == DrawSeed(text: "03 14 15 92 65", files: files))
        #expect(a.hex != DrawSeed(text: "03 14 15 92 66", files: files).hex)
        var changed = files
        changed["experts.csv"]![10] ^= 1
        #expect(a.hex != DrawSeed(text: "03 14 15 92 65", files: changed).hex)
        // Moving bytes between files changes the digest: lengths are part of it.
        let moved: [String: [UInt8]] = ["experts.csv": Array("id,name\nE1,A\na".utf8), "batch.toml": []]
        #expect(a.inputsSHA256 != DrawSeed(text: "03 14 15 92 65", files: moved).inputsSHA256)
        #expect(a.value != 0 && a.hex.count == 64)
    }
}
