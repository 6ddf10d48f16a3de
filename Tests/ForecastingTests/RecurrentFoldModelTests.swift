import ForecastEvaluation
import Testing
@testable import Forecasting

/// A backtest fold whose history holds one value throughout (a product's zeros before its launch):
/// the automatic method forecasts it naively, as a forecast of that history would, instead of
/// stopping the whole backtest; a forced network still fails.
@Suite struct RecurrentFoldModelTests {
    /// 40 zeros, then a walk: the first fold's history is all zeros, the second's is not.
    static let launch: [Double] = (0..<40).map { _ in 0.0 } + (0..<40).map { 10 + Double($0 % 7) }

    static func suite(_ configuration: ForecasterConfiguration) -> BacktestSuite {
        let plan = BacktestPlan(cutoffs: [30, 70], horizon: 3, trainingWindow: .expanding, refit: .everyFold)
        return BacktestSuite(backtest: WalkForwardBacktest(plan: plan, seasonPeriod: 1), model: configuration,
                             baselineNames: ["naive"], frequency: .irregular)
    }

    @Test func aConstantFoldHistoryIsForecastNaively() throws {
        let entries = try Self.suite(ForecasterConfiguration(lookback: 4, horizon: 3, epochs: 2, threads: 1))
            .run(on: Self.launch, threads: 1)
        let auto = try #require(entries.first { $0.name == "auto" })
        #expect(auto.folds[0].method == "naive")
        #expect(auto.folds[0].forecasts == [0, 0, 0])
        #expect(auto.folds.count == 2)
    }

    @Test func aForcedNetworkStillFailsOnIt() {
        var configuration = ForecasterConfiguration(lookback: 4, horizon: 3, epochs: 2, threads: 1)
        configuration.selection = .network
        #expect(throws: ForecasterError.self) { try Self.suite(configuration).run(on: Self.launch, threads: 1) }
    }
}
