import ArgumentParser
import Foundation
import Forecasting

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

    @Option(help: ArgumentHelp("Steps to forecast (default: the model's horizon; more steps continue recursively for a model without features).", valueName: "steps"))
    var horizon: Int?

    @OptionGroup(title: "Reading the CSV file") var csv: CSVOptions

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1, not \(horizon).") }
    }

    func run() async throws {
        try await ToolFailure.reporting {
            var forecaster = try Forecaster(contentsOf: URL(fileURLWithPath: model))
            let columns = try resolveColumns(of: forecaster)
            let data = try SeriesLoading.read(file: file, series: columns, csv: csv)
            try forecaster.condition(on: data.target.values, features: data.featureValues)
            let forecasts = try forecaster.forecast(steps: horizon ?? forecaster.horizon)
            print(ForecastTable(column: columns.column, series: data.target, forecasts: forecasts).render(format), terminator: "")
        }
    }

    /// The columns to read: those given, else those the model file records. A model trained with
    /// features needs as many feature columns.
    func resolveColumns(of forecaster: Forecaster) throws -> SeriesOptions {
        let recorded = forecaster.columnNames
        guard let target = column ?? recorded.first else {
            throw ValidationError("The model file does not record its column; name it with --column.")
        }
        var options = try SeriesOptions.parse(["--column", target] + (features.map { ["--features", $0] } ?? []))
        if features == nil, recorded.count > 1 {
            options = try SeriesOptions.parse(["--column", target, "--features", recorded.dropFirst().joined(separator: ",")])
        }
        guard options.featureNames.count == forecaster.featureCount else {
            throw ModelInputMismatch(path: model, expected: forecaster.featureCount, given: options.featureNames, recorded: recorded)
        }
        if !recorded.isEmpty, [target] + options.featureNames != recorded {
            ToolFailure.printError("warning: the model was trained on \(recorded.joined(separator: ", ")); forecasting \(([target] + options.featureNames).joined(separator: ", ")) with it.")
        }
        return options
    }
}

/// The data given to a model does not have the columns it was trained with.
struct ModelInputMismatch: LocalizedError {
    let path: String
    let expected: Int
    let given: [String]
    let recorded: [String]

    var errorDescription: String? {
        let trained = recorded.isEmpty ? "" : " (\(recorded.joined(separator: ", ")))"
        return "\(path): the model was trained with \(expected) feature column\(expected == 1 ? "" : "s")\(trained) but \(given.count) were given; pass them with --features in the same order."
    }
}
