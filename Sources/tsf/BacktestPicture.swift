import Forecasting

/// The picture of a backtest: the actuals over the tested span, with each fold's forecasts as a
/// segment per model; baselines only on request.
struct BacktestPicture {
    let series: TimeSeries
    let entries: [BacktestSuite.Entry]
    let plan: BacktestPlan
    let includeBaselines: Bool

    func svg() -> String {
        // Show some history before the first cut-off, so the first fold has context.
        let first = plan.cutoffs.first ?? 0
        let spanStart = max(0, first - max(3 * plan.horizon, 30))
        let spanEnd = min(series.count, (plan.cutoffs.last ?? 0) + plan.horizon)
        let actuals = Array(series.values[spanStart..<spanEnd])
        let times = series.timestamps.map { Array($0[spanStart..<spanEnd]) }
        let baselineNames = Set(BacktestOptions.allBaselines)
        let models = entries.filter { includeBaselines || !baselineNames.contains($0.name) }.map { entry in
            ChartBacktestForecasts(
                name: entry.name,
                segments: entry.folds.map { .init(startIndex: $0.cutoff - spanStart, values: $0.forecasts) },
                isBaseline: baselineNames.contains(entry.name))
        }
        return SVGChart.backtestPlot(
            title: "\(series.name): backtest, \(plan.cutoffs.count) folds of \(plan.horizon) steps",
            valueName: series.name, actuals: actuals, times: times, models: models
        ).render()
    }
}
