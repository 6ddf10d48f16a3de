import ArgumentParser
import ForecastActions
import Foundation

/// `tsf predict --model model.safetensors FILE --column Close --horizon 5`: forecast with a saved
/// model, conditioned on the latest rows of a file.
struct Predict: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast a CSV column with a saved model file (from tsf train, or saved from PyTorch).",
        discussion: """
            The model reads the last rows of the file (its lookback) and forecasts from there. Without \
            --column, the columns recorded in the model file are used.
            """
    )

    @Option(help: ArgumentHelp("The model file (safetensors).", valueName: "path"))
    var model: String

    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    @Option(help: ArgumentHelp("The column to forecast (default: the one the model was trained on).", valueName: "name"))
    var column: String?

    @Option(help: ArgumentHelp("Comma-separated feature columns, in the order the model was trained with.", valueName: "names"))
    var features: String?

    @Option(help: ArgumentHelp("A CSV file of the future rows of the model's known-in-advance columns, when FILE stops at its last target value.", valueName: "file"))
    var future: String?

    @Option(help: ArgumentHelp("The holidays of a model trained with the holiday calendar feature: a CSV of dates, or an exchange's code.", valueName: "file|code"))
    var holidays: String?

    @Option(help: ArgumentHelp("Steps to forecast (default: the model's horizon; more steps continue recursively for a model without features).", valueName: "steps"))
    var horizon: Int?

    @Option(help: ArgumentHelp("Comma-separated prediction-interval levels, e.g. 80,95 or 0.8,0.95 (a value below 1 is a fraction, from 1 to 100 a percentage; split-conformal, calibrated on the file's own rows).", valueName: "levels"))
    var level: String?

    @OptionGroup(title: "Reading the CSV file") var csv: CSVOptions

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    /// The named feature columns, in order; nil when none were named.
    var featureNames: [String]? { features.map(SeriesOptions.names) }

    func validate() throws {
        try HorizonOption.validate(horizon)
        _ = try IntervalLevels.parse(level)
        if let features, let names = featureNames {
            try SeriesOptions.check(features: names, text: features, column: column)
        }
    }

    func run() async throws {
        try await ToolFailure.reporting {
            let action = PredictAction(modelPath: model, source: csv.source(file), column: column, features: featureNames,
                                       readOptions: csv.readOptions, steps: horizon, levels: try IntervalLevels.parse(level),
                                       futureSource: future.map(csv.source),
                                       holidaysSource: SeriesOptions.holidayParts(holidays).file.map(csv.source),
                                       holidayExchange: SeriesOptions.holidayParts(holidays).exchange)
            let result = try ToolFailure.planning(Self.self) {
                try ShortSeriesFailure.namingHistory(file: file, column: column) {
                    try action.run(reporter: ConsoleReporter.make())
                }
            }
            print(result.rendered(format), terminator: "")
        }
    }
}
