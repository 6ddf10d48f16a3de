/// The texts that mean "no value here". A missing value is never read as 0: it becomes NaN in a
/// numeric column, and a missing-value policy decides what happens to it.
///
/// Matching is exact and case-sensitive after trimming spaces (the default list spells out the case
/// variants that real exports use). An empty field is always missing, whatever the list.
public struct MissingTokens: Hashable, Sendable {
    /// The tokens, as given.
    public let tokens: [String]
    private let byteTokens: [[UInt8]]
    /// Whether a token reads as a number (`-999`), so that fields must be compared with the tokens
    /// before they are parsed as numbers.
    public let includesNumbers: Bool

    /// What pandas, R and spreadsheet exports write for a missing value.
    public static let defaultTokens = ["NA", "N/A", "NaN", "nan", "null", "NULL", ".", "-"]

    public static let `default` = MissingTokens(MissingTokens.defaultTokens)

    public init(_ tokens: [String]) {
        let trimmed = tokens.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        self.tokens = trimmed
        byteTokens = trimmed.map { Array($0.utf8) }
        includesNumbers = trimmed.contains { token in
            if case .value = NumberParsing.parse(token, format: NumberFormat(decimalSeparator: UInt8(ascii: "."))) { return true }
            if case .value = NumberParsing.parse(token, format: NumberFormat(decimalSeparator: UInt8(ascii: ","))) { return true }
            return false
        }
    }

    /// Whether a field's bytes are empty, blank, or one of the tokens.
    @inline(__always)
    public func isMissing(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let length = end - start
        if length == 0 { return true }
        // Tokens are short; a value longer than every token (a typical price) is answered at once.
        for token in byteTokens where token.count == length {
            var same = true
            for offset in 0..<length where bytes[start + offset] != token[offset] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    /// Whether a text is missing (tests, options).
    public func isMissing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isMissing(UnsafeRawBufferPointer($0)) }
    }
}

extension StringProtocol {
    /// The text without surrounding spaces and tabs; inner spaces are kept (`Adj Close`).
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
