/// The feature columns of one series, whole: what a backtest or a calibration needs to fit and
/// forecast from any cut-off of the series while reading, at each cut-off, only what was known then.
///
/// Row `r` of every column belongs to row `r` of the target. Observed columns are cut at the
/// cut-off; known-in-advance columns are read up to the cut-off for the lookback and after it for
/// the forecast steps, so they may run past the target's end (the future rows of a file).
///
/// Constants (a store's size, a product group: the static columns of a global model) are known in
/// advance too, and hold one value on every row, before and after any cut-off: the model reads them
/// as known-in-advance columns after `known`, so a model file records them like any other.
public struct FeatureColumns: Sendable, Hashable {
    /// Columns known only up to each forecast origin.
    public var observed: [[Double]]
    /// Columns known in advance.
    public var known: [[Double]]
    /// Values known in advance that never change, read as known columns after `known`.
    public var constants: [Double]

    public init(observed: [[Double]] = [], known: [[Double]] = [], constants: [Double] = []) {
        self.observed = observed
        self.known = known
        self.constants = constants
    }

    public var isEmpty: Bool { observed.isEmpty && known.isEmpty && constants.isEmpty }

    /// Columns the model reads as known in advance: `known`, then one per constant.
    public var knownCount: Int { known.count + constants.count }

    /// Observed columns up to `cutoff` (exclusive).
    func observed(before cutoff: Int) -> [[Double]] { observed.map { Array($0[..<min(cutoff, $0.count)]) } }

    /// Known columns up to `cutoff` (exclusive), then each constant repeated on those rows.
    func known(before cutoff: Int) -> [[Double]] {
        known.map { Array($0[..<min(cutoff, $0.count)]) } + constants.map { Array(repeating: $0, count: cutoff) }
    }

    /// Known columns from `cutoff` on, at most `count` values each, then each constant `count` times.
    public func known(from cutoff: Int, count: Int) -> [[Double]] {
        known.map { column in
            let start = min(cutoff, column.count)
            return Array(column[start ..< min(column.count, start + count)])
        } + constants.map { Array(repeating: $0, count: count) }
    }
}

/// A fitted forecaster with the whole feature columns of its series: forecasts after any prefix of
/// the series, reading the features as they stood at that prefix's end (and the known-in-advance
/// ones of the steps after it). What backtests and interval calibration use for models with features.
public struct FeatureAwareForecaster: FittedForecastingModel {
    public let forecaster: Forecaster
    public let columns: FeatureColumns

    public init(forecaster: Forecaster, columns: FeatureColumns) {
        self.forecaster = forecaster
        self.columns = columns
    }

    public var chosenMethod: String? { forecaster.chosenMethod }

    /// `history` must be the first `history.count` rows of the series the columns belong to.
    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        let (conditioned, knownFuture) = try conditioned(on: history, steps: horizon)
        return try conditioned.forecast(steps: horizon, knownFuture: knownFuture)
    }

    /// Conformalised quantile intervals when the model forecasts quantiles, normalised
    /// split-conformal otherwise (`Forecaster.calibratedIntervals`), the columns read at every cut-off.
    public func intervals(levels: [Double], history: [Double], forecasts: [Double], count: Int, minimumHistory: Int) throws
        -> [IntervalForecast] {
        try forecaster.calibratedIntervals(of: self, levels: levels, history: history, forecasts: forecasts, count: count,
                                           minimumHistory: minimumHistory) { prefix in
            let (conditioned, knownFuture) = try conditioned(on: prefix, steps: forecasts.count)
            return try conditioned.quantileForecast(steps: forecasts.count, knownFuture: knownFuture)
        }
    }

    /// A copy of the forecaster conditioned on `history` and the columns' rows before its end, with
    /// the known-in-advance values a forecast of `steps` reads after it.
    func conditioned(on history: [Double], steps: Int) throws -> (Forecaster, [[Double]]) {
        var conditioned = forecaster
        let cutoff = history.count
        try conditioned.condition(on: history, features: columns.observed(before: cutoff),
                                  knownFeatures: columns.known(before: cutoff))
        return (conditioned, columns.known(from: cutoff, count: forecaster.knownFutureNeeded(steps: steps)))
    }
}
