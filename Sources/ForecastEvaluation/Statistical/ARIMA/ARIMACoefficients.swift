/// The estimated coefficients of one ARIMA order: φ₁…φ_p, θ₁…θ_q, Φ₁…Φ_P, Θ₁…Θ_Q and the mean or
/// drift, in that order in `vector` (R's and statsforecast's `coef` order: ar, ma, sar, sma, then
/// intercept or drift).
public struct ARIMACoefficients: Hashable, Sendable {
    public var ar: [Double]
    public var ma: [Double]
    public var seasonalAR: [Double]
    public var seasonalMA: [Double]
    /// μ for a model with a mean, δ for one with drift, 0 otherwise.
    public var constant: Double

    public init(ar: [Double] = [], ma: [Double] = [], seasonalAR: [Double] = [], seasonalMA: [Double] = [],
                constant: Double = 0) {
        self.ar = ar
        self.ma = ma
        self.seasonalAR = seasonalAR
        self.seasonalMA = seasonalMA
        self.constant = constant
    }

    /// Reads the vector laid out for `order` (the constant last, when the order has one).
    init(vector x: [Double], order: ARIMAOrder) {
        var i = 0
        func take(_ count: Int) -> [Double] { defer { i += count }; return Array(x[i..<(i + count)]) }
        ar = take(order.p)
        ma = take(order.q)
        seasonalAR = take(order.seasonalP)
        seasonalMA = take(order.seasonalQ)
        constant = order.coefficientCount > order.armaCount ? x[i] : 0
    }

    func vector(order: ARIMAOrder) -> [Double] {
        ar + ma + seasonalAR + seasonalMA + (order.coefficientCount > order.armaCount ? [constant] : [])
    }

    /// The AR coefficients of φ(B)Φ(Bᵐ) = 1 − Σ φ*ᵢ Bⁱ, i = 1…p + mP.
    func expandedAR(period m: Int) -> [Double] {
        var phi = ar + [Double](repeating: 0, count: m * seasonalAR.count)
        for (j, big) in seasonalAR.enumerated() {
            phi[(j + 1) * m - 1] += big
            for (i, small) in ar.enumerated() { phi[(j + 1) * m + i] -= small * big }
        }
        return phi
    }

    /// The MA coefficients of θ(B)Θ(Bᵐ) = 1 + Σ θ*ᵢ Bⁱ, i = 1…q + mQ.
    func expandedMA(period m: Int) -> [Double] {
        var theta = ma + [Double](repeating: 0, count: m * seasonalMA.count)
        for (j, big) in seasonalMA.enumerated() {
            theta[(j + 1) * m - 1] += big
            for (i, small) in ma.enumerated() { theta[(j + 1) * m + i] += small * big }
        }
        return theta
    }
}
