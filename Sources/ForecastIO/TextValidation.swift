/// Checks that a field is text: UTF-8 and free of NUL bytes.
///
/// Price files are nearly all ASCII, so each byte is first tested against 0x80 and 0; only a field
/// holding a non-ASCII byte goes through the full UTF-8 check.
enum TextValidation {
    enum Problem: Equatable {
        case nulByte
        case invalidUTF8
    }

    @inline(__always)
    static func check(_ bytes: UnsafeRawBufferPointer) -> Problem? {
        var sawNonASCII = false
        for byte in bytes {
            if byte == 0 { return .nulByte }
            if byte >= 0x80 { sawNonASCII = true }
        }
        guard sawNonASCII else { return nil }
        return isValidUTF8(bytes) ? nil : .invalidUTF8
    }

    /// Well-formed UTF-8 as RFC 3629 (section 4) defines it: no overlong forms, no surrogates
    /// (U+D800…U+DFFF), nothing above U+10FFFF, no truncated sequences.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The allowed range of the second byte depends on the lead byte (RFC 3629's table).
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    /// The 1-based line of the first NUL byte in `bytes`, or nil: a binary file is refused before
    /// any parsing, since its "records" would only produce confusing messages.
    static func lineOfFirstNUL(in bytes: UnsafeRawBufferPointer) -> Int? {
        var line = 1
        for byte in bytes {
            if byte == 0 { return line }
            if byte == 0x0A { line += 1 }
        }
        return nil
    }
}
