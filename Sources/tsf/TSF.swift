import ArgumentParser

/// The `tsf` command: configuration only; each subcommand is its own type.
@main
struct TSF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsf",
        abstract: "Forecast time series held in CSV files with recurrent neural networks.",
        version: BuildInfo.versionText,
        subcommands: [Forecast.self, Backtest.self, Train.self, Predict.self, Inspect.self, Bench.self]
    )
}
