import Foundation

/// The seasonality test of the theta method (Assimakopoulos & Nikolopoulos 2000; statsforecast
/// `auto_theta`): the lag-m autocorrelation r_m is significant at 90 % (two-sided) when
/// |r_m| > 1.645·√((1 + 2·Σ_{k<m} r_k²)/n), Bartlett's standard error of r_m under an MA(m−1) null.
/// Run only when m ≥ 4 and n ≥ 2m, as statsforecast does.
public enum SeasonalityTest {
    /// The 95 % quantile of the standard normal: a 90 % two-sided test.
    static let criticalValue = 1.6448536269514722

    public static func isSeasonal(_ values: [Double], period m: Int) -> Bool {
        let n = values.count
        guard m >= 4, n >= 2 * m else { return false }
        let r = autocorrelations(values, maximumLag: m)
        let earlier = r[1..<m].reduce(0) { $0 + $1 * $1 }
        let standardError = sqrt((1 + 2 * earlier) / Double(n))
        return abs(r[m]) / standardError > criticalValue
    }

    /// r_k = Σ_{t<n−k} (y_t − ȳ)(y_{t+k} − ȳ) / Σ (y_t − ȳ)², k = 0…maximumLag (statsmodels' `acf`).
    static func autocorrelations(_ values: [Double], maximumLag: Int) -> [Double] {
        let n = values.count
        let mean = values.reduce(0, +) / Double(n)
        let centred = values.map { $0 - mean }
        let denominator = centred.reduce(0) { $0 + $1 * $1 }
        return (0...maximumLag).map { k in
            var sum = 0.0
            for t in 0..<(n - k) { sum += centred[t] * centred[t + k] }
            return denominator > 0 ? sum / denominator : 0
        }
    }
}
