import Foundation
import Testing
import Forecasting

/// Known-in-advance values a forecast reads far outside the model's training values are found,
/// so that a command can name them: the network extrapolates there without an error.
struct KnownValueRangeTests {
    static let values: [Double] = (0..<60).map { (row: Int) -> Double in 20 + 3 * sin(Double(row) / 3) + Double(row % 2) }
    static let flag: [Double] = (0..<60).map { Double($0 % 2) }

    static func fitted() throws -> Forecaster {
        var configuration = ForecasterConfiguration(hiddenSize: 4, lookback: 6, horizon: 3, epochs: 2, threads: 1)
        configuration.selection = .network
        configuration.transform = TransformKind.none
        return try Forecaster.fit(values: Self.values, knownFeatures: [Self.flag], columnNames: ["v", "promo"], configuration: configuration)
    }

    @Test func aFutureValueFarOutsideTrainingIsNamedWithItsStep() throws {
        let forecaster = try Self.fitted()
        let far = forecaster.extrapolatedKnownValues(columns: FeatureColumns(known: [Self.flag + [1, 1000, 0]]), historyCount: 60, steps: 3)
        #expect(far.count == 1)
        #expect(far.first?.column == "promo" && far.first?.step == 2 && far.first?.value == 1000)
        // The flag's spread is about 0.5: 1000 lies about 2,000 of them from its centre of 0.5.
        #expect(abs((far.first?.scaledDistance ?? 0) - 1999) < 10)
        let usual = forecaster.extrapolatedKnownValues(columns: FeatureColumns(known: [Self.flag + [1, 0, 1]]), historyCount: 60, steps: 3)
        #expect(usual.isEmpty)
        // Ten spreads out is the limit: 5.5 (about 10 from 0.5) is within, 6.5 is not.
        #expect(forecaster.extrapolatedKnownValues(columns: FeatureColumns(known: [Self.flag + [5.4, 0, 0]]), historyCount: 60, steps: 3).isEmpty)
        #expect(forecaster.extrapolatedKnownValues(columns: FeatureColumns(known: [Self.flag + [6.5, 0, 0]]), historyCount: 60, steps: 3).count == 1)
    }

    /// A model that scales nothing keeps no spread to measure a value against: nothing is named,
    /// where a value inside the training range was once called hundreds of spreads out.
    @Test func aModelWithoutAScalerNamesNothing() throws {
        var configuration = ForecasterConfiguration(hiddenSize: 4, lookback: 6, horizon: 3, scaler: .none, epochs: 2, threads: 1)
        configuration.selection = .network
        configuration.transform = TransformKind.none
        let kelvin = Self.flag.map { 278 + 10 * $0 }
        let forecaster = try Forecaster.fit(values: Self.values, knownFeatures: [kelvin], columnNames: ["v", "tempK"],
                                            configuration: configuration)
        #expect(forecaster.extrapolatedKnownValues(columns: FeatureColumns(known: [kelvin + [283, 283, 283]]), historyCount: 60, steps: 3).isEmpty)
    }
}
