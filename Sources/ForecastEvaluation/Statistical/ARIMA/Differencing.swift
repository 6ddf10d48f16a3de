/// Ordinary and seasonal differencing, (1 − B)ᵈ(1 − Bᵐ)ᴰ, and the coefficients of that operator.
public enum Differencing {
    /// `values` differenced `times` times at `lag`: each pass keeps y[t] − y[t − lag] for
    /// t = lag…n−1, so the result is `times·lag` values shorter (empty when that is all of them).
    public static func difference(_ values: [Double], lag: Int = 1, times: Int = 1) -> [Double] {
        precondition(lag >= 1 && times >= 0, "the lag must be positive and the times not negative")
        var current = values
        for _ in 0..<times {
            guard current.count > lag else { return [] }
            current = (lag..<current.count).map { current[$0] - current[$0 - lag] }
        }
        return current
    }

    /// The series an ARIMA order models: `values` differenced d times at lag 1 after D times at lag m.
    public static func difference(_ values: [Double], order: ARIMAOrder) -> [Double] {
        let seasonal = order.seasonalD > 0 ? difference(values, lag: order.period, times: order.seasonalD) : values
        return difference(seasonal, lag: 1, times: order.d)
    }

    /// δ₁…δ_{d+Dm} with (1 − B)ᵈ(1 − Bᵐ)ᴰ = 1 − Σ δᵢ Bⁱ: the integrated part of the state, which
    /// carries y[t] = Δy[t] + Σ δᵢ y[t − i] (R's `Delta` in `arima`).
    public static func operatorCoefficients(d: Int, seasonalD: Int, period: Int) -> [Double] {
        var polynomial: [Double] = [1]
        func multiply(by lag: Int) {
            var product = polynomial + [Double](repeating: 0, count: lag)
            for (i, c) in polynomial.enumerated() { product[i + lag] -= c }
            polynomial = product
        }
        for _ in 0..<d { multiply(by: 1) }
        for _ in 0..<seasonalD { multiply(by: period) }
        return polynomial.dropFirst().map { -$0 }
    }
}
