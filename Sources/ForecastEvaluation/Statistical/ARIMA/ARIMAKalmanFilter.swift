import Foundation

/// The Kalman filter of an `ARIMAStateSpace`, as R's `arima` (`ARIMA_Like`) and statsforecast run it:
/// the exact Gaussian likelihood of an ARMA model with a diffuse prior (variance κ = 10⁶) on the
/// integrated states, and the forecasts from the final state.
///
/// Each step predicts α̂ = T a and P̂ = T P Tᵀ + R Rᵀ (the first step takes the prior covariance as
/// P̂ and α̂ = 0), then with the innovation v = y − Z α̂ and its variance F = Z P̂ Zᵀ updates
/// a = α̂ + P̂Zᵀ v / F and P = P̂ − P̂Zᵀ Z P̂ / F. Steps with F ≥ 10⁴ (the first d + Dm, dominated by
/// the diffuse prior) update the state but add nothing to the likelihood, whose concentrated form is
///
///     −2 log L = ν·log(Σ v²/F / ν) + Σ log F + ν·(1 + log 2π)      (ν steps counted),
///
/// R's and statsforecast's `0.5·(log s² + Σ log F / ν)` objective scaled by 2ν plus the constant.
/// T is applied by its structure, so a step costs O(size²) rather than a matrix product's O(size³);
/// once the covariance has converged (an invertible model's does) a step costs O(size).
struct ARIMAKalmanFilter {
    let model: ARIMAStateSpace
    /// The filtered state a and its covariance P (row-major), after the last value filtered.
    private(set) var state: [Double]
    private(set) var covariance: [Double]
    /// True until the first value is filtered, while P holds the prior covariance as the first P̂.
    private var atStart = true

    /// What filtering a series adds up.
    struct Sums {
        /// Σ v²/F over the counted steps.
        var squares = 0.0
        /// Σ log F over the counted steps.
        var logVariances = 0.0
        /// ν, the steps counted.
        var count = 0
        /// The standardised innovations v/√F of every step, when asked for.
        var residuals: [Double] = []

        /// The concentrated objective ½(log(Σv²/F / ν) + Σ log F / ν); +∞ when nothing was counted.
        var objective: Double {
            guard count > 0, squares > 0 else { return .infinity }
            let n = Double(count)
            return 0.5 * (log(squares / n) + logVariances / n)
        }
    }

    /// nil when the ARMA part has no stationary covariance.
    init?(model: ARIMAStateSpace) {
        guard let prior = model.initialCovariance() else { return nil }
        self.model = model
        state = [Double](repeating: 0, count: model.size)
        covariance = prior
    }

    /// The largest change of P, relative to its largest entry, that counts as converged (then the
    /// remaining steps reuse the last gain, which moves the likelihood by far less than its rounding).
    static let steadyTolerance = 1e-13

    /// x ↦ T x for a vector at `x` of the state's size, written to `out` (which must not overlap x).
    @inline(__always)
    private static func transition(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, r: Int,
                                   phi: UnsafeBufferPointer<Double>, delta: UnsafeBufferPointer<Double>) {
        let x0 = x[0]
        for i in 0..<(r - 1) { out[i] = x[i + 1] }
        out[r - 1] = 0
        for i in 0..<phi.count { out[i] += phi[i] * x0 }
        let k = delta.count
        if k > 0 {
            var value = x0
            for j in 0..<k { value += delta[j] * x[r + j] }
            out[r] = value
            var j = k - 1
            while j >= 1 { out[r + j] = x[r + j - 1]; j -= 1 }
        }
    }

    /// Filters `values`, returning the likelihood's sums (and the standardised residuals when
    /// `keepResiduals`). A missing value (NaN) only advances the state.
    mutating func filter(_ values: [Double], keepResiduals: Bool = false) -> Sums {
        let n = model.size, r = model.r, k = model.delta.count
        var sums = Sums()
        if keepResiduals { sums.residuals.reserveCapacity(values.count) }
        var a = state, covariance = self.covariance
        var predicted = [Double](repeating: 0, count: n)
        var predictedCovariance = [Double](repeating: 0, count: n * n)
        var product = [Double](repeating: 0, count: n * n)
        var column = [Double](repeating: 0, count: 2 * n)
        var gainVector = [Double](repeating: 0, count: n)
        // R Rᵀ touches the first q + 1 rows and columns only.
        let ma = (0..<min(model.theta.count + 1, r)).map { model.ma($0) }
        var first = atStart
        model.phi.withUnsafeBufferPointer { phi in
        model.delta.withUnsafeBufferPointer { delta in
        a.withUnsafeMutableBufferPointer { a in
        covariance.withUnsafeMutableBufferPointer { P in
        predicted.withUnsafeMutableBufferPointer { ahat in
        predictedCovariance.withUnsafeMutableBufferPointer { Phat in
        product.withUnsafeMutableBufferPointer { TP in
        column.withUnsafeMutableBufferPointer { column in
        gainVector.withUnsafeMutableBufferPointer { M in
            let A = a.baseAddress!, Pp = P.baseAddress!, ah = ahat.baseAddress!, Ph = Phat.baseAddress!
            let TPp = TP.baseAddress!, c = column.baseAddress!, Mp = M.baseAddress!
            // Once P stops changing the gain P̂Zᵀ and F are constant: the steps after that only move the state.
            var steady = false
            var variance = 0.0
            for y in values {
                Self.transition(A, ah, r: r, phi: phi, delta: delta)
                if y.isNaN { steady = false }
                if !steady {
                    if first {
                        Ph.update(from: Pp, count: n * n)
                        first = false
                    } else {
                        // T P: T applied to every column of P.
                        for j in 0..<n {
                            for i in 0..<n { c[i] = Pp[i * n + j] }
                            Self.transition(c, c + n, r: r, phi: phi, delta: delta)
                            for i in 0..<n { TPp[i * n + j] = c[n + i] }
                        }
                        // P̂ = (T P) Tᵀ: T applied to every row of T P gives the rows of P̂.
                        for i in 0..<n { Self.transition(TPp + i * n, Ph + i * n, r: r, phi: phi, delta: delta) }
                        for i in 0..<ma.count { for j in 0..<ma.count { Ph[i * n + j] += ma[i] * ma[j] } }
                    }
                    guard !y.isNaN else {
                        A.update(from: ah, count: n)
                        Pp.update(from: Ph, count: n * n)
                        if keepResiduals { sums.residuals.append(.nan) }
                        continue
                    }
                    // P̂ Zᵀ and F = Z P̂ Zᵀ.
                    for i in 0..<n {
                        var value = Ph[i * n]
                        for j in 0..<k { value += Ph[i * n + r + j] * delta[j] }
                        Mp[i] = value
                    }
                    variance = Mp[0]
                    for j in 0..<k { variance += delta[j] * Mp[r + j] }
                }
                var innovation = y - ah[0]
                for j in 0..<k { innovation -= delta[j] * ah[r + j] }
                if variance < 1e4 {
                    sums.count += 1
                    sums.squares += innovation * innovation / variance
                    sums.logVariances += log(variance)
                }
                if keepResiduals { sums.residuals.append(innovation / variance.squareRoot()) }
                let step = innovation / variance
                for i in 0..<n { A[i] = ah[i] + Mp[i] * step }
                guard !steady else { continue }
                var change = 0.0, size = 0.0
                for i in 0..<n {
                    let scaled = Mp[i] / variance
                    let row = i * n
                    for j in 0..<n {
                        let updated = Ph[row + j] - scaled * Mp[j]
                        change = max(change, abs(updated - Pp[row + j]))
                        size = max(size, abs(updated))
                        Pp[row + j] = updated
                    }
                }
                steady = variance < 1e4 && change <= Self.steadyTolerance * size
            }
        }}}}}}}}}
        atStart = first
        state = a
        self.covariance = covariance
        return sums
    }

    /// The `horizon` mean forecasts Z Tʰ a from the filtered state, and their variances
    /// Z Pₕ Zᵀ (per unit innovation variance).
    func forecast(horizon: Int) -> (means: [Double], variances: [Double]) {
        var filter = self
        var means: [Double] = []
        var variances: [Double] = []
        let n = model.size, r = model.r, k = model.delta.count
        for _ in 0..<horizon {
            // A missing value advances the state and covariance by one prediction step.
            _ = filter.filter([.nan])
            var mean = filter.state[0]
            for j in 0..<k { mean += model.delta[j] * filter.state[r + j] }
            means.append(mean)
            var variance = 0.0
            for i in 0..<n {
                let zi = i == 0 ? 1 : (i >= r ? model.delta[i - r] : 0)
                guard zi != 0 else { continue }
                for j in 0..<n {
                    let zj = j == 0 ? 1 : (j >= r ? model.delta[j - r] : 0)
                    variance += zi * zj * filter.covariance[i * n + j]
                }
            }
            variances.append(variance)
        }
        return (means, variances)
    }
}
