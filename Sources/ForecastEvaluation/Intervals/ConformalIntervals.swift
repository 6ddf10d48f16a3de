/// Split-conformal prediction intervals, one width per horizon step.
///
/// From out-of-sample residuals `|y − ŷ|` at step `k` (a backtest's folds, or the validation part),
/// the half-width at level `1 − α` is the `⌈(n + 1)(1 − α)⌉`-th smallest of the `n` residuals
/// (Vovk et al., 2005; Lei et al., 2018). Under exchangeable residuals the interval `ŷ ± q` covers
/// the actual with probability at least `1 − α`. With too few residuals for the level the quantile
/// is infinite, and the interval is reported as unavailable (`nil`) rather than made up.
public struct ConformalIntervals: Hashable, Sendable {
    /// The level, in (0, 1): 0.8 for an 80 % interval.
    public let level: Double
    /// Half-width per horizon step, `nil` where there were too few residuals for the level.
    public let halfWidths: [Double?]

    /// - Parameters:
    ///   - level: the nominal coverage, in (0, 1).
    ///   - residuals: `residuals[k]` holds the absolute errors observed at horizon step `k`.
    public init(level: Double, residuals: [[Double]]) {
        precondition(level > 0 && level < 1, "the level must lie strictly between 0 and 1, got \(level)")
        self.level = level
        halfWidths = residuals.map { stepResiduals in
            let sorted = stepResiduals.map(abs).sorted()
            let rank = Self.rank(level: level, count: sorted.count)
            return rank <= sorted.count && rank >= 1 ? sorted[rank - 1] : nil
        }
    }

    /// Intervals whose steps share one conformal quantile: each step's residuals are divided by their
    /// mean, the scores of every step are pooled, and a step's half-width is the pooled quantile at
    /// `level` times that step's mean. A few dozen cut-offs give a noisy 80th percentile at each step
    /// on its own; pooled over the steps, the quantile rests on `horizon` times as many scores, while
    /// the per-step means (steadier than a percentile) keep the widths growing with the horizon.
    /// A step has a width when the pooled scores suffice for the level and the step has residuals
    /// enough of its own: those the level needs (`residualsNeeded(level:)`), or `pooledStepMinimum`
    /// when the level needs more, so that its mean rests on enough of them. A 99 % interval thus needs
    /// 99 scores in all, 20 at each step; a step whose residuals are all zero has width zero, and one
    /// with an error that is not finite has none.
    public init(level: Double, poolingSteps residuals: [[Double]]) {
        precondition(level > 0 && level < 1, "the level must lie strictly between 0 and 1, got \(level)")
        // Each term divided before summing: a mean of residuals near the largest double stays finite.
        let means = residuals.map { step in step.reduce(0) { $0 + abs($1) / Double(step.count) } }
        var scores: [Double] = []
        // A step with an error that is not a number (a forecast that overflowed) gives no scores.
        for (step, mean) in zip(residuals, means) where mean > 0 && mean.isFinite { scores += step.map { abs($0) / mean } }
        let pooled = ConformalIntervals(level: level, residuals: [scores]).halfWidths.first ?? nil
        let ownNeeded = min(Self.residualsNeeded(level: level), Self.pooledStepMinimum)
        self.level = level
        halfWidths = zip(residuals, means).map { step, mean in
            guard step.count >= ownNeeded, mean.isFinite else { return nil }
            // A step that never erred has width zero, even where no step erred and nothing was pooled.
            if mean == 0 { return 0 }
            return pooled.map { $0 * mean }
        }
    }

    /// The residuals a step needs of its own for a pooled width when its level needs more.
    public static let pooledStepMinimum = 20

    /// The fewest residuals with which a conformal interval at `level` exists: the smallest `n` with
    /// `⌈(n + 1) · level⌉ ≤ n` (4 at 80 %, 19 at 95 %, 99 at 99 %).
    public static func residualsNeeded(level: Double) -> Int {
        precondition(level > 0 && level < 1, "the level must lie strictly between 0 and 1, got \(level)")
        var count = max(1, Int(level / (1 - level)) - 1)
        while rank(level: level, count: count) > count { count += 1 }
        return count
    }

    /// The conformal rank among `count` residuals at `level`: `⌈(count + 1) · level⌉`.
    static func rank(level: Double, count: Int) -> Int {
        Int((Double(count + 1) * level).rounded(.up))
    }

    /// Residuals per horizon step from backtest folds.
    public init(level: Double, folds: [FoldForecast]) {
        let horizon = folds.map(\.forecasts.count).max() ?? 0
        let residuals = (0..<horizon).map { step in
            folds.compactMap { fold in step < fold.forecasts.count ? abs(fold.actuals[step] - fold.forecasts[step]) : nil }
        }
        self.init(level: level, residuals: residuals)
    }

    /// The same intervals with every half-width multiplied by `factor` (positive): from residuals
    /// calibrated in units of a scale back to the series' units.
    public func scaled(by factor: Double) -> ConformalIntervals {
        precondition(factor > 0 && factor.isFinite, "a positive, finite factor, got \(factor)")
        return ConformalIntervals(level: level, halfWidths: halfWidths.map { $0.map { $0 * factor } })
    }

    init(level: Double, halfWidths: [Double?]) {
        self.level = level
        self.halfWidths = halfWidths
    }

    /// Bounds around `forecasts`; a step without a width has no bounds.
    public func bounds(around forecasts: [Double]) -> [(lower: Double, upper: Double)?] {
        forecasts.enumerated().map { step, forecast in
            guard step < halfWidths.count, let width = halfWidths[step] else { return nil }
            return (forecast - width, forecast + width)
        }
    }
}
