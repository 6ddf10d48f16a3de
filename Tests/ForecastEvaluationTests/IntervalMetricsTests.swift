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

/// MSIS in a backtest score: each fold's Winkler score over its own seasonal-naive scale, averaged.
struct ScaledIntervalScoreTests {
    static func fold(_ index: Int, actuals: [Double], lower: [Double?], upper: [Double?], scale: Double?) -> FoldForecast {
        var fold = FoldForecast(fold: index, cutoff: 10 * index, forecasts: actuals, actuals: actuals, lastObserved: 0,
                                naiveScale: scale, naiveSquaredScale: scale)
        fold.intervals = [IntervalForecast(level: 0.8, lower: lower, upper: upper)]
        return fold
    }

    @Test func eachFoldIsScaledByItsOwnNaiveError() throws {
        // Fold 0: widths 2 and 2, the second actual 1 above its interval: Winkler (2 + 2 + 10·1) / 2 = 7, scale 2 → 3.5.
        // Fold 1: width 4, inside: Winkler 4, scale 0.5 → 8. MSIS = (3.5 + 8) / 2 = 5.75.
        let folds = [
            Self.fold(0, actuals: [1, 4], lower: [0, 1], upper: [2, 3], scale: 2),
            Self.fold(1, actuals: [5], lower: [3], upper: [7], scale: 0.5),
        ]
        let score = try #require(BacktestScore(method: "m", folds: folds).intervals.first)
        #expect(abs(try #require(score.scaledScore) - 5.75) <= 1e-12)
        // The pooled Winkler score weighs steps, not folds: (2 + 12 + 4) / 3.
        #expect(abs(score.winklerScore - 6) <= 1e-12)
    }

    @Test func foldsWithoutAScaleAreLeftOutAndNoneLeavesItUndefined() throws {
        let mixed = [Self.fold(0, actuals: [1], lower: [0], upper: [2], scale: nil),
                     Self.fold(1, actuals: [1], lower: [0], upper: [2], scale: 4)]
        #expect(try #require(BacktestScore(method: "m", folds: mixed).intervals.first).scaledScore == 0.5)
        let none = [Self.fold(0, actuals: [1], lower: [0], upper: [2], scale: nil)]
        #expect(try #require(BacktestScore(method: "m", folds: none).intervals.first).scaledScore == nil)
    }
}
