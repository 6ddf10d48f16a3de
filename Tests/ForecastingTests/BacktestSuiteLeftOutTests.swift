import ForecastEvaluation
import Testing
@testable import Forecasting

/// A baseline that cannot forecast a series (a moving average wider than the history, exponential
/// smoothing on values whose likelihood overflows) is left out of a backtest when the caller asks,
/// and said why; otherwise its error stops the run, as before.
@Suite struct BacktestSuiteLeftOutTests {
    /// Minute data: the moving average spans a day of 1,440 values, more than 300 rows hold.
    static func suite() -> BacktestSuite {
        let plan = BacktestPlan.lastFolds(2, horizon: 3, rows: 300, minimumHistory: 200, refit: .everyFold)
        return BacktestSuite(backtest: WalkForwardBacktest(plan: plan, seasonPeriod: 1), model: nil,
                             baselineNames: ["naive", "moving-average", "drift"], frequency: .minutes(1))
    }

    static let series = (0..<300).map { 100 + Double($0 % 17) }

    @Test func aBaselineThatCannotForecastIsLeftOutAndNamed() throws {
        var leftOut: [(String, BaselineError)] = []
        let entries = try Self.suite().run(on: Self.series, threads: 1, leftOut: { leftOut.append(($0, $1)) })
        #expect(entries.map(\.name) == ["naive", "drift"])
        #expect(leftOut.map(\.0) == ["moving-average"])
        guard case let .historyTooShort(method, needed, _)? = leftOut.first?.1 else {
            Issue.record("expected a history too short, got \(leftOut)")
            return
        }
        #expect(method == "moving-average" && needed == 1_440)
    }

    @Test func withoutTheCallbackTheErrorStopsTheRun() {
        #expect(throws: BaselineError.self) { try Self.suite().run(on: Self.series, threads: 1) }
    }
}
