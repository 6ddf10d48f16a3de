import ArgumentParser
import Foundation
import Forecasting

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

    @Option(help: ArgumentHelp("Also save the fitted model to this file (safetensors).", valueName: "path"))
    var out: String?

    @Option(help: ArgumentHelp("Comma-separated prediction-interval levels in percent, e.g. 80,95 (split-conformal, calibrated on the series' own recent forecasts).", valueName: "levels"))
    var level: String?

    @Option(help: ArgumentHelp("Also draw the history, forecast and intervals to this SVG file.", valueName: "file.svg"))
    var plot: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Flag(help: "With --id: train one model on every series (each scaled on its own) instead of one model per series.")
    var global = false

    @Flag(help: "Never draw the small chart shown under the table on a terminal.")
    var noChart = false

    func validate() throws {
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1, not \(horizon).") }
        _ = try IntervalLevels.parse(level)
        if global, !csv.manySeries { throw ValidationError("--global trains one model on several series: give --id (and no single --series).") }
    }

    func run() async throws {
        try await ToolFailure.reporting {
            if csv.manySeries { return try ManySeriesForecastCommand.run(self) }
            let data = try SeriesLoading.read(file: file, series: series, csv: csv)
            let steps = horizon ?? data.target.frequency.defaultHorizon
            let configuration = model.configuration(horizon: steps)
            let progress = TrainingProgress(epochs: configuration.epochs)
            let forecaster = try ShortSeriesFailure.naming(file: file, column: data.target.name) {
                try Forecaster.fit(
                    values: data.target.values, features: data.featureValues, frequency: data.target.frequency,
                    columnNames: data.columnNames, configuration: configuration, progress: progress.handle)
            }
            progress.finish()
            FitNotes.report(forecaster)
            let forecasts = try forecaster.forecast(steps: steps)
            let intervals = try forecaster.intervals(levels: IntervalLevels.parse(level), steps: steps, history: data.target.values)
            if let out { try forecaster.save(to: URL(fileURLWithPath: out)) }
            let table = ForecastTable(column: series.column, series: data.target, forecasts: forecasts, intervals: intervals)
            print(table.render(format), terminator: "")
            let picture = ForecastPicture(series: data.target, forecasts: forecasts, intervals: intervals,
                                          modelName: forecaster.configuration.cell.rawValue)
            if let plot { try OutputFile.write(picture.svg(), to: plot) }
            if format == .table, !noChart, isatty(STDOUT_FILENO) == 1 { print(picture.terminal(), terminator: "") }
        }
    }
}
