import Foundation
import Testing
import _ForecastTestSupport

/// A quarterly series forecast with the default (recursive) strategy: `tsf predict` of its saved
/// model prints the same steps and values as `tsf forecast` did.
@Suite struct StrategyCommandTests {
    @Test func aQuarterlyModelPredictsWhatItForecast() throws {
        let folder = try ScratchFolder()
        let data = IOFixtures.dataset("macrodata_quarterly.csv").path
        let model = folder.path("gdp.safetensors")
        let forecast = try CLIRunner.run(["forecast", data, "--column", "realgdp", "--method", "network", "--epochs", "2",
                                          "--out", model, "--format", "csv"])
        #expect(forecast.exitCode == 0, "\(forecast.stderr)")
        #expect(forecast.stderr.contains("strategy recursive"), "\(forecast.stderr)")
        let predict = try CLIRunner.run(["predict", "--model", model, data, "--format", "csv"])
        #expect(predict.exitCode == 0, "\(predict.stderr)")
        let forecastRows = forecast.stdout.split(separator: "\n")
        // Eight quarters (the frequency's default horizon), the same dates and values.
        #expect(forecastRows.count == 9)
        #expect(predict.stdout.split(separator: "\n") == forecastRows)
    }
}
