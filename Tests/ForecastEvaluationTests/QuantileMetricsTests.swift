import Testing
@testable import ForecastEvaluation

struct QuantileMetricsTests {
    @Test func pinballLossWeighsMissesByTheLevel() {
        // The 0.9 quantile forecast 10: an actual of 12 costs 0.9 · 2, an actual of 8 costs 0.1 · 2.
        #expect(abs(QuantileMetrics.pinballLoss(level: 0.9, prediction: 10, target: 12) - 1.8) < 1e-12)
        #expect(abs(QuantileMetrics.pinballLoss(level: 0.9, prediction: 10, target: 8) - 0.2) < 1e-12)
        #expect(QuantileMetrics.pinballLoss(level: 0.3, prediction: 5, target: 5) == 0)
    }

    @Test func theCRPSOfAMedianAloneIsTheAbsoluteError() {
        let crps = QuantileMetrics.approximateCRPS(quantiles: [(0.5, 3)], target: 7.5)
        #expect(abs(crps - 4.5) < 1e-12)
    }

    @Test func midpointWeightsFollowTheLevels() {
        // 0.1, 0.5, 0.9 stand for 0.3, 0.4 and 0.3 of the unit interval: with the actual above all
        // three by 1, the CRPS is 2 · (0.3 · 0.1 + 0.4 · 0.5 + 0.3 · 0.9).
        let crps = QuantileMetrics.approximateCRPS(quantiles: [(0.9, 1), (0.1, 1), (0.5, 1)], target: 2)
        #expect(abs(crps - 2 * (0.03 + 0.2 + 0.27)) < 1e-12)
    }

    @Test(arguments: [0.3, 0.5, 0.95, 1.4])
    func manyQuantilesApproachTheExactCRPS(target: Double) {
        // The uniform distribution on [0, 1] has quantile τ at τ; its CRPS at y in [0, 1] is
        // y³/3 + (1 − y)³/3, and for y > 1 it is 1/3 + (y − 1). 199 levels leave an error below 1e-4.
        let quantiles = (1...199).map { (level: Double($0) / 200, prediction: Double($0) / 200) }
        let exact = target <= 1 ? (target * target * target + (1 - target) * (1 - target) * (1 - target)) / 3 : target - 2.0 / 3
        let crps = QuantileMetrics.approximateCRPS(quantiles: quantiles, target: target)
        #expect(abs(crps - exact) < 1e-4, "crps \(crps), exact \(exact)")
    }

    @Test func backtestsScoreTheQuantilesTheirIntervalsBound() throws {
        // Naive forecasts of a walk with 80 % and 95 % intervals: the levels are 0.025, 0.1, 0.5,
        // 0.9 and 0.975, and the pinball loss is the mean over them and every step of the folds.
        var generator = LinearCongruential(seed: 21)
        let walk = generator.randomWalk(from: 50.0, steps: 400)
        let plan = BacktestPlan.lastFolds(10, horizon: 3, rows: walk.count, minimumHistory: 200)
        var backtest = WalkForwardBacktest(plan: plan, seasonPeriod: 1)
        backtest.intervalLevels = [0.8, 0.95]
        let folds = try backtest.run(NaiveForecast(), on: walk, threads: 1)
        let score = try #require(BacktestScore(method: "naive", folds: folds).quantiles)
        let expected = [0.025, 0.1, 0.5, 0.9, 0.975]
        #expect(score.levels.count == expected.count)
        #expect(zip(score.levels, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(score.steps == 30)
        var pinball = 0.0, crps = 0.0
        for fold in folds {
            for step in 0..<3 {
                let quantiles: [(level: Double, prediction: Double)] = [
                    (0.5, fold.forecasts[step]),
                    (0.1, fold.intervals[0].lower[step]!), (0.9, fold.intervals[0].upper[step]!),
                    (0.025, fold.intervals[1].lower[step]!), (0.975, fold.intervals[1].upper[step]!),
                ]
                pinball += quantiles.reduce(0) {
                    $0 + QuantileMetrics.pinballLoss(level: $1.level, prediction: $1.prediction, target: fold.actuals[step])
                } / 5
                crps += QuantileMetrics.approximateCRPS(quantiles: quantiles, target: fold.actuals[step])
            }
        }
        #expect(abs(score.pinballLoss - pinball / 30) < 1e-12)
        #expect(abs(score.crps - crps / 30) < 1e-12)
        #expect(score.scaledCRPS != nil)
        #expect(BacktestScore(method: "naive", folds: try WalkForwardBacktest(plan: plan, seasonPeriod: 1)
            .run(NaiveForecast(), on: walk, threads: 1)).quantiles == nil)
    }
}
