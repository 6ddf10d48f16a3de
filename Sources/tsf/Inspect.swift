import ArgumentParser
import ForecastActions

/// `tsf inspect FILE`: what a user needs to know about a CSV file before forecasting it.
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a CSV file: columns, rows, time column, frequency, missing values.",
        discussion: "Reads the whole file with the same rules as forecast and backtest, so every problem they would meet is reported here first."
    )


    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    @OptionGroup var csv: CSVOptions

    @Option(help: "Output format: text for people, json for scripts (stable keys).")
    var format: InspectAction.Format = .text

    func run() async throws {
        try await ToolFailure.reporting {
            let report = try InspectAction(source: csv.source(file), readOptions: csv.readOptions).run()
            print(InspectAction.rendered(report, format: format, wording: ErrorSentences.flags(for:)), terminator: "")
            if csv.id == nil, let long = report.longFormat, let first = long.series.first {
                ToolFailure.printError("note: a long-format file: forecast every series with --id \(ShellWord.quoted(long.idColumn)), or one with --id \(ShellWord.quoted(long.idColumn)) --series \(ShellWord.series(first.id))")
            }
        }
    }
}

extension InspectAction.Format: ExpressibleByArgument {}
