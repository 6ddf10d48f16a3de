import ForecastData
import ForecastIO
import Foundation

/// The text report of `tsf inspect`: a few labelled lines, then a table of columns, then warnings.
enum InspectionText {
    static func render(_ inspection: TableInspection, longFormat: LongFormatSummary?,
                       wording: (CSVReadError.Remedy) -> String) -> String {
        var lines: [String] = []
        let dialect = inspection.dialect
        let delimiter = CSVDialect.name(of: dialect.delimiter)
        let decimal = CSVDialect.name(of: dialect.numberFormat.decimalSeparator)
        lines.append("File:        \(inspection.fileName) (delimiter \(delimiter), decimal separator \(decimal))")
        lines.append("Rows:        \(inspection.rowCount)")
        if let time = inspection.time {
            lines.append("Time column: \(time.column), \(time.format.description)")
            lines.append("Range:       \(time.first) … \(time.last)")
            var frequency = "Frequency:   \(time.frequencyDescription)"
            if time.frequency != .irregular {
                frequency += ", season period \(time.seasonPeriod)"
                if time.missingSteps > 0 { frequency += ", \(time.missingSteps) step\(time.missingSteps == 1 ? "" : "s") absent from its calendar" }
            }
            lines.append(frequency)
        } else {
            lines.append("Time column: none")
        }
        if let longFormat { lines.append("Series:      \(longFormat.sentence())") }
        lines.append("")
        var table = [["column", "type", "missing", "min", "mean", "max"]]
        for column in inspection.columns {
            table.append([
                column.name, column.kind.rawValue, String(column.missing),
                column.minimum.map(TextTable.number) ?? "", column.mean.map(TextTable.number) ?? "", column.maximum.map(TextTable.number) ?? "",
            ])
        }
        let widths = (0..<6).map { index in table.map { $0[index].count }.max() ?? 0 }
        for row in table {
            let cells = row.enumerated().map { index, cell in
                // Names and types left-aligned, numbers right-aligned.
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index < 2 ? cell + pad : pad + cell
            }
            lines.append(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        if !inspection.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += inspection.warnings.map { "  \($0.message(wording: wording))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
