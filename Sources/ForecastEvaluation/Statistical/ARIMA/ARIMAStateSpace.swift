/// The state-space form of an ARIMA model that R's `arima` and statsforecast filter (Harvey 1989,
/// "Forecasting, structural time series models and the Kalman filter", §3.4; Durbin & Koopman 2012,
/// §3.4): with r = max(p, q + 1) and the differencing operator 1 − Σ δᵢ Bⁱ of degree k = d + Dm, the
/// state α_t holds r ARMA states followed by the k latest undifferenced values,
///
///     y_t = Z α_t,   α_t = T α_{t−1} + R ε_t,   Z = (1, 0, …, 0, δ₁, …, δ_k),
///
/// where T has φ in its first column and ones above the diagonal in its ARMA block, copies the
/// previous value plus Σ δᵢ·(older values) into the first integrated state and shifts the rest, and
/// R = (1, θ₁, …, θ_{r−1}, 0, …, 0). Observation noise is zero; ε has unit variance here (σ² is
/// concentrated out of the likelihood).
struct ARIMAStateSpace {
    /// φ*₁…φ*_{p+mP} (seasonal part expanded).
    let phi: [Double]
    /// θ*₁…θ*_{q+mQ}.
    let theta: [Double]
    /// δ₁…δ_{d+Dm}.
    let delta: [Double]
    /// The ARMA block's size r = max(p, q + 1).
    let r: Int
    /// The whole state's size r + d + Dm.
    var size: Int { r + delta.count }
    /// The prior variance of the integrated states: "diffuse", as R's default κ = 10⁶.
    static let diffuseVariance = 1e6

    init(phi: [Double], theta: [Double], delta: [Double]) {
        self.phi = phi
        self.theta = theta
        self.delta = delta
        r = max(phi.count, theta.count + 1)
    }

    /// φ_k, zero past p (k from 1).
    @inline(__always) func ar(_ k: Int) -> Double { k >= 1 && k <= phi.count ? phi[k - 1] : 0 }
    /// θ_k with θ₀ = 1, zero past q.
    @inline(__always) func ma(_ k: Int) -> Double { k == 0 ? 1 : (k <= theta.count ? theta[k - 1] : 0) }

    /// The prior covariance of α₀, row-major: the stationary covariance of the ARMA block (the
    /// solution of P = T P Tᵀ + R Rᵀ, which Gardner et al.'s 1980 algorithm also computes) and κ on
    /// the integrated states. nil when φ is not stationary enough for that covariance to exist.
    func initialCovariance() -> [Double]? {
        let n = size
        var covariance = [Double](repeating: 0, count: n * n)
        guard let block = stationaryCovariance() else { return nil }
        for i in 0..<r { for j in 0..<r { covariance[i * n + j] = block[i * r + j] } }
        for i in r..<n { covariance[i * n + i] = Self.diffuseVariance }
        return covariance
    }

    /// The r×r stationary covariance of the ARMA states, built from the autocovariances γ(0…r) and
    /// the ψ-weights of the process (Brockwell & Davis 1991, §3.3, for γ): the first row is
    /// Cov(y_t, α_t[j]) = Σ_{k>j} φ_k γ(k − j) + Σ_{k≥j} θ_k ψ_{k−j}, and each further row follows from
    /// the one below it through P[i][j] = φ_{i+1}φ_{j+1}P[0][0] + φ_{i+1}P[0][j+1] + φ_{j+1}P[0][i+1]
    /// + P[i+1][j+1] + θ_iθ_j, the (i, j) entry of P = T P Tᵀ + R Rᵀ.
    func stationaryCovariance() -> [Double]? {
        let p = phi.count, q = theta.count
        // ψ₀…ψ_r of the MA(∞) form.
        var psi = [Double](repeating: 0, count: r + 1)
        for j in 0...r {
            var value = ma(j)
            for i in stride(from: 1, through: min(j, p), by: 1) { value += ar(i) * psi[j - i] }
            psi[j] = value
        }
        // γ(0…p) from the p + 1 Yule–Walker-type equations
        // γ(k) − Σᵢ φᵢ γ(|k − i|) = Σ_{j=k}^{q} θⱼ ψ_{j−k}, then γ(k) for k up to r by the recursion.
        var system = [[Double]](repeating: [Double](repeating: 0, count: p + 2), count: p + 1)
        for k in 0...p {
            system[k][k] += 1
            for i in stride(from: 1, through: p, by: 1) { system[k][abs(k - i)] -= ar(i) }
            var right = 0.0
            if k <= q { for j in k...q { right += ma(j) * psi[j - k] } }
            system[k][p + 1] = right
        }
        guard let head = Self.solve(&system) else { return nil }
        var gamma = head + [Double](repeating: 0, count: max(0, r - p))
        if r > p {
            for k in (p + 1)...r {
                var value = 0.0
                for i in stride(from: 1, through: p, by: 1) { value += ar(i) * gamma[k - i] }
                if k <= q { for j in k...q { value += ma(j) * psi[j - k] } }
                gamma[k] = value
            }
        }
        var block = [Double](repeating: 0, count: r * r)
        for j in 0..<r {
            var value = 0.0
            for k in (j + 1)...r { value += ar(k) * gamma[k - j] }
            for k in j..<r { value += ma(k) * psi[k - j] }
            block[j] = value
            block[j * r] = value
        }
        let p00 = block[0]
        func entry(_ i: Int, _ j: Int) -> Double { i < r && j < r ? block[i * r + j] : 0 }
        if r > 1 {
            for i in stride(from: r - 1, through: 1, by: -1) {
                for j in i..<r {
                    let value = ar(i + 1) * ar(j + 1) * p00 + ar(i + 1) * entry(0, j + 1) + ar(j + 1) * entry(0, i + 1)
                        + entry(i + 1, j + 1) + ma(i) * ma(j)
                    block[i * r + j] = value
                    block[j * r + i] = value
                }
            }
        }
        return block.allSatisfy(\.isFinite) && p00 > 0 ? block : nil
    }

    /// Gaussian elimination with partial pivoting on an augmented system; nil when singular.
    static func solve(_ a: inout [[Double]]) -> [Double]? {
        let n = a.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            guard abs(a[pivot][column]) > 1e-300 else { return nil }
            a.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                if factor == 0 { continue }
                for k in column...n { a[row][k] -= factor * a[column][k] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = a[i][n]
            for j in (i + 1)..<n { s -= a[i][j] * x[j] }
            x[i] = s / a[i][i]
        }
        return x
    }
}
