import Foundation
import Testing
import _ForecastTestSupport
@testable import Forecasting

/// The strategy a fit takes when the caller chose none (recursive for yearly and quarterly series),
/// and the steps a recursive model forecasts by default, kept by its model file.
@Suite struct StrategyDefaultTests {
    /// A rising series with a small wobble.
    static let values: [Double] = (0..<80).map { step -> Double in
        let t = Double(step)
        return 50 + 0.7 * t + 2 * sin(t * 1.3)
    }

    static func configuration(strategy: ForecastStrategy? = nil) -> ForecasterConfiguration {
        ForecasterConfiguration(lookback: 8, horizon: 4, strategy: strategy, selection: .network, epochs: 2, threads: 1)
    }

    @Test func theFrequencyChoosesUnlessTheCallerDid() {
        typealias D = ForecasterConfiguration.Defaults
        #expect(D.strategy(for: .yearly) == .recursive && D.strategy(for: .quarterly) == .recursive)
        #expect(D.strategy(for: .monthly) == .direct && D.strategy(for: .tradingDays) == .direct && D.strategy(for: .irregular) == .direct)
        #expect(!Self.configuration().strategyIsFixed)
        #expect(Self.configuration().strategy(for: .quarterly) == .recursive)
        #expect(Self.configuration(strategy: .direct).strategyIsFixed)
        #expect(Self.configuration(strategy: .direct).strategy(for: .quarterly) == .direct)
        var set = Self.configuration()
        set.strategy = .recursive
        #expect(set.strategyIsFixed && set.strategy(for: .monthly) == .recursive)
        // Setting the value it already held is a choice too.
        var same = Self.configuration()
        same.strategy = .direct
        #expect(same.strategyIsFixed && same.strategy(for: .yearly) == .direct)
        var resolved = Self.configuration()
        resolved.applyDefaultStrategy(for: .yearly)
        #expect(resolved.strategy == .recursive && !resolved.strategyIsFixed)
    }

    @Test func aQuarterlyFitIsRecursiveAndSaysWhyAMonthlyOneDirect() throws {
        let quarterly = try Forecaster.fit(values: Self.values, frequency: .quarterly, configuration: Self.configuration())
        #expect(quarterly.configuration.strategy == .recursive)
        #expect(quarterly.horizon == 1 && quarterly.forecastSteps == 4)
        #expect(quarterly.fitReport?.decisions.contains { $0.hasPrefix("strategy recursive") } == true)
        let monthly = try Forecaster.fit(values: Self.values, frequency: .monthly, configuration: Self.configuration())
        #expect(monthly.configuration.strategy == .direct && monthly.horizon == 4 && monthly.forecastSteps == 4)
        let chosen = try Forecaster.fit(values: Self.values, frequency: .quarterly, configuration: Self.configuration(strategy: .direct))
        #expect(chosen.configuration.strategy == .direct && chosen.horizon == 4)
    }

    /// A yearly (so recursive) model fitted and saved in a scratch folder, with the file's URL.
    static func savedYearlyModel() throws -> (fitted: Forecaster, url: URL, folder: ScratchFolder) {
        let fitted = try Forecaster.fit(values: values, frequency: .yearly, configuration: configuration())
        let folder = try ScratchFolder()
        let url = folder.url.appendingPathComponent("yearly.safetensors")
        try fitted.save(to: url)
        return (fitted, url, folder)
    }

    @Test func aRecursiveModelObservesAndReloadsWithItsSteps() throws {
        let saved = try Self.savedYearlyModel()
        var fitted = saved.fitted
        let url = saved.url
        var loaded = try Forecaster(contentsOf: url)
        #expect(loaded.forecastSteps == 4 && loaded.configuration.strategy == .recursive)
        #expect(try loaded.forecast(steps: 4) == fitted.forecast(steps: 4))
        let next = try fitted.observe(110)
        #expect(next.count == 4)
        #expect(try loaded.observe(110) == next)
        let file = try SafeTensorsFile(contentsOf: url)
        #expect(file.metadata["forecast_steps"] == "4")
    }

    @Test func aBadForecastStepsKeyIsNamed() throws {
        let (_, url, folder) = try Self.savedYearlyModel()
        let file = try SafeTensorsFile(contentsOf: url)
        for bad in ["0", "-3", "four", "100001"] {
            var metadata = file.metadata
            metadata["forecast_steps"] = bad
            let corrupt = folder.url.appendingPathComponent("bad.safetensors")
            try SafeTensorsFile(tensors: file.tensors, metadata: metadata).write(to: corrupt)
            #expect(throws: ModelFileError.self) { try Forecaster(contentsOf: corrupt) }
            do { _ = try Forecaster(contentsOf: corrupt) } catch let error as ModelFileError {
                #expect(error.problem.contains("forecast_steps"), "\(error.problem)")
            }
        }
    }

    @Test func aConfigurationSavedBeforeTheDefaultKeepsItsStrategy() throws {
        let encoded = try JSONEncoder().encode(Self.configuration())
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["strategyIsFixed"] as? Bool == false)
        #expect(try JSONDecoder().decode(ForecasterConfiguration.self, from: encoded).strategyIsFixed == false)
        object["strategyIsFixed"] = nil
        let older = try JSONDecoder().decode(ForecasterConfiguration.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.strategyIsFixed && older.strategy == .direct)
    }
}
