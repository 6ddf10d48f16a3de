import ArgumentParser
import Foundation
import Forecasting

/// `tsf backtest FILE --column Close --folds 10 --horizon 5`: walk-forward evaluation of the model
/// against the baselines on the same cut-offs.
struct Backtest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk-forward backtest of the model and the baselines on a CSV column.",
        discussion: """
            Each fold fits on the rows before its cut-off only (scalers and transforms included) and \
            forecasts the next --horizon rows. Every baseline is scored on exactly the same cut-offs. \
            MASE and RMSSE are scaled by the in-sample error of the seasonal-naive forecast (period 1 \
            for trading days); "skill" is the model's MASE relative to the naive forecast's: below 1 \
            means it beat the naive forecast. The best MASE is marked with *.
            """
    )

    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    @OptionGroup var series: SeriesOptions

    @Option(help: ArgumentHelp("Steps forecast from each cut-off (default: about one planning period of the frequency).", valueName: "steps"))
    var horizon: Int?

    @OptionGroup(title: "Folds") var folds: BacktestOptions
    @OptionGroup(title: "Model and training") var model: ModelOptions
    @OptionGroup(title: "Reading the CSV file") var csv: CSVOptions

    @Flag(help: "Score the baselines only, without the recurrent model.")
    var baselinesOnly = false

    @Flag(help: "With --id: also backtest one model trained across every series (each scaled on its own, each fold trained on the rows before every series' cut-off), in rows named global-<cell> beside the per-series models'.")
    var global = false

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Draw the actuals and every fold's forecasts to this SVG file.", valueName: "file.svg"))
    var plot: String?

    @Flag(help: "Draw the baselines' forecasts in the plot too.")
    var plotBaselines = false

    func validate() throws {
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1, not \(horizon).") }
        if !series.featureNames.isEmpty {
            throw ValidationError("backtest scores univariate forecasts; drop --features.")
        }
        if global, !csv.manySeries { throw ValidationError("--global trains one model on several series: give --id (and no single --series).") }
    }

    func run() async throws {
        try await ToolFailure.reporting {
            if csv.manySeries { return try ManySeriesBacktestCommand.run(self) }
            let data = try SeriesLoading.read(file: file, series: series, csv: csv)
            let values = data.target.values
            let frequency = data.target.frequency
            let steps = horizon ?? frequency.defaultHorizon
            var configuration = model.configuration(horizon: steps)
            configuration.lookback = configuration.lookback ?? Forecaster.defaultLookback(frequency: frequency, rows: values.count)
            let season = folds.season ?? BacktestSuite.metricSeasonPeriod(for: frequency)
            let plan = try makePlan(rows: values.count, horizon: steps, lookback: configuration.lookback!, season: season)
            var backtest = WalkForwardBacktest(plan: plan, seasonPeriod: season)
            backtest.intervalLevels = try folds.levels()
            let suite = BacktestSuite(backtest: backtest, model: baselinesOnly ? nil : configuration,
                                      baselineNames: try folds.baselineNames(), frequency: frequency)
            let threads = model.threads ?? ProcessInfo.processInfo.activeProcessorCount
            let progress = FoldProgress(folds: plan.cutoffs.count)
            let entries = try suite.run(on: values, threads: max(1, threads), progress: progress.handle)
            progress.finish()
            let table = BacktestTable(entries: entries, series: data.target, plan: plan, seasonPeriod: season)
            print(folds.perFold ? table.renderFolds(format) : table.render(format), terminator: "")
            if let plot {
                let picture = BacktestPicture(series: data.target, entries: entries, plan: plan, includeBaselines: plotBaselines || baselinesOnly)
                try OutputFile.write(picture.svg(), to: plot)
            }
        }
    }

    func makePlan(rows: Int, horizon: Int, lookback: Int, season: Int) throws -> BacktestPlan {
        let window = folds.trainingWindow()
        let refit = try folds.refitPolicy()
        let plan: BacktestPlan
        if let start = folds.start {
            plan = .from(start: start, stride: folds.stride ?? horizon, horizon: horizon, rows: rows,
                         trainingWindow: window, refit: refit)
        } else {
            // Each fold needs enough history to train on: several windows plus a validation part.
            let minimumHistory = max(2 * (lookback + horizon) + 1, 2 * season + 1, 20)
            plan = .lastFolds(folds.folds, horizon: horizon, stride: folds.stride, rows: rows,
                              minimumHistory: minimumHistory, trainingWindow: window, refit: refit)
        }
        guard !plan.cutoffs.isEmpty else {
            throw ValidationError("The series has \(rows) rows: too few for a fold with horizon \(horizon) and lookback \(lookback); lower --horizon, --lookback or --folds.")
        }
        if plan.cutoffs.count < (folds.start == nil ? folds.folds : 1) {
            ToolFailure.printError("warning: only \(plan.cutoffs.count) fold\(plan.cutoffs.count == 1 ? "" : "s") fit in \(rows) rows with enough history before each.")
        }
        return plan
    }
}

/// "fold k/n" on stderr while a backtest runs, only on a terminal.
final class FoldProgress: @unchecked Sendable {
    private let total: Int
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var done: [String: Int] = [:]

    init(folds: Int) { total = folds }

    var handle: @Sendable (String, Int) -> Void {
        { [self] method, _ in
            guard enabled else { return }
            let count = lock.withLock { () -> Int in
                done[method, default: 0] += 1
                return done[method]!
            }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(method): fold \(count)/\(total)".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
