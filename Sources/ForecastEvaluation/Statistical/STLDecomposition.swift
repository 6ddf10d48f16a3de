import Foundation

/// Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990, "STL: a
/// seasonal-trend decomposition procedure based on loess", J. Official Statistics 6), the inner loop
/// without robustness weights, as statsmodels' `STL` runs it for statsforecast's `mstl`:
/// y = seasonal + trend + remainder.
///
/// Each of the `innerIterations` passes detrends y, smooths every cycle-subseries by loess (window
/// `seasonalWindow`, degree `seasonalDegree`, one value extrapolated at each end), removes the
/// low-frequency part of that by moving averages of lengths m, m and 3 and a loess of window
/// `lowPassWindow`, and smooths the deseasonalised series into the trend (window `trendWindow`). All
/// loess fits are evaluated at every point (jumps of 1).
public struct STLDecomposition: Sendable {
    public let period: Int
    public let seasonalWindow: Int
    public let seasonalDegree: Int
    public let trendWindow: Int
    public let lowPassWindow: Int
    public let innerIterations: Int

    /// statsmodels' defaults for a given seasonal window: the trend window is the odd integer at or
    /// above 1.5m / (1 − 1.5/ns), the low-pass window the least odd integer above m; statsforecast's
    /// `mstl` uses ns = 11 and degree 0, and statsmodels runs 5 inner passes without robustness.
    public init(period: Int, seasonalWindow: Int = 11, seasonalDegree: Int = 0, innerIterations: Int = 5) {
        precondition(period >= 2, "STL needs a period of at least 2")
        self.period = period
        self.seasonalWindow = seasonalWindow
        self.seasonalDegree = seasonalDegree
        var trend = Int((1.5 * Double(period) / (1 - 1.5 / Double(seasonalWindow))).rounded(.up))
        if trend % 2 == 0 { trend += 1 }
        trendWindow = trend
        lowPassWindow = period % 2 == 0 ? period + 1 : period + 2
        self.innerIterations = innerIterations
    }

    public struct Components: Sendable {
        public let seasonal: [Double]
        public let trend: [Double]
        public let remainder: [Double]
    }

    /// The decomposition of `values` (at least two full periods).
    public func decompose(_ values: [Double]) -> Components {
        let n = values.count, m = period
        var trend = [Double](repeating: 0, count: n)
        var seasonal = [Double](repeating: 0, count: n)
        for _ in 0..<innerIterations {
            let detrended = zip(values, trend).map { $0 - $1 }
            let cycle = smoothedCycleSubseries(detrended)                    // n + 2m values
            let low = Self.movingAverage(Self.movingAverage(Self.movingAverage(cycle, m), m), 3)  // n values
            let lowPass = Self.loess(low, window: lowPassWindow, degree: 1)
            for i in 0..<n { seasonal[i] = cycle[m + i] - lowPass[i] }
            trend = Self.loess(zip(values, seasonal).map { $0 - $1 }, window: trendWindow, degree: 1)
        }
        let remainder = (0..<n).map { values[$0] - seasonal[$0] - trend[$0] }
        return Components(seasonal: seasonal, trend: trend, remainder: remainder)
    }

    /// Each cycle-subseries (values j, j + m, …) smoothed at its own points and extrapolated one
    /// step before and after; laid back out as n + 2m values starting one period before the series.
    func smoothedCycleSubseries(_ values: [Double]) -> [Double] {
        let n = values.count, m = period
        var out = [Double](repeating: 0, count: n + 2 * m)
        for j in 0..<m {
            let sub = Swift.stride(from: j, to: n, by: m).map { values[$0] }
            let k = sub.count
            guard k > 0 else { continue }
            let smoothed = Self.loess(sub, window: seasonalWindow, degree: seasonalDegree)
            let before = Self.loessEstimate(sub, window: seasonalWindow, degree: seasonalDegree, at: 0,
                                            left: 1, right: min(seasonalWindow, k)) ?? smoothed[0]
            let after = Self.loessEstimate(sub, window: seasonalWindow, degree: seasonalDegree, at: Double(k + 1),
                                           left: max(1, k - seasonalWindow + 1), right: k) ?? smoothed[k - 1]
            let extended = [before] + smoothed + [after]
            for (i, value) in extended.enumerated() { out[i * m + j] = value }
        }
        return out
    }

    /// Running means of `length` values: count − length + 1 of them.
    static func movingAverage(_ x: [Double], _ length: Int) -> [Double] {
        guard x.count >= length else { return [] }
        var sum = x[0..<length].reduce(0, +)
        var out = [sum / Double(length)]
        out.reserveCapacity(x.count - length + 1)
        for i in length..<x.count {
            sum += x[i] - x[i - length]
            out.append(sum / Double(length))
        }
        return out
    }

    /// Loess of window `window` and degree 0 or 1 at every point 1…n (positions counted from 1),
    /// the window sliding with the point once the point passes its middle.
    static func loess(_ y: [Double], window: Int, degree: Int) -> [Double] {
        let n = y.count
        guard n >= 2 else { return y }
        var out = [Double](repeating: 0, count: n)
        if window >= n {
            for i in 1...n { out[i - 1] = loessEstimate(y, window: window, degree: degree, at: Double(i), left: 1, right: n) ?? y[i - 1] }
            return out
        }
        let half = (window + 1) / 2
        var left = 1, right = window
        for i in 1...n {
            if i > half && right != n {
                left += 1
                right += 1
            }
            out[i - 1] = loessEstimate(y, window: window, degree: degree, at: Double(i), left: left, right: right) ?? y[i - 1]
        }
        return out
    }

    /// The loess value at `x` from the points `left`…`right` (1-based) with tricube weights over the
    /// distance to the farther end (widened by (window − n)/2 when the window exceeds the series), and
    /// for degree 1 the weighted least-squares line; nil when the weights vanish.
    static func loessEstimate(_ y: [Double], window: Int, degree: Int, at x: Double, left: Int, right: Int) -> Double? {
        let n = y.count
        var h = max(x - Double(left), Double(right) - x)
        if window > n { h += Double((window - n) / 2) }
        let upper = 0.999 * h, lower = 0.001 * h
        var weights = [Double](repeating: 0, count: right - left + 1)
        var total = 0.0
        for j in left...right {
            let r = abs(Double(j) - x)
            guard r <= upper else { continue }
            let w: Double
            if r <= lower { w = 1 } else {
                let u = r / h
                let c = 1 - u * u * u
                w = c * c * c
            }
            weights[j - left] = w
            total += w
        }
        guard total > 0 else { return nil }
        for i in weights.indices { weights[i] /= total }
        if degree > 0 {
            var centre = 0.0
            for j in left...right { centre += weights[j - left] * Double(j) }
            var spread = 0.0
            for j in left...right { spread += weights[j - left] * (Double(j) - centre) * (Double(j) - centre) }
            if spread.squareRoot() > 0.001 * Double(n - 1) {
                let slope = (x - centre) / spread
                for j in left...right { weights[j - left] *= slope * (Double(j) - centre) + 1 }
            }
        }
        var value = 0.0
        for j in left...right { value += weights[j - left] * y[j - 1] }
        return value
    }
}
