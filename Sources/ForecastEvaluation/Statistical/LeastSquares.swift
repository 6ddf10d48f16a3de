/// Ordinary least squares on a few columns by the normal equations, solved by Gaussian elimination
/// with partial pivoting. The designs here have at most four well-scaled columns (constant, time,
/// sine, cosine), where the normal equations lose no accuracy that matters for initial values.
enum LeastSquares {
    /// The coefficients minimising ‖y − X·c‖², X given by rows.
    static func fit(rows: [[Double]], targets: [Double]) -> [Double] {
        let p = rows[0].count
        var a = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p)
        for (row, y) in zip(rows, targets) {
            for i in 0..<p {
                for j in 0..<p { a[i][j] += row[i] * row[j] }
                a[i][p] += row[i] * y
            }
        }
        return solve(a)
    }

    /// The solution of the normal equations held as the augmented p × (p + 1) matrix `a`.
    private static func solve(_ a: [[Double]]) -> [Double] {
        var a = a
        let p = a.count
        for col in 0..<p {
            let pivot = (col..<p).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            a.swapAt(col, pivot)
            guard a[col][col] != 0 else { continue }
            for r in (col + 1)..<p {
                let factor = a[r][col] / a[col][col]
                for j in col...p { a[r][j] -= factor * a[col][j] }
            }
        }
        var c = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = a[i][p]
            for j in (i + 1)..<p { s -= a[i][j] * c[j] }
            c[i] = a[i][i] == 0 ? 0 : s / a[i][i]
        }
        return c
    }

    /// Intercept (at t = 0) and slope of the line through `values` at t = 1, 2, ….
    ///
    /// The normal equations of the rows [1, t] are summed as `fit` sums them (1·1, 1·t, 1·y, t·1,
    /// t·t, t·y, in that order, each product exact where `fit`'s is), without building a row per
    /// value: theta forecasts from every validation cut-off call this on the whole prefix.
    static func line(_ values: ArraySlice<Double>) -> (intercept: Double, slope: Double) {
        var (ones, time, targets, squares, products) = (0.0, 0.0, 0.0, 0.0, 0.0)
        var t = 1.0
        for y in values {
            ones += 1
            time += t
            targets += y
            squares += t * t
            products += t * y
            t += 1
        }
        let c = solve([[ones, time, targets], [time, squares, products]])
        return (c[0], c[1])
    }
}
