import Foundation

/// The augmented Dickey–Fuller test for a unit root (Said & Dickey, 1984), with a constant.
///
/// Regresses `Δy[t] = α + γ·y[t−1] + Σ_{j=1…p} β_j·Δy[t−j] + ε` by least squares and returns the
/// t-statistic of `γ`. A unit root (a random walk) means `γ = 0`; strongly negative statistics reject
/// it. The lag count defaults to Schwert's rule `⌊4 (n/100)^{1/4}⌋`, at most 12.
///
/// Critical values with a constant and no trend (MacKinnon, 2010, asymptotic): 1 % −3.43, 5 % −2.86,
/// 10 % −2.57.
public enum AugmentedDickeyFuller {
    /// The 5 % critical value with a constant.
    public static let criticalValue5Percent = -2.86

    /// The test statistic, or nil when the series is too short or the regression is degenerate
    /// (a constant series, or one whose changes are exactly predictable).
    ///
    /// The statistic does not change when the series is shifted or scaled, so it is computed on the
    /// series standardised: in its own units, the constant's column and the levels' could differ by
    /// more than the inversion tells from singular (a random walk around 10⁹ was once "stationary"),
    /// and squares of values near 10³⁰⁰ overflow.
    public static func statistic(_ values: [Double], lags: Int? = nil) -> Double? {
        guard let values = standardised(values) else { return nil }
        let n = values.count
        let p = lags ?? min(12, Int((4 * Foundation.pow(Double(n) / 100, 0.25)).rounded(.down)))
        let columns = 2 + p
        let rows = n - p - 1
        guard p >= 0, rows > columns + 2 else { return nil }

        // Normal equations XᵀX β = Xᵀy, accumulated row by row.
        var gram = [Double](repeating: 0, count: columns * columns)
        var moment = [Double](repeating: 0, count: columns)
        var row = [Double](repeating: 0, count: columns)
        var responses: [Double] = []
        var design: [[Double]] = []
        responses.reserveCapacity(rows)
        design.reserveCapacity(rows)
        for t in (p + 1)..<n {
            row[0] = 1
            row[1] = values[t - 1]
            for j in stride(from: 1, through: p, by: 1) { row[1 + j] = values[t - j] - values[t - j - 1] }
            let response = values[t] - values[t - 1]
            for a in 0..<columns {
                moment[a] += row[a] * response
                for b in 0..<columns { gram[a * columns + b] += row[a] * row[b] }
            }
            responses.append(response)
            design.append(row)
        }
        guard let inverse = invertSymmetric(gram, size: columns) else { return nil }
        let beta = (0..<columns).map { a in (0..<columns).reduce(0) { $0 + inverse[a * columns + $1] * moment[$1] } }
        var residualSquares = 0.0
        for (x, y) in zip(design, responses) {
            let fitted = zip(x, beta).reduce(0) { $0 + $1.0 * $1.1 }
            residualSquares += (y - fitted) * (y - fitted)
        }
        let variance = residualSquares / Double(rows - columns)
        let standardError = (variance * inverse[1 * columns + 1]).squareRoot()
        guard standardError > 0, standardError.isFinite else { return nil }
        return beta[1] / standardError
    }

    /// `values` divided by their largest magnitude, then centred and divided by their standard
    /// deviation; nil for values that are not all finite or are all equal.
    static func standardised(_ values: [Double]) -> [Double]? {
        let largest = values.map(abs).max() ?? 0
        guard largest > 0, largest.isFinite else { return nil }
        let unit = values.map { $0 / largest }
        let mean = unit.reduce(0, +) / Double(unit.count)
        let deviation = (unit.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(unit.count)).squareRoot()
        guard deviation > 0 else { return nil }
        return unit.map { ($0 - mean) / deviation }
    }

    /// Whether the test fails to reject a unit root at 5 %: the series wanders or trends, and a model
    /// should learn its changes rather than its levels.
    public static func hasUnitRoot(_ values: [Double]) -> Bool {
        guard let statistic = statistic(values) else { return false }
        return statistic > criticalValue5Percent
    }

    /// Gauss–Jordan inversion with partial pivoting; nil for a singular matrix.
    static func invertSymmetric(_ matrix: [Double], size: Int) -> [Double]? {
        var a = matrix
        var inverse = [Double](repeating: 0, count: size * size)
        for i in 0..<size { inverse[i * size + i] = 1 }
        let scale = (0..<size).map { abs(matrix[$0 * size + $0]) }.max() ?? 0
        guard scale > 0 else { return nil }
        for column in 0..<size {
            let pivot = (column..<size).max { abs(a[$0 * size + column]) < abs(a[$1 * size + column]) }!
            guard abs(a[pivot * size + column]) > 1e-12 * scale else { return nil }
            if pivot != column {
                for k in 0..<size {
                    a.swapAt(pivot * size + k, column * size + k)
                    inverse.swapAt(pivot * size + k, column * size + k)
                }
            }
            let divisor = a[column * size + column]
            for k in 0..<size {
                a[column * size + k] /= divisor
                inverse[column * size + k] /= divisor
            }
            for r in 0..<size where r != column {
                let factor = a[r * size + column]
                if factor == 0 { continue }
                for k in 0..<size {
                    a[r * size + k] -= factor * a[column * size + k]
                    inverse[r * size + k] -= factor * inverse[column * size + k]
                }
            }
        }
        return inverse
    }
}
