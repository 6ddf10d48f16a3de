import Foundation

/// A way of forecasting that can be fitted on a history: the recurrent `Forecaster` and every
/// baseline conform, so a backtest scores them all through one interface on the same cut-offs.
///
/// Fitting and forecasting are separate so a walk-forward backtest can refit on every fold, every
/// k folds, or once, and in between only re-condition a fitted model on newer data.
public protocol ForecastingMethod: Sendable {
    associatedtype Model: FittedForecastingModel
    /// A short name shown in tables ("naive", "lstm", …).
    var name: String { get }
    /// Fits on `history`, oldest value first.
    func fit(history: [Double]) throws -> Model
}

/// A fitted model that forecasts the continuation of any history that extends the one it was fitted on.
public protocol FittedForecastingModel: Sendable {
    /// Forecasts the `horizon` values that follow the last value of `history`.
    func forecast(after history: [Double], horizon: Int) throws -> [Double]
    /// What this fit forecasts with, when the method chooses per fit (the automatic method picks
    /// the network, a baseline or their mean on each fold); nil for a method that is always itself.
    var chosenMethod: String? { get }
    /// Prediction intervals at `levels` around `forecasts` (made after the whole `history`),
    /// calibrated on up to `count` cut-offs of the history, none before `minimumHistory`. The default
    /// is normalised split-conformal (`ConformalCalibration.intervals`); a model that forecasts
    /// quantiles calibrates those instead.
    func intervals(levels: [Double], history: [Double], forecasts: [Double], count: Int, minimumHistory: Int) throws
        -> [IntervalForecast]
}

extension FittedForecastingModel {
    public var chosenMethod: String? { nil }

    public func intervals(levels: [Double], history: [Double], forecasts: [Double], count: Int, minimumHistory: Int) throws
        -> [IntervalForecast] {
        try ConformalCalibration.intervals(of: self, history: history, forecasts: forecasts, levels: levels, count: count,
                                           minimumHistory: minimumHistory)
    }
}

/// Why a baseline cannot forecast a history.
public enum BaselineError: Error, Hashable, Sendable {
    /// The history holds fewer values than the method needs.
    case historyTooShort(method: String, needed: Int, available: Int)
    /// The history has enough values, but the method cannot fit or forecast it (a constant series,
    /// a value that is not finite); `reason` says why, as a clause.
    case unusableHistory(method: String, reason: String)
}

extension BaselineError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case let .historyTooShort(method, needed, available):
            return "the \(method) forecast needs at least \(needed) values, the history has \(available)"
        case let .unusableHistory(method, reason):
            return "the \(method) forecast cannot use the history: \(reason)"
        }
    }
}
