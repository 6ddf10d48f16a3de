/// Measures of quantile forecasts: a forecast of the value below which the actual falls with
/// probability `τ`, for one or more levels `τ` in (0, 1).
public enum QuantileMetrics {
    /// The pinball (quantile) loss of forecasting `prediction` as the `level` quantile when `target`
    /// happened: `τ(y − q)` when the actual lies above, `(1 − τ)(q − y)` when below (Koenker & Bassett,
    /// 1978). Its expectation is least at the true quantile, so lower is better.
    public static func pinballLoss(level: Double, prediction: Double, target: Double) -> Double {
        precondition(level > 0 && level < 1, "a quantile level lies strictly between 0 and 1, got \(level)")
        let error = target - prediction
        return error >= 0 ? level * error : (level - 1) * error
    }

    /// The continuous ranked probability score of the distribution a few quantiles describe,
    /// approximated from them: CRPS = ∫₀¹ 2·pinball_τ dτ (Gneiting & Raftery, 2007, eq. 21 with the
    /// quantile decomposition of Laio & Tamea, 2007), integrated by the midpoint rule, each level
    /// standing for the τ closer to it than to its neighbours (0.1, 0.5, 0.9 weigh 0.3, 0.4, 0.3).
    /// In the series' units; it equals the absolute error when the only quantile is a median.
    ///
    /// - Parameter quantiles: `(level, prediction)` pairs, levels distinct and in (0, 1), any order.
    public static func approximateCRPS(quantiles: [(level: Double, prediction: Double)], target: Double) -> Double {
        precondition(!quantiles.isEmpty, "the CRPS needs at least one quantile")
        let sorted = quantiles.sorted { $0.level < $1.level }
        var total = 0.0
        for (index, quantile) in sorted.enumerated() {
            let from = index == 0 ? 0 : (sorted[index - 1].level + quantile.level) / 2
            let to = index == sorted.count - 1 ? 1 : (quantile.level + sorted[index + 1].level) / 2
            precondition(to > from, "quantile levels must be distinct")
            total += (to - from) * 2 * pinballLoss(level: quantile.level, prediction: quantile.prediction, target: target)
        }
        return total
    }

    /// The quantile levels an interval at `level` bounds: `(1 − level)/2` and `(1 + level)/2`.
    public static func boundLevels(ofInterval level: Double) -> (lower: Double, upper: Double) {
        ((1 - level) / 2, (1 + level) / 2)
    }
}
