import Foundation
import Testing

@testable import GongshiKit

@Suite("SHA-256")
struct SHA256Tests {
    @Test func standardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex("公示") == "cff913606b9b40bdd373bfffdf60f1159dce0ca5e7af2273f62f8573a5adcbd4")  // sha256sum
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let text = Data((0..<1000).map { UInt8($0 % 251) })
        var hasher = SHA256()
        for chunk in stride(from: 0, to: text.count, by: 37) { hasher.update(text[chunk..<min(chunk + 37, text.count)]) }
        #expect(hasher.finalizeHex() == SHA256.hex(text))
    }
}
