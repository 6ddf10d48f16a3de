import Foundation

/// Initial parameters and states of an exponential smoothing fit, as statsforecast's `initparam` and
/// `initstate` choose them (Hyndman et al. 2008, §2.6.1):
///
/// - seasonal states: with at least 3m values, classical additive decomposition; with 2m…3m values,
///   the deviations of y from the line of a regression on [1, t, sin 2πt/m, cos 2πt/m];
/// - level and slope: on the seasonally adjusted series' first max(10, 2m) values, the mean (no trend)
///   or the intercept and slope of a straight line at t = 0;
/// - α₀ = 10⁻⁴ + 0.2·(0.9999 − 10⁻⁴)/m (m = 1 without season), β₀ = 10⁻⁴ + 0.1·(α₀ − 10⁻⁴),
///   γ₀ = 10⁻⁴ + 0.05·(1 − α₀ − 10⁻⁴), φ₀ = 0.8 + 0.99·(0.98 − 0.8).
enum ExponentialSmoothingInitialisation {
    static func parameters(_ model: ExponentialSmoothingModel, values y: [Double], period: Int) -> ExponentialSmoothingParameters {
        let m = model.isSeasonal ? period : 1
        let bounds = ExponentialSmoothingBounds(model: model, period: period)
        let alpha = bounds.initialAlpha
        let beta = model.hasTrend ? 1e-4 + 0.1 * (bounds.betaUpper - 1e-4) : 0
        let gamma = model.isSeasonal ? 1e-4 + 0.05 * (bounds.gammaUpper - 1e-4) : 0
        let phi = model.isDamped ? 0.8 + 0.99 * (0.98 - 0.8) : 1
        var season: [Double] = []
        var adjusted = y
        if model.isSeasonal {
            let component = seasonalComponent(y, period: m)
            // The state before y[0] of season 0 is set so that the m states sum to zero.
            season = Array(component[0..<m])
            season[0] = -season[1...].reduce(0, +)
            adjusted = zip(y, component).map { $0 - $1 }
        }
        let head = adjusted[0..<min(max(10, 2 * m), y.count)]
        var level = head.reduce(0, +) / Double(head.count)
        var slope = 0.0
        if model.hasTrend {
            (level, slope) = LeastSquares.line(head)
        }
        return ExponentialSmoothingParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi, level: level,
                                              slope: slope, season: season)
    }

    /// The seasonal deviations that initialise the seasonal states (see the type's comment).
    static func seasonalComponent(_ y: [Double], period m: Int) -> [Double] {
        if y.count >= 3 * m {
            return ClassicalDecomposition.seasonal(y, period: m, kind: .additive)
        }
        let angle = { (t: Int) in 2 * Double.pi * Double(t) / Double(m) }
        // sin(2πt/m) vanishes at every t when m = 2; statsforecast then drops it.
        let rows = (1...y.count).map { t -> [Double] in
            m > 2 ? [1, Double(t), cos(angle(t)), sin(angle(t))] : [1, Double(t), cos(angle(t))]
        }
        let c = LeastSquares.fit(rows: rows, targets: y)
        return y.indices.map { y[$0] - c[0] - c[1] * Double($0 + 1) }
    }
}
