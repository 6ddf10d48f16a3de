import ArgumentParser
import ForecastActions
import Foundation

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

    @Option(help: "Output format of the training summary: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    func validate() throws {
        try series.checkCalendar(manySeries: csv.manySeries)
        try HorizonOption.validate(horizon)
        try series.checkStatic(global: false)
        if initialModel != nil {
            // A continued model keeps the shape its file records: an option that would set it is
            // refused, not ignored.
            let shape: [(String, Bool)] = [
                ("--horizon", horizon != nil), ("--cell", model.cell != nil), ("--hidden", model.hidden != nil),
                ("--layers", model.layers != nil), ("--lookback", model.lookback != nil), ("--scaler", model.scaler != nil),
                ("--transform", model.transform != .auto), ("--strategy", model.strategy != nil),
                ("--quantiles", model.quantiles != nil), ("--loss quantile", model.loss == .quantile),
            ]
            let given = shape.filter(\.1).map(\.0)
            if !given.isEmpty {
                throw ValidationError("--init continues a model whose architecture, lookback, horizon, transform and scaler come from its file, so \(given.joined(separator: ", ")) would be ignored; drop \(given.count == 1 ? "it" : "them"), or train a new model without --init.")
            }
        }
    }

    func run() async throws {
        try series.requireColumn(file: file, csv: csv)
        try await ToolFailure.reporting {
            let configuration = model.configuration(horizon: horizon ?? 1)
            let action = TrainAction(
                source: csv.source(file), selection: series.selection, readOptions: csv.readOptions,
                configuration: configuration, horizon: horizon, startingModelPath: initialModel, modelPath: out,
                calendar: series.calendarSelection, holidaysSource: series.holidaysFile.map(csv.source),
                holidayExchange: series.holidayExchange)
            let reporter = ConsoleReporter.make(epochs: configuration.epochs)
            let result = try ShortSeriesFailure.naming(file: file, column: series.column) { try action.run(reporter: reporter) }
            print(result.rendered(format), terminator: "")
        }
    }
}
