import Testing
@testable import ForecastEvaluation

struct ConformalIntervalsTests {
    @Test func theHalfWidthIsTheConformalRankOfTheResiduals() {
        // n = 9 residuals 1…9; level 0.8 → rank ⌈10 · 0.8⌉ = 8 → half-width 8.
        let intervals = ConformalIntervals(level: 0.8, residuals: [(1...9).map(Double.init)])
        #expect(intervals.halfWidths == [8])
        let bounds = intervals.bounds(around: [100])
        #expect(bounds[0]!.lower == 92)
        #expect(bounds[0]!.upper == 108)
    }

    @Test func tooFewResidualsGiveNoInterval() {
        // n = 3 at 95 %: rank ⌈4 · 0.95⌉ = 4 > 3.
        let intervals = ConformalIntervals(level: 0.95, residuals: [[1, 2, 3]])
        #expect(intervals.halfWidths == [nil])
        #expect(intervals.bounds(around: [0])[0] == nil)
    }

    @Test(arguments: [0.8, 0.95])
    func coverageIsNearTheNominalLevelOnAKnownNoise(level: Double) throws {
        // y = 10 + ε with ε uniform on [−1, 1]; the mean forecast 10 is exact, so coverage on fresh
        // data must be close to the level (binomial sd at n = 4000 is under 0.7 %; allow 2.5 points).
        var generator = LinearCongruential(seed: 42)
        let calibration = (0..<2000).map { _ in abs(generator.nextUniform() * 2 - 1) }
        let intervals = ConformalIntervals(level: level, residuals: [calibration])
        let fresh = (0..<4000).map { _ in 10 + generator.nextUniform() * 2 - 1 }
        let bounds = try #require(intervals.bounds(around: [10])[0])
        let coverage = IntervalMetrics.coverage(
            lower: Array(repeating: bounds.lower, count: fresh.count),
            upper: Array(repeating: bounds.upper, count: fresh.count), targets: fresh)
        #expect(abs(coverage - level * 100) < 2.5)
    }
}

struct BacktestIntervalTests {
    @Test func foldIntervalsAreCalibratedOnTheFoldsOwnHistory() throws {
        // Naive forecasts of a random walk: calibrated on each fold's history, coverage over many
        // folds must be near the level. Poisoning rows after a cut-off must not move that fold's bounds.
        var generator = LinearCongruential(seed: 9)
        var walk = [0.0]
        for _ in 0..<1500 { walk.append(walk.last! + generator.nextGaussianish()) }
        let plan = BacktestPlan.lastFolds(200, horizon: 1, rows: walk.count, minimumHistory: 300)
        var backtest = WalkForwardBacktest(plan: plan, seasonPeriod: 1)
        backtest.intervalLevels = [0.8]
        backtest.calibrationWindows = 200
        let folds = try backtest.run(NaiveForecast(), on: walk, threads: 2)
        let score = BacktestScore(method: "naive", folds: folds)
        let interval = try #require(score.intervals.first)
        #expect(interval.steps == 200)
        #expect(abs(interval.coverage - 80) < 8, "coverage \(interval.coverage)")

        var poisoned = walk
        let k = 100
        for row in plan.cutoffs[k]..<poisoned.count { poisoned[row] = 1e6 }
        let dirty = try backtest.run(NaiveForecast(), on: poisoned, threads: 2)
        #expect(dirty[k].intervals == folds[k].intervals)
    }
}
