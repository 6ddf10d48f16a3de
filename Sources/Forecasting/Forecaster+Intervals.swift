extension Forecaster {
    /// Split-conformal prediction intervals for `forecast(steps:)` at each level, calibrated on the
    /// forecaster's own history: it forecasts from up to `calibrationWindows` cut-offs in the second
    /// half of `history` and takes the residuals per step (see `ConformalCalibration`).
    ///
    /// Univariate models only: calibrating a model with features would need their future values.
    public func intervals(
        levels: [Double], steps: Int, history: [Double], calibrationWindows: Int = 50
    ) throws -> [IntervalForecast] {
        guard !levels.isEmpty else { return [] }
        guard featureCount == 0 else { throw ForecasterError.intervalsNeedUnivariateModel(features: featureCount) }
        let forecasts = try forecast(steps: steps)
        let residuals = try ConformalCalibration.residuals(
            of: self, history: history, horizon: steps, count: calibrationWindows,
            minimumHistory: max(requiredHistory, history.count / 2))
        return levels.map { level in
            IntervalForecast(level: level, forecasts: forecasts, intervals: ConformalIntervals(level: level, residuals: residuals))
        }
    }
}
