import ForecastEvaluation
import Testing

/// Bounds every point metric must respect for any finite input (checked on many random pairs of
/// series): errors are non-negative and zero exactly for a perfect forecast, RMSE is at least MAE
/// (the quadratic mean bounds the arithmetic mean), sMAPE lies on its 0–200 scale, R² is at most 1.
@Suite struct PropertyMetricBoundsTests {
    @Test func boundsHoldOnRandomSeries() throws {
        var state: UInt64 = 0x1234_5678
        func uniform() -> Double {
            // xorshift64*: reproducible uniform doubles in [0, 1).
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) / Double(1 << 53)
        }
        for trial in 0..<500 {
            let count = 1 + trial % 17
            let magnitude = [1e-6, 1, 1e6][trial % 3]
            let targets = (0..<count).map { _ in (uniform() - 0.3) * magnitude }
            let predictions = (0..<count).map { _ in (uniform() - 0.3) * magnitude }
            let mae = PointMetrics.meanAbsoluteError(predictions: predictions, targets: targets)
            let rmse = PointMetrics.rootMeanSquaredError(predictions: predictions, targets: targets)
            let smape = PointMetrics.symmetricMeanAbsolutePercentageError(predictions: predictions, targets: targets)
            #expect(mae >= 0 && rmse >= 0)
            #expect(rmse >= mae * (1 - 1e-12), "trial \(trial)")
            #expect(smape >= 0 && smape <= 200 * (1 + 1e-12), "trial \(trial): \(smape)")
            if let mape = PointMetrics.meanAbsolutePercentageError(predictions: predictions, targets: targets) {
                #expect(mape >= 0)
            }
            if let r2 = PointMetrics.coefficientOfDetermination(predictions: predictions, targets: targets) {
                #expect(r2 <= 1 + 1e-12, "trial \(trial): \(r2)")
            }
            #expect(PointMetrics.meanAbsoluteError(predictions: targets, targets: targets) == 0)
            #expect(PointMetrics.rootMeanSquaredError(predictions: targets, targets: targets) == 0)
            let perfect = PointMetrics.symmetricMeanAbsolutePercentageError(predictions: targets, targets: targets)
            #expect(perfect == 0)
        }
    }
}
