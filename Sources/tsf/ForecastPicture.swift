import Foundation
import Forecasting

/// The pictures of a forecast: an SVG file for `--plot` and a small chart for the terminal.
struct ForecastPicture {
    let series: TimeSeries
    let forecasts: [Double]
    let intervals: [IntervalForecast]
    let modelName: String

    /// History then forecast timestamps, or nil when the series has no calendar.
    var times: [Timestamp]? {
        guard let history = series.timestamps else { return nil }
        let future = series.futureTimestamps(count: forecasts.count)
        return future.count == forecasts.count ? history + future : nil
    }

    func svg() -> String {
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

    func terminal() -> String {
        let shown = min(series.count, 120)
        let history = Array(series.values.suffix(shown))
        let allTimes = times.map { Array($0.suffix(shown + forecasts.count)) }
        return TerminalChart(history: history, forecast: forecasts, times: allTimes,
                      useColor: ProcessInfo.processInfo.environment["NO_COLOR"] == nil).render()
    }
}
