/// Measures of prediction intervals `[lower, upper]` at a nominal level such as 0.8 or 0.95.
public enum IntervalMetrics {
    /// Coverage, in percent: the share of actuals inside their interval, bounds included.
    /// A well-calibrated 80 % interval covers about 80 %.
    public static func coverage(lower: [Double], upper: [Double], targets: [Double]) -> Double {
        checkLengths(lower, upper, targets)
        let inside = (0..<targets.count).filter { lower[$0] <= targets[$0] && targets[$0] <= upper[$0] }.count
        return 100 * Double(inside) / Double(targets.count)
    }

    /// Mean width `mean(upper − lower)`, in the units of the series: narrower is better at equal coverage.
    public static func meanWidth(lower: [Double], upper: [Double]) -> Double {
        checkLengths(lower, upper, upper)
        return zip(lower, upper).reduce(0) { $0 + ($1.1 - $1.0) } / Double(lower.count)
    }

    /// Winkler (interval) score at level `1 − α`, averaged over steps; lower is better.
    ///
    /// For one step: the width `u − l`, plus `(2/α)(l − y)` when the actual falls below the interval,
    /// or `(2/α)(y − u)` when above (Winkler, 1972; Gneiting & Raftery, 2007, eq. 43). It rewards narrow
    /// intervals and penalises misses in proportion to how far they miss.
    public static func winklerScore(lower: [Double], upper: [Double], targets: [Double], level: Double) -> Double {
        checkLengths(lower, upper, targets)
        precondition(level > 0 && level < 1, "the level must lie strictly between 0 and 1, got \(level)")
        let alpha = 1 - level
        var total = 0.0
        for i in 0..<targets.count {
            var score = upper[i] - lower[i]
            if targets[i] < lower[i] { score += 2 / alpha * (lower[i] - targets[i]) }
            if targets[i] > upper[i] { score += 2 / alpha * (targets[i] - upper[i]) }
            total += score
        }
        return total / Double(targets.count)
    }

    static func checkLengths(_ lower: [Double], _ upper: [Double], _ targets: [Double]) {
        precondition(!targets.isEmpty, "an interval metric needs at least one target")
        precondition(lower.count == targets.count && upper.count == targets.count,
                     "interval bounds and targets differ in length")
    }
}
