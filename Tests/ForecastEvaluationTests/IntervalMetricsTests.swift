import Testing
@testable import ForecastEvaluation

struct IntervalMetricsTests {
    let lower = [0.0, 0, 0, 0]
    let upper = [2.0, 2, 2, 2]
    let targets = [1.0, 2, 3, -1]  // inside, on the bound, above by 1, below by 1

    @Test func coverageCountsBoundsAsInside() {
        #expect(abs(IntervalMetrics.coverage(lower: lower, upper: upper, targets: targets) - 50) < 1e-12)
    }

    @Test func meanWidth() {
        #expect(abs(IntervalMetrics.meanWidth(lower: [0, 1], upper: [2, 5]) - 3) < 1e-12)
    }

    @Test func winklerScoreAddsAPenaltyForEachMiss() {
        // level 0.8 → α = 0.2, penalty 2/α = 10 per unit missed: widths 2 each, misses of 1 twice.
        let score = IntervalMetrics.winklerScore(lower: lower, upper: upper, targets: targets, level: 0.8)
        #expect(abs(score - (2 * 4 + 10 + 10) / 4) < 1e-12)
    }
}
