import Foundation

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
        let objective = Objective(values, order: order)
        objective.difference(adjustedBy: 0)
        return objective.innovations(phi: phi, theta: theta)
    }

    /// The objective ½·log(Σe²/ν) of one order on one series as a function of the coefficient vector
    /// (`ARIMACoefficients(vector:order:)` layout), with its exact gradient. An optimiser evaluates it
    /// hundreds of times on the same series, so the buffers are allocated once here; it is used on one
    /// thread at a time.
    final class Objective {
        let values: [Double]
        let order: ARIMAOrder
        /// The constant's regressor (1 or t), nil without a constant.
        private let regressor: [Double]?
        /// The differenced regressor at the positions of w (∂w/∂constant = −this).
        private var regressorDifferences: [Double] = []
        /// The differenced, adjusted series w of the last evaluation.
        private var w: [Double]
        /// The innovations of the last point evaluated and of the one before, with those points and
        /// their Σe²/ν and ν. An optimiser asks for the gradient at a point it has just evaluated, often
        /// with one trial point in between (a line search that tried a longer step), so the gradient
        /// starts from the innovations already computed.
        private var residuals: [Double]
        private var spareResiduals: [Double]
        private var latest: (point: [Double], meanSquare: Double, count: Int)?
        private var previous: (point: [Double], meanSquare: Double, count: Int)?
        /// The adjoint λ of the innovations (see `gradient`).
        private var adjoint: [Double]

        init(_ values: [Double], order: ARIMAOrder) {
            self.values = values
            self.order = order
            regressor = ARIMAModel.regressor(order, count: values.count)
            w = values
            residuals = [Double](repeating: 0, count: values.count)
            spareResiduals = residuals
            adjoint = [Double](repeating: 0, count: values.count)
            if let regressor {
                regressorDifferences = regressor
                Self.differenceInPlace(&regressorDifferences, order: order)
            }
        }

        /// The conditioning values: d + Dm + p + mP.
        var conditioning: Int { order.differencingLoss + order.expandedARDegree }

        /// (1 − B)ᵈ(1 − Bᵐ)ᴰ applied in place, each value kept at its position (the first d + Dm are
        /// left partly differenced and never read).
        private static func differenceInPlace(_ w: inout [Double], order: ARIMAOrder) {
            let n = w.count
            for _ in 0..<order.d where n > 1 {
                for t in stride(from: n - 1, to: 0, by: -1) { w[t] -= w[t - 1] }
            }
            let m = order.period
            for _ in 0..<order.seasonalD where n > m {
                for t in stride(from: n - 1, through: m, by: -1) { w[t] -= w[t - m] }
            }
        }

        /// The constant w was last computed for (w does not depend on anything else).
        private var differencedConstant: Double?

        /// w = the differences of `values` less `constant` times the regressor (as
        /// `ARIMAModel.adjusted`, then differenced: the same arithmetic, so the same numbers). Kept
        /// while the constant stays: an order without one differences its series once per fit.
        fileprivate func difference(adjustedBy constant: Double) {
            if let done = differencedConstant, done == constant || regressor == nil { return }
            let n = values.count
            values.withUnsafeBufferPointer { values in
            w.withUnsafeMutableBufferPointer { w in
                if let regressor {
                    regressor.withUnsafeBufferPointer { regressor in
                        for t in 0..<n { w[t] = values[t] - constant * regressor[t] }
                    }
                } else {
                    for t in 0..<n { w[t] = values[t] }
                }
            }}
            Self.differenceInPlace(&w, order: order)
            differencedConstant = constant
        }

        /// The lags (from 1) and values of the non-zero coefficients.
        private static func nonZeroLags(_ coefficients: [Double]) -> [(lag: Int, value: Double)] {
            coefficients.enumerated().filter { $0.element != 0 }.map { ($0.offset + 1, $0.element) }
        }

        /// Σe²/ν and ν of the innovations of the current w, written to `residuals`.
        fileprivate func innovations(phi: [Double], theta: [Double]) -> (value: Double, count: Int) {
            let n = values.count
            let conditioning = self.conditioning
            // The expanded seasonal polynomials are mostly zeros: only the non-zero lags are visited, and
            // the sums run over raw buffers (this is the inner loop of every CSS fit of a search).
            let (ar, ma) = (Self.nonZeroLags(phi), Self.nonZeroLags(theta))
            var sum = 0.0, count = 0
            if conditioning < n {
                w.withUnsafeBufferPointer { w in
                residuals.withUnsafeMutableBufferPointer { residuals in
                    // e_t = w_t − Σ A_l w_{t−l}, lag by lag over every t (the AR part reads only w, so
                    // the loop over t can run in SIMD lanes) …
                    let span = n - conditioning
                    let e = residuals.baseAddress! + conditioning
                    for i in 0..<span { e[i] = w[conditioning + i] }
                    for (lag, a) in ar {
                        let lagged = w.baseAddress! + (conditioning - lag)
                        for i in 0..<span { e[i] -= a * lagged[i] }
                    }
                    // … then the MA part, which reads earlier innovations, one t at a time. Each step
                    // waits for the one before through e_{t−1}: that term is subtracted last, from a
                    // register, after the farther lags, whose innovations are ready long before.
                    let lagOne = ma.first?.lag == 1 ? ma[0].value : nil
                    let farther = Array(ma.dropFirst(lagOne == nil ? 0 : 1).reversed())
                    var previous = 0.0
                    for t in conditioning..<n {
                        var e = residuals[t]
                        let reach = t - conditioning
                        for (lag, b) in farther where lag <= reach { e -= b * residuals[t - lag] }
                        if let lagOne, reach >= 1 { e -= lagOne * previous }
                        previous = e
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

        /// Σ aᵢbᵢ in four interleaved partial sums, so that the loop runs in SIMD lanes (a gradient
        /// needs no particular order of rounding).
        private static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
            var sums = SIMD4<Double>()
            var i = 0
            while i + 4 <= count {
                sums += SIMD4(a[i], a[i + 1], a[i + 2], a[i + 3]) * SIMD4(b[i], b[i + 1], b[i + 2], b[i + 3])
                i += 4
            }
            var sum = sums.sum()
            while i < count { sum += a[i] * b[i]; i += 1 }
            return sum
        }

        /// Σe²/ν and ν at coefficients `x`, with w and the innovations left in `w` and `residuals`.
        func meanSquare(at x: [Double]) -> (value: Double, count: Int) {
            let c = ARIMACoefficients(vector: x, order: order)
            difference(adjustedBy: c.constant)
            if let latest, latest.point == x { return (latest.meanSquare, latest.count) }
            swap(&residuals, &spareResiduals)
            swap(&latest, &previous)
            if let latest, latest.point == x { return (latest.meanSquare, latest.count) }
            // Neither: the older slot is overwritten.
            let result = innovations(phi: c.expandedAR(period: order.period), theta: c.expandedMA(period: order.period))
            latest = (x, result.value, result.count)
            return result
        }

        /// ½·log(Σe²/ν) at coefficients `x`: +∞ where it is not finite, −∞ for a perfect fit.
        func value(_ x: [Double]) -> Double {
            let meanSquare = meanSquare(at: x).value
            guard meanSquare.isFinite else { return .infinity }
            return meanSquare > 0 ? 0.5 * log(meanSquare) : -.infinity
        }

        /// The gradient of `value` at `x`, by the adjoint of the innovation recursion (one backward pass
        /// whatever the number of coefficients); nil where the value is not finite and positive or an
        /// innovation is NaN.
        ///
        /// With A the expanded AR and B the expanded MA coefficients, e_t = w_t − Σ A_l w_{t−l} −
        /// Σ_{l ≤ t−ncond} B_l e_{t−l} (e = 0 before ncond), so ∂e/∂x = (I + M)⁻¹ u_x, where M holds
        /// B_l at (t, t − l) for t − l ≥ ncond and u_x is the direct effect of x on each e_t:
        /// −w_{t−l} for A_l, −e_{t−l} (t − l ≥ ncond) for B_l, and for the constant −r_t + Σ A_l r_{t−l},
        /// r the differenced regressor. Then Σ e_t ∂e_t/∂x = λᵀu_x with (I + Mᵀ) λ = e, that is
        ///
        ///     λ_s = e_s − Σ_{l, s+l < n} B_l λ_{s+l},   s = n − 1 … ncond,
        ///
        /// and the gradient of ½·log(Σe²/ν) is λᵀu_x / Σe². The sums λᵀu for each lag of A and B give
        /// the gradient in φ, θ, Φ, Θ by the chain rule through the products of
        /// `ARIMACoefficients.expandedAR` / `expandedMA` (φᵢΦⱼ at lag jm + i, θᵢΘⱼ likewise).
        func gradient(_ x: [Double]) -> [Double]? {
            let (meanSquare, count) = meanSquare(at: x)
            guard meanSquare.isFinite, meanSquare > 0 else { return nil }
            let c = ARIMACoefficients(vector: x, order: order)
            let (ar, ma) = (Self.nonZeroLags(c.expandedAR(period: order.period)), Self.nonZeroLags(c.expandedMA(period: order.period)))
            let n = values.count
            let conditioning = self.conditioning
            // Every innovation counted: none was NaN, so the sums below are over the same terms.
            guard count == n - conditioning else { return nil }
            let sumOfSquares = meanSquare * Double(count)
            let m = order.period
            let (p, q, sp, sq) = (order.p, order.q, order.seasonalP, order.seasonalQ)
            // (lag, ∂A_lag/∂x) and (lag, ∂B_lag/∂x) of each coefficient.
            var arTerms = [[(lag: Int, value: Double)]](repeating: [], count: x.count)
            var maTerms = arTerms
            for i in 0..<p {
                arTerms[i].append((i + 1, 1))
                for j in 0..<sp { arTerms[i].append(((j + 1) * m + i + 1, -c.seasonalAR[j])) }
            }
            for j in 0..<sp {
                arTerms[p + q + j].append(((j + 1) * m, 1))
                for i in 0..<p { arTerms[p + q + j].append(((j + 1) * m + i + 1, -c.ar[i])) }
            }
            for i in 0..<q {
                maTerms[p + i].append((i + 1, 1))
                for j in 0..<sq { maTerms[p + i].append(((j + 1) * m + i + 1, c.seasonalMA[j])) }
            }
            for j in 0..<sq {
                maTerms[p + q + sp + j].append(((j + 1) * m, 1))
                for i in 0..<q { maTerms[p + q + sp + j].append(((j + 1) * m + i + 1, c.ma[i])) }
            }
            let hasConstant = order.coefficientCount > order.armaCount
            // λᵀu for each lag a coefficient reaches, nil until computed.
            var arSums = [Double?](repeating: nil, count: order.expandedARDegree + 1)
            var maSums = [Double?](repeating: nil, count: order.expandedMADegree + 1)
            var constantSum = 0.0
            w.withUnsafeBufferPointer { w in
            residuals.withUnsafeBufferPointer { e in
            regressorDifferences.withUnsafeBufferPointer { r in
            adjoint.withUnsafeMutableBufferPointer { lambda in
                // The farthest lags first, as in `innovations`.
                let farFirst = Array(ma.reversed())
                for s in stride(from: n - 1, through: conditioning, by: -1) {
                    var value = e[s]
                    for (lag, b) in farFirst where s + lag < n { value -= b * lambda[s + lag] }
                    lambda[s] = value
                }
                // u = −w_{t−l} for A_l, −e_{t−l} for B_l.
                for terms in arTerms { for (lag, _) in terms where arSums[lag] == nil {
                    arSums[lag] = -Self.dot(lambda.baseAddress! + conditioning, w.baseAddress! + (conditioning - lag), count: n - conditioning)
                }}
                for terms in maTerms { for (lag, _) in terms where maSums[lag] == nil {
                    let count = max(0, n - conditioning - lag)
                    maSums[lag] = -Self.dot(lambda.baseAddress! + (conditioning + lag), e.baseAddress! + conditioning, count: count)
                }}
                if hasConstant {
                    for t in conditioning..<n {
                        var u = -r[t]
                        for (lag, a) in ar { u += a * r[t - lag] }
                        constantSum += lambda[t] * u
                    }
                }
            }}}}
            var gradient = [Double](repeating: 0, count: x.count)
            for k in x.indices {
                var sum = 0.0
                for (lag, value) in arTerms[k] { sum += value * arSums[lag]! }
                for (lag, value) in maTerms[k] { sum += value * maSums[lag]! }
                gradient[k] = sum / sumOfSquares
            }
            if hasConstant { gradient[x.count - 1] = constantSum / sumOfSquares }
            return gradient
        }
    }
}
