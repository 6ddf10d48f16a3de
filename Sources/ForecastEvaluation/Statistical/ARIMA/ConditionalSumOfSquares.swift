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
        private var residuals: [Double]
        /// The non-zero lags of the expanded polynomials of the last evaluation.
        private var ar: [(lag: Int, value: Double)] = []
        private var ma: [(lag: Int, value: Double)] = []
        /// ∂e/∂x for one coefficient at a time.
        private var derivative: [Double]

        init(_ values: [Double], order: ARIMAOrder) {
            self.values = values
            self.order = order
            regressor = ARIMAModel.regressor(order, count: values.count)
            w = values
            residuals = [Double](repeating: 0, count: values.count)
            derivative = [Double](repeating: 0, count: values.count)
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

        /// w = the differences of `values` less `constant` times the regressor (as
        /// `ARIMAModel.adjusted`, then differenced: the same arithmetic, so the same numbers).
        func difference(adjustedBy constant: Double) {
            if let regressor {
                for t in values.indices { w[t] = values[t] - constant * regressor[t] }
            } else {
                for t in values.indices { w[t] = values[t] }
            }
            Self.differenceInPlace(&w, order: order)
        }

        /// Σe²/ν and ν of the innovations of the current w.
        func innovations(phi: [Double], theta: [Double]) -> (value: Double, count: Int) {
            let n = values.count
            let conditioning = self.conditioning
            // The expanded seasonal polynomials are mostly zeros: only the non-zero lags are visited, and
            // the sums run over raw buffers (this is the inner loop of every CSS fit of a search).
            ar.removeAll(keepingCapacity: true)
            ma.removeAll(keepingCapacity: true)
            for (i, a) in phi.enumerated() where a != 0 { ar.append((i + 1, a)) }
            for (i, b) in theta.enumerated() where b != 0 { ma.append((i + 1, b)) }
            var sum = 0.0, count = 0
            if conditioning < n {
                let (ar, ma) = (self.ar, self.ma)
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

        /// ½·log(Σe²/ν) at coefficients `x`: +∞ where it is not finite, −∞ for a perfect fit.
        func value(_ x: [Double]) -> Double {
            let c = ARIMACoefficients(vector: x, order: order)
            difference(adjustedBy: c.constant)
            let meanSquare = innovations(phi: c.expandedAR(period: order.period), theta: c.expandedMA(period: order.period)).value
            guard meanSquare.isFinite else { return .infinity }
            return meanSquare > 0 ? 0.5 * log(meanSquare) : -.infinity
        }

        /// The gradient of `value` at `x`, from the recursions of ∂e_t/∂x (each as costly as one pass of
        /// the MA part); nil where the value is not finite and positive or an innovation is NaN.
        ///
        /// With A the expanded AR and B the expanded MA coefficients (e_t = w_t − Σ A_l w_{t−l} −
        /// Σ_{l ≤ t−ncond} B_l e_{t−l}, and e = 0 before ncond), a coefficient x enters through A, B and w:
        ///
        ///     ∂e_t/∂x = −Σ ∂A_l/∂x·w_{t−l} − Σ A_l·∂w_{t−l}/∂x + ∂w_t/∂x
        ///               − Σ_{l ≤ t−ncond} (∂B_l/∂x·e_{t−l} + B_l·∂e_{t−l}/∂x),
        ///
        /// where ∂w/∂(constant) is minus the differenced regressor and w does not depend on the others;
        /// A_l and B_l are linear in each of φ, Φ, θ, Θ (the products φᵢΦⱼ at lag jm + i, θᵢΘⱼ likewise).
        /// The gradient of ½·log(Σe²/ν) is Σ e_t·∂e_t/∂x / Σe².
        func gradient(_ x: [Double]) -> [Double]? {
            let c = ARIMACoefficients(vector: x, order: order)
            difference(adjustedBy: c.constant)
            let (meanSquare, count) = innovations(phi: c.expandedAR(period: order.period), theta: c.expandedMA(period: order.period))
            guard meanSquare.isFinite, meanSquare > 0 else { return nil }
            let n = values.count
            let conditioning = self.conditioning
            // Every innovation counted: none was NaN, so the sums below are over the same terms.
            guard count == n - conditioning else { return nil }
            let sumOfSquares = meanSquare * Double(count)
            let m = order.period
            let (p, q, sp, sq) = (order.p, order.q, order.seasonalP, order.seasonalQ)
            // (lag, ∂A_lag/∂x) and (lag, ∂B_lag/∂x) of each coefficient, from the products of
            // `ARIMACoefficients.expandedAR` / `expandedMA`.
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
            var gradient = [Double](repeating: 0, count: x.count)
            let (ar, ma) = (self.ar, self.ma)
            for k in x.indices {
                let arK = arTerms[k].filter { $0.value != 0 }, maK = maTerms[k].filter { $0.value != 0 }
                let isConstant = hasConstant && k == x.count - 1
                var product = 0.0
                w.withUnsafeBufferPointer { w in
                residuals.withUnsafeBufferPointer { e in
                regressorDifferences.withUnsafeBufferPointer { r in
                derivative.withUnsafeMutableBufferPointer { de in
                    for t in conditioning..<n {
                        var value = 0.0
                        for (lag, a) in arK { value -= a * w[t - lag] }
                        if isConstant {
                            // ∂w_t/∂c = −r_t: −r_t + Σ A_l r_{t−l}.
                            value -= r[t]
                            for (lag, a) in ar { value += a * r[t - lag] }
                        }
                        let reach = t - conditioning
                        for (lag, b) in maK where lag <= reach { value -= b * e[t - lag] }
                        for (lag, b) in ma where lag <= reach { value -= b * de[t - lag] }
                        de[t] = value
                        product += e[t] * value
                    }
                }}}}
                gradient[k] = product / sumOfSquares
            }
            return gradient
        }
    }
}
