import ArgumentParser
import Foundation
import Forecasting

/// `tsf train FILE --column Close --out model.safetensors`: fit a model and save it.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a model on a CSV column and save it as a safetensors model file.",
        discussion: """
            With --init, training continues from an existing model file (for example one saved from \
            PyTorch): its architecture, lookback, horizon, transform and scaler come from the file, and \
            the options set only how to train.
            """
    )

    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    @OptionGroup var series: SeriesOptions

    @Option(help: ArgumentHelp("Steps the model forecasts at once (default: about one planning period of the frequency).", valueName: "steps"))
    var horizon: Int?

    @OptionGroup(title: "Model and training") var model: ModelOptions
    @OptionGroup(title: "Reading the CSV file") var csv: CSVOptions

    @Option(name: .customLong("init"), help: ArgumentHelp("Continue training from this model file.", valueName: "path"))
    var initialModel: String?

    @Option(help: ArgumentHelp("Where to save the model (written atomically).", valueName: "path"))
    var out: String

    @Option(help: "Output format of the training summary: table, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if let horizon, horizon < 1 { throw ValidationError("--horizon must be at least 1, not \(horizon).") }
    }

    func run() async throws {
        try await ToolFailure.reporting {
            let start = try initialModel.map { try Forecaster(contentsOf: URL(fileURLWithPath: $0)) }
            let data = try SeriesLoading.read(file: file, series: series, csv: csv)
            let steps = horizon ?? start?.horizon ?? data.target.frequency.defaultHorizon
            let configuration = model.configuration(horizon: steps)
            let progress = TrainingProgress(epochs: configuration.epochs)
            let forecaster = try ShortSeriesFailure.naming(file: file, column: data.target.name) {
                try Forecaster.fit(
                    values: data.target.values, features: data.featureValues, frequency: data.target.frequency,
                    columnNames: data.columnNames, configuration: configuration, startingFrom: start,
                    progress: progress.handle)
            }
            progress.finish()
            FitNotes.report(forecaster)
            try forecaster.save(to: URL(fileURLWithPath: out))
            print(TrainingSummary(forecaster: forecaster, path: out).render(format), terminator: "")
        }
    }
}
