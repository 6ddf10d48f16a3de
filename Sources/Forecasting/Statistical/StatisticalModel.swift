import ForecastEvaluation

/// A statistical model the automatic method weighs beside the network and the simple forecasts:
/// exponential smoothing chosen by AICc, the theta method, automatic ARIMA (ForecastEvaluation's
/// `ExponentialSmoothing`, `ThetaMethod`, `ARIMA`; docs/statistical-models.md, docs/arima.md), or
/// drift, the line through the first and last values extended (`DriftForecast`), which has no
/// parameter to store: its slope is read from the history it forecasts after.
public enum StatisticalModel: String, CaseIterable, Hashable, Sendable {
    case ets, theta, arima, drift

    /// The models the statistical mean averages, in the order the method choice prefers them when
    /// they score alike: the theta method has two parameters, exponential smoothing up to m + 4,
    /// ARIMA up to eleven coefficients. Drift is not among them: it is weighed alone, as a simple
    /// forecast, before them.
    public static let simplestFirst: [StatisticalModel] = [.theta, .ets, .arima]

    /// The longest season the seasonal exponential smoothing and ARIMA candidates take: beyond it
    /// they are fitted without a season, as statsforecast's AutoETS does (m ≤ 24), since m − 1 free
    /// seasonal states cost more to fit than a forecast may take. Theta deseasonalises any season.
    public static let longestFittedSeason = 24

    /// The stopping rule of R's `optim` BFGS (relative change of the value below 1.5·10⁻⁸, at most 100
    /// iterations): the baseline `arima` stops later (10⁻¹¹) to reproduce statsforecast's estimates to
    /// many digits, which a method choice does not need, at several times the cost per series.
    static let arimaOptimiser = BFGS(valueTolerance: 1.5e-8)
    /// One simplex run of at most 1,000 evaluations per model from statsforecast's start (statsforecast's
    /// AutoETS allows 2,000; the baseline `ets` runs more starts and restarts for the last digits of the
    /// likelihood). Only the seasonal forms, with m + 2 to m + 5 free values, use the whole budget, and
    /// on a many-series run they were most of the smoothing's cost: halving it changed no forecast
    /// of 300 generated series and no score of benchmarks/quality.py (2026-12-05).
    static let smoothingOptimiser = NelderMead(tolerance: 1e-8, maximumEvaluations: 1_000, maximumRestarts: 0)

    /// Fits this model on `values` (oldest first) with season period `seasonPeriod` (1 for none).
    /// ARIMA searches approximately on long series, as R's `auto.arima` does by default.
    public func fit(values: [Double], seasonPeriod: Int) throws -> FittedStatisticalModel {
        let period = max(1, seasonPeriod)
        let shortPeriod = period <= Self.longestFittedSeason ? period : 1
        switch self {
        case .ets:
            var ets = ExponentialSmoothing(seasonPeriod: shortPeriod, optimiser: Self.smoothingOptimiser)
            ets.refinesLeaders = false
            return .ets(try ets.fit(history: values))
        case .theta: return .theta(try ThetaMethod(seasonPeriod: period).fit(history: values))
        case .drift:
            let fitted = FittedStatisticalModel.drift
            try fitted.checkHistory(values.count)
            return fitted
        case .arima:
            var arima = ARIMA(seasonPeriod: shortPeriod, optimiser: Self.arimaOptimiser)
            arima.approximate = ARIMA.longSeries(count: values.count, seasonPeriod: shortPeriod)
            return .arima(try arima.fit(history: values))
        }
    }
}
