import Foundation

/// Which smoothing parameters statsforecast's `AutoETS` accepts (its default `bounds="both"`): the
/// usual bounds and the admissible region, both required.
///
/// Usual: α ∈ [10⁻⁴, 0.9999], β ∈ [10⁻⁴, min(α, β̄)], γ ∈ [10⁻⁴, γ̄], φ ∈ [0.8, 0.98].
/// statsforecast narrows the upper bounds β̄ = min(0.9999, α₀) and γ̄ = min(0.9999, 1 − α₀) around
/// the initial α₀ (its `initparam` writes them into the bound array the optimiser then uses), and its
/// optimiser does not apply R's further γ ≤ 1 − α (its fits on AirPassengers and the quarterly GDP
/// have α + γ > 1); the same bounds are kept here so that the same models are fitted.
///
/// Admissible (Hyndman et al. 2008, ch. 10): without season, 1 − 1/φ < α < 1 + 1/φ and
/// α(φ − 1) < β < (1 + φ)(2 − α); with season, max(1 − 1/φ − α, 0) < γ < 1 + 1/φ − α,
/// α > 1 − 1/φ − γ(1 − m + φ + φm)/(2φm), β > −(1 − φ)(γ/m + α), and every root of
/// P(z) = φ(1−α−γ) + (α+β−αφ+γ−1)z + (α+β−αφ)(z² + … + z^{m−1}) + (α+β−φ)z^m + z^{m+1}
/// of modulus at most 1 + 10⁻¹⁰, checked here by the Schur–Cohn recursion instead of computing roots.
struct ExponentialSmoothingBounds {
    let model: ExponentialSmoothingModel
    let period: Int
    let initialAlpha: Double
    let betaUpper: Double
    let gammaUpper: Double

    init(model: ExponentialSmoothingModel, period: Int) {
        self.model = model
        self.period = model.isSeasonal ? period : 1
        initialAlpha = 1e-4 + 0.2 * (0.9999 - 1e-4) / Double(self.period)
        betaUpper = min(0.9999, initialAlpha)
        gammaUpper = min(0.9999, 1 - initialAlpha)
    }

    func accepts(_ p: ExponentialSmoothingParameters) -> Bool {
        let (alpha, beta, gamma, phi) = (p.alpha, p.beta, p.gamma, p.phi)
        guard alpha >= 1e-4, alpha <= 0.9999 else { return false }
        if model.hasTrend, beta < 1e-4 || beta > alpha || beta > betaUpper { return false }
        if model.isSeasonal, gamma < 1e-4 || gamma > gammaUpper { return false }
        if model.isDamped, phi < 0.8 || phi > 0.98 { return false }
        return admissible(p)
    }

    private func admissible(_ p: ExponentialSmoothingParameters) -> Bool {
        let (alpha, beta, gamma, phi) = (p.alpha, p.beta, p.gamma, p.phi)
        guard model.isSeasonal else {
            if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
            if model.hasTrend, beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha) { return false }
            return true
        }
        let m = Double(period)
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m) { return false }
        if beta < -(1 - phi) * (gamma / m + alpha) { return false }
        // P's coefficients, lowest degree first, on the stack: this check runs for every point a
        // simplex tries, as often as the filter.
        let degree = period + 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (degree + 1)) { buffer in
            let c = UnsafeMutableBufferPointer(rebasing: buffer[0...degree])
            c[0] = phi * (1 - alpha - gamma)
            c[1] = alpha + beta - alpha * phi + gamma - 1
            for i in 2..<period { c[i] = alpha + beta - alpha * phi }
            c[period] = alpha + beta - phi
            c[degree] = 1
            return Self.rootsWithin(radius: 1 + 1e-10, coefficients: c,
                                    scratch: UnsafeMutableBufferPointer(rebasing: buffer[(degree + 1)...]))
        }
    }

    /// Whether every root of Σ cᵢ zⁱ (lowest degree first) lies strictly inside |z| < radius. Schur–Cohn:
    /// p has all roots inside the unit disc iff |c₀| < |c_d| and so has (c_d·p(z) − c₀·p*(z))/z, p* the
    /// reversed polynomial. The radius is applied by substituting z → radius·z.
    static func rootsWithin(radius: Double, coefficients: [Double]) -> Bool {
        var c = coefficients
        var scratch = coefficients
        return c.withUnsafeMutableBufferPointer { c in
            scratch.withUnsafeMutableBufferPointer { scratch in
                rootsWithin(radius: radius, coefficients: c, scratch: scratch)
            }
        }
    }

    /// The same test on `coefficients` (overwritten), with `scratch` of at least as many values.
    static func rootsWithin(radius: Double, coefficients: UnsafeMutableBufferPointer<Double>,
                            scratch: UnsafeMutableBufferPointer<Double>) -> Bool {
        var c = coefficients, next = scratch
        var scale = 1.0
        for i in c.indices { c[i] *= scale; scale *= radius }
        var count = c.count
        while count > 1 {
            let d = count - 1
            let (low, high) = (c[0], c[d])
            guard abs(low) < abs(high) else { return false }
            for j in 0..<d { next[j] = high * c[j + 1] - low * c[d - j - 1] }
            // Normalise so repeated products neither overflow nor underflow.
            let top = abs(next[d - 1])
            guard top > 0, top.isFinite else { return false }
            for j in 0..<d { next[j] /= top }
            swap(&c, &next)
            count = d
        }
        return true
    }
}
