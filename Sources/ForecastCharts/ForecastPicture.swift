import ForecastData
import ForecastEvaluation
import Foundation

/// The pictures of one forecast: an SVG document and a small chart for a terminal, from the series,
/// its forecast and the forecast's intervals.
public struct ForecastPicture: Sendable {
    public let series: TimeSeries
    public let forecasts: [Double]
    public let intervals: [IntervalForecast]
    /// The legend's name for the forecast line: the method that made it (a network's cell, or a
    /// baseline such as `naive` when that is what forecast).
    public let modelName: String

    public init(series: TimeSeries, forecasts: [Double], intervals: [IntervalForecast] = [], modelName: String) {
        self.series = series
        self.forecasts = forecasts
        self.intervals = intervals
        self.modelName = modelName
    }

    /// History then forecast timestamps, or nil when the series has no calendar.
    var times: [Timestamp]? {
        guard let history = series.timestamps else { return nil }
        let future = series.futureTimestamps(count: forecasts.count)
        return future.count == forecasts.count ? history + future : nil
    }

    /// The SVG document: history, forecast and shaded intervals.
    public func svg() -> String {
        let bands = intervals.compactMap { interval -> ChartInterval? in
            let lower = interval.lower.compactMap { $0 }, upper = interval.upper.compactMap { $0 }
            guard lower.count == forecasts.count, upper.count == forecasts.count else { return nil }
            return ChartInterval(level: interval.level, lower: lower, upper: upper)
        }
        return SVGChart.forecastPlot(
            title: "\(series.name): \(forecasts.count)-step forecast", valueName: series.name,
            history: series.values, forecast: forecasts, times: times, intervals: bands, modelName: modelName
        ).render()
    }

    /// The terminal chart of the last 120 observations and the forecast.
    /// - Parameter useColor: colour the forecast (off when `NO_COLOR` is set, by convention).
    public func terminal(useColor: Bool) -> String {
        let shown = min(series.count, 120)
        let history = Array(series.values.suffix(shown))
        let allTimes = times.map { Array($0.suffix(shown + forecasts.count)) }
        return TerminalChart(history: history, forecast: forecasts, times: allTimes, useColor: useColor).render()
    }
}
