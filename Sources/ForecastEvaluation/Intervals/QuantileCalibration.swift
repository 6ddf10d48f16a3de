/// Conformalised quantile regression (Romano, Patterson & Candès, "Conformalized Quantile
/// Regression", NeurIPS 2019, in its asymmetric form, §6): intervals between a model's own lower and
/// upper quantile forecasts, each bound moved by how far past cut-offs' actuals fell beyond it.
///
/// At each of up to `count` cut-offs `c` of the history the model forecasts the bounds from rows `< c`;
/// step `k`'s scores are `lower − y` and `y − upper` (negative inside). At level `1 − α` each bound
/// moves out by the `⌈(n + 1)(1 − α/2)⌉`-th smallest of its `n` scores, so each side misses at most
/// `α/2` of the time and the interval keeps the split-conformal guarantee, while its width still
/// follows the model's quantiles: wide where it expects volatility, narrow where it does not. The
/// asymmetric form lets a bound the model placed too far out come in without moving the other.
/// With too few cut-offs for the sides' ranks, both bounds move by the symmetric score
/// `max(lower − y, y − upper)` at `1 − α` (the paper's first form), which needs half as many.
public enum QuantileCalibration {
    /// The quantile bounds of each level: `lower[k]` and `upper[k]` for step `k + 1`.
    public typealias Bounds = (lower: [Double], upper: [Double])

    /// Intervals at `levels` from the model's `bounds` after the whole `history` (one per level, in
    /// order), calibrated with `boundsAfter(prefix)` at up to `count` cut-offs from `minimumHistory` on.
    /// A step with too few scores for its level has no interval (`nil`), as in `ConformalIntervals`.
    public static func intervals(
        levels: [Double], bounds: [Bounds], history: [Double], count: Int, minimumHistory: Int,
        boundsAfter: ([Double]) throws -> [Bounds]
    ) throws -> [IntervalForecast] {
        precondition(levels.count == bounds.count, "one pair of bounds per level")
        try IntervalLevelError.check(levels)
        guard let horizon = bounds.first?.lower.count, !levels.isEmpty else { return [] }
        precondition(bounds.allSatisfy { $0.lower.count == horizon && $0.upper.count == horizon }, "bounds for every step")
        // scores[level][step]: the lower bound's scores, then the upper bound's.
        var lowerScores = Array(repeating: Array(repeating: [Double](), count: horizon), count: levels.count)
        var upperScores = lowerScores
        let lastCutoff = history.count - horizon
        let firstCutoff = max(minimumHistory, lastCutoff - count + 1)
        if firstCutoff <= lastCutoff {
            for cutoff in firstCutoff...lastCutoff {
                let past = try boundsAfter(Array(history[..<cutoff]))
                for (level, pair) in past.enumerated() {
                    for step in 0..<horizon {
                        let actual = history[cutoff + step]
                        lowerScores[level][step].append(pair.lower[step] - actual)
                        upperScores[level][step].append(actual - pair.upper[step])
                    }
                }
            }
        }
        return levels.enumerated().map { index, level in
            precondition(level > 0 && level < 1, "the level must lie strictly between 0 and 1, got \(level)")
            let sideLevel = (1 + level) / 2
            var lower: [Double?] = [], upper: [Double?] = []
            for step in 0..<horizon {
                let (lowerSide, upperSide) = (lowerScores[index][step], upperScores[index][step])
                var down = conformalQuantile(lowerSide, level: sideLevel)
                var up = conformalQuantile(upperSide, level: sideLevel)
                if down == nil || up == nil {
                    // Too few cut-offs for each side's 1 − α/2 rank (a 98 % interval needs 99): the
                    // symmetric score max(lower − y, y − upper) at 1 − α needs half as many.
                    let symmetric = conformalQuantile(zip(lowerSide, upperSide).map { max($0, $1) }, level: level)
                    (down, up) = (symmetric, symmetric)
                }
                guard let down, let up else {
                    lower.append(nil)
                    upper.append(nil)
                    continue
                }
                var low = bounds[index].lower[step] - down
                var high = bounds[index].upper[step] + up
                if low > high { (low, high) = ((low + high) / 2, (low + high) / 2) }  // narrowed past each other
                lower.append(low)
                upper.append(high)
            }
            return IntervalForecast(level: level, lower: lower, upper: upper)
        }
    }

    /// The `⌈(n + 1)·level⌉`-th smallest of the `n` scores; nil when there are too few for the level.
    static func conformalQuantile(_ scores: [Double], level: Double) -> Double? {
        let sorted = scores.sorted()
        let rank = ConformalIntervals.rank(level: level, count: sorted.count)
        return rank >= 1 && rank <= sorted.count ? sorted[rank - 1] : nil
    }
}
