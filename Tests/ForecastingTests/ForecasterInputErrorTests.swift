import Foundation
import Testing
@testable import Forecasting

struct ForecasterInputErrorTests {
    static func configuration() -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.lookback = 10
        configuration.horizon = 5
        configuration.epochs = 1
        configuration.transform = TransformKind.none
        return configuration
    }

    @Test func aSeriesShorterThanLookbackPlusHorizonSaysWhatIsNeeded() {
        #expect(throws: ForecasterError.seriesTooShort(rows: 12, needed: 20, lookback: 10, horizon: 5)) {
            try Forecaster.fit(values: (0..<12).map(Double.init), configuration: Self.configuration())
        }
    }

    /// One row, or a few equal ones, is constant too, but what it lacks is rows.
    @Test(arguments: [1, 3, 14])
    func aShortConstantSeriesIsTooShortRatherThanConstant(rows: Int) {
        #expect(throws: ForecasterError.seriesTooShort(rows: rows, needed: 20, lookback: 10, horizon: 5)) {
            try Forecaster.fit(values: Array(repeating: 3, count: rows), configuration: Self.configuration())
        }
    }

    @Test func theTooShortSentenceCountsOneRowInTheSingular() {
        let one = ForecasterError.seriesTooShort(rows: 1, needed: 20, lookback: 10, horizon: 5).localizedDescription
        #expect(one.hasPrefix("The series has 1 usable row but needs at least 20 (lookback 10 + horizon 5"))
        let two = ForecasterError.seriesTooShort(rows: 2, needed: 20, lookback: 10, horizon: 5).localizedDescription
        #expect(two.hasPrefix("The series has 2 usable rows but"))
    }

    /// A caller's mistakes in a forecast's arguments throw, where they once trapped: a level given
    /// as a percentage, and more steps than any horizon may hold (once an allocation of Int.max).
    @Test func levelsThatAreNotFractionsAndHugeStepsThrow() throws {
        let values: [Double] = (0..<60).map { (row: Int) -> Double in
            let t = Double(row)
            return 10 + sin(t * 2 * Double.pi / 12) + 0.01 * t
        }
        var configuration = Self.configuration()
        configuration.selection = .network
        let forecaster = try Forecaster.fit(values: values, configuration: configuration)
        for level in [80.0, 0, 1, -0.5, .nan] {
            #expect(throws: IntervalLevelError.self) { try forecaster.intervals(levels: [0.5, level], steps: 3, history: values) }
        }
        #expect(throws: IntervalLevelError(level: 80)) { try SimpleForecast(values: values, steps: 2, seasonPeriod: 12, levels: [80]) }
        #expect(try forecaster.intervals(levels: [0.8], steps: 3, history: values).count == 1)
        for steps in [Int.max, ForecasterConfiguration.largestSteps + 1, 0] {
            #expect(throws: ForecasterError.invalidConfiguration(setting: "steps", value: "\(steps)",
                                                                 requirement: "from 1 to \(ForecasterConfiguration.largestSteps)")) {
                try forecaster.forecast(steps: steps)
            }
        }
        #expect(forecaster.knownFutureNeeded(steps: Int.max) == 0)
    }

    @Test(arguments: [0, -12, ForecasterConfiguration.largestSteps + 1])
    func aSeasonPeriodOutOfRangeIsRefused(period: Int) {
        var configuration = Self.configuration()
        configuration.seasonPeriod = period
        #expect(throws: ForecasterError.invalidConfiguration(setting: "seasonPeriod", value: "\(period)",
                                                             requirement: "from 1 to \(ForecasterConfiguration.largestSteps)")) {
            try configuration.validate()
        }
    }

    /// A value that is not finite in a feature column is named as the feature's, not the target's.
    @Test func aNonFiniteFeatureValueNamesItsFeature() {
        let values = (0..<100).map { Double($0 % 7) }
        var feature = (0..<100).map { Double($0 % 5) }
        feature[5] = .infinity
        #expect(throws: ForecasterError.nonFiniteFeature(feature: 0, row: 5, value: .infinity)) {
            try Forecaster.fit(values: values, features: [feature], configuration: Self.configuration())
        }
    }

    @Test func aConstantSeriesIsRefused() {
        #expect(throws: ForecasterError.constantSeries(value: 3)) {
            try Forecaster.fit(values: Array(repeating: 3, count: 100), configuration: Self.configuration())
        }
    }

    @Test func nonFiniteValuesAreRefusedWithTheirRow() {
        var values = (0..<100).map(Double.init)
        values[41] = .infinity
        #expect(throws: ForecasterError.nonFiniteValue(row: 41, value: .infinity)) {
            try Forecaster.fit(values: values, configuration: Self.configuration())
        }
    }

    @Test func valuesBeyondTheUsableMagnitudeAreRefusedWithTheirRow() throws {
        var values = (0..<100).map(Double.init)
        values[41] = 1.5e308
        #expect(throws: ForecasterError.valueTooLarge(row: 41, value: 1.5e308, feature: nil)) {
            try Forecaster.fit(values: values, configuration: Self.configuration())
        }
        var feature = (0..<100).map(Double.init)
        feature[7] = -1e101
        #expect(throws: ForecasterError.valueTooLarge(row: 7, value: -1e101, feature: 0)) {
            try Forecaster.fit(values: (0..<100).map(Double.init), features: [feature], configuration: Self.configuration())
        }
        #expect(throws: ForecasterError.valueTooLarge(row: 2, value: 1e200, feature: nil)) {
            try SimpleForecast(values: [1, 2, 1e200], steps: 1, seasonPeriod: 1)
        }
        #expect(ForecasterError.valueTooLarge(row: 41, value: 1.5e308, feature: nil).problem
            == "Row 42 of the series holds 1.5e+308, beyond ±1e100, where squared errors and sums overflow; divide the column by a power of ten")
        // A fitted model refuses such a value when it is observed or conditioned on.
        var model = try Forecaster.fit(values: (0..<100).map { sin(Double($0) / 5) }, configuration: Self.configuration())
        #expect(throws: ForecasterError.valueTooLarge(row: model.recentValues.count, value: 2e150, feature: nil)) {
            try model.observe(2e150)
        }
        var history = (0..<100).map { sin(Double($0) / 5) }
        history[99] = -3e300
        #expect(throws: ForecasterError.valueTooLarge(row: 99, value: -3e300, feature: nil)) {
            try model.condition(on: history)
        }
        history[99] = 1e100
        try model.condition(on: history)
    }

    @Test func aLogTransformOverNonPositiveValuesIsRefused() {
        var configuration = Self.configuration()
        configuration.transform = .logReturn
        let values = (0..<100).map { Double($0) - 5 }
        #expect(throws: ForecasterError.notPositiveForLogTransform(row: 0, value: -5, transform: .logReturn)) {
            try Forecaster.fit(values: values, configuration: configuration)
        }
    }

    @Test func featuresCannotBeForecastPastTheHorizon() throws {
        var configuration = Self.configuration()
        configuration.lookback = 4
        configuration.horizon = 2
        let values = (0..<60).map { sin(Double($0)) }
        let forecaster = try Forecaster.fit(values: values, features: [values.map { $0 * 2 }], configuration: configuration)
        #expect(throws: ForecasterError.featuresUnknownBeyondHorizon(steps: 3, horizon: 2)) {
            try forecaster.forecast(steps: 3)
        }
        #expect(try forecaster.forecast(steps: 2).count == 2)
    }

    @Test func outOfRangeSettingsAreRefused() {
        var configuration = Self.configuration()
        configuration.validationFraction = 1
        #expect(throws: ForecasterError.self) { try Forecaster.fit(values: (0..<100).map(Double.init), configuration: configuration) }
    }

    /// A model fitted with known-in-advance columns needs their future values whatever method the
    /// automatic choice kept: on a random walk it keeps a simple forecast, and a forecast without
    /// them used to succeed there and fail where the network was kept.
    @Test func knownFeaturesNeedTheirFutureWhateverTheMethod() throws {
        var state: UInt64 = 42
        var level = 100.0
        let walk = (0..<300).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            level += Double(Int64(bitPattern: state >> 11) % 2001) / 1000 - 1
            return level
        }
        let plan = (0..<300).map { Double($0 % 5) }
        var configuration = ForecasterConfiguration()
        configuration.lookback = 10
        configuration.horizon = 5
        configuration.epochs = 2
        let forecaster = try Forecaster.fit(values: walk, knownFeatures: [plan], configuration: configuration)
        #expect(forecaster.method != .network, "the scenario needs a method other than the network: \(forecaster.method)")
        #expect(throws: ForecasterError.knownFeatureMismatch(expected: 1, actual: 0)) { try forecaster.forecast(steps: 5) }
        #expect(throws: ForecasterError.knownFutureTooShort(feature: 0, given: 2, needed: 5)) {
            try forecaster.forecast(steps: 5, knownFuture: [[1, 2]])
        }
        #expect(try forecaster.forecast(steps: 5, knownFuture: [[0, 1, 2, 3, 4]]).count == 5)
    }
}
