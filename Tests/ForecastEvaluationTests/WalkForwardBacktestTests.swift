import Testing
@testable import ForecastEvaluation

struct WalkForwardBacktestTests {
    let series = (0..<50).map { Double($0 % 7) + Double($0) * 0.5 }

    @Test func lastFoldsTileTheEndOfTheSeries() {
        let plan = BacktestPlan.lastFolds(4, horizon: 5, rows: 50, minimumHistory: 10)
        #expect(plan.cutoffs == [30, 35, 40, 45])
        #expect(plan.testRows(fold: 3) == 45..<50)
        #expect(plan.historyRows(fold: 0) == 0..<30)
        // Too many folds for the history: only those with enough history before them are kept.
        #expect(BacktestPlan.lastFolds(20, horizon: 5, rows: 50, minimumHistory: 30).cutoffs == [30, 35, 40, 45])
    }

    @Test func foldsFromAStartAndAStride() {
        let plan = BacktestPlan.from(start: 20, stride: 7, horizon: 3, rows: 40, trainingWindow: .sliding(length: 12))
        #expect(plan.cutoffs == [20, 27, 34])
        #expect(plan.historyRows(fold: 1) == 15..<27)
    }

    @Test func refitPolicyChoosesWhichFoldsFit() {
        let cutoffs = [10, 20, 30, 40, 50]
        #expect((0..<5).map(BacktestPlan(cutoffs: cutoffs, horizon: 1, refit: .every(2)).fitFold(for:)) == [0, 0, 2, 2, 4])
        #expect((0..<5).map(BacktestPlan(cutoffs: cutoffs, horizon: 1, refit: .once).fitFold(for:)) == [0, 0, 0, 0, 0])
    }

    @Test(arguments: [BacktestPlan.RefitPolicy.everyFold, .every(3), .once])
    func aPoisonedFutureChangesNoForecast(refit: BacktestPlan.RefitPolicy) throws {
        // For each fold, corrupt every row from its cut-off on: its forecasts must not move.
        let plan = BacktestPlan.lastFolds(6, horizon: 4, rows: series.count, minimumHistory: 8, refit: refit)
        let backtest = WalkForwardBacktest(plan: plan, seasonPeriod: 7)
        let clean = try backtest.run(HistorySpy(), on: series)
        for k in plan.cutoffs.indices {
            var poisoned = series
            for row in plan.cutoffs[k]..<poisoned.count { poisoned[row] = 1e9 }
            let dirty = try backtest.run(HistorySpy(), on: poisoned)
            #expect(dirty[k].forecasts == clean[k].forecasts, "fold \(k) saw its own future")
        }
    }

    @Test func parallelRunsEqualSequentialOnes() throws {
        let plan = BacktestPlan.lastFolds(9, horizon: 3, rows: series.count, minimumHistory: 8)
        let backtest = WalkForwardBacktest(plan: plan, seasonPeriod: 7)
        let one = try backtest.run(HistorySpy(), on: series, threads: 1)
        let two = try backtest.run(HistorySpy(), on: series, threads: 2)
        let four = try backtest.run(HistorySpy(), on: series, threads: 4)
        #expect(one == two)
        #expect(one == four)
        #expect(one.map(\.fold) == Array(0..<9))
    }

    @Test func twoMethodsSharingOnePoolScoreAsTheyDoAlone() throws {
        let plan = BacktestPlan.lastFolds(9, horizon: 3, rows: series.count, minimumHistory: 8, refit: .every(2))
        let backtest = WalkForwardBacktest(plan: plan, seasonPeriod: 7)
        let spy = backtest.jobs(HistorySpy(), on: series)
        let naive = backtest.jobs(NaiveForecast(), on: series)
        // Five groups of folds sharing a fit each: one job per group.
        #expect(spy.jobs.count == 5 && naive.jobs.count == 5)
        WalkForwardBacktest.run(spy.jobs + naive.jobs, threads: 2)
        #expect(try spy.results() == backtest.run(HistorySpy(), on: series))
        #expect(try naive.results() == backtest.run(NaiveForecast(), on: series))
    }

    @Test func skippedJobsReadAsCancelled() {
        let plan = BacktestPlan.lastFolds(4, horizon: 3, rows: series.count, minimumHistory: 8)
        let work = WalkForwardBacktest(plan: plan, seasonPeriod: 7).jobs(HistorySpy(), on: series).skipping { true }
        WalkForwardBacktest.run(work.jobs, threads: 2)
        #expect(throws: CancellationError.self) { try work.results() }
    }

    @Test func naiveScoresMatchAHandComputation() throws {
        let history = [1.0, 2, 4, 7, 11, 16, 22]  // diffs 1 2 3 4 5 6
        let plan = BacktestPlan(cutoffs: [5], horizon: 2)
        let folds = try WalkForwardBacktest(plan: plan, seasonPeriod: 1).run(NaiveForecast(), on: history)
        // history 1 2 4 7 11: scale (1+2+3+4)/4 = 2.5; forecast 11, 11 vs 16, 22: MAE 8
        let score = BacktestScore(method: "naive", folds: folds)
        #expect(abs(score.meanAbsoluteError - 8) < 1e-12)
        #expect(abs(score.meanAbsoluteScaledError! - 3.2) < 1e-12)
        #expect(score.meanError == -8)
        #expect(score.directionalAccuracy == nil)  // a no-change forecast calls no direction
    }

    @Test func aFailingFitIsReportedNotSwallowed() {
        let plan = BacktestPlan(cutoffs: [3, 6], horizon: 1)
        #expect(throws: BaselineError.self) {
            try WalkForwardBacktest(plan: plan, seasonPeriod: 1).run(SeasonalNaiveForecast(seasonPeriod: 5), on: series)
        }
    }
}

/// A method whose forecast depends on every value it was fitted on and conditioned on, so any value
/// it should not have seen would change it.
struct HistorySpy: ForecastingMethod {
    var name: String { "spy" }
    func fit(history: [Double]) throws -> Model { Model(fittedSum: history.reduce(0, +)) }

    struct Model: FittedForecastingModel {
        let fittedSum: Double
        func forecast(after history: [Double], horizon: Int) throws -> [Double] {
            let recent = history.reduce(0, +)
            return (0..<horizon).map { fittedSum * 1e-3 + recent / Double(history.count) + Double($0) }
        }
    }
}
