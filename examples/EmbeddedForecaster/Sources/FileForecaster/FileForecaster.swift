// What the tsf commands do, from an app: read a CSV file, backtest the model against the baselines,
// draw the backtest as SVG, forecast many series with one global model, and cancel a fit that runs
// too long — through the public API of `ForecastActions` alone.
import ForecastActions
import Foundation

@main
enum FileForecaster {
    /// The repository's bundled datasets, found from this file's place in the repository.
    static let datasets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets")

    static func main() async throws {
        let epochs = Int(ProcessInfo.processInfo.environment["TSF_EPOCHS"] ?? "") ?? 10
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("file-forecaster-\(getpid())")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }

        /// Notes and warnings as the actions report them.
        let reporter = ActionReporter(warning: { print("warning:", $0.message) }, note: { print("note:", $0) })

        // 1. A backtest of the air passengers series: the model and every baseline on the same 3 folds,
        //    with the plot and every fold's forecasts written beside the table.
        let passengers = CSVSource.file(datasets.appendingPathComponent("airpassengers_monthly.csv").path)
        let settings = BacktestSettings(configuration: ForecasterConfiguration(epochs: epochs), folds: 3)
        let backtest = try await BacktestAction(
            source: passengers, column: "Passengers", settings: settings,
            plotPath: output.appendingPathComponent("backtest.svg").path,
            forecastsPath: output.appendingPathComponent("folds.csv").path
        ).run(reporter: reporter)
        print(backtest.rendered(.table), terminator: "")
        let best = backtest.best ?? "none"
        print("best MASE: \(best); plot of \(try String(contentsOf: output.appendingPathComponent("backtest.svg"), encoding: .utf8).count) bytes")

        // 2. Many series of a long-format file, one network across all of them.
        let stocks = try ManySeriesSource.open(.file(datasets.appendingPathComponent("stocks_monthly.csv").path),
                                               idColumn: "symbol", target: "price", reporter: reporter)
        let forecasts = Locked<[(id: String, result: ForecastResult)]>([])
        let outcome = try await ManySeriesForecastAction(
            source: stocks, configuration: ForecasterConfiguration(epochs: epochs), steps: 3, global: true
        ).run(reporter: reporter, deliver: { id, result in forecasts.withLock { $0.append((id, result)) } })
        for (id, result) in forecasts.value {
            let values = result.steps.map { String(format: "%.2f", $0.forecast) }.joined(separator: " ")
            print("\(id) (\(result.methodLabel)): \(values)")
        }
        guard outcome.failed.isEmpty, forecasts.value.count == outcome.total else {
            FileHandle.standardError.write(Data("some series failed: \(outcome.failed)\n".utf8))
            exit(1)
        }

        // 3. A fit that would train for a very long time, cancelled after a moment: it stops promptly.
        let slow = ForecastAction(
            source: .file(datasets.appendingPathComponent("sp500_daily.csv").path), selection: SeriesSelection(column: "Close"),
            configuration: ForecasterConfiguration(hiddenSize: 64, epochs: 100_000, earlyStopping: .off))
        let started = Date()
        let fit = Task { try await slow.run() }
        try await Task.sleep(for: .milliseconds(300))
        fit.cancel()
        do {
            _ = try await fit.value
            FileHandle.standardError.write(Data("the cancelled fit ran to its end\n".utf8))
            exit(1)
        } catch is CancellationError {
            print(String(format: "the fit stopped %.1f s after it started, when it was cancelled", Date().timeIntervalSince(started)))
        }
    }
}
