/// Forecasts of one fitted model from many cut-offs of one series, as a method choice scores it on
/// its validation part. Filtering the series once and forecasting from the state at each cut-off
/// costs one pass, where forecasting after each prefix afresh costs a pass per cut-off (for ARIMA a
/// Kalman step per value each time).
extension ExponentialSmoothingFit {
    /// The `horizon` forecasts after `values[..<c]` for each cut-off c of `cutoffs` (ascending, each
    /// at most `values.count`), equal to `forecast(after: Array(values[..<c]), horizon:)`.
    public func rollingForecasts(of values: [Double], cutoffs: [Int], horizon: Int) -> [[Double]] {
        precondition(zip(cutoffs, cutoffs.dropFirst()).allSatisfy { $0 <= $1 } && (cutoffs.last ?? 0) <= values.count,
                     "cut-offs ascend within the series")
        var filter = ExponentialSmoothingFilter(parameters)
        var filtered = 0
        return cutoffs.map { cutoff in
            _ = filter.filter(values[filtered ..< cutoff])
            filtered = cutoff
            return filter.forecast(horizon: horizon)
        }
    }
}

extension ARIMAModel {
    /// The `horizon` forecasts after `values[..<c]` for each cut-off c of `cutoffs` (ascending, each
    /// above the differencing loss), as `forecast(after:horizon:)` makes them up to the rounding of
    /// a Kalman filter run in pieces. Throws what `forecast(after:horizon:)` throws.
    public func rollingForecasts(of values: [Double], cutoffs: [Int], horizon: Int) throws -> [[Double]] {
        precondition(zip(cutoffs, cutoffs.dropFirst()).allSatisfy { $0 <= $1 } && (cutoffs.last ?? 0) <= values.count,
                     "cut-offs ascend within the series")
        guard let first = cutoffs.first else { return [] }
        guard first > order.differencingLoss else {
            throw BaselineError.historyTooShort(method: "arima", needed: order.differencingLoss + 1, available: first)
        }
        let last = cutoffs[cutoffs.count - 1]
        guard values[..<last].allSatisfy(\.isFinite) else {
            throw BaselineError.unusableHistory(method: "arima", reason: "it holds a value that is not a finite number")
        }
        guard var filter = ARIMAKalmanFilter(model: Self.stateSpace(coefficients, order: order)) else {
            throw BaselineError.unusableHistory(method: "arima", reason: "the fitted AR part is not stationary")
        }
        let adjusted = Self.adjusted(Array(values[..<last]), order: order, constant: coefficients.constant)
        // The length of the constant run at the start: a constant history forecasts its value.
        let constantRun = values[..<last].firstIndex { $0 != values[0] } ?? last
        var filtered = 0
        return try cutoffs.map { cutoff in
            if cutoff <= constantRun { return [Double](repeating: values[0], count: horizon) }
            _ = filter.filter(Array(adjusted[filtered ..< cutoff]))
            filtered = cutoff
            return try forecasts(from: filter, count: cutoff, horizon: horizon)
        }
    }
}
