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
        precondition(horizon >= 1 && count >= 0, "a horizon of at least 1 and a non-negative count")
        var residuals = Array(repeating: [Double](), count: horizon)
        let lastCutoff = history.count - horizon
        let firstCutoff = max(minimumHistory, lastCutoff - count + 1)
        guard firstCutoff <= lastCutoff else { return residuals }
        for cutoff in firstCutoff...lastCutoff {
            let forecasts = try model.forecast(after: Array(history[..<cutoff]), horizon: horizon)
            for step in 0..<horizon {
                residuals[step].append(abs(history[cutoff + step] - forecasts[step]))
            }
        }
        return residuals
    }
}
