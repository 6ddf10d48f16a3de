import Foundation
import Testing
import _ForecastTestSupport

/// `tsf backtest … --baselines ets,theta` (or arima) scores the fitted statistical models beside the simple
/// baselines; the default list holds exponential smoothing and theta but leaves ARIMA out.
@Suite struct StatisticalBaselineCommandTests {
    private var passengers: String { IOFixtures.dataset("airpassengers_monthly.csv").path }

    private func result(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try CLIRunner.run(["backtest", passengers, "--column", "Passengers", "--baselines-only"] + arguments
                                        + ["--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    private func models(_ arguments: [String]) throws -> [[String: Any]] {
        try #require(try result(arguments)["models"] as? [[String: Any]])
    }

    @Test func etsAndThetaAreScoredBesideSeasonalNaive() throws {
        let outcome = try CLIRunner.run(["backtest", passengers, "--column", "Passengers", "--baselines-only",
                                         "--baselines", "ets,theta,seasonal-naive"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.compactMap(\.first).filter { ["ets", "theta", "seasonal-naive"].contains($0) } == ["ets", "theta", "seasonal-naive"])

        let result = try result(["--baselines", "ets,theta,seasonal-naive"])
        #expect(result["folds"] as? Int == 5)
        let models = try #require(result["models"] as? [[String: Any]])
        #expect(models.map { $0["model"] as? String } == ["ets", "theta", "seasonal-naive"])
        let mase = try models.map { try #require($0["MASE"] as? Double) }
        // Both models follow the growing trend that the seasonal-naive forecast misses.
        #expect(mase[0] < mase[2] && mase[1] < mase[2], "MASE \(mase)")
    }

    /// A list naming no baseline, or one twice, is a usage error, where it once printed an empty
    /// table or two identical rows both starred as best.
    @Test(arguments: ["", ",", "naive,naive", "ets,naive,ets", "bogus"])
    func aListWithNoBaselineOrARepeatedOneIsRefused(list: String) throws {
        let outcome = try CLIRunner.run(["backtest", passengers, "--column", "Passengers", "--baselines-only", "--baselines", list])
        #expect(outcome.exitCode == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--baselines") || outcome.stderr.contains("baseline"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func arimaIsScoredBesideSeasonalNaive() throws {
        let models = try models(["--baselines", "arima,seasonal-naive"])
        #expect(models.map { $0["model"] as? String } == ["arima", "seasonal-naive"])
        let mase = try models.map { try #require($0["MASE"] as? Double) }
        // ARIMA(1,1,0)(0,1,0)[12] and its like follow the trend that the seasonal-naive forecast misses.
        #expect(mase[0] < mase[1], "MASE \(mase)")
    }

    @Test func theDefaultBaselinesHoldExponentialSmoothingAndThetaButNotARIMA() throws {
        #expect(try models([]).map { $0["model"] as? String }
            == ["naive", "seasonal-naive", "drift", "mean", "moving-average", "ets", "theta"])
    }
}
