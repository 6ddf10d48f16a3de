import Foundation
import Forecasting

/// Long-format forecast output: one row per series and step (`id,step,date,forecast,lower80,…`),
/// so the result of many series reads back with the same `--id` it was made with.
///
/// `csv` and `table` both write CSV, since a table cannot be aligned before every series is done and
/// rows stream as each series finishes; `json` writes one JSON object per row (JSON Lines). `date` is
/// empty for a series without a calendar.
struct ManySeriesForecastRows {
    let format: OutputFormat
    let levels: [Double]

    var header: String? {
        guard format != .json else { return nil }
        let bounds = levels.flatMap { level -> [String] in
            let percent = Int((level * 100).rounded())
            return ["lower\(percent)", "upper\(percent)"]
        }
        return (["id", "step", "date", "forecast"] + bounds).joined(separator: ",") + "\n"
    }

    /// The rows of one series' forecast.
    func render(id: String, _ output: ManySeriesForecast.Output) -> String {
        let future = output.series.futureTimestamps(count: output.forecasts.count)
        let dates = future.count == output.forecasts.count ? future.map(output.series.format) : nil
        let table = ForecastTable(column: output.series.name, series: output.series, forecasts: output.forecasts, intervals: output.intervals)
        let bounds = table.intervalColumns
        var text = ""
        for (index, value) in output.forecasts.enumerated() {
            let date = dates?[index] ?? ""
            switch format {
            case .json:
                var fields = ["\"id\": \(ForecastTable.jsonString(id))", "\"step\": \(index + 1)",
                              "\"date\": " + (dates == nil ? "null" : ForecastTable.jsonString(date)),
                              "\"forecast\": \(ForecastTable.exact(value))"]
                fields += bounds.map { "\"\($0.name)\": " + ($0.values[index].map(ForecastTable.exact) ?? "null") }
                text += "{" + fields.joined(separator: ", ") + "}\n"
            case .csv, .table:
                let cells = [Self.csvField(id), String(index + 1), Self.csvField(date), ForecastTable.exact(value)]
                    + bounds.map { $0.values[index].map(ForecastTable.exact) ?? "" }
                text += cells.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
