import ForecastData

/// One model's forecasts in a backtest, one segment per fold, for `SVGChart.backtestPlot`.
public struct ChartBacktestForecasts: Sendable {
    /// One fold's forecast: `values[j]` predicts the actual at index `startIndex + j`.
    public struct Segment: Sendable {
        public var startIndex: Int
        public var values: [Double]

        public init(startIndex: Int, values: [Double]) {
            self.startIndex = startIndex
            self.values = values
        }
    }

    public var name: String
    public var segments: [Segment]
    /// Baselines (naive, seasonal naive) are drawn dashed in grey tones so the model stands out.
    public var isBaseline: Bool

    public init(name: String, segments: [Segment], isBaseline: Bool = false) {
        self.name = name
        self.segments = segments
        self.isBaseline = isBaseline
    }
}

extension SVGChart {
    /// The chart of `tsf backtest`: the actuals over the backtest span and every fold's forecast as
    /// a short segment of its own, one colour and one legend entry per model.
    ///
    /// - Parameters:
    ///   - title: the chart's title.
    ///   - valueName: what the values are, for the y axis.
    ///   - actuals: the observed values over the span; segment indices refer to these positions.
    ///   - times: one timestamp per actual; nil numbers the steps. Segment points beyond the last
    ///     actual have no position and are left out.
    ///   - models: each model's forecasts, one segment per fold, one colour and legend entry each.
    /// - Precondition: `times`, when given, has `actuals.count` entries.
    public static func backtestPlot(
        title: String, valueName: String, actuals: [Double], times: [Timestamp]? = nil,
        models: [ChartBacktestForecasts]
    ) -> SVGChart {
        precondition(times == nil || times?.count == actuals.count,
                     "backtestPlot needs \(actuals.count) timestamps, got \(times?.count ?? 0)")
        let positions = times?.map(\.secondsSinceEpoch) ?? (0..<actuals.count).map(Double.init)
        var series = [ChartSeries(name: valueName, x: positions, y: actuals,
                                  style: ChartLineStyle(color: ChartPalette.history, width: 1.4))]
        let baselineGreys = ["#777777", "#AAAAAA", "#555555"]
        let modelColors = ChartPalette.cycle.filter { $0 != ChartPalette.history }
        var modelIndex = 0
        var baselineIndex = 0
        for model in models {
            // All folds in one series: a NaN between folds lifts the pen.
            var xs: [Double] = []
            var ys: [Double] = []
            for segment in model.segments {
                for (offset, value) in segment.values.enumerated() {
                    let index = segment.startIndex + offset
                    guard positions.indices.contains(index) else { continue }
                    xs.append(positions[index])
                    ys.append(value)
                }
                xs.append(.nan)
                ys.append(.nan)
            }
            let style: ChartLineStyle
            if model.isBaseline {
                style = ChartLineStyle(color: baselineGreys[baselineIndex % baselineGreys.count], dashed: true, width: 1.3)
                baselineIndex += 1
            } else {
                style = ChartLineStyle(color: modelColors[modelIndex % modelColors.count], width: 1.8)
                modelIndex += 1
            }
            series.append(ChartSeries(name: model.name, x: xs, y: ys, style: style))
        }
        return SVGChart(title: title, xAxis: times == nil ? .steps : .time,
                        xTitle: times == nil ? "step" : nil, yTitle: valueName, series: series)
    }
}
