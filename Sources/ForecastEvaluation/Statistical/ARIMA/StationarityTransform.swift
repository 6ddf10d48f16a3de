import Foundation

/// The reparametrisation that keeps an AR polynomial stationary during maximum likelihood, and the
/// root test of the fitted polynomials.
///
/// Any real vector u maps to partial autocorrelations κⱼ = tanh(uⱼ) ∈ (−1, 1), and the
/// Durbin–Levinson recursion turns those into the coefficients of a stationary AR polynomial
/// (Jones 1980, "Maximum likelihood fitting of ARMA models to time series with missing observations",
/// Technometrics 22; Monahan 1984); R's `arima` and statsforecast apply it to the non-seasonal and the
/// seasonal AR coefficients separately.
enum StationarityTransform {
    /// tanh, then the Durbin–Levinson recursion φ⁽ʲ⁾ₖ = φ⁽ʲ⁻¹⁾ₖ − κⱼ φ⁽ʲ⁻¹⁾ⱼ₋ₖ.
    static func coefficients(fromUnconstrained u: [Double]) -> [Double] {
        var phi = u.map { tanh($0) }
        var previous = phi
        for j in phi.indices.dropFirst() {
            let kappa = phi[j]
            for k in 0..<j { phi[k] = previous[k] - kappa * previous[j - k - 1] }
            previous = phi
        }
        return phi
    }

    /// The inverse: the step-down recursion to the partial autocorrelations, then atanh. Not finite
    /// for a non-stationary polynomial.
    static func unconstrained(fromCoefficients phi: [Double]) -> [Double] {
        var current = phi
        for j in stride(from: phi.count - 1, to: 0, by: -1) {
            let kappa = current[j]
            let previous = current
            for k in 0..<j { current[k] = (previous[k] + kappa * previous[j - k - 1]) / (1 - kappa * kappa) }
        }
        return current.map { atanh($0) }
    }

    /// Whether every root of 1 − Σ aᵢ zⁱ has modulus above `bound`: the roots of the polynomial in
    /// w = z / bound must lie outside the unit circle, which the Schur–Cohn step-down recursion on
    /// aᵢ·boundⁱ decides without finding them (every partial autocorrelation strictly inside (−1, 1)).
    /// Trailing coefficients of zero (|a| ≤ 10⁻⁸, as statsforecast trims them) are ignored.
    static func rootsExceed(_ bound: Double, coefficients a: [Double]) -> Bool {
        guard let last = a.lastIndex(where: { abs($0) > 1e-8 }) else { return true }
        var current = (0...last).map { a[$0] * pow(bound, Double($0 + 1)) }
        for j in stride(from: last, through: 0, by: -1) {
            let kappa = current[j]
            guard abs(kappa) < 1, kappa.isFinite else { return false }
            let previous = current
            for k in 0..<j { current[k] = (previous[k] + kappa * previous[j - k - 1]) / (1 - kappa * kappa) }
        }
        return true
    }
}

/// Where the AR coefficients sit in the coefficient vector, which `StationarityTransform` maps to and
/// from unconstrained values (the non-seasonal and the seasonal polynomial separately).
struct TransformedLayout {
    let order: ARIMAOrder

    private var segments: [Range<Int>] {
        let seasonalStart = order.p + order.q
        return [0..<order.p, seasonalStart..<(seasonalStart + order.seasonalP)].filter { !$0.isEmpty }
    }

    func constrained(_ u: [Double]) -> [Double] {
        var x = u
        for segment in segments {
            x.replaceSubrange(segment, with: StationarityTransform.coefficients(fromUnconstrained: Array(u[segment])))
        }
        return x
    }

    /// nil when an AR polynomial of `x` is not stationary.
    func unconstrained(_ x: [Double]) -> [Double]? {
        var u = x
        for segment in segments {
            let values = StationarityTransform.unconstrained(fromCoefficients: Array(x[segment]))
            guard values.allSatisfy(\.isFinite) else { return nil }
            u.replaceSubrange(segment, with: values)
        }
        return u
    }
}
