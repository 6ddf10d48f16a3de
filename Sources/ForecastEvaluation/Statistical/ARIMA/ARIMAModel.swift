import Foundation

/// One ARIMA order fitted to a history, as R's `arima` and statsforecast's `arima` fit it, and the
/// forecasts it makes.
///
/// The constant is a regression on the undifferenced values: y_t − μ, or y_t − δ·t with t = 1…n,
/// follows the ARIMA model without a constant. Its starting value is the least-squares coefficient of
/// the differenced regressor on the differenced series, the ARMA coefficients start at zero, and
/// both are estimated by `BFGS`: on the conditional sum of squares, then (CSS-ML) on the exact
/// likelihood from the CSS estimates, with the AR polynomials through `StationarityTransform`. With
/// n* = n − d − Dm values after differencing and k coefficients,
///
///     −2 log L = 2n*·(objective) + n*·(1 + log 2π),   AIC = −2 log L + 2(k + 1),
///     AICc = AIC + 2(k + 1)(k + 2) / (n* − k − 2),
///
/// counting σ² among the parameters, as statsforecast's `myarima` does. For the CSS method the
/// likelihood is not exact; `ARIMASearch` then uses its own approximate criterion.
public struct ARIMAModel: FittedForecastingModel, Hashable {
    public let order: ARIMAOrder
    public let coefficients: ARIMACoefficients
    public let estimation: ARIMAEstimation
    /// −2 log L (for CSS, the Gaussian value of the conditional fit).
    public let negativeTwiceLogLikelihood: Double
    /// The fitted σ² (the Kalman filter's Σv²/F / n*, or the CSS mean square).
    public let variance: Double
    /// The values fitted on.
    public let count: Int

    public var logLikelihood: Double { -0.5 * negativeTwiceLogLikelihood }
    /// n* = n − d − Dm.
    public var effectiveCount: Int { count - order.differencingLoss }
    /// k + 1: the coefficients and σ².
    public var parameterCount: Int { order.coefficientCount + 1 }
    /// AIC = −2 log L + 2(k + 1); +∞ for a CSS fit.
    public var aic: Double {
        estimation == .conditionalSumOfSquares ? .infinity : negativeTwiceLogLikelihood + 2 * Double(parameterCount)
    }
    /// AICc; +∞ when n* − k − 2 is not positive.
    public var aicc: Double { Self.corrected(aic, parameters: parameterCount, count: effectiveCount) }

    /// AIC + 2k(k + 1) / (n − k − 1), +∞ when n − k − 1 ≤ 0 (statsforecast divides by a negative
    /// number there, which would favour the most overfitted model).
    static func corrected(_ aic: Double, parameters k: Int, count n: Int) -> Double {
        let denominator = Double(n - k - 1)
        return denominator > 0 ? aic + 2 * Double(k * (k + 1)) / denominator : .infinity
    }

    public init(order: ARIMAOrder, coefficients: ARIMACoefficients, estimation: ARIMAEstimation,
                negativeTwiceLogLikelihood: Double, variance: Double, count: Int) {
        self.order = order
        self.coefficients = coefficients
        self.estimation = estimation
        self.negativeTwiceLogLikelihood = negativeTwiceLogLikelihood
        self.variance = variance
        self.count = count
    }

    /// The regressor of the constant at t = 1…n: 1 for a mean, t for a drift; nil without one.
    static func regressor(_ order: ARIMAOrder, count n: Int) -> [Double]? {
        if order.hasMean { return [Double](repeating: 1, count: n) }
        if order.hasDrift { return (0..<n).map { Double($0 + 1) } }
        return nil
    }

    /// `values` less the constant's part.
    static func adjusted(_ values: [Double], order: ARIMAOrder, constant: Double) -> [Double] {
        guard let regressor = regressor(order, count: values.count) else { return values }
        return zip(values, regressor).map { $0 - constant * $1 }
    }

    /// The state space of `coefficients` for `order`.
    static func stateSpace(_ coefficients: ARIMACoefficients, order: ARIMAOrder) -> ARIMAStateSpace {
        ARIMAStateSpace(phi: coefficients.expandedAR(period: order.period),
                        theta: coefficients.expandedMA(period: order.period),
                        delta: Differencing.operatorCoefficients(d: order.d, seasonalD: order.seasonalD, period: order.period))
    }

    /// The Kalman filter's sums for `coefficients` on `values`, and the filter at the end; nil when
    /// the AR part has no stationary covariance.
    static func filtered(_ values: [Double], order: ARIMAOrder, coefficients: ARIMACoefficients,
                         keepResiduals: Bool = false) -> (sums: ARIMAKalmanFilter.Sums, filter: ARIMAKalmanFilter)? {
        guard var filter = ARIMAKalmanFilter(model: stateSpace(coefficients, order: order)) else { return nil }
        let sums = filter.filter(adjusted(values, order: order, constant: coefficients.constant), keepResiduals: keepResiduals)
        return (sums, filter)
    }

    /// −2 log L of given coefficients on `values` (the exact likelihood, whatever `estimation` fitted
    /// them); nil when it is not finite.
    public static func negativeTwiceLogLikelihood(of coefficients: ARIMACoefficients, order: ARIMAOrder,
                                                  values: [Double]) -> Double? {
        guard let (sums, _) = filtered(values, order: order, coefficients: coefficients) else { return nil }
        let value = likelihoodValue(objective: sums.objective, effectiveCount: values.count - order.differencingLoss)
        return value.isFinite ? value : nil
    }

    static func likelihoodValue(objective: Double, effectiveCount: Int) -> Double {
        let n = Double(effectiveCount)
        return 2 * n * objective + n * (1 + log(2 * Double.pi))
    }

    /// The forecasts of the `horizon` values after `history`: the Kalman filter run over `history`
    /// with the fitted coefficients, then Z Tʰ a plus the constant's continuation (μ, or δ·t for
    /// t = n + 1…n + h). A constant history forecasts its value, as statsforecast's `forecast_arima`.
    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        precondition(horizon >= 1, "the horizon must be at least 1")
        guard history.count > order.differencingLoss else {
            throw BaselineError.historyTooShort(method: "arima", needed: order.differencingLoss + 1, available: history.count)
        }
        guard history.allSatisfy(\.isFinite) else {
            throw BaselineError.unusableHistory(method: "arima", reason: "it holds a value that is not a finite number")
        }
        if history.allSatisfy({ $0 == history[0] }) { return [Double](repeating: history[0], count: horizon) }
        guard let (_, filter) = Self.filtered(history, order: order, coefficients: coefficients) else {
            throw BaselineError.unusableHistory(method: "arima", reason: "the fitted AR part is not stationary")
        }
        return try forecasts(from: filter, count: history.count, horizon: horizon)
    }

    /// The forecasts from a filter that has run over `n` values: Z Tʰ a plus the constant's continuation.
    func forecasts(from filter: ARIMAKalmanFilter, count n: Int, horizon: Int) throws -> [Double] {
        let means = filter.forecast(horizon: horizon).means
        let forecasts = means.enumerated().map { k, mean -> Double in
            if order.hasMean { return mean + coefficients.constant }
            if order.hasDrift { return mean + coefficients.constant * Double(n + k + 1) }
            return mean
        }
        guard forecasts.allSatisfy(\.isFinite) else {
            throw BaselineError.unusableHistory(method: "arima", reason: "its forecast is not finite")
        }
        return forecasts
    }
}
