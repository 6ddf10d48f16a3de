import ForecastEvaluation

/// One series' forecast by the many-series candidate `perSeriesAndGlobal`: the series' own choice
/// (its own `Forecaster`, fitted alone) averaged with its member of the network across series,
/// which itself averages the network with the statistical models fitted on the series. The shares
/// are equal: with ARIMA, a third each for the own choice, the network across series and ARIMA.
///
/// The two halves make different mistakes: the own choice knows the series alone, the network has
/// seen every series, and ARIMA is the linear model that scored best alone on short yearly series.
public struct ManySeriesBlend: FittedForecastingModel {
    /// The series' own automatic choice.
    public let own: Forecaster
    /// The series' member of the network across series, with its statistical models.
    public let acrossSeries: Forecaster

    public init(own: Forecaster, acrossSeries: Forecaster) {
        self.own = own
        self.acrossSeries = acrossSeries
    }

    /// `(own)+global+arima`: the method reports name for the blend.
    public var method: ForecastMethod {
        .ownAndAcrossSeries(own: own.method, models: acrossSeries.method.statisticalModels)
    }

    public var chosenMethod: String? { method.name }

    /// The history both halves need.
    public var requiredHistory: Int { max(own.requiredHistory, acrossSeries.requiredHistory) }

    /// The own choice's share beside the network across series averaged with `models`: one part in
    /// two (the network alone) or in three (the network and the models' mean).
    static func ownShare(beside models: [StatisticalModel]) -> Double { models.isEmpty ? 1.0 / 2 : 1.0 / 3 }

    /// The blend of the own choice's forecast with the across-series one (the network averaged with `models`).
    static func combine(own: [Double], acrossSeries: [Double], models: [StatisticalModel]) -> [Double] {
        let share = ownShare(beside: models)
        return zip(own, acrossSeries).map { share * $0 + (1 - share) * $1 }
    }

    /// The next `steps` values after the series both halves were fitted or conditioned on.
    public func forecast(steps: Int) throws -> [Double] {
        combine(try own.forecast(steps: steps), try acrossSeries.forecast(steps: steps))
    }

    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        combine(try own.forecast(after: history, horizon: horizon), try acrossSeries.forecast(after: history, horizon: horizon))
    }

    func combine(_ ownForecast: [Double], _ acrossForecast: [Double]) -> [Double] {
        Self.combine(own: ownForecast, acrossSeries: acrossForecast, models: acrossSeries.method.statisticalModels)
    }

    /// The forecast after `history` (the whole series) and its split-conformal intervals at `levels`,
    /// calibrated as a single series' forecast is: the blend forecasts from up to 50 cut-offs in the
    /// second half of the history, its bounds raised to the series' `lowerBound` (where its own
    /// choice has one). A history shorter than the blend reads throws `historyTooShort`, as a
    /// `Forecaster`'s does.
    public func forecastWithIntervals(steps: Int, levels: [Double], history: [Double]) throws
        -> (forecasts: [Double], intervals: [IntervalForecast]) {
        guard history.count >= requiredHistory else {
            throw ForecasterError.historyTooShort(rows: history.count, needed: requiredHistory)
        }
        let forecasts = try forecast(steps: steps)
        let intervals = try ConformalCalibration.intervals(
            of: self, history: history, forecasts: forecasts, levels: levels, count: 50,
            minimumHistory: max(requiredHistory, history.count / 2))
        guard let floor = own.lowerBound else { return (forecasts, intervals) }
        return (forecasts, intervals.map { $0.raised(to: floor) })
    }
}
