import Foundation
import Forecasting

/// A forecast ready to print: one row per future step, with its date when the series has a calendar.
struct ForecastTable {
    /// The target column's name.
    let column: String
    /// Future dates in the input's own date style, or nil for numbered steps.
    let dates: [String]?
    let forecasts: [Double]

    /// Steps dated by the series' calendar (next trading days for share prices).
    init(column: String, series: TimeSeries, forecasts: [Double]) {
        self.column = column
        self.forecasts = forecasts
        let future = series.futureTimestamps(count: forecasts.count)
        dates = future.count == forecasts.count ? future.map(series.format) : nil
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            let keys = dates ?? (1...forecasts.count).map { "+\($0)" }
            let keyHeader = dates == nil ? "step" : "date"
            let width = max(keyHeader.count, keys.map(\.count).max() ?? 0)
            var lines = [keyHeader.padding(toLength: width, withPad: " ", startingAt: 0) + "  forecast"]
            for (key, value) in zip(keys, forecasts) {
                lines.append(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.number(value))
            }
            return lines.joined(separator: "\n") + "\n"
        case .csv:
            var lines = [dates == nil ? "step,forecast" : "date,forecast"]
            for (index, value) in forecasts.enumerated() {
                lines.append("\(dates?[index] ?? String(index + 1)),\(Self.exact(value))")
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let rows = forecasts.enumerated().map { index, value -> String in
                let key = dates.map { "\"date\": \(Self.jsonString($0[index]))" } ?? "\"step\": \(index + 1)"
                return "    {\(key), \"forecast\": \(Self.exact(value))}"
            }
            return "{\n  \"column\": \(Self.jsonString(column)),\n  \"forecasts\": [\n" + rows.joined(separator: ",\n") + "\n  ]\n}\n"
        }
    }

    /// Six significant digits for people.
    static func number(_ value: Double) -> String { String(format: "%.6g", value) }
    /// The shortest decimal that reads back as the same Double, for programs.
    static func exact(_ value: Double) -> String { "\(value)" }

    static func jsonString(_ text: String) -> String {
        let data = try! JSONEncoder().encode(text)  // a String always encodes
        return String(decoding: data, as: UTF8.self)
    }
}
