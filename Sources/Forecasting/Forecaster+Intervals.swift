extension Forecaster {
    /// Prediction intervals for `forecast(steps:)` at each level, calibrated on the forecaster's own
    /// history: it forecasts from up to `calibrationWindows` cut-offs in the second half of `history`.
    /// A model without observed features calibrates over at least its own `forecastSteps` (where
    /// `columns` reach that far), so the first steps' intervals do not depend on how many steps are
    /// asked for up to those.
    /// A model trained with a quantile loss that forecasts with its network widens its own quantiles
    /// by conformalised quantile regression (`QuantileCalibration`) for every level whose bounds it
    /// forecasts; other intervals are split-conformal, residuals scaled by the series' recent movement
    /// (`ConformalCalibration.intervals`).
    ///
    /// `history` is the whole series the forecaster continues: the one it was fitted or conditioned
    /// on, with every value `observe` gave it since (it throws `invalidConfiguration` otherwise; a
    /// model loaded without a history takes any).
    ///
    /// A model with features calibrates on the same cut-offs given the series' feature columns
    /// (`columns`, whole, the known-in-advance ones continued over the forecast steps); without
    /// them it throws `intervalsNeedUnivariateModel`.
    public func intervals(
        levels: [Double], steps: Int, history: [Double], columns: FeatureColumns = FeatureColumns(),
        calibrationWindows: Int = 50
    ) throws -> [IntervalForecast] {
        guard !levels.isEmpty else { return [] }
        try IntervalLevelError.check(levels)
        guard calibrationWindows >= 0 else {
            throw ForecasterError.invalidConfiguration(setting: "calibrationWindows", value: "\(calibrationWindows)", requirement: "0 or more")
        }
        guard featureCount == 0 || columns.observed.count + columns.knownCount == featureCount else {
            throw ForecasterError.intervalsNeedUnivariateModel(features: featureCount)
        }
        // Intervals for this forecaster's forecast: around another series' forecast (the series it
        // was fitted on, before `observe` moved it on) they would not contain it.
        guard !hasHistory || (history.count >= recentValues.count && history.suffix(recentValues.count).elementsEqual(recentValues)) else {
            throw ForecasterError.invalidConfiguration(
                setting: "history", value: "a series that does not end with the values the forecaster continues",
                requirement: "the whole series the forecaster was fitted or conditioned on, with every value observed since")
        }
        let model = FeatureAwareForecaster(forecaster: self, columns: columns)
        // Calibrated over the model's own steps at least, where the known-in-advance columns reach
        // that far and no observed feature is read, so that fewer steps asked for take the first of
        // the same intervals, where a step's width followed how many were asked for (the steps
        // share one quantile).
        let own = max(steps, forecastSteps)
        let calibrated = observedFeatureCount == 0
            && columns.known.allSatisfy({ $0.count >= history.count + knownFutureNeeded(steps: own) }) ? own : steps
        let forecasts = try model.forecast(after: history, horizon: calibrated)
        return try model.intervals(levels: levels, history: history, forecasts: forecasts, count: calibrationWindows,
                                   minimumHistory: max(requiredHistory, history.count / 2)).map { $0.prefix(steps) }
    }
}

extension Forecaster {
    /// The next `steps` values after `history` (the series this forecaster was fitted or conditioned
    /// on, whole), reading the known-in-advance values of `columns` after it, and their intervals at
    /// `levels` (see `intervals(levels:steps:history:columns:calibrationWindows:)`): what a forecast
    /// command prints for a series.
    public func forecastWithIntervals(
        steps: Int, levels: [Double], history: [Double], columns: FeatureColumns = FeatureColumns()
    ) throws -> (forecasts: [Double], intervals: [IntervalForecast]) {
        let knownFuture = columns.known(from: history.count, count: knownFutureNeeded(steps: steps))
        let forecasts = try forecast(steps: steps, knownFuture: knownFuture)
        return (forecasts, try intervals(levels: levels, steps: steps, history: history, columns: columns))
    }
}
