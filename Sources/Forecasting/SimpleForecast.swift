/// The forecast of a series too short for the network: the better of the naive and the
/// seasonal-naive forecasts, so a short file still gets an honest forecast rather than a refusal.
///
/// The seasonal forecast is a candidate only when the series shows its season (`SeasonalityTest`)
/// and holds two seasons to copy from; the two are compared on one-step-ahead forecasts from the
/// latter half of the series, and the naive forecast is kept unless the seasonal one does better.
public struct SimpleForecast: Sendable {
    /// What forecasts: `.naive` or `.seasonalNaive(period:)`.
    public let method: ForecastMethod
    public let forecasts: [Double]
    public let intervals: [IntervalForecast]
    /// Why this method, in words.
    public let explanation: String

    /// - Parameters:
    ///   - values: the series, oldest first; at least one value, all finite.
    ///   - steps: values to forecast, from 1 to `ForecasterConfiguration.largestSteps`.
    ///   - seasonPeriod: the season of the seasonal candidate (`Frequency.scoringSeasonPeriod`); one
    ///     longer than half the series is no candidate.
    ///   - levels: interval levels as fractions, calibrated split-conformally on the series itself.
    /// - Throws: `ForecasterError` for no values, a value that is not finite or steps out of range;
    ///   `IntervalLevelError` for a level that is not a fraction.
    public init(values: [Double], steps: Int, seasonPeriod: Int, levels: [Double] = []) throws {
        guard !values.isEmpty else { throw ForecasterError.historyTooShort(rows: 0, needed: 1) }
        try Forecaster.checkValues(values)
        try Forecaster.checkSteps(steps)
        try IntervalLevelError.check(levels)
        let choice = Self.choice(values: values, seasonPeriod: seasonPeriod)
        method = choice.method
        explanation = choice.explanation
        switch choice.method {
        case let .seasonalNaive(period):
            let seasonal = SeasonalNaiveForecast(seasonPeriod: period)
            forecasts = seasonal.baselineForecast(after: values, horizon: steps)
            intervals = try Self.intervals(seasonal, values: values, steps: steps, levels: levels, forecasts: forecasts)
        default:
            forecasts = NaiveForecast().baselineForecast(after: values, horizon: steps)
            intervals = try Self.intervals(NaiveForecast(), values: values, steps: steps, levels: levels, forecasts: forecasts)
        }
    }

    /// The method a simple forecast of `values` (at least one, all finite) uses, and why in words:
    /// `.seasonalNaive(period:)` or `.naive`.
    public static func choice(values: [Double], seasonPeriod: Int) -> (method: ForecastMethod, explanation: String) {
        precondition(!values.isEmpty, "a simple forecast needs a value")
        // A season longer than half the series is never tested (nor doubled, which could overflow).
        let seasonPeriod = seasonPeriod <= values.count / 2 ? seasonPeriod : 1
        let seasonal = SeasonalNaiveForecast(seasonPeriod: max(1, seasonPeriod))
        let origins = Array(max(1, values.count / 2)..<values.count)
        func error<Model: StatelessBaseline>(_ model: Model) -> Double? {
            let usable = origins.filter { $0 >= model.minimumHistory }
            guard !usable.isEmpty else { return nil }
            let total = usable.reduce(0.0) { sum, origin in
                sum + abs(model.baselineForecast(after: Array(values[..<origin]), horizon: 1)[0] - values[origin])
            }
            return total / Double(usable.count)
        }
        let naiveError = error(NaiveForecast())
        let seasonalError = seasonPeriod >= 2 && values.count >= 2 * seasonPeriod
            && SeasonalityTest.isSeasonal(values, period: seasonPeriod) ? error(seasonal) : nil
        if let seasonalError, let naiveError, seasonalError < naiveError {
            return (.seasonalNaive(period: seasonPeriod),
                    "seasonal-naive, which beat the naive forecast one step ahead on the latter half of the series (MAE \(MethodComparison.format(seasonalError)) against \(MethodComparison.format(naiveError)))")
        }
        return (.naive, seasonPeriod >= 2 ? "naive, the last value: the season is not shown or did not help" : "naive, the last value")
    }

    static func intervals<Model: StatelessBaseline>(
        _ model: Model, values: [Double], steps: Int, levels: [Double], forecasts: [Double]
    ) throws -> [IntervalForecast] {
        try ConformalCalibration.intervals(
            of: model, history: values, forecasts: forecasts, levels: levels, count: 50,
            minimumHistory: max(model.minimumHistory, values.count / 2))
    }
}

extension ForecasterError {
    /// Why `values` (at least one) trained no network across series when none of the series could
    /// (`noSeriesLongEnough(lookback:horizon:)`): every value the same, or too few rows.
    public static func reasonNoNetwork(for values: [Double], lookback: Int, horizon: Int) -> ForecasterError {
        values.allSatisfy({ $0 == values[0] }) ? .constantSeries(value: values[0])
            : .seriesTooShort(rows: values.count, needed: lookback + horizon, lookback: lookback, horizon: horizon)
    }

    /// Whether a simple forecast (`SimpleForecast`) answers the error, as the automatic method of a
    /// forecast does: a series too short for the network, or constant.
    public var isAnsweredBySimpleForecast: Bool {
        switch self {
        case .seriesTooShort, .constantSeries: return true
        default: return false
        }
    }
}
