import ArgumentParser
import Foundation
import Forecasting

/// `tsf backtest FILE --id symbol --column price`: the walk-forward backtest of every series of a
/// long-format file, series in parallel, each series' rows streamed in file order as it finishes,
/// then aggregate rows (id `*`) that average each error over the series first and then divide by
/// the naive forecast's average, as the M4 competition does (`ManySeriesBacktestSummary`).
enum ManySeriesBacktestCommand {
    /// One series' scores, in the suite's method order.
    struct SeriesScores: Sendable {
        let scores: [BacktestScore]
    }

    static func run(_ command: Backtest) throws {
        if command.plot != nil {
            throw ValidationError("--plot draws one series' backtest; with several series pick one with --series.")
        }
        let input = try ManySeriesInput.open(file: command.file, series: command.series, csv: command.csv)
        let plans = try PlanMaker(command: command)
        if command.global { return try ManySeriesGlobalBacktest.run(command, input: input, plans: plans) }
        let rows = ManySeriesBacktestRows(format: command.format)
        StreamedOutput.write(rows.header)
        let collected = ScoreList()
        let outcome = try ManySeriesInput.forEachSeries(in: input, threads: ManySeriesInput.threads(command.model), job: { series in
            SeriesScores(scores: try plans.suite(for: series).run(on: series.values, threads: 1).map(\.score))
        }, deliver: { id, scores in
            StreamedOutput.write(rows.render(id: id, scores: scores.scores))
            collected.append(scores.scores)
        })
        let summary = ManySeriesBacktestSummary(scores: collected.all)
        StreamedOutput.write(rows.render(summary: summary))
        let code = ManySeriesInput.finish(failed: outcome.failed, total: outcome.total)
        if code != .success { throw code }
    }

    /// What each series' plan needs from the command line, as plain values that may cross threads.
    struct PlanMaker: @unchecked Sendable {
        // The command is only read, never changed, once parsing is over.
        let command: Backtest
        let baselineNames: [String]
        let levels: [Double]

        init(command: Backtest) throws {
            self.command = command
            baselineNames = try command.folds.baselineNames()
            levels = try command.folds.levels()
        }

        /// The per-series model and the baselines on one series, scored on its plan: cut-offs from its
        /// length, the lookback (when not given) from its length and frequency.
        func suite(for series: TimeSeries) throws -> BacktestSuite {
            let steps = command.horizon ?? series.frequency.defaultHorizon
            var configuration = command.model.configuration(horizon: steps)
            configuration.threads = 1
            let lookback = configuration.lookback ?? Forecaster.defaultLookback(frequency: series.frequency, rows: series.count)
            configuration.lookback = lookback
            let season = command.folds.season ?? BacktestSuite.metricSeasonPeriod(for: series.frequency)
            let plan = try command.makePlan(rows: series.count, horizon: steps, lookback: lookback, season: season)
            var backtest = WalkForwardBacktest(plan: plan, seasonPeriod: season)
            backtest.intervalLevels = levels
            return BacktestSuite(backtest: backtest, model: command.baselinesOnly ? nil : configuration,
                                 baselineNames: baselineNames, frequency: series.frequency)
        }
    }
}

/// Every successful series' scores, appended in series order by the thread handing results over.
final class ScoreList: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[BacktestScore]] = []

    func append(_ scores: [BacktestScore]) { lock.withLock { stored.append(scores) } }
    var all: [[BacktestScore]] { lock.withLock { stored } }
}
