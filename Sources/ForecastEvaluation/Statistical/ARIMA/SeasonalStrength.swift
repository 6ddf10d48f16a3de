/// The seasonal-strength heuristic that chooses the seasonal differences D in statsforecast's
/// `AutoARIMA` (its default `seasonal_test="seas"`, after R's `forecast::nsdiffs(test = "seas")`;
/// Wang, Smith & Hyndman 2006, "Characteristic-based clustering for time series data", Data Mining and
/// Knowledge Discovery 13): with the STL decomposition of the series (seasonal window 11, degree 0),
///
///     F_S = max(0, min(1, 1 − Var(remainder) / Var(remainder + seasonal))),
///
/// and one seasonal difference is taken when F_S > 0.64.
public enum SeasonalStrength {
    public static let threshold = 0.64

    /// F_S of `values` with period `period` (≥ 2, with at least two full periods); nil otherwise.
    public static func strength(_ values: [Double], period: Int) -> Double? {
        guard period >= 2, values.count > 2 * period else { return nil }
        let parts = STLDecomposition(period: period).decompose(values)
        let remainderVariance = variance(parts.remainder)
        let detrendedVariance = variance(zip(parts.remainder, parts.seasonal).map { $0 + $1 })
        guard detrendedVariance > 0 else { return 0 }
        return max(0, min(1, 1 - remainderVariance / detrendedVariance))
    }

    /// D ∈ {0, 1} as statsforecast's `nsdiffs` with `max_D = 1` chooses it: 0 for a constant series,
    /// a period of 1, or no more than two periods of values.
    public static func seasonalDifferences(_ values: [Double], period: Int) -> Int {
        guard period >= 2, (values.count - 1) / 2 >= period, !KPSSTest.isConstant(values) else { return 0 }  // count > 2m, without 2m
        return (strength(values, period: period) ?? 0) > threshold ? 1 : 0
    }

    /// The sample variance (n − 1 in the denominator).
    static func variance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return 0 }
        let mean = x.reduce(0, +) / Double(x.count)
        return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
    }
}
