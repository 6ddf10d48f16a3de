import Foundation

extension ARIMAModel {
    /// Fits `order` to `values` by `estimation`, as statsforecast's `arima` (with R's defaults:
    /// transformed parameters, Gardner's stationary prior, κ = 10⁶); nil when the fit fails (too few
    /// values, a non-stationary AR start from CSS, a likelihood that is not finite).
    public static func fit(_ values: [Double], order: ARIMAOrder, estimation: ARIMAEstimation = .conditionalThenMaximumLikelihood,
                           optimiser: BFGS = BFGS()) -> ARIMAModel? {
        let n = values.count
        let effective = n - order.differencingLoss
        guard effective > 0, values.allSatisfy(\.isFinite) else { return nil }
        var start = [Double](repeating: 0, count: order.armaCount)
        if let regressor = regressor(order, count: n) {
            // Least squares of the differenced series on the differenced regressor, no intercept.
            let dx = Differencing.difference(values, order: order)
            let dr = Differencing.difference(regressor, order: order)
            let denominator = dr.reduce(0) { $0 + $1 * $1 }
            start.append(denominator > 0 ? zip(dx, dr).reduce(0) { $0 + $1.0 * $1.1 } / denominator : 0)
        }
        let cssObjective = { (x: [Double]) -> Double in
            let c = ARIMACoefficients(vector: x, order: order)
            let meanSquare = ConditionalSumOfSquares.meanSquare(adjusted(values, order: order, constant: c.constant),
                                                                phi: c.expandedAR(period: order.period),
                                                                theta: c.expandedMA(period: order.period), order: order).value
            guard meanSquare.isFinite else { return .infinity }
            return meanSquare > 0 ? 0.5 * log(meanSquare) : -.infinity
        }
        var initial = start
        if !start.isEmpty {
            let css = optimiser.minimise(cssObjective, start: start)
            if estimation == .conditionalSumOfSquares {
                let coefficients = ARIMACoefficients(vector: css.point, order: order)
                let meanSquare = ConditionalSumOfSquares.meanSquare(adjusted(values, order: order, constant: coefficients.constant),
                                                                    phi: coefficients.expandedAR(period: order.period),
                                                                    theta: coefficients.expandedMA(period: order.period), order: order).value
                guard css.value.isFinite, meanSquare.isFinite else { return nil }
                return ARIMAModel(order: order, coefficients: coefficients, estimation: estimation,
                                  negativeTwiceLogLikelihood: likelihoodValue(objective: css.value, effectiveCount: effective),
                                  variance: meanSquare, count: n)
            }
            // statsforecast keeps the CSS estimates unless the optimiser ran out of iterations.
            if css.iterations < optimiser.maximumIterations && css.value.isFinite { initial = css.point }
            if estimation == .statsforecast && order.differencingLoss > 0 {
                return scoredExactly(values, order: order, coefficients: ARIMACoefficients(vector: initial, order: order),
                                     estimation: estimation)
            }
        } else if estimation == .conditionalSumOfSquares {
            let meanSquare = ConditionalSumOfSquares.meanSquare(values, phi: [], theta: [], order: order).value
            guard meanSquare.isFinite else { return nil }
            // With nothing to estimate statsforecast's objective value is 0.
            return ARIMAModel(order: order, coefficients: ARIMACoefficients(), estimation: estimation,
                              negativeTwiceLogLikelihood: likelihoodValue(objective: 0, effectiveCount: effective),
                              variance: meanSquare, count: n)
        }
        if estimation == .statsforecast && order.differencingLoss > 0 {
            return scoredExactly(values, order: order, coefficients: ARIMACoefficients(), estimation: estimation)
        }
        let layout = TransformedLayout(order: order)
        guard let transformedStart = layout.unconstrained(initial) else { return nil }
        let mlObjective = { (u: [Double]) -> Double in
            let c = ARIMACoefficients(vector: layout.constrained(u), order: order)
            guard let (sums, _) = filtered(values, order: order, coefficients: c) else { return .infinity }
            return sums.objective
        }
        let point = transformedStart.isEmpty ? [] : optimiser.minimise(mlObjective, start: transformedStart).point
        return scoredExactly(values, order: order, coefficients: ARIMACoefficients(vector: layout.constrained(point), order: order),
                             estimation: estimation)
    }

    /// The model of given coefficients with their exact likelihood; nil when it is not finite.
    private static func scoredExactly(_ values: [Double], order: ARIMAOrder, coefficients: ARIMACoefficients,
                                      estimation: ARIMAEstimation) -> ARIMAModel? {
        let effective = values.count - order.differencingLoss
        guard let (sums, _) = filtered(values, order: order, coefficients: coefficients) else { return nil }
        let value = likelihoodValue(objective: sums.objective, effectiveCount: effective)
        guard value.isFinite else { return nil }
        return ARIMAModel(order: order, coefficients: coefficients, estimation: estimation,
                          negativeTwiceLogLikelihood: value, variance: sums.squares / Double(effective), count: values.count)
    }
}
