import Foundation

/// The text renderings every result shares: aligned columns for people, RFC 4180 CSV for
/// programs, and the number styles of each.
enum TextTable {
    /// Left-aligned first column, right-aligned others, two spaces apart, with a final newline.
    static func aligned(_ rows: [[String]]) -> String {
        guard let width = rows.first?.count else { return "" }
        let widths = (0..<width).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, text in
                let pad = String(repeating: " ", count: widths[index] - text.count)
                return index == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
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
        return String(format: "%.4g", value)
    }

    /// Six significant digits for a forecast value.
    static func number(_ value: Double) -> String { String(format: "%.6g", value) }

    /// The shortest decimal that reads back as the value rounded to 15 significant digits, for
    /// programs: `25.7`, not the `25.700000000000003` that a subtraction leaves in the last bit.
    static func exact(_ value: Double) -> String { "\(value.tidied)" }
}
