import ForecastEvaluation
import Testing
@testable import Forecasting

/// The backtest of the choice across series: each fold is the whole choice made again on the rows
/// before that fold's cut-off, and series with fewer folds join the later ones.
@Suite struct ManySeriesChoiceBacktestTests {
    static let horizon = 3

    static func backtest(length: Int, folds: Int) -> WalkForwardBacktest {
        let cutoffs = (0..<folds).map { length - horizon * (folds - $0) }
        return WalkForwardBacktest(plan: BacktestPlan(cutoffs: cutoffs, horizon: horizon), seasonPeriod: 1)
    }

    @Test func eachFoldIsTheChoiceMadeOnTheRowsBeforeItsCutoff() throws {
        // Eleven series of 48 values with two folds, one of 40 with a single fold: the short one
        // joins the last fold only.
        var series = ManySeriesChoiceTests.trendingSeries(count: 12)
        series[5].replace(values: Array(series[5].values.prefix(40)), timestamps: nil)
        let backtests = series.indices.map { Self.backtest(length: series[$0].count, folds: $0 == 5 ? 1 : 2) }
        let choice = ManySeriesChoice(configuration: ManySeriesChoiceTests.quick(), threads: 2)
        let (folds, report) = ManySeriesChoiceBacktest(choice: choice).run(series: series, backtests: backtests)

        #expect(report.folds.map(\.series) == [11, 12])
        for g in 0..<2 {
            // What the choice does alone on every taking part series cut at its cut-off.
            let members = series.indices.filter { !($0 == 5 && g == 0) }
            let cut = members.map { s -> TimeSeries in
                let k = s == 5 ? 0 : g
                var history = series[s]
                history.replace(values: Array(series[s].values[backtests[s].plan.historyRows(fold: k)]), timestamps: nil)
                return history
            }
            var alone = choice
            alone.steps = Self.horizon
            let outcome = try alone.run(cut)
            #expect(outcome.chosen == report.folds[g].chosen)
            for (position, s) in members.enumerated() {
                let k = s == 5 ? 0 : g
                let fold = try #require(try folds[s].get().first { $0.fold == k })
                #expect(fold.cutoff == backtests[s].plan.cutoffs[k])
                #expect(fold.forecasts == (try outcome.outputs[position].get().forecasts))
                #expect(fold.actuals == Array(series[s].values[backtests[s].plan.testRows(fold: k)]))
            }
        }
        #expect(try folds[5].get().count == 1)
        #expect(try folds[0].get().map(\.fold) == [0, 1])
    }

    /// With interval levels in the plans, each fold carries the intervals the choice gives at its
    /// cut-off (calibrated across the series too), so they are scored beside the per-series models'.
    @Test func theChoicesIntervalsAreScoredAtTheFoldsLevels() throws {
        let series = ManySeriesChoiceTests.trendingSeries(count: 12)
        var backtests = series.map { Self.backtest(length: $0.count, folds: 1) }
        for index in backtests.indices { backtests[index].intervalLevels = [0.8] }
        let choice = ManySeriesChoice(configuration: ManySeriesChoiceTests.quick(), threads: 2)
        let (folds, _) = ManySeriesChoiceBacktest(choice: choice).run(series: series, backtests: backtests)
        var alone = choice
        alone.steps = Self.horizon
        alone.levels = [0.8]
        let outcome = try alone.run(series.indices.map { s in
            var history = series[s]
            history.replace(values: Array(series[s].values[backtests[s].plan.historyRows(fold: 0)]), timestamps: nil)
            return history
        })
        for s in series.indices {
            let fold = try #require(try folds[s].get().first)
            #expect(fold.intervals.map(\.level) == [0.8])
            #expect(fold.intervals == (try outcome.outputs[s].get().intervals))
        }
    }

    /// A fold whose history the choice's models cannot take (a constant series) is scored with the
    /// simple forecast `tsf forecast` gives it, instead of failing the series' row.
    @Test func aConstantSeriesGetsTheSimpleForecast() throws {
        var series = ManySeriesChoiceTests.trendingSeries(count: 11)
        series.append(TimeSeries(name: "flat", values: Array(repeating: 7, count: 48)))
        var backtests = series.map { Self.backtest(length: $0.count, folds: 1) }
        for index in backtests.indices { backtests[index].intervalLevels = [0.8] }
        let choice = ManySeriesChoice(configuration: ManySeriesChoiceTests.quick(), threads: 2)
        let (folds, _) = ManySeriesChoiceBacktest(choice: choice).run(series: series, backtests: backtests)
        let fold = try #require(try folds[11].get().first)
        #expect(fold.forecasts == [7, 7, 7])
        #expect(fold.intervals.map(\.level) == [0.8])
        #expect(throws: Never.self) { try folds[0].get() }
    }

    @Test func theReportSaysWhatEachFoldChose() {
        let same = ManySeriesChoiceBacktest.Report(folds: [(12, .statistical([.arima])), (12, .statistical([.arima]))])
        #expect(same.summary == "arima at all 2 folds")
        let one = ManySeriesChoiceBacktest.Report(folds: [(12, .naive)])
        #expect(one.summary == "naive at the one fold")
        let differing = ManySeriesChoiceBacktest.Report(folds: [(12, .naive), (12, .global([.theta]))])
        #expect(differing.summary == "fold 1: naive, fold 2: global+theta")
    }
}
