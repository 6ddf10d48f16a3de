/// Errors scaled by how hard the series is to forecast naively (Hyndman & Koehler, 2006).
///
/// The scale is the in-sample one-step error of the seasonal-naive forecast `y[t] = y[t − m]` over the
/// training history, so a value below 1 means the forecast beat seasonal naive's in-sample error.
/// `m` is the season period (1 for share prices on trading days, giving the plain naive forecast).
public enum ScaledMetrics {
    /// Mean absolute scaled error: `mean|ŷ − y| / mean_{t>m} |y[t] − y[t−m]|` over the history.
    ///
    /// Undefined (`nil`) when the history has `m` values or fewer, or when its seasonal-naive error is
    /// zero (a constant history, or one that repeats exactly with period `m`).
    public static func meanAbsoluteScaledError(
        predictions: [Double], targets: [Double], history: [Double], seasonPeriod m: Int
    ) -> Double? {
        guard let scale = seasonalNaiveScale(history: history, seasonPeriod: m, power: 1) else { return nil }
        return PointMetrics.meanAbsoluteError(predictions: predictions, targets: targets) / scale
    }

    /// Root mean squared scaled error (the M5 competition's accuracy measure):
    /// `sqrt( mean(ŷ − y)² / mean_{t>m} (y[t] − y[t−m])² )`. Undefined as MASE is.
    public static func rootMeanSquaredScaledError(
        predictions: [Double], targets: [Double], history: [Double], seasonPeriod m: Int
    ) -> Double? {
        guard let scale = seasonalNaiveScale(history: history, seasonPeriod: m, power: 2) else { return nil }
        let rmse = PointMetrics.rootMeanSquaredError(predictions: predictions, targets: targets)
        return (rmse * rmse / scale).squareRoot()
    }

    /// The in-sample mean of `|y[t] − y[t−m]|^power`, or `nil` when it is zero or has no terms.
    static func seasonalNaiveScale(history: [Double], seasonPeriod m: Int, power: Int) -> Double? {
        precondition(m >= 1, "the season period must be at least 1")
        guard history.count > m else { return nil }
        var total = 0.0
        for t in m..<history.count {
            let difference = abs(history[t] - history[t - m])
            total += power == 1 ? difference : difference * difference
        }
        let scale = total / Double(history.count - m)
        return scale > 0 && scale.isFinite ? scale : nil
    }
}
