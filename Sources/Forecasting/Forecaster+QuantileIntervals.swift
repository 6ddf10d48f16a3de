extension Forecaster {
    /// Whether intervals come from the quantile head: the model was trained with a quantile loss and
    /// forecasts with the network alone (a baseline or a mean with one has no quantiles of its own).
    public var intervalsFromQuantiles: Bool { !configuration.loss.quantileLevels.isEmpty && method == .network }

    /// How the interval at `level` is calibrated: `conformalised-quantile-regression` when it comes
    /// from the quantile head, else `split-conformal`.
    public func intervalMethod(level: Double) -> String {
        intervalsFromQuantiles && quantileBoundIndices(of: level) != nil ? "conformalised-quantile-regression" : "split-conformal"
    }

    /// The positions among the quantile levels of the bounds of an interval at `level`, when the head
    /// forecasts both (an 80 % interval needs 0.1 and 0.9).
    func quantileBoundIndices(of level: Double) -> (lower: Int, upper: Int)? {
        let wanted = QuantileMetrics.boundLevels(ofInterval: level)
        let levels = configuration.loss.quantileLevels
        guard let lower = levels.firstIndex(where: { abs($0 - wanted.lower) < 1e-9 }),
              let upper = levels.firstIndex(where: { abs($0 - wanted.upper) < 1e-9 }) else { return nil }
        return (lower, upper)
    }

    /// Intervals at `levels` around `forecasts` of `model` (this forecaster, perhaps reading feature
    /// columns): conformalised quantile regression (`QuantileCalibration`) for each level whose
    /// bounds the quantile head forecasts, normalised split-conformal around the point forecast for
    /// the others and for a model without quantiles; a wider level is widened where needed to hold
    /// a narrower one (`IntervalForecast.nested`).
    ///
    /// - Parameter quantilesAfter: the quantile forecasts (`quantileForecast`) after a prefix of `history`.
    func calibratedIntervals<Model: FittedForecastingModel>(
        of model: Model, levels: [Double], history: [Double], forecasts: [Double], count: Int, minimumHistory: Int,
        quantilesAfter: ([Double]) throws -> [[Double]]
    ) throws -> [IntervalForecast] {
        // No cut-off shorter than the forecaster reads (a backtest fold's own minimum may be smaller).
        let minimumHistory = max(minimumHistory, requiredHistory, statistical?.minimumRows ?? 0)
        let fromQuantiles = intervalsFromQuantiles ? levels.filter { quantileBoundIndices(of: $0) != nil } : []
        let others = levels.filter { !fromQuantiles.contains($0) }
        var byLevel: [Double: IntervalForecast] = [:]
        if !others.isEmpty {
            for interval in try ConformalCalibration.intervals(
                of: model, history: history, forecasts: forecasts, levels: others, count: count, minimumHistory: minimumHistory) {
                byLevel[interval.level] = interval
            }
        }
        if !fromQuantiles.isEmpty {
            let indices = fromQuantiles.map { quantileBoundIndices(of: $0)! }
            func bounds(_ quantiles: [[Double]]) -> [QuantileCalibration.Bounds] {
                indices.map { (quantiles[$0.lower], quantiles[$0.upper]) }
            }
            let intervals = try QuantileCalibration.intervals(
                levels: fromQuantiles, bounds: bounds(try quantilesAfter(history)), history: history, count: count,
                minimumHistory: minimumHistory, boundsAfter: { bounds(try quantilesAfter($0)) })
            for interval in intervals { byLevel[interval.level] = interval }
        }
        // The two calibrations can cross (a conformal 95 % bound inside the quantiles' 80 % one).
        let nested = IntervalForecast.nested(levels.map { byLevel[$0]! })
        guard let lowerBound else { return nested }
        return nested.map { $0.raised(to: lowerBound) }
    }
}
