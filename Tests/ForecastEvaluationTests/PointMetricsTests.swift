import Testing
@testable import ForecastEvaluation

/// Hand-computed cases; tolerance 1e-12 absolute (the arithmetic is exact to a few ulps).
struct PointMetricsTests {
    let predictions = [2.0, 4.0, 5.0, 10.0]
    let targets = [1.0, 5.0, 5.0, 8.0]
    // errors ŷ − y: +1, −1, 0, +2

    @Test func meanAbsoluteError() {
        #expect(abs(PointMetrics.meanAbsoluteError(predictions: predictions, targets: targets) - 1.0) < 1e-12)
    }

    @Test func rootMeanSquaredError() {
        // sqrt((1 + 1 + 0 + 4) / 4) = sqrt(1.5)
        let rmse = PointMetrics.rootMeanSquaredError(predictions: predictions, targets: targets)
        #expect(abs(rmse - 1.5.squareRoot()) < 1e-12)
    }

    /// Errors whose squares overflow still give a finite RMSE, in their own units.
    @Test(arguments: [1e-300, 1e200, 1e300])
    func rootMeanSquaredErrorInAnyUnits(scale: Double) {
        let rmse = PointMetrics.rootMeanSquaredError(predictions: predictions.map { $0 * scale }, targets: targets.map { $0 * scale })
        #expect(abs(rmse / scale - 1.5.squareRoot()) < 1e-12)
        #expect(PointMetrics.rootMeanSquaredError(predictions: [1, 2], targets: [1, 2]) == 0)
    }

    @Test func meanErrorIsPositiveWhenForecastsRunHigh() {
        #expect(abs(PointMetrics.meanError(predictions: predictions, targets: targets) - 0.5) < 1e-12)
    }

    @Test func meanAbsolutePercentageErrorInPercent() throws {
        // 100 · (1/1 + 1/5 + 0 + 2/8) / 4 = 100 · 1.45 / 4 = 36.25
        let mape = try #require(PointMetrics.meanAbsolutePercentageError(predictions: predictions, targets: targets))
        #expect(abs(mape - 36.25) < 1e-12)
    }

    @Test func meanAbsolutePercentageErrorIsUndefinedWithAZeroActual() {
        #expect(PointMetrics.meanAbsolutePercentageError(predictions: [1, 2], targets: [0, 2]) == nil)
    }

    @Test func symmetricPercentageErrorUsesTheZeroTo200Scale() {
        // 2|e| / (|ŷ| + |y|): 2/3, 2/9, 0, 4/18 → mean · 100
        let expected = 100 * (2.0 / 3 + 2.0 / 9 + 0 + 4.0 / 18) / 4
        let smape = PointMetrics.symmetricMeanAbsolutePercentageError(predictions: predictions, targets: targets)
        #expect(abs(smape - expected) < 1e-12)
        // Opposite signs give the maximum, 200 %.
        #expect(abs(PointMetrics.symmetricMeanAbsolutePercentageError(predictions: [-1], targets: [1]) - 200) < 1e-12)
        // Both zero: no error.
        #expect(PointMetrics.symmetricMeanAbsolutePercentageError(predictions: [0], targets: [0]) == 0)
    }

    @Test func coefficientOfDetermination() throws {
        // ȳ = 4.75; Σ(y − ȳ)² = 14.0625 + 0.0625 + 0.0625 + 10.5625 = 24.75; Σe² = 6
        let r2 = try #require(PointMetrics.coefficientOfDetermination(predictions: predictions, targets: targets))
        #expect(abs(r2 - (1 - 6 / 24.75)) < 1e-12)
        #expect(PointMetrics.coefficientOfDetermination(predictions: [1, 2], targets: [3, 3]) == nil)
        // Actuals near ±10³⁰⁷: their sum of squares overflows, and ∞/∞ is undefined, not NaN.
        #expect(PointMetrics.coefficientOfDetermination(predictions: [0, 0], targets: [-1.6e307, 1.6e307]) == nil)
        // A finite spread and an overflowing error: infinitely worse than the mean.
        #expect(PointMetrics.coefficientOfDetermination(predictions: [1e200, 0], targets: [1, 2]) == -.infinity)
    }

    @Test func directionalAccuracyComparesMovesFromTheLastObservation() {
        // last = 5: forecast moves −, −, 0, +; actual moves −, 0, 0, +  → 3 of 4 match.
        let accuracy = PointMetrics.directionalAccuracy(predictions: predictions, targets: targets, lastObserved: 5)
        #expect(abs((accuracy ?? .nan) - 75) < 1e-12)
    }

    @Test func aForecastThatCallsNoDirectionHasNoDirectionalAccuracy() {
        #expect(PointMetrics.directionalAccuracy(predictions: [5, 5, 5], targets: [4, 5, 6], lastObserved: 5) == nil)
        // Signs 0, 0, + against −, 0, +: two of three match once the forecast calls a direction.
        let accuracy = PointMetrics.directionalAccuracy(predictions: [5, 5, 6], targets: [4, 5, 6], lastObserved: 5)
        #expect(abs((accuracy ?? .nan) - 200.0 / 3) < 1e-12)
    }

    @Test func metricsAreSymmetricWhereTheyShouldBe() {
        let mae1 = PointMetrics.meanAbsoluteError(predictions: predictions, targets: targets)
        let mae2 = PointMetrics.meanAbsoluteError(predictions: targets, targets: predictions)
        #expect(mae1 == mae2)
        let smape1 = PointMetrics.symmetricMeanAbsolutePercentageError(predictions: predictions, targets: targets)
        let smape2 = PointMetrics.symmetricMeanAbsolutePercentageError(predictions: targets, targets: predictions)
        #expect(abs(smape1 - smape2) < 1e-12)
    }
}
