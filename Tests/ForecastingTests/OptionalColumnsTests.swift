import Foundation
import Testing
@testable import Forecasting

/// `Forecaster.fit(…optional:…)`: columns that carry the signal are kept, noise is left out, and the
/// decision says which with both validation losses.
struct OptionalColumnsTests {
    static let rows = 400
    /// The target's level follows a known on/off schedule that its own past cannot announce.
    static let schedule: [Double] = (0..<rows).map { (row: Int) -> Double in (row * 7919 % 13) < 6 ? 1 : 0 }
    static let values: [Double] = (0..<rows).map { (row: Int) -> Double in
        let wiggle: Double = 0.05 * Double(row % 3)
        return 10 + 6 * schedule[row] + wiggle
    }
    static let noise: [Double] = {
        var generator = SeededGenerator(seed: 3)
        return (0..<rows).map { _ in Double(generator.uniform(in: -1...1)) }
    }()

    static var configuration: ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 8
        configuration.lookback = 8
        configuration.horizon = 2
        configuration.epochs = 30
        configuration.threads = 1
        configuration.selection = .network
        configuration.transform = TransformKind.none
        return configuration
    }

    @Test func aColumnThatCarriesTheSignalIsKept() throws {
        let (forecaster, kept) = try Forecaster.fit(values: Self.values, optional: [Self.schedule], optionalName: "the schedule",
                                                    optionalColumnNames: ["schedule"], configuration: Self.configuration)
        #expect(kept)
        #expect(forecaster.knownFeatureCount == 1 && forecaster.columnNames.isEmpty)
        let decision = try #require(forecaster.fitReport?.decisions.first)
        #expect(decision.hasPrefix("the schedule kept: validation loss"), "\(decision)")
    }

    @Test func noiseIsLeftOut() throws {
        let (forecaster, kept) = try Forecaster.fit(values: Self.values, knownFeatures: [Self.schedule], optional: [Self.noise],
                                                    optionalName: "the noise", configuration: Self.configuration)
        #expect(!kept)
        #expect(forecaster.knownFeatureCount == 1)
        #expect(try #require(forecaster.fitReport?.decisions.first).hasPrefix("the noise left out: validation loss"))
    }

    @Test func withoutAValidationPartNothingOptionalIsKept() throws {
        var configuration = Self.configuration
        configuration.validationFraction = 0
        configuration.earlyStopping = .off
        let (forecaster, kept) = try Forecaster.fit(values: Self.values, optional: [Self.schedule], optionalName: "the schedule",
                                                    configuration: configuration)
        #expect(!kept && forecaster.knownFeatureCount == 0)
    }
}
