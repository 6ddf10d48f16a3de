import ArgumentParser
import ForecastActions
import Foundation

/// `tsf backtest FILE --column Close --folds 10 --horizon 5`: walk-forward evaluation of the model
/// against the baselines on the same cut-offs.
struct Backtest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk-forward backtest of the model and the baselines on a CSV column.",
        discussion: """
            Each fold fits on the rows before its cut-off only (scalers and transforms included) and \
            forecasts the next --horizon rows. Every baseline is scored on exactly the same cut-offs. \
            MASE and RMSSE are scaled by the in-sample error of the seasonal-naive forecast (period 1 \
            for trading days); "relMASE" is a method's MASE over the naive forecast's: below 1 means \
            it beat the naive forecast. The best MASE is marked with *. dir% is undefined for a \
            forecast that calls no direction (the naive forecast).
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

    @Option(help: ArgumentHelp("With --id and the automatic method: across-series (default) also backtests the choice across series that `tsf forecast --id` makes, made again at every fold on the rows before it, in rows named choice-across-series (every series is read first); per-series scores each series' own models only, streamed as each series finishes.", valueName: "across-series|per-series"))
    var choice: ManySeriesChoice.Scope = .acrossSeries

    @Option(help: "Output format: table, csv, json or jsonl (one JSON object per line; with --id, csv and jsonl stream as each series finishes, or with the choice across series once every series is read).")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Draw the actuals and every fold's forecasts to this SVG file.", valueName: "file.svg"))
    var plot: String?

    @Flag(help: "Draw the baselines' forecasts in the plot too.")
    var plotBaselines = false

    @Option(help: ArgumentHelp("Also write every fold's forecasts to this CSV file: series, cutoff, date, step, actual, then a column per model and interval bound.", valueName: "file.csv"))
    var forecasts: String?

    func validate() throws {
        try series.checkCalendar(manySeries: csv.manySeries, listsAllowed: true)
        try HorizonOption.validate(horizon)
        if series.hasFeatures || series.staticColumns != nil, folds.window == .sliding {
            throw ValidationError("--window sliding cannot be used with --features, --future-features or --static: each fold reads the features of its whole history; use --window expanding.")
        }
        if global, !csv.manySeries { throw ValidationError("--global trains one model on several series: give --id (and no single --series).") }
        try series.checkStatic(global: global)
        if choice != .acrossSeries, !csv.manySeries { throw ValidationError("--choice says where a many-series backtest chooses its method: give --id.") }
        if choice != .acrossSeries, global { throw ValidationError("--choice per-series and --global ask for different models: give one.") }
        if csv.manySeries, plot != nil {
            throw ValidationError("--plot draws one series' backtest; with several series pick one with --series.")
        }
        if csv.manySeries, folds.perFold {
            throw ValidationError("--per-fold prints one series' folds; with several series pick one with --series (--forecasts FILE writes every series' folds).")
        }
    }

    func run() async throws {
        try series.requireColumn(file: file, csv: csv)
        try await ToolFailure.reporting {
            let configuration = model.configuration(horizon: horizon ?? 1)
            let settings = try folds.settings(configuration: configuration, includesModel: !baselinesOnly, horizon: horizon)
            let reporter = ConsoleReporter.make(epochs: configuration.epochs, folds: settings.folds ?? 0)
            if csv.manySeries {
                var action = ManySeriesBacktestAction(
                    source: try csv.manySeriesSource(file: file, columns: series, reporter: reporter),
                    settings: settings, threads: model.seriesThreads, global: global, choice: choice, forecastsPath: forecasts)
                action.choiceNetworkStrategy = model.strategy ?? .recursive
                action.calendar = series.calendarSelection
                action.holidaysSource = series.holidaysFile.map(csv.source)
                action.holidayExchange = series.holidayExchange
                let rows = ManySeriesBacktestRows(format: format, levels: settings.levels)
                StreamedOutput.write(rows.header)
                let outcome = try action.run(reporter: reporter) { id, result in
                    StreamedOutput.write(rows.rendered(id: id, scores: result.models.map(\.score)))
                }
                StreamedOutput.write(rows.rendered(summary: outcome.summary))
                try ToolFailure.finish(outcome.series)
                return
            }
            let action = BacktestAction(
                source: csv.source(file), column: series.column, features: series.featureNames,
                knownFeatures: series.futureFeatureNames, readOptions: csv.readOptions, settings: settings,
                threads: model.seriesThreads, plotPath: plot, plotsBaselines: plotBaselines, forecastsPath: forecasts,
                calendar: series.calendarSelection, holidaysSource: series.holidaysFile.map(csv.source),
                holidayExchange: series.holidayExchange)
            let result = try ToolFailure.planning(Self.self, series: ShortSeriesFailure.subject(file: CSVSource(argument: file).displayName, column: series.column)) {
                try action.run(reporter: reporter)
            }
            FoldProgress.clear()
            print(folds.perFold ? result.renderedFolds(format) : result.rendered(format), terminator: "")
        }
    }
}
