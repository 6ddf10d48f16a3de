import Foundation
import Testing
@testable import Forecasting

struct MethodSelectionTests {
    static func configuration() -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 8
        configuration.lookback = 10
        configuration.horizon = 3
        configuration.epochs = 3
        configuration.threads = 1
        // A fixed hidden size alone would mean the network: compare methods all the same.
        configuration.selection = .automatic
        return configuration
    }

    @Test func aRandomWalkFallsBackToTheLastValueAndSaysSo() throws {
        var state: UInt64 = 77
        var level = 50.0
        var walk: [Double] = []
        for _ in 0..<400 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            level += Double(state >> 11) / Double(1 << 53) - 0.5
            walk.append(level)
        }
        let forecaster = try Forecaster.fit(values: walk, configuration: Self.configuration())
        // An undertrained network cannot beat the last value on a random walk by 2 %.
        #expect(!forecaster.method.usesNetwork || forecaster.method == .networkAndNaive)
        let report = try #require(forecaster.fitReport)
        #expect(report.validationErrors.count >= 3)
        #expect(report.decisions.contains { $0.hasPrefix("forecast method \(forecaster.method.name)") })
        if forecaster.method == .naive {
            #expect(try forecaster.forecast(steps: 3) == [walk.last!, walk.last!, walk.last!])
        }
    }

    @Test func theChosenMethodHasTheLowestValidationErrorUpToTheTolerance() throws {
        let seasonal = (0..<300).map { (t: Int) -> Double in 10 + 3 * sin(2 * Double.pi * Double(t) / 7) }
        var configuration = Self.configuration()
        configuration.seasonPeriod = 7
        let forecaster = try Forecaster.fit(values: seasonal, configuration: configuration)
        let errors = try #require(forecaster.fitReport?.validationErrors)
        let best = errors.map(\.meanAbsoluteError).min()!
        // The margin: 2 % of the best, or a billionth of the series' range (rounding) when that is larger.
        let allowed = max(best * 1.02, best + 1e-9 * (seasonal.max()! - seasonal.min()!))
        let chosen = try #require(errors.first { $0.method == forecaster.method })
        #expect(chosen.meanAbsoluteError <= allowed)
        // Every simpler candidate listed before the chosen one was worse than the tolerance allows.
        for earlier in errors.prefix(while: { $0.method != forecaster.method }) {
            #expect(earlier.meanAbsoluteError > allowed)
        }
        // An exactly periodic series: last season's values are perfect.
        #expect(forecaster.method == .seasonalNaive(period: 7))
    }

    /// The choice does not change when a constant is added: a level of 1e11 does not make errors
    /// of 2 and 10 a tie (the rounding allowance follows the series' range, not its size).
    @Test func aLargeLevelDoesNotMakeUnequalErrorsATie() throws {
        var state: UInt64 = 9
        let wave = (0..<200).map { (t: Int) -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return 100 + 10 * sin(Double(t)) + (Double(state >> 11) / Double(1 << 53) - 0.5)
        }
        let near = try Forecaster.fit(values: wave, configuration: Self.configuration())
        let far = try Forecaster.fit(values: wave.map { $0 + 123_456_789_012 }, configuration: Self.configuration())
        #expect(near.method != .naive)
        #expect(far.method != .naive, "\(far.fitReport?.decisions ?? [])")
    }

    @Test func selectionNetworkAlwaysUsesTheNetwork() throws {
        var configuration = Self.configuration()
        configuration.selection = .network
        let values = (0..<200).map { (t: Int) -> Double in Double(t % 5) }
        let forecaster = try Forecaster.fit(values: values, configuration: configuration)
        #expect(forecaster.method == .network)
        #expect(forecaster.fitReport?.validationErrors.isEmpty == true)
    }

    @Test func theChosenMethodSurvivesSavingAndLoading() throws {
        let seasonal = (0..<300).map { (t: Int) -> Double in 10 + 3 * sin(2 * Double.pi * Double(t) / 7) }
        var configuration = Self.configuration()
        configuration.seasonPeriod = 7
        let forecaster = try Forecaster.fit(values: seasonal, configuration: configuration)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tsf-method-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try forecaster.save(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(loaded.method == forecaster.method)
        #expect(try loaded.forecast(steps: 5) == forecaster.forecast(steps: 5))
    }
}
