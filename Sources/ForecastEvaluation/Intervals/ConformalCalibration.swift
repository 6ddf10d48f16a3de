/// Out-of-sample residuals for split-conformal intervals, from a fitted model's own history.
///
/// The model, already fitted, forecasts from each of the last `count` cut-offs `c` inside the history
/// (conditioned on rows `< c` only) and is compared with rows `c ..< c + horizon`. Those residuals
/// are out of sample for the conditioning, and for a recurrent model with a validation part they fall
/// on rows it did not train on. Nothing after the history is read.
public enum ConformalCalibration {
    /// Absolute residuals per horizon step (`result[k]` for step `k + 1`), from up to `count` cut-offs.
    public static func residuals<Model: FittedForecastingModel>(
        of model: Model, history: [Double], horizon: Int, count: Int, minimumHistory: Int
    ) throws -> [[Double]] {
        try scaledResiduals(of: model, history: history, horizon: horizon, count: count,
                            minimumHistory: minimumHistory, scale: { _ in 1 })
    }

    /// Intervals at each level around `forecasts` (made after the whole `history`), from residuals
    /// at up to `count` cut-offs, each divided by the series' recent movement at its cut-off
    /// (`RecentMovement`); the half-widths are then multiplied by the movement at the end of the
    /// history. That is split-conformal prediction with a normalised score (Papadopoulos et al., 2008;
    /// Lei et al., 2018, §5.2): the guarantee is the same, and the widths follow the data, wider after
    /// a volatile spell and narrower after a calm one, where raw residuals from a calmer or wilder past
    /// would under- or over-cover. The steps share one quantile of their scores, each divided by the
    /// step's mean (`ConformalIntervals(level:poolingSteps:)`).
    public static func intervals<Model: FittedForecastingModel>(
        of model: Model, history: [Double], forecasts: [Double], levels: [Double], count: Int, minimumHistory: Int
    ) throws -> [IntervalForecast] {
        guard !levels.isEmpty else { return [] }
        try IntervalLevelError.check(levels)
        let movement = RecentMovement(history: history)
        let residuals = try scaledResiduals(
            of: model, history: history, horizon: forecasts.count, count: count, minimumHistory: minimumHistory,
            scale: movement.scale(before:))
        let scale = movement.scale(before: history.count)
        return levels.map { level in
            IntervalForecast(level: level, forecasts: forecasts,
                             intervals: ConformalIntervals(level: level, poolingSteps: residuals).scaled(by: scale))
        }
    }

    /// Absolute residuals per step, each divided by `scale(cutoff)`. A cut-off whose history is too
    /// short for the model (a deseasonalised theta model needs two full seasons, ARIMA its
    /// differences) gives none: the calibration is made on the later ones.
    static func scaledResiduals<Model: FittedForecastingModel>(
        of model: Model, history: [Double], horizon: Int, count: Int, minimumHistory: Int,
        scale: (Int) -> Double
    ) throws -> [[Double]] {
        precondition(horizon >= 1 && count >= 0, "a horizon of at least 1 and a non-negative count")
        var residuals = Array(repeating: [Double](), count: horizon)
        let lastCutoff = history.count - horizon
        let firstCutoff = max(minimumHistory, lastCutoff - count + 1)
        guard firstCutoff <= lastCutoff else { return residuals }
        for cutoff in firstCutoff...lastCutoff {
            let forecasts: [Double]
            do {
                forecasts = try model.forecast(after: Array(history[..<cutoff]), horizon: horizon)
            } catch BaselineError.historyTooShort {
                continue
            }
            let divisor = scale(cutoff)
            for step in 0..<horizon {
                residuals[step].append(abs(history[cutoff + step] - forecasts[step]) / divisor)
            }
        }
        return residuals
    }
}
