import ArgumentParser
import ForecastIO

/// `tsf inspect FILE`: what a user needs to know about a CSV file before forecasting it.
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a CSV file: columns, rows, time column, frequency, missing values.",
        discussion: "Reads the whole file with the same rules as forecast and backtest, so every problem they would meet is reported here first."
    )

    /// How the report is written.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    @OptionGroup var csv: CSVOptions

    @Option(help: "Output format: text for people, json for scripts (stable keys).")
    var format: OutputFormat = .text

    func run() async throws {
        try await ToolFailure.reporting {
            let inspection = try TableInspection.inspect(CSVSource(argument: file), options: csv.readOptions)
            switch format {
            case .text: print(InspectionText.render(inspection), terminator: "")
            case .json: print(try InspectionJSON.render(inspection))
            }
        }
    }
}
