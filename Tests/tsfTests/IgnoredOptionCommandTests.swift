import Foundation
import Testing
import _ForecastTestSupport

/// An option that the rest of the command line would leave without effect is a usage error naming
/// it, rather than accepted and silently ignored.
@Suite struct IgnoredOptionCommandTests {
    private var passengers: String { IOFixtures.dataset("airpassengers_monthly.csv").path }
    private var stocks: String { IOFixtures.dataset("stocks_monthly.csv").path }

    @Test(arguments: [
        (["backtest", "PASSENGERS", "--column", "Passengers", "--window-length", "60"], "--window-length"),
        (["backtest", "STOCKS", "--id", "symbol", "--column", "price", "--per-fold"], "--per-fold"),
        (["forecast", "PASSENGERS", "--column", "Passengers", "--calendar", "none", "--holidays", "XNYS"], "--holidays"),
    ])
    func anOptionWithoutEffectIsRefused(arguments: [String], flag: String) throws {
        let resolved = arguments.map { $0 == "PASSENGERS" ? passengers : $0 == "STOCKS" ? stocks : $0 }
        let outcome = try CLIRunner.run(resolved + tinyModel)
        #expect(outcome.exitCode == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("Error: \(flag)"), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func theSameOptionsWithTheOnesTheyNeedAreTaken() throws {
        let sliding = try CLIRunner.run(["backtest", passengers, "--column", "Passengers", "--window", "sliding", "--window-length", "60",
                                         "--folds", "2", "--baselines-only"])
        #expect(sliding.exitCode == 0, "\(sliding.stderr)")
        let oneSeries = try CLIRunner.run(["backtest", stocks, "--id", "symbol", "--series", "IBM", "--column", "price", "--per-fold",
                                           "--folds", "2", "--baselines-only"])
        #expect(oneSeries.exitCode == 0, "\(oneSeries.stderr)")
    }
}
