import ForecastEvaluation
import Testing
@testable import Forecasting

/// A backtest suite given a plan that does not fit its series (no fold, as a short series leaves
/// the documented example; folds past its end) throws, and fewer than one thread counts as one,
/// where each trapped.
@Suite struct BacktestSuitePlanTests {
    static func suite(_ plan: BacktestPlan) -> BacktestSuite {
        BacktestSuite(backtest: WalkForwardBacktest(plan: plan, seasonPeriod: 1), model: nil,
                      baselineNames: ["naive", "drift"], frequency: .daily)
    }

    static let series = (0..<150).map { 100 + Double($0 % 7) }

    @Test func aPlanWithoutFoldsThrows() {
        let plan = BacktestPlan.lastFolds(3, horizon: 5, rows: Self.series.count, minimumHistory: 200)
        #expect(plan.cutoffs.isEmpty)
        #expect(throws: ForecasterError.self) { try Self.suite(plan).run(on: Self.series, threads: 1) }
    }

    @Test func aPlanForALongerSeriesThrows() {
        let plan = BacktestPlan.lastFolds(2, horizon: 5, rows: 400, minimumHistory: 100)
        #expect(throws: ForecasterError.self) { try Self.suite(plan).run(on: Self.series, threads: 1) }
    }

    @Test func noThreadsCountAsOne() throws {
        let plan = BacktestPlan.lastFolds(2, horizon: 5, rows: Self.series.count, minimumHistory: 100)
        let entries = try Self.suite(plan).run(on: Self.series, threads: 0)
        #expect(entries.map(\.name) == ["naive", "drift"])
        #expect(entries[0].folds.count == 2)
    }
}
