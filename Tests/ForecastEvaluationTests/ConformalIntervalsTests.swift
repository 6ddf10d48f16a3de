import Foundation
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

struct PooledConformalIntervalsTests {
    @Test func stepsShareOneQuantileOfTheirMeanScaledResiduals() {
        // Step 1: residuals 1, 1, 1, 5 (mean 2) → scores 0.5, 0.5, 0.5, 2.5; step 2: 3, 3, 3, 3 (mean 3)
        // → scores 1, 1, 1, 1. Level 0.5 over the 8 pooled scores: rank ⌈9 · 0.5⌉ = 5 → 1, so the
        // half-widths are 1 · 2 and 1 · 3. Step 1 alone would have had rank ⌈5 · 0.5⌉ = 3 → 1.
        let intervals = ConformalIntervals(level: 0.5, poolingSteps: [[1, 1, 1, 5], [3, 3, 3, 3]])
        #expect(intervals.halfWidths == [2, 3])
        #expect(ConformalIntervals(level: 0.5, residuals: [[1, 1, 1, 5], [3, 3, 3, 3]]).halfWidths == [1, 3])
    }

    @Test func aStepWithTooFewResidualsForTheLevelHasNoInterval() {
        // Six pooled scores would reach rank ⌈7 · 0.8⌉ = 6, but each step's 3 residuals would not (rank 4).
        let intervals = ConformalIntervals(level: 0.8, poolingSteps: [[1, 2, 3], [2, 4, 6]])
        #expect(intervals.halfWidths == [nil, nil])
    }

    @Test func aHighLevelTakesItsRankFromEveryStepsScores() throws {
        // At 99 % one step's 50 residuals are too few (rank ⌈51 · 0.99⌉ = 51); two steps' 100 scores
        // reach rank ⌈101 · 0.99⌉ = 100, the largest score. With 19 residuals a step has too few of
        // its own (20), however many steps there are.
        let one = ConformalIntervals(level: 0.99, poolingSteps: [(1...50).map(Double.init)])
        #expect(one.halfWidths == [nil])
        let two = ConformalIntervals(level: 0.99, poolingSteps: [(1...50).map(Double.init), (1...50).map { Double($0) * 2 }])
        // Scores k / 25.5 at both steps: the largest is 50 / 25.5, times each step's mean.
        let first = try #require(two.halfWidths[0]), second = try #require(two.halfWidths[1])
        #expect(abs(first - 50) < 1e-9 && abs(second - 100) < 1e-9)
        let short = ConformalIntervals(level: 0.99, poolingSteps: Array(repeating: (1...19).map(Double.init), count: 10))
        #expect(short.halfWidths.allSatisfy { $0 == nil })
    }

    @Test(arguments: [(0.5, 1), (0.8, 4), (0.9, 9), (0.95, 19), (0.99, 99), (0.999, 999)])
    func theResidualsALevelNeeds(level: Double, needed: Int) {
        #expect(ConformalIntervals.residualsNeeded(level: level) == needed)
        // One fewer gives no interval; that many give one.
        #expect(ConformalIntervals(level: level, residuals: [Array(repeating: 1, count: needed - 1)]).halfWidths == [nil])
        #expect(ConformalIntervals(level: level, residuals: [Array(repeating: 1, count: needed)]).halfWidths == [1])
    }

    @Test func aStepThatNeverErredHasWidthZero() {
        let intervals = ConformalIntervals(level: 0.5, poolingSteps: [[0, 0, 0, 0], [1, 2, 3, 4]])
        #expect(intervals.halfWidths[0] == 0)
        #expect(intervals.halfWidths[1] == 2.5 * 1.2)  // scores 0.4, 0.8, 1.2, 1.6; rank ⌈5 · 0.5⌉ = 3
    }

    /// A series the forecast followed exactly (a straight line and its drift) left no error at any
    /// step: every width is zero, not missing for want of pooled scores.
    @Test func stepsThatNeverErredAnywhereHaveWidthZero() {
        let intervals = ConformalIntervals(level: 0.8, poolingSteps: Array(repeating: Array(repeating: 0, count: 10), count: 3))
        #expect(intervals.halfWidths == [0, 0, 0])
        // Too few residuals still give none.
        #expect(ConformalIntervals(level: 0.8, poolingSteps: [[0, 0, 0]]).halfWidths == [nil])
    }

    @Test func residualsNearTheLargestDoubleGiveFiniteWidths() throws {
        // Summed first, four residuals of 10³⁰⁸ would overflow the mean, and so the width, to infinity.
        let huge = 1e308
        let intervals = ConformalIntervals(level: 0.5, poolingSteps: [[huge, huge, huge, huge], [1, 2, 3, 4]])
        let width = try #require(intervals.halfWidths[0])
        #expect(width.isFinite)
        #expect(abs(width - huge) <= 1e-12 * huge)
    }

    @Test func aStepWithAnErrorThatIsNotFiniteHasNoWidthAndLeavesTheOthersAlone() {
        // Step 2's NaN and step 3's infinity would make their means, and every width, not a number.
        let clean: [Double] = [1, 2, 3, 4]
        let intervals = ConformalIntervals(level: 0.5, poolingSteps: [clean, [1, .nan, 3, 4], [1, .infinity, 3, 4]])
        #expect(intervals.halfWidths[1] == nil && intervals.halfWidths[2] == nil)
        #expect(intervals.halfWidths[0] == ConformalIntervals(level: 0.5, poolingSteps: [clean]).halfWidths[0])
    }

    @Test func everyStepCoversNearTheLevelWhenErrorsGrowWithTheHorizon() throws {
        // Errors at step k are uniform on [−k, k]: pooled over 6 steps of 2,000 cut-offs, each step's
        // interval must still cover near 80 % of fresh errors at that step (binomial sd at n = 3000 is
        // 0.7 points; each step's mean, off by about 1.3 %, moves it by 1 point more: allow 3).
        var generator = LinearCongruential(seed: 11)
        let steps = 6
        let residuals = (1...steps).map { k in (0..<2000).map { _ in abs(generator.nextUniform() * 2 - 1) * Double(k) } }
        let intervals = ConformalIntervals(level: 0.8, poolingSteps: residuals)
        for k in 1...steps {
            let width = try #require(intervals.halfWidths[k - 1])
            let fresh = (0..<3000).map { _ in (generator.nextUniform() * 2 - 1) * Double(k) }
            let inside = fresh.filter { abs($0) <= width }.count
            #expect(abs(Double(inside) / 30 - 80) < 3, "step \(k): coverage \(Double(inside) / 30)")
        }
    }

    @Test func pooledWidthsWanderLessThanPerStepQuantilesOnHeavyTailedErrors() throws {
        // Twelve steps of 20 cut-offs each, errors at step k Laplace with scale k (forecast errors have
        // heavy tails): the true 80 % half-width is k · ln 5. A step's own 17th of 20 residuals strays
        // from it by about a third; the pooled quantile times the step's mean strays less.
        var generator = LinearCongruential(seed: 12)
        let truth = log(5.0)
        var pooledStray = 0.0, aloneStray = 0.0
        for _ in 0..<100 {
            let residuals = (1...12).map { k in
                (0..<20).map { _ in -log(max(generator.nextUniform(), 1e-12)) * Double(k) }
            }
            let pooled = ConformalIntervals(level: 0.8, poolingSteps: residuals).halfWidths
            let alone = ConformalIntervals(level: 0.8, residuals: residuals).halfWidths
            for k in 1...12 {
                pooledStray += abs(try #require(pooled[k - 1]) / Double(k) - truth)
                aloneStray += abs(try #require(alone[k - 1]) / Double(k) - truth)
            }
        }
        #expect(pooledStray < 0.8 * aloneStray, "pooled \(pooledStray), per step \(aloneStray)")
    }
}

struct BacktestIntervalTests {
    @Test func foldIntervalsAreCalibratedOnTheFoldsOwnHistory() throws {
        // Naive forecasts of a random walk: calibrated on each fold's history, coverage over many
        // folds must be near the level. Poisoning rows after a cut-off must not move that fold's bounds.
        var generator = LinearCongruential(seed: 9)
        let walk = generator.randomWalk(from: 0.0, steps: 1500)
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

struct RecentMovementTests {
    @Test func theScaleIsTheMeanAbsoluteChangeOverTheWindow() {
        // Changes 1, 2, 3, 4, 5 (alternating signs do not matter); window 2 before row 5 reads
        // the changes into rows 3 and 4: (3 + 4) / 2.
        let history = [0.0, 1, -1, 2, -2, 3]
        let movement = RecentMovement(history: history, window: 2)
        #expect(movement.scale(before: 5) == 3.5)
        #expect(movement.scale(before: 6) == 4.5)
        // Fewer changes than the window: the mean of those there are.
        #expect(movement.scale(before: 3) == 1.5)
    }

    @Test func aFlatSpellIsFlooredAtATenthOfTheWholeMovement() {
        // Changes of 10 then a flat stretch: the whole history's mean change is 10 · 10 / 40 = 2.5,
        // so the flat stretch's scale is 0.25, not 0.
        let history = (0..<11).map { Double($0 * 10) } + Array(repeating: 100.0, count: 30)
        let movement = RecentMovement(history: history, window: 5)
        #expect(abs(movement.scale(before: history.count) - 0.25) < 1e-12)
        #expect(movement.scale(before: 11) == 10)
    }

    @Test func aSeriesThatNeverMovesHasScaleOne() {
        let movement = RecentMovement(history: Array(repeating: 7.0, count: 50))
        #expect(movement.scale(before: 50) == 1)
        #expect(RecentMovement(history: [3]).scale(before: 1) == 1)
    }
}

struct NormalisedConformalTests {
    /// A random walk whose steps grow fourfold after row 1,500, forecast naively one step ahead from
    /// the last 200 rows' cut-offs, each calibrated on the 200 cut-offs before it.
    func volatilityJump() throws -> (normalised: Double, raw: Double) {
        var generator = LinearCongruential(seed: 5)
        var walk = [100.0]
        for row in 1..<1700 { walk.append(walk.last! + (row < 1500 ? 1 : 4) * generator.nextGaussianish()) }
        let plan = BacktestPlan.lastFolds(200, horizon: 1, rows: walk.count, minimumHistory: 1000)
        var backtest = WalkForwardBacktest(plan: plan, seasonPeriod: 1)
        backtest.intervalLevels = [0.8]
        backtest.calibrationWindows = 200
        let folds = try backtest.run(NaiveForecast(), on: walk, threads: 1)
        let normalised = try #require(BacktestScore(method: "naive", folds: folds).intervals.first).coverage
        var inside = 0
        for (k, cutoff) in plan.cutoffs.enumerated() {
            let history = Array(walk[..<cutoff])
            let residuals = try ConformalCalibration.residuals(
                of: NaiveForecast(), history: history, horizon: 1, count: 200, minimumHistory: history.count / 2)
            let width = try #require(ConformalIntervals(level: 0.8, residuals: residuals).halfWidths[0])
            if abs(walk[cutoff] - folds[k].forecasts[0]) <= width { inside += 1 }
        }
        return (normalised, 100 * Double(inside) / Double(plan.cutoffs.count))
    }

    @Test func intervalsFollowAVolatilityJump() throws {
        // Raw residuals from the calm stretch make the intervals after the jump far too narrow; scaled
        // by the recent movement they keep near their level (binomial sd at n = 200 is 2.8 points;
        // the walk's own scale estimate adds noise: allow 9).
        let coverage = try volatilityJump()
        #expect(abs(coverage.normalised - 80) < 9, "normalised coverage \(coverage.normalised)")
        #expect(coverage.raw < 65, "raw coverage \(coverage.raw)")
    }

    @Test func widthsGrowWithTheSeriesLevelOfMovement() throws {
        // The same series ten times larger: every bound scales by ten (the score is scale-free).
        let series: [Double] = (0..<300).map { (row: Int) -> Double in
            50 + 10 * sin(Double(row) / 7) + Double(row % 5)
        }
        let forecasts = NaiveForecast().baselineForecast(after: series, horizon: 3)
        let small = try ConformalCalibration.intervals(
            of: NaiveForecast(), history: series, forecasts: forecasts, levels: [0.8], count: 50, minimumHistory: 150)
        let large = try ConformalCalibration.intervals(
            of: NaiveForecast(), history: series.map { $0 * 10 }, forecasts: forecasts.map { $0 * 10 }, levels: [0.8],
            count: 50, minimumHistory: 150)
        for step in 0..<3 {
            let (low, high) = (try #require(small[0].lower[step]), try #require(small[0].upper[step]))
            let largeLow: Double = try #require(large[0].lower[step])
            let largeHigh: Double = try #require(large[0].upper[step])
            #expect(abs(largeLow - 10 * low) <= 1e-9 * abs(10 * low))
            #expect(abs(largeHigh - 10 * high) <= 1e-9 * abs(10 * high))
            #expect(high > low)
        }
    }
}

/// Intervals at several levels nest, whatever calibrated them.
@Suite struct NestedIntervalsTests {
    @Test func aWiderLevelIsWidenedToHoldANarrowerOne() {
        let eighty = IntervalForecast(level: 0.8, lower: [90, 80, nil], upper: [110, 130, 120])
        let ninetyFive = IntervalForecast(level: 0.95, lower: [85, 85, 70], upper: [115, 125, nil])
        let fifty = IntervalForecast(level: 0.5, lower: [95, 79, 99], upper: [105, 110, 101])
        let nested = IntervalForecast.nested([ninetyFive, fifty, eighty])
        #expect(nested.map(\.level) == [0.95, 0.5, 0.8])
        #expect(nested[1] == fifty)  // the narrowest is kept as it is
        #expect(nested[2].lower == [90, 79, nil] && nested[2].upper == [110, 130, 120])
        #expect(nested[0].lower == [85, 79, 70] && nested[0].upper == [115, 130, nil])
        // Intervals that already nest are unchanged.
        #expect(IntervalForecast.nested([fifty, IntervalForecast(level: 0.9, lower: [0, 0, 0], upper: [200, 200, 200])])
                == [fifty, IntervalForecast(level: 0.9, lower: [0, 0, 0], upper: [200, 200, 200])])
    }
}
