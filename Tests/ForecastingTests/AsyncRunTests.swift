import Foundation
import Testing
import _ForecastTestSupport
import Forecasting

/// The asynchronous global fit, backtests and many-series run: the same results as the synchronous
/// calls, and `CancellationError` soon after their task is cancelled (training inside every fold or
/// series hears it; the bounded waits fail the test instead of hanging when it does not).
@Suite struct AsyncRunTests {
    static let quick = GlobalBacktestTests.quick()
    static let family = GlobalBacktestTests.family

    /// Settings that would train for minutes unless cancellation reaches the training loop.
    static var endless: ForecasterConfiguration {
        ForecasterConfiguration(hiddenSize: 24, lookback: 6, horizon: 3, epochs: 100_000, earlyStopping: .off, threads: 1)
    }

    static let longSeries: [Double] = (0..<400).map { 10 + sin(Double($0) / 4) + 0.01 * Double($0) }

    /// Starts `work`, cancels it shortly after, and expects `CancellationError` within a minute.
    static func expectCancellation<Success: Sendable>(_ work: @escaping @Sendable () async throws -> Success) async throws {
        let task = Task { try await work() }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        let outcome = try #require(await result(of: task, within: 60), "the run did not stop within a minute")
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    // MARK: Global fit

    @Test func globalFitMatchesTheSynchronousFit() async throws {
        let events = EventCounter()
        let background = try await GlobalForecaster.fit(series: Self.family, configuration: Self.quick) { _ in events.add() }
        let foreground = try GlobalForecaster.fit(series: Self.family, configuration: Self.quick)
        #expect(background.fitReport == foreground.fitReport)
        #expect(try background.members[0].get().parameters == foreground.members[0].get().parameters)
        #expect(events.count > 2)
    }

    @Test func cancellingAGlobalFitThrows() async throws {
        let series = [Self.longSeries, Self.longSeries.map { $0 * 3 }]
        try await Self.expectCancellation { try await GlobalForecaster.fit(series: series, configuration: Self.endless) { _ in } }
    }

    // MARK: Backtest suite

    static func suite(_ model: ForecasterConfiguration, rows: Int) -> BacktestSuite {
        let plan = BacktestPlan.lastFolds(3, horizon: 3, rows: rows, minimumHistory: rows - 12, refit: .everyFold)
        return BacktestSuite(backtest: WalkForwardBacktest(plan: plan, seasonPeriod: 1), model: model,
                             baselineNames: ["naive", "drift"], frequency: .irregular)
    }

    @Test func backtestSuiteMatchesTheSynchronousRun() async throws {
        let series = Self.family[0]
        let suite = Self.suite(Self.quick, rows: series.count)
        let heard = EventCounter()
        let background = try await suite.run(on: series, threads: 2) { _, _ in heard.add() }
        let foreground = try suite.run(on: series, threads: 2)
        #expect(background.map(\.name) == foreground.map(\.name))
        #expect(background.map { $0.folds.map(\.forecasts) } == foreground.map { $0.folds.map(\.forecasts) })
        #expect(heard.count == 3 * foreground.count)
    }

    @Test func cancellingABacktestSuiteThrows() async throws {
        let suite = Self.suite(Self.endless, rows: Self.longSeries.count)
        try await Self.expectCancellation { try await suite.run(on: Self.longSeries, threads: 2) { _, _ in } }
    }

    @Test func manyBacktestsAtOnceStillHearTheirCancellation() async throws {
        // More backtests than cores, each on two threads: their folds must not hold the executor's
        // few threads, or the tasks that cancel them never run (they once did, on libdispatch's pool).
        let suite = Self.suite(Self.endless, rows: Self.longSeries.count)
        let tasks = (0..<4).map { _ in Task { try await suite.run(on: Self.longSeries, threads: 2) { _, _ in } } }
        try await Task.sleep(nanoseconds: 300_000_000)
        for task in tasks { task.cancel() }
        for task in tasks {
            let outcome = try #require(await result(of: task, within: 60), "a backtest did not stop within a minute")
            #expect(throws: CancellationError.self) { try outcome.get() }
        }
    }

    // MARK: Global backtest

    @Test func globalBacktestMatchesTheSynchronousRun() async throws {
        let backtest = GlobalBacktest(configuration: Self.quick, frequency: .irregular)
        let plans = GlobalBacktestTests.backtests(Self.family)
        let fits = EventCounter()
        let background = try await backtest.run(series: Self.family, backtests: plans) { _, _ in fits.add() }
        let foreground = backtest.run(series: Self.family, backtests: plans)
        let forecasts = { (run: (folds: [Result<[FoldForecast], any Error>], report: GlobalBacktest.Report)) in
            try run.folds.map { try $0.get().map(\.forecasts) }
        }
        #expect(try forecasts(background) == forecasts(foreground))
        #expect(background.report.fits.count == foreground.report.fits.count)
        #expect(fits.count == foreground.report.fits.count)
    }

    @Test func cancellingAGlobalBacktestThrows() async throws {
        let series = [Self.longSeries, Self.longSeries.map { $0 + 5 }]
        let plans = series.map {
            WalkForwardBacktest(plan: BacktestPlan.lastFolds(2, horizon: 3, rows: $0.count, minimumHistory: 300), seasonPeriod: 1)
        }
        let backtest = GlobalBacktest(configuration: Self.endless, frequency: .irregular)
        try await Self.expectCancellation { try await backtest.run(series: series, backtests: plans) { _, _ in } }
    }

    // MARK: Many series

    @Test func manySeriesMatchesForecastingEachSeries() async throws {
        let many = ManySeriesForecast(configuration: ManySeriesForecastTests.quick(), steps: 3)
        let heard = EventCounter()
        let results = try await many.run(ManySeriesForecastTests.series, threads: 2) { _, _ in heard.add() }
        #expect(results.count == ManySeriesForecastTests.series.count)
        for (series, outcome) in zip(ManySeriesForecastTests.series, results) {
            let alone = Result { try many.forecast(series) }
            #expect((try? outcome.get().forecasts) == (try? alone.get().forecasts))
            #expect((try? outcome.get()) == nil ? (try? alone.get()) == nil : true)
        }
        #expect(heard.count == results.count)
    }

    @Test func cancellingAManySeriesRunThrows() async throws {
        let series = (0..<6).map { index in
            TimeSeries(name: "s\(index)", values: Self.longSeries.map { $0 + Double(index) }, frequency: .irregular)
        }
        let many = ManySeriesForecast(configuration: Self.endless, steps: 3)
        try await Self.expectCancellation { try await many.run(series, threads: 2) }
    }
}
