import ArgumentParser
import ForecastActions
import Foundation

/// `tsf forecast FILE --column Close --horizon 5`: fit a model with sensible defaults and print the
/// next values, dated by the series' calendar.
struct Forecast: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a model to a CSV column and forecast its next values.",
        discussion: """
            The forecasts are dated by the series' calendar: next trading days for share prices, next \
            months for monthly data, numbered steps for irregular series. Choices made from the data \
            (transform, lookback) are reported on stderr.
            """
    )

    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    @OptionGroup var series: SeriesOptions

    @Option(help: ArgumentHelp("Steps to forecast (default: about one planning period of the frequency, e.g. 5 trading days, 12 months).", valueName: "steps"))
    var horizon: Int?

    @OptionGroup(title: "Model and training") var model: ModelOptions
    @OptionGroup(title: "Reading the CSV file") var csv: CSVOptions

    @Option(help: ArgumentHelp("Also save the fitted model to this file (safetensors); with --id, to this folder, one <id>.safetensors per series.", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("Comma-separated prediction-interval levels, e.g. 80,95 or 0.8,0.95 (a value below 1 is a fraction, from 1 to 100 a percentage; split-conformal, calibrated on the series' own recent forecasts).", valueName: "levels"))
    var level: String?

    @Option(help: ArgumentHelp("Also draw the history, forecast and intervals to this SVG file; with --id, to this folder, one <id>.svg per series.", valueName: "file.svg"))
    var plot: String?

    @Option(help: "Output format: table, csv, json or jsonl (one JSON object per line; with --id, csv and jsonl stream as each series finishes).")
    var format: OutputFormat = .table

    @Flag(help: "With --id: train one model on every series (each scaled on its own) instead of one model per series.")
    var global = false

    @Option(help: ArgumentHelp("With --id: where the automatic method is chosen. across-series (default) holds out each series' last steps and weighs each series' own models, one network trained across the series and the statistical models, then forecasts every series with the best (every series is read first); per-series lets each series choose alone, streamed as it is read.", valueName: "across-series|per-series"))
    var choice: ManySeriesChoice.Scope = .acrossSeries

    @Flag(help: "Never draw the small chart shown under the table on a terminal.")
    var noChart = false

    @Option(help: ArgumentHelp("A CSV file of the future rows of the --future-features columns (the same time column and columns, one row per step to forecast; with --id, the id column too, for every series), when FILE itself stops at its last target value.", valueName: "file"))
    var future: String?

    func validate() throws {
        try series.checkCalendar(manySeries: csv.manySeries, listsAllowed: true)
        try HorizonOption.validate(horizon)
        _ = try IntervalLevels.parse(level)
        if global, !csv.manySeries { throw ValidationError("--global trains one model on several series: give --id (and no single --series).") }
        try series.checkStatic(global: global)
        if future != nil, series.futureFeatureNames.isEmpty {
            throw ValidationError("--future gives the future rows of the --future-features columns; name them with --future-features.")
        }
        if choice != .acrossSeries, !csv.manySeries { throw ValidationError("--choice says where a many-series forecast chooses its method: give --id.") }
        if choice != .acrossSeries, global { throw ValidationError("--choice per-series and --global ask for different models: give one.") }
        if future == "-", file == "-" { throw ValidationError("--future and FILE cannot both be standard input.") }
    }

    func run() async throws {
        try series.requireColumn(file: file, csv: csv)
        try await ToolFailure.reporting {
            let configuration = model.configuration(horizon: horizon ?? 1)
            let reporter = ConsoleReporter.make(epochs: configuration.epochs)
            let levels = try IntervalLevels.parse(level)
            if csv.manySeries {
                var action = ManySeriesForecastAction(
                    source: try csv.manySeriesSource(file: file, columns: series, reporter: reporter),
                    configuration: configuration, steps: horizon, levels: levels, threads: model.seriesThreads, global: global, choice: choice,
                    modelFolder: out, plotFolder: plot)
                action.choiceNetworkStrategy = model.strategy ?? .recursive
                action.calendar = series.calendarSelection
                action.holidaysSource = series.holidaysFile.map(csv.source)
                action.holidayExchange = series.holidayExchange
                action.futureSource = future.map(csv.source)
                let rows = ManySeriesForecastRows(format: format, levels: levels)
                if let header = rows.header { StreamedOutput.write(header) }
                let outcome = try action.run(reporter: reporter) { id, result in StreamedOutput.write(rows.rendered(id: id, result)) }
                StreamedOutput.write(rows.finished())
                try ToolFailure.finish(outcome)
                return
            }
            let action = ForecastAction(
                source: csv.source(file), selection: series.selection, readOptions: csv.readOptions,
                configuration: configuration, steps: horizon, levels: levels, modelPath: out, plotPath: plot,
                futureSource: future.map(csv.source), calendar: series.calendarSelection,
                holidaysSource: series.holidaysFile.map(csv.source),
                holidayExchange: series.holidayExchange)
            let outcome = try ShortSeriesFailure.naming(file: file, column: series.column) { try action.run(reporter: reporter) }
            print(outcome.result.rendered(format), terminator: "")
            if format == .table, !noChart, isatty(STDOUT_FILENO) == 1 {
                print(outcome.picture.terminal(useColor: ProcessInfo.processInfo.environment["NO_COLOR"] == nil), terminator: "")
            }
        }
    }
}

extension ManySeriesChoice.Scope: ExpressibleByArgument {}
