import ForecastData
import ForecastEvaluation

/// The picture of a backtest: the actuals over the tested span, with each model's forecasts as one
/// segment per fold.
public struct BacktestPicture: Sendable {
    /// One model's folds, as the backtest scored them.
    public struct Model: Sendable {
        public let name: String
        public let folds: [FoldForecast]
        /// Baselines are drawn dashed in grey tones so the model stands out.
        public let isBaseline: Bool

        public init(name: String, folds: [FoldForecast], isBaseline: Bool) {
            self.name = name
            self.folds = folds
            self.isBaseline = isBaseline
        }
    }

    public let series: TimeSeries
    public let models: [Model]
    public let plan: BacktestPlan

    public init(series: TimeSeries, models: [Model], plan: BacktestPlan) {
        self.series = series
        self.models = models
        self.plan = plan
    }

    /// The SVG document.
    public func svg() -> String {
        // Show some history before the first cut-off, so the first fold has context.
        let first = plan.cutoffs.first ?? 0
        let spanStart = max(0, first - max(3 * plan.horizon, 30))
        let spanEnd = min(series.count, (plan.cutoffs.last ?? 0) + plan.horizon)
        let actuals = Array(series.values[spanStart..<spanEnd])
        let times = series.timestamps.map { Array($0[spanStart..<spanEnd]) }
        let drawn = models.map { model in
            ChartBacktestForecasts(
                name: model.name,
                segments: model.folds.map { .init(startIndex: $0.cutoff - spanStart, values: $0.forecasts) },
                isBaseline: model.isBaseline)
        }
        return SVGChart.backtestPlot(
            title: "\(series.name): backtest, \(plan.cutoffs.count) fold\(plan.cutoffs.count == 1 ? "" : "s") of \(plan.horizon) step\(plan.horizon == 1 ? "" : "s")",
            valueName: series.name, actuals: actuals, times: times, models: drawn
        ).render()
    }
}
