/// A transform applied to the target before scaling, undone exactly on forecasts.
///
/// Which to use:
/// - `none`: stationary series that move around a stable level (temperatures, many sensor readings).
/// - `difference`: `y[t] − y[t−1]`. Series with a trend or a unit root in absolute terms; forecasts
///   are changes added back to the last observed value, so they are never pulled back into the range
///   seen in training.
/// - `log`: `ln y`. Positive series whose variation grows with their level (sales, passengers), without
///   a unit root.
/// - `logReturn`: `ln(y[t] / y[t−1])`. **Share prices**: models learn returns, not price levels, and
///   forecasts compound from the last price. A model of price levels tends to echo yesterday's price and
///   drifts back toward prices it saw in training; returns avoid both. Needs positive values.
///
/// Differencing transforms shorten the series by one row: the first row has no predecessor.
public enum TransformKind: String, CaseIterable, Codable, Sendable {
    case none, difference, log, logReturn = "log-return"

    /// Whether the transform needs every value to be strictly positive.
    public var requiresPositiveValues: Bool { self == .log || self == .logReturn }

    /// Rows lost at the start of the series.
    public var rowsConsumed: Int { (self == .difference || self == .logReturn) ? 1 : 0 }
}
