/// A forward reader over the UTF-8 bytes of one date value, shared by every `DateFormat` parser.
///
/// Parsing byte by byte, without allocating, is what makes 200 000 dates parse in a few
/// milliseconds; each method either consumes what it recognises or leaves the position unchanged
/// and returns nil/false.
struct DateTextCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    /// A cursor over `bytes` with spaces, tabs and line breaks at both ends ignored (a stray `\r`
    /// from a CRLF file must not make every date unreadable).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var start = 0
        var end = bytes.count
        while start < end, Self.isEdgeWhitespace(bytes[start]) { start += 1 }
        while end > start, Self.isEdgeWhitespace(bytes[end - 1]) { end -= 1 }
        self.position = start
        self.end = end
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    @inline(__always)
    static func isEdgeWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    var isAtEnd: Bool { position >= end }

    /// Reads between `minimum` and `maximum` ASCII digits as a number.
    @inline(__always)
    mutating func number(minDigits minimum: Int, maxDigits maximum: Int) -> Int? {
        var value = 0
        var count = 0
        var index = position
        while index < end, count < maximum {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            value = value * 10 + Int(digit)
            count += 1
            index += 1
        }
        guard count >= minimum else { return nil }
        position = index
        return value
    }

    /// Reads exactly `count` digits.
    @inline(__always)
    mutating func number(digits count: Int) -> Int? {
        number(minDigits: count, maxDigits: count)
    }

    /// Consumes `byte` if it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes any run of spaces; returns how many.
    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = position
        while position < end, Self.isSpace(bytes[position]) { position += 1 }
        return position - start
    }

    /// Reads digits after a decimal point as a fraction of one (`5` → 0.5, `125` → 0.125).
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 1.0
        var index = position
        while index < end, Self.isDigit(bytes[index]) {
            if scale > 1e-15 {                         // digits beyond a femtosecond carry nothing
                scale *= 0.1
                value += Double(bytes[index] &- 0x30) * scale
            }
            index += 1
        }
        guard index > position else { return nil }
        position = index
        return value
    }

    /// Reads a run of ASCII letters (at most 12) and returns it packed as a case-insensitive key,
    /// five bits a letter, so that month and weekday names match without allocating.
    mutating func wordKey() -> UInt64? {
        var key: UInt64 = 0
        var index = position
        while index < end, index - position < 12 {
            let lowered = bytes[index] | 0x20
            guard lowered >= UInt8(ascii: "a"), lowered <= UInt8(ascii: "z") else { break }
            key = key << 5 | UInt64(lowered - UInt8(ascii: "a") + 1)
            index += 1
        }
        guard index > position else { return nil }
        if index < end, bytes[index] | 0x20 >= UInt8(ascii: "a"), bytes[index] | 0x20 <= UInt8(ascii: "z") {
            return nil                                  // longer than any name we know
        }
        position = index
        return key
    }

    /// The key `wordKey()` returns for `word` (lowercase ASCII letters).
    static func key(of word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 5 | UInt64($1 - UInt8(ascii: "a") + 1) }
    }
}
