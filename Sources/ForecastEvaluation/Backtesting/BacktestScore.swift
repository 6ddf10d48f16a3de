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
