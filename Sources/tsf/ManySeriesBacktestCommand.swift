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
        let baselineNames = try command.folds.baselineNames()
        let levels = try command.folds.levels()
        let plans = PlanMaker(command: command)
        let rows = ManySeriesBacktestRows(format: command.format)
        StreamedOutput.write(rows.header)
        let collected = ScoreList()
        let outcome = try ManySeriesInput.forEachSeries(in: input, threads: ManySeriesInput.threads(command.model), job: { series in
            let values = series.values
            let steps = plans.horizon ?? series.frequency.defaultHorizon
            var configuration = plans.configuration(steps)
            configuration.lookback = configuration.lookback ?? Forecaster.defaultLookback(frequency: series.frequency, rows: values.count)
            let season = plans.season ?? BacktestSuite.metricSeasonPeriod(for: series.frequency)
            let plan = try plans.make(rows: values.count, horizon: steps, lookback: configuration.lookback!, season: season)
            var backtest = WalkForwardBacktest(plan: plan, seasonPeriod: season)
            backtest.intervalLevels = levels
            let suite = BacktestSuite(backtest: backtest, model: plans.baselinesOnly ? nil : configuration,
                                      baselineNames: baselineNames, frequency: series.frequency)
            return SeriesScores(scores: try suite.run(on: values, threads: 1).map(\.score))
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
        var horizon: Int? { command.horizon }
        var season: Int? { command.folds.season }
        var baselinesOnly: Bool { command.baselinesOnly }
        func configuration(_ steps: Int) -> ForecasterConfiguration {
            var configuration = command.model.configuration(horizon: steps)
            configuration.threads = 1
            return configuration
        }
        func make(rows: Int, horizon: Int, lookback: Int, season: Int) throws -> BacktestPlan {
            try command.makePlan(rows: rows, horizon: horizon, lookback: lookback, season: season)
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
