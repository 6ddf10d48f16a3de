import Foundation

/// The text renderings every result shares: aligned columns for people, RFC 4180 CSV for
/// programs, and the number styles of each.
enum TextTable {
    /// Left-aligned first column, right-aligned others, two spaces apart, with a final newline. A
    /// row shorter than the widest has its missing cells left blank.
    static func aligned(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        let widths = (0..<width).map { column in rows.map { column < $0.count ? displayWidth($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, text in
                let pad = String(repeating: " ", count: widths[index] - displayWidth(text))
                return index == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// The columns `text` takes on a terminal: two for each East Asian wide or full-width character
    /// (an id such as 日本), none for a combining mark, one for the others (Unicode's East Asian
    /// Width property, UAX #11, by its main ranges).
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
                return width
            }
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
                 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                return width + 2
            default:
                return width + 1
            }
        }
    }

    /// Rows of fields as CSV lines, with a final newline; fields are quoted where they must be.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Four significant digits for a metric; "undefined" where it has no value.
    static func metric(_ value: Double?) -> String {
        guard let value else { return "undefined" }
        return number(value, significantDigits: 4)
    }

    /// Six significant digits for a forecast value or a column's statistic.
    static func number(_ value: Double) -> String { number(value, significantDigits: 6) }

    /// One row's numbers (a forecast and its bounds) with six significant digits, or more where six
    /// would print two different values alike: a forecast of 999999.7 between bounds of 999999.2 and
    /// 1000000.1 reads as three numbers, not three `1000000`s. Up to 15 digits; nil prints `undefined`.
    static func distinctNumbers(_ values: [Double?]) -> [String] {
        var digits = 6
        while true {
            let texts = values.map { $0.map { number($0, significantDigits: digits) } }
            let collapsed = zip(values, texts).contains { value, text in
                zip(values, texts).contains { other, otherText in
                    value != nil && other != nil && value != other && text == otherText
                }
            }
            if !collapsed || digits >= 15 { return texts.map { $0 ?? "undefined" } }
            digits += 1
        }
    }

    /// At least `significantDigits` significant digits, without trailing zeros, and every digit of the
    /// whole part: a volume of 1,493,548 reads `1493548`, not `1.49355e+06`. Only magnitudes outside
    /// 1e-4 ..< 1e15 (or not finite) keep an exponent.
    static func number(_ value: Double, significantDigits: Int) -> String {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude < 1e15, magnitude == 0 || magnitude >= 1e-4 else {
            return String(format: "%.\(significantDigits)g", value)
        }
        let wholeDigits = magnitude == 0 ? 1 : Int(log10(magnitude).rounded(.down)) + 1
        let text = String(format: "%.\(max(0, significantDigits - wholeDigits))f", value)
        guard text.contains(".") else { return text == "-0" ? "0" : text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    /// The shortest decimal that reads back as the value rounded to 15 significant digits, for
    /// programs: `25.7`, not the `25.700000000000003` that a subtraction leaves in the last bit.
    static func exact(_ value: Double) -> String { "\(value.tidied)" }
}
