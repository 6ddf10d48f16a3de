/// Classical decomposition's seasonal component, as statsmodels' `seasonal_decompose` computes it
/// (which statsforecast uses to initialise ETS and to deseasonalise for Theta).
///
/// The trend is the centred moving average of order m (a 2×m average for even m: weights ½, 1, …, 1,
/// ½ over m + 1 values, divided by m), undefined for the first and last ⌊m/2⌋ values. The detrended
/// series is y − trend (additive) or y / trend (multiplicative); each season's index is the mean of
/// its detrended values, then the indices are centred: minus their mean (additive) or divided by it
/// (multiplicative). The component repeats the indices from the first observation on.
public enum ClassicalDecomposition {
    public enum Kind: String, Sendable { case additive, multiplicative }

    /// The seasonal component, one value per observation; `values` needs at least 2m observations.
    public static func seasonal(_ values: [Double], period m: Int, kind: Kind) -> [Double] {
        let indices = seasonalIndices(values, period: m, kind: kind)
        return values.indices.map { indices[$0 % m] }
    }

    /// The m centred seasonal indices, the first for the first observation's season.
    public static func seasonalIndices(_ values: [Double], period m: Int, kind: Kind) -> [Double] {
        let n = values.count
        precondition(m >= 2 && n >= 2 * m, "classical decomposition needs two full seasons")
        let half = m / 2
        var sums = [Double](repeating: 0, count: m)
        var counts = [Int](repeating: 0, count: m)
        for t in half..<(n - half) {
            var trend = 0.0
            if m % 2 == 0 {
                trend = 0.5 * (values[t - half] + values[t + half])
                for j in (t - half + 1)..<(t + half) { trend += values[j] }
            } else {
                for j in (t - half)...(t + half) { trend += values[j] }
            }
            trend /= Double(m)
            sums[t % m] += kind == .additive ? values[t] - trend : values[t] / trend
            counts[t % m] += 1
        }
        var indices = zip(sums, counts).map { $0 / Double($1) }
        let mean = indices.reduce(0, +) / Double(m)
        for i in 0..<m { indices[i] = kind == .additive ? indices[i] - mean : indices[i] / mean }
        return indices
    }
}
