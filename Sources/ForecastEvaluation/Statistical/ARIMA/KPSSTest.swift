import Foundation

/// The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992, "Testing the null
/// hypothesis of stationarity against the alternative of a unit root", J. Econometrics 54), as
/// statsmodels' `kpss(x, "c", nlags)` computes it and statsforecast's `ndiffs` uses it to choose d.
///
/// With e_t = y_t − ȳ, partial sums S_t = e₁ + … + e_t and the Newey–West long-run variance with
/// Bartlett weights over L lags,
///
///     η = Σ S_t² / n²,   s² = (Σ e_t² + 2 Σ_{i=1}^{L} (1 − i/(L+1)) Σ_t e_t e_{t−i}) / n,   KPSS = η / s².
///
/// Large values reject stationarity; the 5 % critical value of the level test is 0.463 (KPSS 1992,
/// table 1: 0.347, 0.463, 0.574, 0.739 at 10, 5, 2.5 and 1 %).
public enum KPSSTest {
    /// The 5 % critical value of the level test.
    public static let criticalValue5Percent = 0.463

    /// statsforecast's lag count, ⌊3√n / 13⌋.
    public static func lags(count n: Int) -> Int { Int((3 * Double(n).squareRoot() / 13).rounded(.down)) }

    /// The KPSS level statistic of `values` with `lags` Bartlett lags (statsforecast's count by
    /// default); nil for fewer than two values, as many lags as values, or no variation.
    public static func statistic(_ values: [Double], lags: Int? = nil) -> Double? {
        let n = values.count
        let lagCount = lags ?? Self.lags(count: n)
        guard n >= 2, lagCount < n, lagCount >= 0 else { return nil }
        let mean = values.reduce(0, +) / Double(n)
        let e = values.map { $0 - mean }
        var partial = 0.0, eta = 0.0
        for value in e {
            partial += value
            eta += partial * partial
        }
        eta /= Double(n) * Double(n)
        var longRun = e.reduce(0) { $0 + $1 * $1 }
        if lagCount > 0 {
            for i in 1...lagCount {
                var product = 0.0
                for t in i..<n { product += e[t] * e[t - i] }
                longRun += 2 * product * (1 - Double(i) / Double(lagCount + 1))
            }
        }
        longRun /= Double(n)
        guard longRun > 0 else { return nil }
        return eta / longRun
    }

    /// Whether the test rejects level stationarity at 5 % (statsforecast's p-value below 0.05, that
    /// is the statistic above 0.463); false when the statistic is undefined.
    public static func rejectsStationarity(_ values: [Double]) -> Bool {
        guard let value = statistic(values) else { return false }
        return value > criticalValue5Percent
    }

    /// The number of first differences d ≤ `maximum` that statsforecast's `ndiffs` chooses: difference
    /// while the KPSS test rejects. statsforecast drops the first value of each differenced series
    /// before testing it again (its `diff(x, 1, 1)[1:]`); that is kept here so the choices agree.
    public static func differences(_ values: [Double], maximum: Int = 2) -> Int {
        var x = values
        guard !isConstant(x) else { return 0 }
        var d = 0
        while d < maximum && rejectsStationarity(x) {
            d += 1
            x = Array(Differencing.difference(x).dropFirst())
            if isConstant(x) { return d }
        }
        return d
    }

    static func isConstant(_ values: [Double]) -> Bool { values.allSatisfy { $0 == values.first } }
}
