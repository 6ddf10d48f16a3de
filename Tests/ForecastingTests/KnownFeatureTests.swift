import Foundation
import Testing
@testable import Forecasting

/// Covariates known in advance and observed ones: what the network learns from them, and proof by
/// poisoning that no value it must not see reaches a forecast.
struct KnownFeatureTests {
    /// y_t = 20 + 3 sin(2πt/24) + 4 x_t + noise, with x an independent known-in-advance input: from
    /// the past alone the x part cannot be forecast, from the known future it can.
    static let rows = 700
    static let plan: [Double] = {
        var generator = SeededGenerator(seed: 11)
        return (0..<rows + 48).map { _ in Double(generator.uniform(in: -1.7...1.7)) }
    }()
    static let load: [Double] = {
        var generator = SeededGenerator(seed: 12)
        return (0..<rows + 48).map { t in
            20 + 3 * sin(2 * Double.pi * Double(t) / 24) + 4 * plan[t] + Double(generator.uniform(in: -0.3...0.3))
        }
    }()
    /// An observed feature: the noise-free load itself, so a leak of its future would be unmistakable.
    static let observed: [Double] = (0..<rows + 48).map { 20 + 3 * sin(2 * Double.pi * Double($0) / 24) + 4 * plan[$0] }

    static func configuration(horizon: Int = 4) -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 12
        configuration.lookback = 24
        configuration.horizon = horizon
        configuration.epochs = 25
        configuration.threads = 1
        configuration.selection = .network
        configuration.transform = TransformKind.none
        return configuration
    }

    static let withPlan = Result {
        var settings = KnownFeatureTests.configuration()
        settings.epochs = 80
        return try Forecaster.fit(values: Array(load[..<rows]), knownFeatures: [Array(plan[..<rows])], configuration: settings)
    }

    /// Mean absolute error of forecasts from 20 origins in the last 100 rows of the history.
    static func error(of model: Forecaster, known: Bool) throws -> Double {
        var total = 0.0
        let columns = FeatureColumns(known: known ? [plan] : [])
        let wrapped = FeatureAwareForecaster(forecaster: model, columns: columns)
        for cutoff in stride(from: rows - 100, to: rows, by: 5) {
            let forecast = try wrapped.forecast(after: Array(load[..<cutoff]), horizon: 4)
            for step in 0..<4 { total += abs(forecast[step] - load[cutoff + step]) }
        }
        return total / 80
    }

    @Test func aKnownInputIsLearnedAndCutsTheError() throws {
        let model = try Self.withPlan.get()
        #expect(model.knownFeatureCount == 1 && model.observedFeatureCount == 0)
        #expect(model.networkConfiguration.headInputs == 4)
        var configuration = Self.configuration()
        configuration.epochs = 80
        let without = try Forecaster.fit(values: Array(Self.load[..<Self.rows]), configuration: configuration)
        let (known, blind) = (try Self.error(of: model, known: true), try Self.error(of: without, known: false))
        // The x part has mean absolute value 4 × 0.85 = 3.4 that the past cannot tell.
        #expect(known < 0.5 * blind, "with the known input \(known), without \(blind)")
    }

    @Test func onlyTheBlocksTheForecastNeedsAreRead() throws {
        let model = try Self.withPlan.get()
        let future = Array(Self.plan[Self.rows ..< Self.rows + 8])
        let forecast = try model.forecast(steps: 6, knownFuture: [future])
        // Steps 1–8 are read (two passes of 4); anything after them is not.
        let poisonedAfter = future + [1e9, -1e9]
        #expect(try model.forecast(steps: 6, knownFuture: [poisonedAfter]) == forecast)
        // The values of the forecast steps are read: changing one changes the forecast.
        var changed = future
        changed[5] += 1
        #expect(try model.forecast(steps: 6, knownFuture: [changed]) != forecast)
        #expect(throws: ForecasterError.knownFutureTooShort(feature: 0, given: 7, needed: 8)) {
            try model.forecast(steps: 6, knownFuture: [Array(future.prefix(7))])
        }
    }

    @Test func observedFeaturesStopAtTheHorizon() throws {
        var configuration = Self.configuration()
        configuration.epochs = 2
        let model = try Forecaster.fit(values: Array(Self.load[..<200]), features: [Array(Self.observed[..<200])],
                                       knownFeatures: [Array(Self.plan[..<200])], configuration: configuration)
        #expect(model.observedFeatureCount == 1 && model.knownFeatureCount == 1)
        #expect(throws: ForecasterError.featuresUnknownBeyondHorizon(steps: 5, horizon: 4)) {
            try model.forecast(steps: 5, knownFuture: [Array(Self.plan[200..<208])])
        }
    }

    @Test func aModelFileKeepsTheKnownFeaturesAndForecastsAlike() throws {
        let model = try Self.withPlan.get()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("known-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(loaded.knownFeatureCount == 1)
        let future = [Array(Self.plan[Self.rows ..< Self.rows + 4])]
        #expect(try loaded.forecast(steps: 4, knownFuture: future) == (try model.forecast(steps: 4, knownFuture: future)))
    }

    @Test func observingEqualsConditioningOnTheLongerHistory() throws {
        var live = try Self.withPlan.get()
        var last: [Double] = []
        for row in Self.rows ..< Self.rows + 10 {
            last = try live.observe(Self.load[row], knownFeatures: [Self.plan[row]],
                                    knownFuture: [Array(Self.plan[row + 1 ..< row + 5])])
        }
        var fresh = try Self.withPlan.get()
        try fresh.condition(on: Array(Self.load[..<(Self.rows + 10)]), knownFeatures: [Array(Self.plan[..<(Self.rows + 10)])])
        #expect(try fresh.forecast(steps: 4, knownFuture: [Array(Self.plan[Self.rows + 10 ..< Self.rows + 14])]) == last)
        #expect(throws: ForecasterError.knownFeatureMismatch(expected: 1, actual: 0)) { try live.observe(1) }
    }

    /// A backtest fold's forecast must not change when values it must not see are poisoned:
    /// observed features at or after its cut-off, known-in-advance ones after its forecast steps.
    /// (The poison is a shift, not a huge value, so the later folds, which may read it, still train.)
    @Test func backtestFoldsReadNothingTheyMustNotSee() throws {
        var configuration = Self.configuration()
        configuration.epochs = 3
        configuration.hiddenSize = 6
        let rows = 300
        let series = Array(Self.load[..<rows])
        let plan = BacktestPlan(cutoffs: [240, 270], horizon: 4)
        let backtest = WalkForwardBacktest(plan: plan, seasonPeriod: 24)
        let suite = BacktestSuite(backtest: backtest, model: configuration, baselineNames: [], frequency: .hourly)
        func forecasts(_ columns: FeatureColumns) throws -> [[Double]] {
            try suite.run(on: series, columns: columns, threads: 1)[0].folds.map(\.forecasts)
        }
        let observed = Array(Self.observed[..<rows]), known = Array(Self.plan[..<rows])
        let clean = try forecasts(FeatureColumns(observed: [observed], known: [known]))
        for (fold, cutoff) in plan.cutoffs.enumerated() {
            var poisonedObserved = observed
            for row in cutoff..<rows { poisonedObserved[row] += 25 }
            var poisonedKnown = known
            for row in (cutoff + 4)..<rows { poisonedKnown[row] -= 3 }
            let poisoned = try forecasts(FeatureColumns(observed: [poisonedObserved], known: [poisonedKnown]))
            #expect(poisoned[fold] == clean[fold], "fold \(fold) read a value after its cut-off")
            // The known values of the fold's own steps are read.
            var shifted = known
            shifted[cutoff] += 2
            #expect(try forecasts(FeatureColumns(observed: [observed], known: [shifted]))[fold] != clean[fold])
        }
    }
}
