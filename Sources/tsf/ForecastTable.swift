import Foundation
import Forecasting

/// A forecast ready to print: one row per future step, with its date when the series has a calendar.
struct ForecastTable {
    /// The target column's name.
    let column: String
    /// Future dates in the input's own date style, or nil for numbered steps.
    let dates: [String]?
    let forecasts: [Double]
    /// Prediction intervals, one per level, printed as lower/upper columns.
    let intervals: [IntervalForecast]

    /// Steps dated by the series' calendar (next trading days for share prices).
    init(column: String, series: TimeSeries, forecasts: [Double], intervals: [IntervalForecast] = []) {
        self.column = column
        self.forecasts = forecasts
        self.intervals = intervals
        let future = series.futureTimestamps(count: forecasts.count)
        dates = future.count == forecasts.count ? future.map(series.format) : nil
    }

    /// `lower80`, `upper80`, … in level order.
    var intervalColumns: [(name: String, values: [Double?])] {
        intervals.flatMap { interval -> [(name: String, values: [Double?])] in
            let level = Int((interval.level * 100).rounded())
            return [("lower\(level)", interval.lower), ("upper\(level)", interval.upper)]
        }
    }

    func render(_ format: OutputFormat) -> String {
        let extra = intervalColumns
        switch format {
        case .table:
            let keys = dates ?? (1...forecasts.count).map { "+\($0)" }
            let header = [dates == nil ? "step" : "date", "forecast"] + extra.map(\.name)
            let rows = forecasts.indices.map { index in
                [keys[index], Self.number(forecasts[index])] + extra.map { $0.values[index].map(Self.number) ?? "undefined" }
            }
            return BacktestTable.aligned([header] + rows)
        case .csv:
            var lines = [([dates == nil ? "step" : "date", "forecast"] + extra.map(\.name)).joined(separator: ",")]
            for (index, value) in forecasts.enumerated() {
                let bounds = extra.map { $0.values[index].map(Self.exact) ?? "" }
                lines.append(([dates?[index] ?? String(index + 1), Self.exact(value)] + bounds).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let rows = forecasts.enumerated().map { index, value -> String in
                let key = dates.map { "\"date\": \(Self.jsonString($0[index]))" } ?? "\"step\": \(index + 1)"
                let bounds = extra.map { ", \"\($0.name)\": " + ($0.values[index].map(Self.exact) ?? "null") }.joined()
                return "    {\(key), \"forecast\": \(Self.exact(value))\(bounds)}"
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
