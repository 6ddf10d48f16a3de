import Foundation

/// The standard theta model ("STM" of Fiorucci et al. 2016, statsforecast's `Theta`): simple
/// exponential smoothing with drift, written as a state-space recursion over the (deseasonalised)
/// values y₀…y_{n−1}, with θ = 2:
///
///     μ[t] = ℓ[t−1] + (1 − 1/θ)·(A·(1−α)ᵗ + B·(1 − (1−α)^{t+1})/α)      (one-step forecast)
///     ℓ[t] = α·y[t] + (1 − α)·ℓ[t−1],   ℓ[−1] = ℓ₀ (fitted)
///
/// where A and B are the intercept (t = 0) and slope of the least-squares line through y at
/// t = 1…n. As t grows the forecast becomes SES plus half the OLS slope per step — the classic theta
/// method (Hyndman & Billah 2003). Forecasts continue the recursion with μ in place of y. ℓ₀ and α
/// minimise the mean squared one-step error from the fourth value on (statsforecast skips the first
/// three), with α ∈ [0.1, 0.99].
public struct StandardThetaModel: Hashable, Sendable {
    public static let theta = 2.0
    public var alpha: Double
    public var initialLevel: Double

    public init(alpha: Double, initialLevel: Double) {
        self.alpha = alpha
        self.initialLevel = initialLevel
    }

    /// Fits ℓ₀ and α on `values` (at least 4) from statsforecast's start (y₀/2, 0.5).
    public static func fit(_ values: [Double], optimiser: NelderMead = NelderMead()) -> (model: StandardThetaModel, meanSquaredError: Double) {
        let line = LeastSquares.line(values[...])
        let objective = { (x: [Double]) -> Double in
            guard x[1] >= 0.1, x[1] <= 0.99, abs(x[0]) <= 1e10 else { return .infinity }
            let mse = StandardThetaModel(alpha: x[1], initialLevel: x[0]).meanSquaredError(values, line: line)
            return mse.isFinite ? mse : .infinity
        }
        let spread = values.max()! - values.min()!
        let start = [values[0] / 2, 0.5]
        let steps = [0.1 * max(abs(start[0]), 0.1 * spread, 1e-8), 0.1 * (0.99 - 0.1)]
        let best = optimiser.minimise(objective, start: start, steps: steps)
        return (StandardThetaModel(alpha: best.point[1], initialLevel: best.point[0]), best.value)
    }

    private func drift(_ t: Int, line: (intercept: Double, slope: Double)) -> Double {
        let decay = pow(1 - alpha, Double(t))
        return (1 - 1 / Self.theta) * (line.intercept * decay + line.slope * (1 - decay * (1 - alpha)) / alpha)
    }

    /// Mean of the squared one-step errors y[t] − μ[t], t = 3…n−1.
    func meanSquaredError(_ values: [Double], line: (intercept: Double, slope: Double)) -> Double {
        var level = alpha * values[0] + (1 - alpha) * initialLevel
        var sum = 0.0
        for t in 1..<values.count {
            let e = values[t] - (level + drift(t, line: line))
            if t >= 3 { sum += e * e }
            level = alpha * values[t] + (1 - alpha) * level
        }
        return sum / Double(max(values.count - 3, 1))
    }

    /// The `horizon` forecasts after `values`, with A and B refitted on them.
    public func forecast(after values: [Double], horizon: Int) -> [Double] {
        let line = LeastSquares.line(values[...])
        var level = alpha * values[0] + (1 - alpha) * initialLevel
        for t in 1..<values.count { level = alpha * values[t] + (1 - alpha) * level }
        return (0..<horizon).map { k in
            let mu = level + drift(values.count + k, line: line)
            level = alpha * mu + (1 - alpha) * level
            return mu
        }
    }
}
