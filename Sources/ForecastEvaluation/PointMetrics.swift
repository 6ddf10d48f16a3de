/// Point-forecast error metrics.
///
/// Every function takes `predictions:targets:` of equal, non-zero length and returns `nil` where the
/// metric is undefined (a zero actual under MAPE, a constant history under MASE), never a silent
/// infinity or zero: tables print such a value as "undefined". Errors are `prediction − target`
/// throughout, so a positive mean error means the forecast was too high.
public enum PointMetrics {
    /// Mean absolute error: `mean |ŷ − y|`, in the units of the series.
    public static func meanAbsoluteError(predictions: [Double], targets: [Double]) -> Double {
        checkLengths(predictions, targets)
        return mean(zip(predictions, targets).map { abs($0 - $1) })
    }

    /// Root mean squared error: `sqrt(mean (ŷ − y)²)`, in the units of the series.
    public static func rootMeanSquaredError(predictions: [Double], targets: [Double]) -> Double {
        checkLengths(predictions, targets)
        // In units of the largest error, so that errors near 10¹⁵⁵ and beyond do not overflow.
        let errors = zip(predictions, targets).map { abs($0 - $1) }
        guard let largest = errors.max(), largest > 0, largest.isFinite else { return mean(errors.map { $0 * $0 }).squareRoot() }
        return largest * mean(errors.map { ($0 / largest) * ($0 / largest) }).squareRoot()
    }

    /// Mean error (bias): `mean (ŷ − y)`. Positive when the forecasts run high.
    public static func meanError(predictions: [Double], targets: [Double]) -> Double {
        checkLengths(predictions, targets)
        return mean(zip(predictions, targets).map { $0 - $1 })
    }

    /// Mean absolute percentage error, in percent: `100 · mean |(ŷ − y) / y|`.
    ///
    /// Undefined (`nil`) when any actual is zero: one zero would otherwise make the mean infinite.
    public static func meanAbsolutePercentageError(predictions: [Double], targets: [Double]) -> Double? {
        checkLengths(predictions, targets)
        if targets.contains(0) { return nil }
        return 100 * mean(zip(predictions, targets).map { abs(($0 - $1) / $1) })
    }

    /// Symmetric MAPE on the 0–200 % scale: `100 · mean 2|ŷ − y| / (|ŷ| + |y|)`.
    ///
    /// This is the M4 competition's definition (other libraries halve it to a 0–100 scale). A step
    /// where both the forecast and the actual are zero has no error and counts as 0; the metric is
    /// therefore always defined.
    public static func symmetricMeanAbsolutePercentageError(predictions: [Double], targets: [Double]) -> Double {
        checkLengths(predictions, targets)
        return 100 * mean(zip(predictions, targets).map { prediction, target in
            let denominator = abs(prediction) + abs(target)
            return denominator == 0 ? 0 : 2 * abs(prediction - target) / denominator
        })
    }

    /// Coefficient of determination: `1 − Σ(ŷ − y)² / Σ(y − ȳ)²`.
    ///
    /// Undefined when the actuals are constant (the denominator is zero), and when their sum of
    /// squares overflows (values near 10¹⁵⁴ and above: ∞/∞ is no ratio). Can be negative: a forecast
    /// worse than the actuals' own mean, −∞ when its errors' squares overflow.
    public static func coefficientOfDetermination(predictions: [Double], targets: [Double]) -> Double? {
        checkLengths(predictions, targets)
        let targetMean = mean(targets)
        let total = targets.reduce(0) { $0 + ($1 - targetMean) * ($1 - targetMean) }
        guard total > 0, total.isFinite else { return nil }
        let residual = zip(predictions, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let ratio = 1 - residual / total
        return ratio.isNaN ? nil : ratio
    }

    /// Directional accuracy, in percent: the share of steps where the forecast moves from the last
    /// observed value in the same direction as the actual does.
    ///
    /// Direction is the sign of `value − lastObserved` (−1, 0 or +1), so "no change" must match
    /// "no change". Every step of a multi-step forecast is compared with the same last observation,
    /// which is what a trader acting at the forecast origin cares about. Undefined (nil) for a
    /// forecast that calls no direction at all (every step equals the last observation, as the naive
    /// forecast's do): scoring it would only count how often the actual stood still.
    public static func directionalAccuracy(predictions: [Double], targets: [Double], lastObserved: Double) -> Double? {
        checkLengths(predictions, targets)
        guard predictions.contains(where: { $0 != lastObserved }) else { return nil }
        let hits = zip(predictions, targets).filter { prediction, target in
            sign(prediction - lastObserved) == sign(target - lastObserved)
        }.count
        return 100 * Double(hits) / Double(targets.count)
    }

    static func sign(_ value: Double) -> Int { value > 0 ? 1 : (value < 0 ? -1 : 0) }

    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    static func checkLengths(_ predictions: [Double], _ targets: [Double]) {
        precondition(!targets.isEmpty, "a metric needs at least one target")
        precondition(predictions.count == targets.count,
                     "\(predictions.count) predictions for \(targets.count) targets")
    }
}
