import Testing
@testable import ForecastEvaluation

struct ScaledMetricsTests {
    @Test func meanAbsoluteScaledErrorUsesTheInSampleNaiveError() throws {
        // history diffs (m = 1): 2, 1, 3 → scale 2; MAE of the forecast = 1 → MASE 0.5
        let history = [10.0, 12, 13, 16]
        let mase = try #require(ScaledMetrics.meanAbsoluteScaledError(
            predictions: [17, 15], targets: [16, 16], history: history, seasonPeriod: 1))
        #expect(abs(mase - 0.5) < 1e-12)
    }

    @Test func seasonalScaleComparesOneSeasonBack() throws {
        // m = 2: |13 − 10| = 3, |16 − 12| = 4 → scale 3.5; MAE 7 → MASE 2
        let history = [10.0, 12, 13, 16]
        let mase = try #require(ScaledMetrics.meanAbsoluteScaledError(
            predictions: [0], targets: [7], history: history, seasonPeriod: 2))
        #expect(abs(mase - 2) < 1e-12)
    }

    @Test func rootMeanSquaredScaledError() throws {
        // m = 1: squared diffs 4, 1, 9 → scale 14/3; MSE of forecast (1 + 1)/2 = 1
        let history = [10.0, 12, 13, 16]
        let rmsse = try #require(ScaledMetrics.rootMeanSquaredScaledError(
            predictions: [17, 15], targets: [16, 16], history: history, seasonPeriod: 1))
        #expect(abs(rmsse - (1 / (14.0 / 3)).squareRoot()) < 1e-12)
    }

    @Test func undefinedOnAConstantHistoryOrATooShortOne() {
        #expect(ScaledMetrics.meanAbsoluteScaledError(
            predictions: [1], targets: [2], history: [5, 5, 5, 5], seasonPeriod: 1) == nil)
        #expect(ScaledMetrics.meanAbsoluteScaledError(
            predictions: [1], targets: [2], history: [1, 2], seasonPeriod: 2) == nil)
        #expect(ScaledMetrics.rootMeanSquaredScaledError(
            predictions: [1], targets: [2], history: [3, 3], seasonPeriod: 1) == nil)
    }

    @Test func theNaiveForecastScoresAboutOneOnARandomWalk() throws {
        // Property: on a long random walk, the naive forecast's out-of-sample MASE is near 1.
        var generator = LinearCongruential(seed: 7)
        let walk = generator.randomWalk(from: 0.0, steps: 4000)
        let history = Array(walk[..<3000])
        var predictions: [Double] = []
        var targets: [Double] = []
        for t in 3000..<walk.count {
            predictions.append(walk[t - 1])
            targets.append(walk[t])
        }
        let mase = try #require(ScaledMetrics.meanAbsoluteScaledError(
            predictions: predictions, targets: targets, history: history, seasonPeriod: 1))
        #expect(abs(mase - 1) < 0.1)
    }
}

/// A tiny deterministic generator so the test does not depend on other modules.
struct LinearCongruential {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextUniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    /// Sum of four uniforms, centred: roughly normal, enough for a random walk.
    mutating func nextGaussianish() -> Double {
        (0..<4).reduce(0) { acc, _ in acc + nextUniform() } - 2
    }
    /// A random walk from `start`, `steps` Gaussian-ish steps long (`steps + 1` values).
    mutating func randomWalk(from start: Double, steps: Int) -> [Double] {
        var walk = [start]
        for _ in 0..<steps { walk.append(walk.last! + nextGaussianish()) }
        return walk
    }
}
