/// The metrics of one method over the folds of a backtest.
///
/// Scale-dependent errors (MAE, RMSE, bias) and percentage errors pool every forecast step of every
/// fold. MASE and RMSSE are computed per fold, each with its own in-sample scale, then averaged over
/// the folds where they are defined (the M4 convention). Undefined metrics are `nil`.
public struct BacktestScore: Hashable, Codable, Sendable {
    public let method: String
    public let folds: Int
    public let meanAbsoluteError: Double
    public let rootMeanSquaredError: Double
    public let meanError: Double
    public let meanAbsolutePercentageError: Double?
    public let symmetricMeanAbsolutePercentageError: Double
    public let meanAbsoluteScaledError: Double?
    public let rootMeanSquaredScaledError: Double?
    public let coefficientOfDetermination: Double?
    /// Percent of steps whose move from the last observation has the actual's sign, over the folds
    /// whose forecast calls a direction; nil when none does (the naive forecast).
    public let directionalAccuracy: Double?
    /// Interval scores per level, over the steps that had intervals.
    public let intervals: [IntervalScore]
    /// Scores of the quantiles the intervals bound, with the point forecast as the median; nil
    /// without intervals (or when no step had every interval).
    public let quantiles: QuantileScore?

    /// Pinball loss and approximate CRPS of the quantiles `(1 ± level)/2` of every interval level,
    /// with the point forecast standing for the median (exact for a method that forecasts medians,
    /// as the naive forecast of a symmetric walk does; an approximation for mean forecasts).
    public struct QuantileScore: Hashable, Codable, Sendable {
        /// The quantile levels scored, ascending (0.1, 0.5, 0.9 for 80 % intervals).
        public let levels: [Double]
        /// Mean pinball loss over the levels and the steps, in the series' units.
        public let pinballLoss: Double
        /// Mean CRPS approximated from the quantiles (`QuantileMetrics.approximateCRPS`), in the series' units.
        public let crps: Double
        /// Each fold's CRPS over its in-sample seasonal-naive MAE (MASE's scale), averaged over the
        /// folds where that scale is defined: comparable across series; nil when none is.
        public let scaledCRPS: Double?
        /// Steps scored (those where every interval level had bounds).
        public let steps: Int
    }

    /// Coverage (%), mean width, Winkler score and MSIS of the intervals at one level.
    public struct IntervalScore: Hashable, Codable, Sendable {
        public let level: Double
        public let coverage: Double
        public let meanWidth: Double
        public let winklerScore: Double
        /// M4's mean scaled interval score: each fold's Winkler score over its in-sample
        /// seasonal-naive MAE (the scale of MASE), averaged over the folds where it is defined
        /// (Makridakis et al., "The M4 Competition", IJF 2020, eq. for MSIS); nil when none is.
        public let scaledScore: Double?
        /// Steps scored (those with an interval).
        public let steps: Int
    }

    public init(method: String, folds forecasts: [FoldForecast]) {
        precondition(!forecasts.isEmpty, "a score needs at least one fold")
        let predictions = forecasts.flatMap(\.forecasts)
        let actuals = forecasts.flatMap(\.actuals)
        self.method = method
        self.folds = forecasts.count
        meanAbsoluteError = PointMetrics.meanAbsoluteError(predictions: predictions, targets: actuals)
        rootMeanSquaredError = PointMetrics.rootMeanSquaredError(predictions: predictions, targets: actuals)
        meanError = PointMetrics.meanError(predictions: predictions, targets: actuals)
        meanAbsolutePercentageError = PointMetrics.meanAbsolutePercentageError(predictions: predictions, targets: actuals)
        symmetricMeanAbsolutePercentageError = PointMetrics.symmetricMeanAbsolutePercentageError(
            predictions: predictions, targets: actuals)
        coefficientOfDetermination = PointMetrics.coefficientOfDetermination(predictions: predictions, targets: actuals)
        let scaled = forecasts.compactMap { fold in
            fold.naiveScale.map { PointMetrics.meanAbsoluteError(predictions: fold.forecasts, targets: fold.actuals) / $0 }
        }
        meanAbsoluteScaledError = scaled.isEmpty ? nil : scaled.reduce(0, +) / Double(scaled.count)
        let squaredScaled = forecasts.compactMap { fold -> Double? in
            guard let scale = fold.naiveSquaredScale else { return nil }
            let rmse = PointMetrics.rootMeanSquaredError(predictions: fold.forecasts, targets: fold.actuals)
            return (rmse * rmse / scale).squareRoot()
        }
        rootMeanSquaredScaledError = squaredScaled.isEmpty ? nil : squaredScaled.reduce(0, +) / Double(squaredScaled.count)
        // Pooled over the folds that call a direction: hits and steps summed across them.
        var hits = 0.0, calledSteps = 0
        for fold in forecasts {
            guard let accuracy = PointMetrics.directionalAccuracy(
                predictions: fold.forecasts, targets: fold.actuals, lastObserved: fold.lastObserved) else { continue }
            hits += accuracy * Double(fold.actuals.count)
            calledSteps += fold.actuals.count
        }
        directionalAccuracy = calledSteps == 0 ? nil : hits / Double(calledSteps)
        let levels = forecasts.first?.intervals.map(\.level) ?? []
        intervals = levels.enumerated().compactMap { index, level in
            var lower: [Double] = [], upper: [Double] = [], targets: [Double] = []
            var scaledScores: [Double] = []
            for fold in forecasts where index < fold.intervals.count {
                let first = targets.count
                for step in fold.actuals.indices {
                    guard let low = fold.intervals[index].lower[step], let high = fold.intervals[index].upper[step] else { continue }
                    lower.append(low)
                    upper.append(high)
                    targets.append(fold.actuals[step])
                }
                if targets.count > first, let scale = fold.naiveScale {
                    let score = IntervalMetrics.winklerScore(lower: Array(lower[first...]), upper: Array(upper[first...]),
                                                             targets: Array(targets[first...]), level: level)
                    scaledScores.append(score / scale)
                }
            }
            guard !targets.isEmpty else { return nil }
            return IntervalScore(
                level: level,
                coverage: IntervalMetrics.coverage(lower: lower, upper: upper, targets: targets),
                meanWidth: IntervalMetrics.meanWidth(lower: lower, upper: upper),
                winklerScore: IntervalMetrics.winklerScore(lower: lower, upper: upper, targets: targets, level: level),
                scaledScore: scaledScores.isEmpty ? nil : scaledScores.reduce(0, +) / Double(scaledScores.count),
                steps: targets.count)
        }
        quantiles = QuantileScore(levels: levels, folds: forecasts)
    }
}

extension BacktestScore.QuantileScore {
    /// Scores the steps of `folds` where each of the interval `levels` has bounds; nil when none does.
    init?(levels intervalLevels: [Double], folds: [FoldForecast]) {
        let bounds = intervalLevels.map(QuantileMetrics.boundLevels(ofInterval:))
        let levels = (bounds.map(\.lower) + [0.5] + bounds.map(\.upper)).sorted()
        guard !intervalLevels.isEmpty, Set(levels).count == levels.count else { return nil }
        var pinball = 0.0, crps = 0.0, steps = 0
        var scaled: [Double] = []
        for fold in folds where fold.intervals.count == intervalLevels.count {
            var foldCRPS = 0.0, foldSteps = 0
            for step in fold.actuals.indices {
                var quantiles = [(level: 0.5, prediction: fold.forecasts[step])]
                for (index, interval) in fold.intervals.enumerated() {
                    guard let low = interval.lower[step], let high = interval.upper[step] else { continue }
                    quantiles += [(bounds[index].lower, low), (bounds[index].upper, high)]
                }
                guard quantiles.count == levels.count else { continue }
                let target = fold.actuals[step]
                pinball += quantiles.reduce(0) {
                    $0 + QuantileMetrics.pinballLoss(level: $1.level, prediction: $1.prediction, target: target)
                } / Double(quantiles.count)
                let score = QuantileMetrics.approximateCRPS(quantiles: quantiles, target: target)
                crps += score
                foldCRPS += score
                foldSteps += 1
            }
            steps += foldSteps
            if foldSteps > 0, let scale = fold.naiveScale { scaled.append(foldCRPS / Double(foldSteps) / scale) }
        }
        guard steps > 0 else { return nil }
        self.init(levels: levels, pinballLoss: pinball / Double(steps), crps: crps / Double(steps),
                  scaledCRPS: scaled.isEmpty ? nil : scaled.reduce(0, +) / Double(scaled.count), steps: steps)
    }
}

extension BacktestScore {
    /// Relative MASE: this method's MASE over the reference's (usually naive). Below 1 means this
    /// method beat the reference on the same folds; nil when either MASE is undefined.
    public func relativeMASE(to reference: BacktestScore) -> Double? {
        guard let mine = meanAbsoluteScaledError, let theirs = reference.meanAbsoluteScaledError, theirs > 0 else { return nil }
        return mine / theirs
    }
}
