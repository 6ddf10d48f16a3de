import Foundation
import Forecasting

/// `tsf backtest FILE --id symbol --column price --global`: the per-series backtest table with, for
/// every series, a row for one network trained across all series (`GlobalBacktest`), scored on the
/// same cut-offs as the per-series model and the baselines, and its aggregate row beside theirs, so
/// one table says whether the global model beats per-series models and the naive forecast.
///
/// Every series is read before the first fit, since the network learns from all of them at once;
/// the per-series backtests then run in parallel and their rows are printed in input order.
enum ManySeriesGlobalBacktest {
    /// One series ready to backtest: its values and its suite (whose plan the global model shares).
    struct Planned: Sendable {
        let id: String
        let values: [Double]
        let suite: BacktestSuite
    }

    static func run(_ command: Backtest, input: ManySeriesSource, plans: ManySeriesBacktestCommand.PlanMaker) throws {
        let (ids, series, readFailures) = try ManySeriesGlobalForecast.readAll(input)
        var failed = readFailures
        let present = zip(ids, series).compactMap { id, item in item.map { (id: id, series: $0) } }
        guard let frequency = try ManySeriesGlobalForecast.commonFrequency(present.map(\.series)) else {
            throw ManySeriesFailure("no series of \(input.fileName) could be read, so there is nothing to backtest a global model on.")
        }
        var planned: [Planned] = []
        for item in present {
            do {
                planned.append(Planned(id: item.id, values: item.series.values, suite: try plans.suite(for: item.series)))
            } catch {
                ToolFailure.printError("series \(item.id): \(ToolFailure.sentence(for: error))")
                failed.append(item.id)
            }
        }

        let threads = ManySeriesInput.threads(command.model)
        var configuration = command.model.configuration(horizon: command.horizon ?? frequency.defaultHorizon)
        configuration.threads = threads
        let global = GlobalBacktest(configuration: configuration, frequency: frequency)
        let (globalFolds, report) = global.run(series: planned.map(\.values), backtests: planned.map(\.suite.backtest))
        if let first = report.fits.first {
            ToolFailure.printError("note: \(global.name) trained \(report.fits.count) time\(report.fits.count == 1 ? "" : "s") across up to \(report.fits.map(\.series).max() ?? first.series) series, each fit on the rows before each series' own cut-off (first fit: \(first.windows) windows, \(first.epochs) epochs)")
        }

        let ready = planned
        let rows = ManySeriesBacktestRows(format: command.format)
        StreamedOutput.write(rows.header)
        let collected = ScoreList()
        let failures = FailureList()
        ManySeriesRunner.run(count: ready.count, threads: threads, job: { index in
            Result {
                let item = ready[index]
                var scores = try item.suite.run(on: item.values, threads: 1).map(\.score)
                let folds: [FoldForecast]
                do {
                    folds = try globalFolds[index].get()
                } catch {
                    throw ManySeriesFailure("\(global.name): \(ToolFailure.sentence(for: error))")
                }
                // Beside the per-series model, before the baselines.
                scores.insert(BacktestScore(method: global.name, folds: folds), at: item.suite.model == nil ? 0 : 1)
                return ManySeriesBacktestCommand.SeriesScores(scores: scores)
            }
        }, deliver: { index, result in
            let id = ready[index].id
            switch result {
            case .success(let scores):
                StreamedOutput.write(rows.render(id: id, scores: scores.scores))
                collected.append(scores.scores)
            case .failure(let error):
                ToolFailure.printError("series \(id): \(ToolFailure.sentence(for: error))")
                failures.append(id)
            }
            return true
        })
        StreamedOutput.write(rows.render(summary: ManySeriesBacktestSummary(scores: collected.all)))
        let code = ManySeriesInput.finish(failed: failed + failures.ids, total: ids.count)
        if code != .success { throw code }
    }
}
