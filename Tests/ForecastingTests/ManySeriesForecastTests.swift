import Foundation
import Testing
@testable import ForecastEvaluation
import Forecasting

/// Per-series forecasts of many series, and the M4-style aggregate of their backtests.
@Suite struct ManySeriesForecastTests {
    /// A small, quick configuration: the point here is bookkeeping, not accuracy.
    static func quick() -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 4
        configuration.epochs = 2
        configuration.lookback = 6
        configuration.selection = .network
        return configuration
    }

    /// Three short series with different levels and trends; the last is too short to fit.
    static let series: [TimeSeries] = [
        TimeSeries(name: "a", values: (0..<60).map { 10 + sin(Double($0) / 3) }, frequency: .irregular),
        TimeSeries(name: "b", values: (0..<80).map { 100 + Double($0) + 3 * cos(Double($0)) }, frequency: .irregular),
        TimeSeries(name: "c", values: [1, 2, 3, 4], frequency: .irregular),
    ]

    /// One of many series in intraday sessions fits with a session's season, as a single one does.
    @Test func aSeriesInSessionsFitsWithASessionsSeason() throws {
        // Quarter-hour bars from 09:30 to 15:45 on ten weekdays: sessions of 26 bars.
        let days = (2...13).filter { Timestamp(year: 2026, month: 11, day: $0).civil.weekday <= 5 }
        let timestamps = days.flatMap { day in
            (0..<26).map { Timestamp(year: 2026, month: 11, day: day, hour: 9, minute: 30).advanced(by: Double($0 * 900)) }
        }
        var series = TimeSeries(name: "bars", timestamps: timestamps, values: timestamps.indices.map { 10 + sin(Double($0) / 4) })
        let plain = try ManySeriesForecast(configuration: Self.quick(), steps: 2).forecast(series)
        #expect(plain.forecaster.configuration.seasonPeriod == 96)                   // a day of quarter hours
        series.session = TradingSession.infer(from: timestamps, frequency: series.frequency)
        let sessions = try ManySeriesForecast(configuration: Self.quick(), steps: 2).forecast(series)
        #expect(sessions.forecaster.configuration.seasonPeriod == 26)
    }

    /// Many series in one shared session are weighed on its season, as each of them is fitted.
    @Test func seriesSharingASessionAreChosenForOnItsSeason() throws {
        let days = (2...9).filter { Timestamp(year: 2026, month: 11, day: $0).civil.weekday <= 5 }
        let timestamps = days.flatMap { day in
            (0..<26).map { Timestamp(year: 2026, month: 11, day: day, hour: 9, minute: 30).advanced(by: Double($0 * 900)) }
        }
        let session = TradingSession.infer(from: timestamps, frequency: .minutes(15))
        let series = (0..<ManySeriesChoice.minimumSeries).map { index -> TimeSeries in
            var made = TimeSeries(name: "s\(index)", timestamps: timestamps,
                                  values: timestamps.indices.map { 10 + Double(index) + sin(Double($0) * 2 * .pi / 26) })
            made.session = session
            return made
        }
        func seasonalPeriods(lookback: Int) throws -> [Int] {
            var configuration = Self.quick()
            configuration.lookback = lookback
            var choice = ManySeriesChoice(configuration: configuration, steps: 2)
            choice.threads = 1
            let outcome = try choice.run(series)
            #expect(outcome.outputs.allSatisfy { (try? $0.get()) != nil })
            return outcome.scores.compactMap { score -> Int? in
                if case let .seasonalNaive(period) = score.candidate { return period }
                return nil
            }
        }
        #expect(try seasonalPeriods(lookback: 26) == [26])
        // A lookback shorter than the season keeps too few rows for the seasonal-naive forecast: it
        // is no candidate (it was, and trapped when it won).
        #expect(try seasonalPeriods(lookback: 6) == [])
    }

    final class Results: @unchecked Sendable {
        let lock = NSLock()
        var forecasts: [Int: [Double]] = [:]
        var failed: [Int] = []
    }

    func runAll(threads: Int) -> Results {
        let results = Results()
        let job = ManySeriesForecast(configuration: Self.quick(), steps: 3)
        job.run(count: Self.series.count, threads: threads, series: { Self.series[$0] }) { index, result in
            results.lock.withLock {
                switch result {
                case .success(let output): results.forecasts[index] = output.forecasts
                case .failure: results.failed.append(index)
                }
            }
            return true
        }
        return results
    }

    @Test func sameForecastsAloneAndTogetherOnAnyThreadCount() throws {
        let one = runAll(threads: 1)
        let two = runAll(threads: 2)
        #expect(one.failed == [2] && two.failed == [2])
        #expect(one.forecasts == two.forecasts)
        let alone = try ManySeriesForecast(configuration: Self.quick(), steps: 3).forecast(Self.series[1])
        #expect(one.forecasts[1] == alone.forecasts)
        #expect(alone.forecasts.count == 3)
    }

    @Test func stepsDefaultToEachSeriesFrequency() throws {
        let monthly = TimeSeries(name: "m", values: (0..<72).map { 50 + 5 * sin(Double($0) * .pi / 6) }, frequency: .monthly)
        var configuration = Self.quick()
        configuration.lookback = 12
        let output = try ManySeriesForecast(configuration: configuration, levels: [0.8]).forecast(monthly)
        #expect(output.forecasts.count == Frequency.monthly.defaultHorizon)
        let interval = try #require(output.intervals.first)
        #expect(interval.level == 0.8)
    }

    // MARK: Aggregate rows

    static func score(_ method: String, forecasts: [Double], actuals: [Double], scale: Double) -> BacktestScore {
        let fold = FoldForecast(fold: 0, cutoff: 10, forecasts: forecasts, actuals: actuals, lastObserved: actuals[0],
                                naiveScale: scale, naiveSquaredScale: scale * scale)
        return BacktestScore(method: method, folds: [fold])
    }

    @Test func aggregateRowsAreRatiosOfMeansNotMeansOfRatios() throws {
        // Series 1: the naive error is tiny, so a per-series ratio would be huge there.
        let perSeries: [[BacktestScore]] = [
            [Self.score("model", forecasts: [10, 10], actuals: [11, 11], scale: 1),
             Self.score("naive", forecasts: [10.9, 10.9], actuals: [11, 11], scale: 1)],
            [Self.score("model", forecasts: [20, 20], actuals: [22, 22], scale: 2),
             Self.score("naive", forecasts: [26, 26], actuals: [22, 22], scale: 2)],
        ]
        let summary = ManySeriesBacktestSummary(scores: perSeries)
        #expect(summary.rows.map(\.method) == ["model", "naive"])
        let model = try #require(summary.rows.first)
        let mases = perSeries.map { $0.map { $0.meanAbsoluteScaledError! } }
        let smapes = perSeries.map { $0.map(\.symmetricMeanAbsolutePercentageError) }
        let meanModelMASE = (mases[0][0] + mases[1][0]) / 2
        let meanNaiveMASE = (mases[0][1] + mases[1][1]) / 2
        let relativeMASE = try #require(model.relativeMASE)
        #expect(abs(model.meanAbsoluteScaledError! - meanModelMASE) < 1e-12)
        #expect(abs(relativeMASE - meanModelMASE / meanNaiveMASE) < 1e-12)
        let meanOfRatios = (mases[0][0] / mases[0][1] + mases[1][0] / mases[1][1]) / 2
        #expect(abs(relativeMASE - meanOfRatios) > 1, "the two conventions should differ a lot here")
        let relativeSMAPE = ((smapes[0][0] + smapes[1][0]) / 2) / ((smapes[0][1] + smapes[1][1]) / 2)
        #expect(abs(model.overallWeightedAverage! - (relativeSMAPE + relativeMASE) / 2) < 1e-12)
        let naive = try #require(summary.rows.last)
        #expect(naive.relativeMASE == 1 && naive.overallWeightedAverage == 1 && naive.series == 2)
    }

    /// A series without a MASE scale (its history never changed) is left out of every method's
    /// MASE and relative MASE, and counted, where it once blanked them for the whole collection.
    @Test func aSeriesWithoutAScaleIsLeftOutOfTheScaledAverages() throws {
        let unscaled = FoldForecast(fold: 0, cutoff: 10, forecasts: [5], actuals: [5], lastObserved: 5,
                                    naiveScale: nil, naiveSquaredScale: nil)
        let perSeries: [[BacktestScore]] = [
            [Self.score("model", forecasts: [10], actuals: [11], scale: 1), Self.score("naive", forecasts: [9], actuals: [11], scale: 1)],
            [Self.score("model", forecasts: [20], actuals: [26], scale: 2), Self.score("naive", forecasts: [20], actuals: [22], scale: 2)],
            [BacktestScore(method: "model", folds: [unscaled]), BacktestScore(method: "naive", folds: [unscaled])],
        ]
        let summary = ManySeriesBacktestSummary(scores: perSeries)
        let model = try #require(summary.rows.first), naive = try #require(summary.rows.last)
        #expect(model.series == 3 && model.scaledSeries == 2 && naive.scaledSeries == 2)
        #expect(abs(try #require(model.meanAbsoluteScaledError) - 2) < 1e-12)  // (1 + 3) / 2
        #expect(abs(try #require(naive.meanAbsoluteScaledError) - 1.5) < 1e-12)  // (2 + 1) / 2
        #expect(abs(try #require(model.relativeMASE) - 2 / 1.5) < 1e-12)
        #expect(model.overallWeightedAverage != nil)
    }

    /// A method some series lack (a baseline too long for a short series) gets no row and is named,
    /// and every other method averages every series, matched by name, where rows were matched by
    /// position and some averaged fewer series than others.
    @Test func aMethodSomeSeriesLackGetsNoRow() throws {
        let perSeries: [[BacktestScore]] = [
            [Self.score("model", forecasts: [10], actuals: [11], scale: 1), Self.score("naive", forecasts: [9], actuals: [11], scale: 1),
             Self.score("drift", forecasts: [12], actuals: [11], scale: 1)],
            [Self.score("model", forecasts: [20], actuals: [26], scale: 2), Self.score("naive", forecasts: [20], actuals: [22], scale: 2),
             Self.score("seasonal-naive", forecasts: [21], actuals: [22], scale: 2), Self.score("drift", forecasts: [23], actuals: [22], scale: 2)],
        ]
        let summary = ManySeriesBacktestSummary(scores: perSeries)
        #expect(summary.rows.map(\.method) == ["model", "naive", "drift"])
        #expect(summary.rows.allSatisfy { $0.series == 2 && $0.scaledSeries == 2 })
        #expect(summary.methodsLeftOut == ["seasonal-naive"])
        let drift = try #require(summary.rows.last)
        #expect(abs(drift.meanAbsoluteError - 1) < 1e-12)  // (1 + 1) / 2
    }

    @Test func noReferenceLeavesRatiosUndefined() {
        let summary = ManySeriesBacktestSummary(scores: [[Self.score("model", forecasts: [1], actuals: [2], scale: 1)]])
        #expect(summary.rows.count == 1)
        #expect(summary.rows[0].relativeMASE == nil && summary.rows[0].overallWeightedAverage == nil)
        #expect(ManySeriesBacktestSummary(scores: []).rows.isEmpty)
    }
}
