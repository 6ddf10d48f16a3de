/// How numbers are written in a file: the decimal separator and, if the user declared one, the
/// thousands separator.
public struct NumberFormat: Hashable, Sendable {
    /// `.` or `,`.
    public var decimalSeparator: UInt8
    /// `,`, `.`, `'` or space when the user passes `--thousands`; nil means none is accepted.
    public var thousandsSeparator: UInt8?

    public init(decimalSeparator: UInt8 = UInt8(ascii: "."), thousandsSeparator: UInt8? = nil) {
        precondition(decimalSeparator != thousandsSeparator, "the decimal and thousands separators must differ")
        self.decimalSeparator = decimalSeparator
        self.thousandsSeparator = thousandsSeparator
    }
}

/// What a numeric field turned out to be.
package enum ParsedNumber: Equatable, Sendable {
    case value(Double)
    /// `inf`, `Infinity`, or a number beyond the Double range: rejected, a forecaster cannot use it.
    case infinite
    /// Not a number; `looksSeparated` when it is digits with `,` or `.` that an option would explain
    /// (`1,204,300` without `--thousands ,`, or `3,14` without `--decimal ,`).
    case invalid(looksSeparated: Bool)
}

/// Strict decimal number parsing straight from a field's bytes, without making a String.
///
/// Grammar (after trimming spaces and tabs): `[+-] digits [sep digits] [e [+-] digits]`, where the
/// digits may carry the declared thousands separator in groups of three (`1,204,300`), and `sep` is
/// the decimal separator; a currency sign (`$`, `€`, `£`, `¥`) may come before the number (after or
/// before its sign) or after it, with spaces between. At least one digit is needed. Rejected: `1O2.30`, `12abc`, hexadecimal
/// (`0x1p3`), `nan` (a missing-value token by default), and `inf` (reported as infinite).
///
/// Speed and exactness: up to 19 significant digits are gathered in a `UInt64`. When the mantissa is at
/// most 2^53 and the power of ten at most 22, both are exact doubles and one multiply or divide rounds
/// correctly (Clinger's fast path, W. D. Clinger, "How to Read Floating Point Numbers Accurately",
/// PLDI 1990). Anything else, which price data almost never holds, goes to the standard library's
/// correctly rounded conversion.
package enum NumberParsing {
    /// The exact power of ten 10^exponent for 0 ≤ exponent ≤ 22 (a constant table, no lazy global).
    @usableFromInline @inline(__always)
    static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// Parses the bytes of one field.
    @inlinable
    package static func parse(_ bytes: UnsafeRawBufferPointer, format: NumberFormat = NumberFormat()) -> ParsedNumber {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        // A no-break space around the field, as spreadsheets in some locales pad.
        while start < end, case let space = unicodeSpaceLength(bytes, at: start, end: end), space > 0 { start += space }
        // A unit right after the digits, as price sites write volumes and changes: `1.85M` is
        // 1,850,000 (`K` thousands, `M` millions, `B` billions), `-0.08%` is -0.08 (in percent, as the
        // column says).
        var unitExponent = 0
        if end - start >= 2, bytes[end - 2] &- 0x30 < 10 {
            switch bytes[end - 1] {
            case UInt8(ascii: "K"): unitExponent = 3
            case UInt8(ascii: "M"): unitExponent = 6
            case UInt8(ascii: "B"): unitExponent = 9
            case UInt8(ascii: "%"): unitExponent = 0
            default: end += 1                                   // undone below: no unit
            }
            end -= 1
        }
        var index = start
        var negative = false
        var signed = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            signed = true
            index += 1
        }
        // A currency sign before the number (`$925.28`, `-$5`, `$-5`, `$ -5`, `€ 12`), as exports of prices write.
        let currency = currencyLength(bytes, at: index, end: end)
        if currency > 0 {
            index = afterSpaces(bytes, from: index + currency, end: end)
            if index < end, !signed, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
        }

        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent10 = 0
        var digitsSeen = 0
        var truncated = false

        // Integer part, with optional thousands groups.
        let thousands = format.thousandsSeparator
        var groupLength = 0
        var sawThousands = false
        while index < end {
            let byte = bytes[index]
            let digit = byte &- 0x30
            if digit < 10 {
                digitsSeen += 1
                groupLength += 1
                if mantissa == 0 && digit == 0 {
                    // Leading zero: no significance.
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                } else {
                    exponent10 += 1
                    if digit != 0 { truncated = true }
                }
            } else if let thousands, case let separator = groupSeparatorLength(bytes, at: index, end: end, thousands: thousands),
                      separator > 0 {
                let firstGroup = !sawThousands
                guard digitsSeen > 0, firstGroup ? groupLength <= 3 : groupLength == 3 else {
                    return .invalid(looksSeparated: false)
                }
                sawThousands = true
                groupLength = 0
                index += separator
                continue
            } else {
                break
            }
            index += 1
        }
        if sawThousands && groupLength != 3 { return .invalid(looksSeparated: false) }

        // Fraction.
        if index < end, bytes[index] == format.decimalSeparator {
            index += 1
            while index < end {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { break }
                digitsSeen += 1
                if mantissa == 0 && digit == 0 {
                    exponent10 -= 1
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                    exponent10 -= 1
                } else if digit != 0 {
                    truncated = true
                }
                index += 1
            }
        }
        guard digitsSeen > 0 else {
            return isInfinityWord(bytes, from: index, to: end) ? .infinite : .invalid(looksSeparated: false)
        }

        // Exponent.
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var explicit = 0
            var exponentDigits = 0
            while index < end {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { break }
                if explicit < 100_000 { explicit = explicit * 10 + Int(digit) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .invalid(looksSeparated: false) }
            exponent10 += exponentNegative ? -explicit : explicit
        }
        exponent10 += unitExponent
        // Or after it (`12,50 €`), when none came before; no-break spaces may pad the end.
        if currency == 0, index < end {
            let after = afterSpaces(bytes, from: index, end: end)
            if after == end || currencyLength(bytes, at: after, end: end) == end - after { index = end }
        }
        guard index == end else {
            return .invalid(looksSeparated: looksSeparated(bytes, from: start, to: end, format: format))
        }

        var value: Double
        if mantissa == 0 {
            value = 0
        } else if !truncated && mantissa <= (1 << 53) && exponent10 >= -22 && exponent10 <= 22 {
            value = Double(mantissa)
            if exponent10 >= 0 {
                value *= exactPowerOfTen(exponent10)
            } else {
                value /= exactPowerOfTen(-exponent10)
            }
        } else {
            value = slowParse(bytes, from: start, to: end, format: format) * exactPowerOfTen(unitExponent)
            return value.isFinite ? .value(value) : .infinite
        }
        if negative { value = -value }
        return value.isFinite ? .value(value) : .infinite
    }

    /// Correctly rounded conversion of text already checked against the grammar: the separators are
    /// normalised to what the standard library reads, then `Double(_:)` converts.
    @usableFromInline
    static func slowParse(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, format: NumberFormat) -> Double {
        var normalised: [UInt8] = []
        normalised.reserveCapacity(end - start)
        for index in start..<end {
            let byte = bytes[index]
            // Only text the grammar accepted comes here: a byte above 0x7F is part of a space
            // between thousands (`unicodeSpaceLength`) or of a currency sign, as `$` and a space are.
            if byte == format.thousandsSeparator || byte >= 0x80 || byte == UInt8(ascii: "$") || byte == 0x20 { continue }
            normalised.append(byte == format.decimalSeparator ? UInt8(ascii: ".") : byte)
        }
        return Double(String(decoding: normalised, as: UTF8.self)) ?? .nan
    }

    /// The length of the UTF-8 space that separates thousands in French and other locales, at
    /// `index`: U+00A0 (no-break space, 2 bytes), U+202F (narrow no-break space) or U+2009 (thin
    /// space), 3 bytes each; 0 for anything else. Read wherever the thousands separator is a space.
    @usableFromInline @inline(__always)
    static func unicodeSpaceLength(_ bytes: UnsafeRawBufferPointer, at index: Int, end: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF || bytes[index + 2] == 0x89 { return 3 }
        return 0
    }

    /// The first index from `index` on that is not a space (plain or `unicodeSpaceLength`'s), or `end`.
    @usableFromInline @inline(__always)
    static func afterSpaces(_ bytes: UnsafeRawBufferPointer, from index: Int, end: Int) -> Int {
        var index = index
        while index < end, case let space = bytes[index] == 0x20 ? 1 : unicodeSpaceLength(bytes, at: index, end: end), space > 0 {
            index += space
        }
        return index
    }

    /// The length of the thousands separator at `index`, or 0 when there is none: the `thousands`
    /// byte, or for a space any of `unicodeSpaceLength`'s too, and only when a digit follows it
    /// (`12 €` ends at its space).
    @usableFromInline @inline(__always)
    static func groupSeparatorLength(_ bytes: UnsafeRawBufferPointer, at index: Int, end: Int, thousands: UInt8) -> Int {
        guard thousands == 0x20 else { return bytes[index] == thousands ? 1 : 0 }
        let length = bytes[index] == 0x20 ? 1 : unicodeSpaceLength(bytes, at: index, end: end)
        guard length > 0, index + length < end, bytes[index + length] &- 0x30 < 10 else { return 0 }
        return length
    }

    /// The length of the currency sign at `index`: `$` (1 byte), `£` or `¥` (2), `€` (3); 0 for
    /// anything else.
    @usableFromInline @inline(__always)
    static func currencyLength(_ bytes: UnsafeRawBufferPointer, at index: Int, end: Int) -> Int {
        guard index < end else { return 0 }
        let byte = bytes[index]
        if byte == UInt8(ascii: "$") { return 1 }
        if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA3 || bytes[index + 1] == 0xA5 { return 2 }
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x82, bytes[index + 2] == 0xAC { return 3 }
        return 0
    }

    /// `inf` or `infinity` in any case (after the sign).
    @usableFromInline
    static func isInfinityWord(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        let word = Array("infinity".utf8)
        let length = end - start
        guard length == 3 || length == 8 else { return false }
        for offset in 0..<length where bytes[start + offset] | 0x20 != word[offset] { return false }
        return true
    }

    /// Only digits, signs and separator characters (`,`, `.`, `'`, spaces), with at least one
    /// separator that is not the declared decimal one: an option would likely make the value readable.
    @usableFromInline
    static func looksSeparated(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, format: NumberFormat) -> Bool {
        var sawForeignSeparator = false
        var index = start
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"):
                break
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "'"), 0x20:
                if byte != format.decimalSeparator && byte != format.thousandsSeparator { sawForeignSeparator = true }
            default:
                let currency = currencyLength(bytes, at: index, end: end)
                if currency > 0 {
                    index += currency
                    continue
                }
                let space = unicodeSpaceLength(bytes, at: index, end: end)
                guard space > 0 else { return false }
                if format.thousandsSeparator != 0x20 { sawForeignSeparator = true }
                index += space - 1
            }
            index += 1
        }
        return sawForeignSeparator
    }

    /// Convenience for text (tests, options): parses the UTF-8 bytes of `text`.
    package static func parse(_ text: String, format: NumberFormat = NumberFormat()) -> ParsedNumber {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0), format: format) }
    }
}
