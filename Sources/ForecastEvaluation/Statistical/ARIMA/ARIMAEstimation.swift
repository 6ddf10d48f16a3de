/// How an ARIMA order's coefficients are estimated (R's and statsforecast's `method`).
public enum ARIMAEstimation: String, Hashable, Sendable {
    /// Conditional sum of squares alone (`ConditionalSumOfSquares`): fast, used by the automatic
    /// search on long or finely seasonal series, where only differences of AICc matter.
    case conditionalSumOfSquares = "CSS"
    /// Conditional sum of squares for the starting values, then exact maximum likelihood through the
    /// Kalman filter (`ARIMAKalmanFilter`), with the AR polynomials kept stationary
    /// (`StationarityTransform`): the default of R, statsforecast and this package.
    case conditionalThenMaximumLikelihood = "CSS-ML"
}
