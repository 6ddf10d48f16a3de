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
/// T is applied by its structure, so a step costs O(size²) rather than a matrix product's O(size³).
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

    /// x ↦ T x on a vector of the state's size.
    private func transition(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        let r = model.r, p = model.phi.count, k = model.delta.count
        let x0 = x[0]
        for i in 0..<r {
            var value = i < r - 1 ? x[i + 1] : 0
            if i < p { value += model.phi[i] * x0 }
            out[i] = value
        }
        if k > 0 {
            var value = x0
            for j in 0..<k { value += model.delta[j] * x[r + j] }
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
        var predicted = [Double](repeating: 0, count: n)
        var predictedCovariance = [Double](repeating: 0, count: n * n)
        var product = [Double](repeating: 0, count: n * n)
        var gainVector = [Double](repeating: 0, count: n)
        var column = [Double](repeating: 0, count: n)
        var rowOut = [Double](repeating: 0, count: n)
        // R Rᵀ touches the first q + 1 rows and columns only.
        let maCount = min(model.theta.count + 1, r)
        for y in values {
            state.withUnsafeBufferPointer { a in predicted.withUnsafeMutableBufferPointer { transition(a, into: $0) } }
            if atStart {
                predictedCovariance = covariance
                atStart = false
            } else {
                // product = T P: T applied to every column of P.
                for j in 0..<n {
                    for i in 0..<n { column[i] = covariance[i * n + j] }
                    column.withUnsafeBufferPointer { c in rowOut.withUnsafeMutableBufferPointer { transition(c, into: $0) } }
                    for i in 0..<n { product[i * n + j] = rowOut[i] }
                }
                // P̂ = (T P) Tᵀ: T applied to every row of T P, giving P̂'s rows.
                for i in 0..<n {
                    product.withUnsafeBufferPointer { all in
                        let row = UnsafeBufferPointer(rebasing: all[(i * n)..<(i * n + n)])
                        rowOut.withUnsafeMutableBufferPointer { transition(row, into: $0) }
                    }
                    for j in 0..<n { predictedCovariance[i * n + j] = rowOut[j] }
                }
                for i in 0..<maCount { for j in 0..<maCount { predictedCovariance[i * n + j] += model.ma(i) * model.ma(j) } }
            }
            guard !y.isNaN else {
                state = predicted
                covariance = predictedCovariance
                if keepResiduals { sums.residuals.append(.nan) }
                continue
            }
            var innovation = y - predicted[0]
            for j in 0..<k { innovation -= model.delta[j] * predicted[r + j] }
            // P̂ Zᵀ and F = Z P̂ Zᵀ.
            for i in 0..<n {
                var value = predictedCovariance[i * n]
                for j in 0..<k { value += predictedCovariance[i * n + r + j] * model.delta[j] }
                gainVector[i] = value
            }
            var variance = gainVector[0]
            for j in 0..<k { variance += model.delta[j] * gainVector[r + j] }
            if variance < 1e4 {
                sums.count += 1
                sums.squares += innovation * innovation / variance
                sums.logVariances += log(variance)
            }
            if keepResiduals { sums.residuals.append(innovation / variance.squareRoot()) }
            for i in 0..<n { state[i] = predicted[i] + gainVector[i] * innovation / variance }
            for i in 0..<n {
                let scaled = gainVector[i] / variance
                for j in 0..<n { covariance[i * n + j] = predictedCovariance[i * n + j] - scaled * gainVector[j] }
            }
        }
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
