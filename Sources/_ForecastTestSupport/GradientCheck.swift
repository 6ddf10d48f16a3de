/// Central finite differences, to check analytic gradients.
///
/// The network computes in Float, so steps cannot be tiny: with a step h the rounding noise
/// of a loss of size ~1 is about 1e-6 / (2h) and the truncation error about h²·f‴/6. With
/// h = 1e-2 both stay near 1e-4 on smooth losses, which is why the checks using this pair
/// it with a relative tolerance around 1e-2 plus a small absolute one.
public enum GradientCheck {
    /// ∂loss/∂values[i] ≈ (loss(v + h·eᵢ) − loss(v − h·eᵢ)) / 2h for every i (or those in `indices`).
    public static func centralDifferences(
        of loss: ([Float]) -> Double, at values: [Float], step: Float = 1e-2, indices: [Int]? = nil
    ) -> [Double] {
        let chosen = indices ?? Array(values.indices)
        var probe = values
        var result = [Double](repeating: 0, count: values.count)
        for i in chosen {
            let original = probe[i]
            probe[i] = original + step
            let plus = loss(probe)
            probe[i] = original - step
            let minus = loss(probe)
            probe[i] = original
            // Divide by the steps actually taken, which Float rounding may have changed.
            result[i] = (plus - minus) / (Double(original + step) - Double(original - step))
        }
        return result
    }

    /// Indices where analytic and numeric gradients disagree beyond
    /// absolute + relative · max(|analytic|, |numeric|), with both values, for a readable failure.
    public static func mismatches(
        analytic: [Float], numeric: [Double], relative: Double, absolute: Double, indices: [Int]? = nil
    ) -> [(index: Int, analytic: Double, numeric: Double)] {
        precondition(analytic.count == numeric.count, "GradientCheck.mismatches: \(analytic.count) vs \(numeric.count) values")
        return (indices ?? Array(analytic.indices)).compactMap { i in
            let a = Double(analytic[i]), n = numeric[i]
            return isApproximatelyEqual(a, n, relative: relative, absolute: absolute) ? nil : (i, a, n)
        }
    }
}
