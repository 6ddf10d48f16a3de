import ForecastData
import Testing

/// Scalers must behave the same at every magnitude a CSV file can hold: fitted to `c · x`, a scaler
/// maps `c · x` to what it maps `x` to when fitted to `x`. Before the standard scaler measured the
/// spread relative to the largest deviation, values near 1e-300 squared to zero (scale fell back to
/// 1 and forecasts came out near 0.5) and values near 1e300 summed to infinity.
@Suite struct PropertyScalerMagnitudeTests {
    @Test(arguments: ScalerKind.allCases.filter { $0 != .none })
    func scalingIsTheSameAtEveryMagnitude(kind: ScalerKind) {
        var generator = SplitMix(seed: 29)
        let unit = (0..<300).map { _ in generator.nextDouble() * 20 + 90 }
        let reference = FittedScaler(kind: kind, fittedTo: unit).scaled(unit)
        for exponent in [-300, -150, -20, 0, 20, 150, 300] {
            let factor = pow10(exponent)
            let values = unit.map { $0 * factor }
            let scaler = FittedScaler(kind: kind, fittedTo: values)
            let scaled = scaler.scaled(values)
            for (value, expected) in zip(scaled, reference) {
                // Relative 1e-9: the values themselves carry a rounding of 1e-16 each, and scaling
                // subtracts numbers of nearly equal size.
                #expect(abs(value - expected) <= 1e-9 * max(1, abs(expected)), "10^\(exponent): \(value) vs \(expected)")
            }
            for value in values {
                let back = scaler.unscaled(scaler.scaled(value))
                #expect(abs(back - value) <= 1e-12 * abs(value), "10^\(exponent)")
            }
        }
    }

    @Test func standardScalingHasMeanZeroAndDeviationOneAtAnyMagnitude() {
        var generator = SplitMix(seed: 31)
        let unit = (0..<500).map { _ in generator.nextDouble() - 0.5 }
        for exponent in [-300, -100, 0, 100, 300, 305] {
            let values = unit.map { $0 * pow10(exponent) }
            let scaled = FittedScaler(kind: .standard, fittedTo: values).scaled(values)
            let mean = scaled.reduce(0, +) / Double(scaled.count)
            let deviation = (scaled.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scaled.count)).squareRoot()
            #expect(abs(mean) < 1e-9, "10^\(exponent)")
            #expect(abs(deviation - 1) < 1e-9, "10^\(exponent)")
        }
    }

    /// 10^exponent, exact for the powers used here to a few ulps; avoids Foundation for one function.
    private func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
