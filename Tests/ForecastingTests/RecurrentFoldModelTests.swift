import ForecastEvaluation
import Testing
@testable import Forecasting

/// A backtest fold whose history holds one value throughout (a product's zeros before its launch),
/// or is too short for the network: the automatic method gives it the simple forecast, as a forecast
/// of that history would, instead of stopping the whole backtest; a forced network still fails.
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

    /// Folds from 3 and 16 rows of a seasonal series, too few for a lookback of 20 and a horizon of
    /// 2: the first forecasts naively (too short to show a season), the second copies the season of
    /// 4 it shows, as `SimpleForecast` on those histories does.
    @Test func aFoldTooShortForTheNetworkGetsTheSimpleForecast() throws {
        let values: [Double] = (0..<40).map { [10, 14, 12, 30][$0 % 4] + Double($0) * 0.01 }
        var configuration = ForecasterConfiguration(lookback: 20, horizon: 2, epochs: 2, threads: 1)
        configuration.seasonPeriod = 4
        let plan = BacktestPlan(cutoffs: [3, 16], horizon: 2, trainingWindow: .expanding, refit: .everyFold)
        let suite = BacktestSuite(backtest: WalkForwardBacktest(plan: plan, seasonPeriod: 4), model: configuration,
                                  baselineNames: ["naive"], frequency: .irregular)
        let auto = try #require(try suite.run(on: values, threads: 1).first { $0.name == "auto" })
        for (fold, cutoff) in zip(auto.folds.prefix(2), [3, 16]) {
            let simple = try SimpleForecast(values: Array(values[..<cutoff]), steps: 2, seasonPeriod: 4)
            #expect(fold.method == simple.method.name && fold.forecasts == simple.forecasts)
        }
        #expect(auto.folds[0].method == "naive" && auto.folds[1].method == "seasonal-naive")
        #expect(auto.folds[1].forecasts == [values[12], values[13]])
        #expect(auto.folds.count == 2)
    }

    @Test func aForcedNetworkStillFailsOnIt() {
        var configuration = ForecasterConfiguration(lookback: 4, horizon: 3, epochs: 2, threads: 1)
        configuration.selection = .network
        #expect(throws: ForecasterError.self) { try Self.suite(configuration).run(on: Self.launch, threads: 1) }
    }
}
