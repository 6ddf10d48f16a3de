import ForecastData

extension SVGChart {
    /// The chart of `tsf forecast`: the recent history, the forecast after it, and its intervals.
    ///
    /// Only the last `historyLimit` observations are drawn so the forecast stays wide enough to
    /// read. The forecast line starts at the last observation so the eye follows it from the data;
    /// a dashed marker shows the forecast origin.
    ///
    /// - Parameters:
    ///   - title: the chart's title.
    ///   - valueName: what the values are, for the y axis and the history's legend entry.
    ///   - history: the observed values, oldest first.
    ///   - forecast: the values forecast after the last observation.
    ///   - times: one timestamp per history value followed by one per forecast step; nil numbers
    ///     the steps instead (history `0 ..< n`, forecast `n ..< n + h`).
    ///   - intervals: shaded in order of decreasing level, so the narrowest lies on top.
    ///   - modelName: the forecast's legend entry: what forecast (a network's cell or a baseline).
    ///   - historyLimit: the most observations drawn, the latest ones.
    /// - Precondition: `times`, when given, has `history.count + forecast.count` entries, and each
    ///   interval has `forecast.count` bounds.
    public static func forecastPlot(
        title: String, valueName: String, history: [Double], forecast: [Double],
        times: [Timestamp]? = nil, intervals: [ChartInterval] = [], modelName: String = "forecast",
        historyLimit: Int = 200
    ) -> SVGChart {
        let total = history.count + forecast.count
        precondition(times == nil || times?.count == total,
                     "forecastPlot needs \(total) timestamps (history + forecast), got \(times?.count ?? 0)")
        precondition(intervals.allSatisfy { $0.lower.count == forecast.count && $0.upper.count == forecast.count },
                     "forecastPlot intervals need one bound per forecast step (\(forecast.count))")
        let positions = times?.map(\.secondsSinceEpoch) ?? (0..<total).map(Double.init)
        let shown = max(0, history.count - max(1, historyLimit))..<history.count
        let historyX = Array(positions[shown])
        let forecastX = Array(positions[history.count...])

        var series = [ChartSeries(name: valueName, x: historyX, y: Array(history[shown]),
                                  style: ChartLineStyle(color: ChartPalette.history, width: 1.4))]
        var joinedX = forecastX
        var joinedY = forecast
        if let lastX = historyX.last, let lastY = history.last, lastY.isFinite {
            joinedX.insert(lastX, at: 0)
            joinedY.insert(lastY, at: 0)
        }
        if !forecast.isEmpty {
            series.append(ChartSeries(name: modelName, x: joinedX, y: joinedY,
                                      style: ChartLineStyle(color: ChartPalette.forecast, width: 2,
                                                            markers: forecast.count <= 60)))
        }
        let sortedIntervals = intervals.sorted { $0.level > $1.level }
        let bands = sortedIntervals.enumerated().map { index, interval in
            ChartBand(name: interval.label, x: forecastX, lower: interval.lower, upper: interval.upper,
                      color: ChartPalette.forecast, opacity: 0.14 + 0.1 * Double(index))
        }
        let markers = historyX.last.map { [ChartMarker(x: $0, label: "forecast origin")] } ?? []
        return SVGChart(title: title, xAxis: times == nil ? .steps : .time,
                        xTitle: times == nil ? "step" : nil, yTitle: valueName,
                        series: series, bands: bands, markers: markers)
    }
}
