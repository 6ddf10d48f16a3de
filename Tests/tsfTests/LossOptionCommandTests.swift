import Foundation
import Testing
import _ForecastTestSupport

/// `--loss`, `--huber-delta` and `--quantiles` from the command line: quantile intervals in forecasts
/// and backtests, the levels in the model file, and clear refusals of combinations that mean nothing.
@Suite struct LossOptionCommandTests {
    private let tiny = ["--epochs", "3", "--hidden", "4", "--threads", "1", "--method", "network"]
    private var passengers: String { IOFixtures.dataset("airpassengers_monthly.csv").path }

    @Test func aQuantileForecastGivesOrderedIntervals() throws {
        let outcome = try CLIRunner.run(["forecast", passengers, "--column", "Passengers", "--horizon", "3",
                                         "--loss", "quantile", "--quantiles", "10,90", "--level", "80,95", "--format", "csv"] + tiny)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["date", "forecast", "lower80", "upper80", "lower95", "upper95"])
        #expect(rows.count == 4)
        for row in rows.dropFirst() {
            let values = row.dropFirst().compactMap(Double.init)
            #expect(values.count == 5, "\(row)")
            #expect(values[1] <= values[0] && values[0] <= values[2], "80 % bounds around the median: \(row)")
        }
    }

    @Test func theJSONNamesHowEachIntervalWasCalibrated() throws {
        let outcome = try CLIRunner.run(["forecast", passengers, "--column", "Passengers", "--horizon", "2",
                                         "--loss", "quantile", "--level", "80,95", "--format", "json"] + tiny)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        // 80 % from the 0.1 and 0.9 quantiles; 95 % has none and is split-conformal.
        #expect(object?["interval_method"] as? String == "conformalised-quantile-regression+split-conformal")
    }

    @Test func theModelFileRecordsTheQuantiles() throws {
        let folder = try ScratchFolder()
        let model = folder.path("q.safetensors")
        let train = try CLIRunner.run(["train", passengers, "--column", "Passengers", "--horizon", "2", "--quantiles", "0.2,0.8",
                                       "--out", model] + tiny)
        #expect(train.exitCode == 0, "\(train.stderr)")
        // The safetensors header is JSON after its 8-byte length; the metadata holds the levels.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: model))
        let header = String(decoding: bytes.prefix(8 + Int(bytes.prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) })).dropFirst(8),
                            as: UTF8.self)
        #expect(header.contains(#""quantiles":"[0.2,0.5,0.8]""#), "\(header)")
        let predict = try CLIRunner.run(["predict", "--model", model, passengers, "--level", "60", "--format", "csv"])
        #expect(predict.exitCode == 0, "\(predict.stderr)")
    }

    @Test func aBacktestScoresTheQuantileIntervals() throws {
        let outcome = try CLIRunner.run(["backtest", passengers, "--column", "Passengers", "--horizon", "3", "--folds", "2",
                                         "--loss", "quantile", "--level", "80", "--baselines", "naive", "--format", "csv"] + tiny)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let header = outcome.stdout.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(header.contains("cover80%") && header.contains("CRPS") && header.contains("pinball"), "\(header)")
    }

    @Test(arguments: [
        (["--quantiles", "10,90", "--loss", "mae"], "--quantiles needs --loss quantile"),
        (["--huber-delta", "2"], "--huber-delta needs --loss huber"),
        (["--loss", "huber", "--huber-delta", "0"], "--huber-delta must be a positive number"),
        (["--quantiles", "10,120"], "--quantiles takes percentages such as 10,50,90"),
        (["--loss", "pinball"], "--loss"),
    ])
    func meaninglessCombinationsAreRefused(options: [String], message: String) throws {
        let outcome = try CLIRunner.run(["forecast", passengers, "--column", "Passengers"] + options + tiny)
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test func aGlobalModelForecastsQuantileIntervals() throws {
        let stocks = IOFixtures.dataset("stocks_monthly.csv").path
        let outcome = try CLIRunner.run(["forecast", stocks, "--id", "symbol", "--column", "price", "--global",
                                         "--loss", "quantile", "--level", "80", "--horizon", "2", "--format", "csv"] + tiny.dropLast(2))
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["id", "step", "date", "forecast", "lower80", "upper80"])
        #expect(rows.count == 1 + 5 * 2)
        for row in rows.dropFirst() {
            let (forecast, lower, upper) = (Double(row[3]) ?? .nan, Double(row[4]) ?? .nan, Double(row[5]) ?? .nan)
            #expect(lower <= forecast && forecast <= upper, "\(row)")
        }
    }
}
