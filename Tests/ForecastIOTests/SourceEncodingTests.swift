import Foundation
import Testing
@testable import ForecastIO

/// Files saved in Windows-1252 or UTF-16 are read as the text they hold, with a warning.
@Suite struct SourceEncodingTests {
    static let text = "Datum;Schlußkurs;Umsatz in €\n29.01.2024;100,5;7\n30.01.2024;101,5;8\n31.01.2024;102,5;9\n"

    @Test func aWindows1252FileIsReadWithAWarning() throws {
        let bytes = try #require(Self.text.data(using: .windowsCP1252))
        #expect(String(decoding: bytes, as: UTF8.self) != Self.text)          // not UTF-8 as written
        let data = try SeriesReader.read(.bytes(Array(bytes), name: "bank.csv"), target: "Schlußkurs")
        #expect(data.target.values == [100.5, 101.5, 102.5])
        #expect(data.warnings.contains { $0.message.contains("bank.csv is not UTF-8; it was read as Windows-1252") })
        let euros = try SeriesReader.read(.bytes(Array(bytes), name: "bank.csv"), target: "Umsatz in €")
        #expect(euros.target.values == [7, 8, 9])
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func aUTF16FileWithItsMarkIsRead(encoding: String.Encoding) throws {
        let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let bytes = mark + Array(try #require(Self.text.replacingOccurrences(of: ";", with: "\t").data(using: encoding)))
        let data = try SeriesReader.read(.bytes(bytes, name: "unicode.txt"), target: "Schlußkurs")
        #expect(data.target.values == [100.5, 101.5, 102.5])
        #expect(data.warnings.contains { $0.message.contains("read as UTF-16") })
    }

    /// A character cut between two chunks comes out whole, a surrogate pair included.
    @Test func chunksThatCutACharacterJoinIt() {
        let text = "a€😀b"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!)
        for cut in 1..<bytes.count {
            var transcoder = SourceTranscoder(.utf16(bigEndian: false))
            let first = bytes[..<cut].withUnsafeBytes { transcoder.transcode($0) }
            let second = bytes[cut...].withUnsafeBytes { transcoder.transcode($0) }
            #expect(String(decoding: first + second + transcoder.finish(), as: UTF8.self) == text, "cut at \(cut)")
        }
    }

    @Test func detection() {
        #expect(SourceEncoding.detect(head: Array("Date,Close\n".utf8)) == .utf8)
        #expect(SourceEncoding.detect(head: []) == .utf8)
        // A UTF-8 character cut by the end of the head is no evidence against UTF-8.
        let cut = Array("Kurs €".utf8).dropLast()
        #expect(SourceEncoding.detect(head: Array(cut)) == .utf8)
        #expect(SourceEncoding.detect(head: Array("Kurs ".utf8) + [0x80]) == .windows1252)
        // NUL bytes: a binary file, which reading then names as one.
        #expect(SourceEncoding.detect(head: [0x41, 0x00, 0x80]) == .utf8)
        #expect(SourceEncoding.detect(head: [0xFE, 0xFF, 0x00, 0x41]) == .utf16(bigEndian: true))
        #expect(SourceTranscoder.windows1252Scalar(0x80) == "€")
        #expect(SourceTranscoder.windows1252Scalar(0xDF) == "ß")
        #expect(SourceTranscoder.windows1252Scalar(0x81) == "\u{FFFD}")
    }

    @Test func aBinaryFileIsStillNamedAsOne() {
        let error = readError { try SeriesReader.read(.bytes(Array("Date,Close\n2024-01-01,1\n".utf8) + [0x00, 0x80, 0x0A], name: "x.bin"), target: "Close") }
        guard case .binaryFile = error else {
            Issue.record("expected a binary file, got \(String(describing: error))")
            return
        }
    }
}
