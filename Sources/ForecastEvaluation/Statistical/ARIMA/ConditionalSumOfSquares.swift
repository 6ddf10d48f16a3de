/// The conditional sum of squares of an ARIMA model (R's `ARIMA_CSS`, used by statsforecast for
/// starting values and for the approximate search): the series is differenced, the first
/// ncond = d + Dm + p + mP values are taken as given and the innovations before them as zero, and
///
///     e_t = w_t − Σ φ*ⱼ w_{t−j} − Σ_{j ≤ t − ncond} θ*ⱼ e_{t−j},   t = ncond … n − 1,
///
/// on the differenced values w (kept at their original positions). The result is Σe² / ν over the ν
/// innovations that are not NaN.
enum ConditionalSumOfSquares {
    /// Σe²/ν and ν for `values` already stripped of the constant.
    static func meanSquare(_ values: [Double], phi: [Double], theta: [Double], order: ARIMAOrder) -> (value: Double, count: Int) {
        let n = values.count
        var w = values
        for _ in 0..<order.d where n > 1 {
            for t in stride(from: n - 1, to: 0, by: -1) { w[t] -= w[t - 1] }
        }
        let m = order.period
        for _ in 0..<order.seasonalD where n > m {
            for t in stride(from: n - 1, through: m, by: -1) { w[t] -= w[t - m] }
        }
        let conditioning = order.differencingLoss + order.expandedARDegree
        // The expanded seasonal polynomials are mostly zeros: only the non-zero lags are visited, and
        // the sums run over raw buffers (this is the inner loop of every CSS fit of a search).
        let ar = phi.enumerated().filter { $0.element != 0 }.map { (lag: $0.offset + 1, value: $0.element) }
        let ma = theta.enumerated().filter { $0.element != 0 }.map { (lag: $0.offset + 1, value: $0.element) }
        var residuals = [Double](repeating: 0, count: n)
        var sum = 0.0, count = 0
        if conditioning < n {
            w.withUnsafeBufferPointer { w in
            residuals.withUnsafeMutableBufferPointer { residuals in
                for t in conditioning..<n {
                    var e = w[t]
                    for (lag, a) in ar { e -= a * w[t - lag] }
                    let reach = t - conditioning
                    for (lag, b) in ma where lag <= reach { e -= b * residuals[t - lag] }
                    residuals[t] = e
                    if !e.isNaN {
                        count += 1
                        sum += e * e
                    }
                }
            }}
        }
        return (count > 0 ? sum / Double(count) : .nan, count)
    }
}
