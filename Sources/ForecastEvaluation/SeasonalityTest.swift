import Foundation

/// The autocorrelation test for seasonality that the Theta method and statsforecast use: a series
/// is seasonal with period `m` when its autocorrelation at lag `m` exceeds the bound of a 90 %
/// two-sided test under the null of no autocorrelation beyond lag `m − 1` (Bartlett's formula):
///
///     |r_m| > z · sqrt((1 + 2 · Σ_{k=1}^{m−1} r_k²) / n),   z = 1.645
///
/// (Assimakopoulos & Nikolopoulos, "The theta model", IJF 2000; Hyndman & Athanasopoulos,
/// "Forecasting: Principles and Practice", on the ACF bounds.) A seasonal forecast of a series
/// that fails it copies noise from one season back.
public enum SeasonalityTest {
    /// Whether `values` (oldest first) show seasonality of period `period` at 90 %. False for a
    /// period below 2, or fewer than `minimumSeasons` full seasons (three by default, where the test
    /// starts to have power; the theta method tests from two, as statsforecast does).
    public static func isSeasonal(_ values: [Double], period: Int, z: Double = 1.645, minimumSeasons: Int = 3) -> Bool {
        let n = values.count
        guard period >= 2, n / max(minimumSeasons, 1) >= period else { return false }  // no product to overflow
        // The test does not depend on the units: divided by the largest magnitude first, values
        // near 10¹⁵⁵ and beyond no longer overflow its sums of squares (and lose their season).
        let largest = values.map(abs).max() ?? 0
        guard largest > 0, largest.isFinite else { return false }
        let values = values.map { $0 / largest }
        let mean = values.reduce(0, +) / Double(n)
        let deviations = values.map { $0 - mean }
        let variance = deviations.reduce(0) { $0 + $1 * $1 }
        guard variance > 0 else { return false }
        func autocorrelation(_ lag: Int) -> Double {
            var sum = 0.0
            for index in lag..<n { sum += deviations[index] * deviations[index - lag] }
            return sum / variance
        }
        let earlier = (1..<period).reduce(0.0) { total, lag in
            let r = autocorrelation(lag)
            return total + r * r
        }
        let bound = z * ((1 + 2 * earlier) / Double(n)).squareRoot()
        return abs(autocorrelation(period)) > bound
    }
}
