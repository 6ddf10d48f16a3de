import ArgumentParser
import Foundation

/// The `tsf` command: configuration only; each subcommand is its own type.
@main
struct TSF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsf",
        abstract: "Forecast time series held in CSV files with recurrent neural networks.",
        version: BuildInfo.versionText,
        subcommands: [Forecast.self, Backtest.self, Train.self, Predict.self, Inspect.self, Bench.self]
    )

    /// Ignores SIGPIPE before running the command, so that a reader of standard output that goes
    /// away (`| head -1`) is seen as `EPIPE` and ends the run quietly (`StreamedOutput`).
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        await main(nil)
    }
}
