/// The text encoding a source is read in. CSV files should be UTF-8, but spreadsheets save others:
/// Excel's "CSV" on Windows writes the Western European code page Windows-1252 (`Schlußkurs`,
/// `Umsatz in €`), and its "Unicode text" writes UTF-16 with a byte-order mark. Both are turned
/// into UTF-8 chunk by chunk before parsing, and a warning says so
/// (`CSVDialect.detectionWarnings`).
enum SourceEncoding: Hashable, Sendable {
    case utf8
    case windows1252
    case utf16(bigEndian: Bool)

    /// The encoding of a source that starts with `head`: UTF-16 after its byte-order mark;
    /// Windows-1252 when `head` is not UTF-8 (a sequence cut by the end of `head` aside) and holds
    /// no NUL byte (a binary file stays one); UTF-8 otherwise.
    static func detect(head: [UInt8]) -> SourceEncoding {
        if head.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false) }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true) }
        guard !head.contains(0) else { return .utf8 }
        // The last three bytes may begin a character the next chunk ends.
        let whole = head.count - trailingPartialLength(head)
        let valid = head.withUnsafeBytes { TextValidation.isValidUTF8(UnsafeRawBufferPointer(rebasing: $0[0..<whole])) }
        return valid ? .utf8 : .windows1252
    }

    /// How many bytes at the end of `bytes` start a UTF-8 sequence that they do not finish.
    static func trailingPartialLength(_ bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }                  // a continuation byte: look further back
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }

    /// A name for messages.
    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252 (Western European)"
        case .utf16(let bigEndian): bigEndian ? "UTF-16 (big-endian)" : "UTF-16 (little-endian)"
        }
    }
}

/// Turns a source's chunks into UTF-8, holding back the bytes of a UTF-16 character that a chunk
/// cuts in two.
struct SourceTranscoder {
    let encoding: SourceEncoding
    private var carried: [UInt8] = []
    private var skippedMark = false

    init(_ encoding: SourceEncoding) { self.encoding = encoding }

    /// `bytes` as UTF-8 (what is held back comes with the next call, or `finish`).
    mutating func transcode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        switch encoding {
        case .utf8:
            return Array(bytes)
        case .windows1252:
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    UTF8.encode(Self.windows1252Scalar(byte)) { output.append($0) }
                }
            }
            return output
        case .utf16(let bigEndian):
            var input = carried + Array(bytes)
            if !skippedMark, input.count >= 2 {
                input.removeFirst(2)
                skippedMark = true
            }
            var units: [UInt16] = []
            units.reserveCapacity(input.count / 2)
            var index = 0
            while index + 1 < input.count {
                let (first, second) = (UInt16(input[index]), UInt16(input[index + 1]))
                units.append(bigEndian ? first << 8 | second : second << 8 | first)
                index += 2
            }
            // A high surrogate at the end waits for its pair.
            if let last = units.last, (0xD800...0xDBFF).contains(last) {
                units.removeLast()
                index -= 2
            }
            carried = Array(input[index...])
            return Array(String(decoding: units, as: UTF16.self).utf8)
        }
    }

    /// What is still held back, as UTF-8 (a lone byte or surrogate becomes U+FFFD).
    mutating func finish() -> [UInt8] {
        defer { carried = [] }
        return carried.isEmpty ? [] : Array("\u{FFFD}".utf8)
    }

    /// The character a Windows-1252 byte of 0x80 or more stands for: 0x80–0x9F hold the euro sign,
    /// typographic quotes and dashes (the five bytes the code page leaves undefined become
    /// U+FFFD); 0xA0–0xFF are Latin-1. The table is Unicode's mapping of the code page
    /// (unicode.org, Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard byte < 0xA0 else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte) - 0x80])!
    }
}
