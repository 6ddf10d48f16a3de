@testable import ForecastIO
import Testing

/// The UTF-8 check agrees with the standard library's decoder on valid and invalid sequences.
@Suite struct TextValidationTests {
    private func valid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { TextValidation.isValidUTF8($0) }
    }

    @Test func acceptsWellFormedText() {
        #expect(valid(Array("Café, 東京, 𝄞, ascii".utf8)))
        #expect(valid([]))
    }

    @Test(arguments: [
        [0xE9] as [UInt8],                 // Latin-1 é
        [0xC0, 0xAF],                      // overlong '/'
        [0xE0, 0x80, 0xAF],                // overlong
        [0xED, 0xA0, 0x80],                // surrogate U+D800
        [0xF4, 0x90, 0x80, 0x80],          // above U+10FFFF
        [0xE2, 0x82],                      // truncated
        [0x80],                            // lone continuation byte
        [0xFF],
    ])
    func rejectsMalformedSequences(bytes: [UInt8]) {
        #expect(!valid(bytes))
    }

    @Test func agreesWithTheStandardLibraryOnEveryTwoByteSequence() {
        for first in UInt8(0x80)...0xFF {
            for second in UInt8(0)...0xFF {
                let bytes = [first, second]
                let decoded = String(decoding: bytes, as: UTF8.self)
                let roundTrips = Array(decoded.utf8) == bytes
                #expect(valid(bytes) == roundTrips, "\(bytes)")
            }
        }
    }
}
