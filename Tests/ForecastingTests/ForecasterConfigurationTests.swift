import Foundation
import Testing
@testable import Forecasting

struct ForecasterConfigurationTests {
    @Test func theMemberwiseInitialiserDefaultsToTheDocumentedConstants() {
        let configuration = ForecasterConfiguration()
        typealias D = ForecasterConfiguration.Defaults
        #expect(configuration.cell == D.cell && configuration.hiddenSize == D.hiddenSize && configuration.layers == D.layers)
        #expect(configuration.epochs == D.epochs && configuration.batchSize == D.batchSize)
        #expect(configuration.earlyStopping == .patience(10) && configuration.clipping == .off)
        #expect(configuration.lookback == nil && configuration.transform == nil && configuration.selection == nil)
        #expect(!configuration.networkShapeIsFixed)
    }

    @Test func fixingTheNetworksShapeMeansTheNetwork() {
        #expect(ForecasterConfiguration().resolvedSelection == .automatic)
        #expect(ForecasterConfiguration(horizon: 5, epochs: 3).resolvedSelection == .automatic)
        #expect(ForecasterConfiguration(cell: .gru).resolvedSelection == .network)
        #expect(ForecasterConfiguration(hiddenSize: ForecasterConfiguration.Defaults.hiddenSize).resolvedSelection == .network)
        #expect(ForecasterConfiguration(layers: 2).resolvedSelection == .network)
        #expect(ForecasterConfiguration(cell: .rnn, selection: .automatic).resolvedSelection == .automatic)
        // The example in the type's documentation.
        #expect(ForecasterConfiguration(cell: .gru, horizon: 5, earlyStopping: .patience(5)).resolvedSelection == .network)
        var mutated = ForecasterConfiguration()
        mutated.hiddenSize = 8
        #expect(mutated.resolvedSelection == .network)
    }

    @Test func theConfigurationRoundTripsThroughJSON() throws {
        let configuration = ForecasterConfiguration(
            layers: 2, lookback: 7, earlyStopping: .off, clipping: .norm(1.5), threads: 1)
        let decoded = try JSONDecoder().decode(
            ForecasterConfiguration.self, from: JSONEncoder().encode(configuration))
        #expect(decoded == configuration)
        #expect(decoded.resolvedSelection == .network)
    }

    @Test func aConfigurationSavedBeforeTheLossExistedStillLoads() throws {
        var configuration = ForecasterConfiguration(hiddenSize: 16, epochs: 7, loss: .quantiles([0.2]))
        let encoded = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(ForecasterConfiguration.self, from: encoded) == configuration)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["loss"] = nil
        let older = try JSONDecoder().decode(ForecasterConfiguration.self, from: try JSONSerialization.data(withJSONObject: object))
        configuration.loss = .meanSquaredError
        #expect(older == configuration)
        #expect(older.networkShapeIsFixed)
    }

    @Test func offAndOutOfRangeAreDistinct() {
        #expect(throws: ForecasterError.self) { try ForecasterConfiguration(earlyStopping: .patience(0)).validate() }
        #expect(throws: ForecasterError.self) { try ForecasterConfiguration(clipping: .norm(0)).validate() }
        #expect(throws: Never.self) { try ForecasterConfiguration(earlyStopping: .off, clipping: .off).validate() }
    }

    /// Fitting resolves every automatic choice, and records it in the returned configuration.
    @Test func theFittedConfigurationIsResolved() throws {
        let values = (0..<240).map { (t: Int) -> Double in 20 + 4 * sin(2 * Double.pi * Double(t) / 12) + Double(t % 5) * 0.1 }
        let requested = ForecasterConfiguration(horizon: 2, epochs: 2, threads: 1)
        let forecaster = try Forecaster.fit(values: values, frequency: .monthly, configuration: requested)
        let resolved = forecaster.configuration
        #expect(resolved.lookback == Forecaster.defaultLookback(frequency: .monthly, rows: values.count))
        #expect(resolved.transform == TransformSelection.choose(for: values))
        #expect(resolved.seasonPeriod == Frequency.monthly.seasonPeriod)
        #expect(resolved.selection == .automatic)
        #expect(resolved.epochs == requested.epochs && resolved.horizon == requested.horizon)

        let network = try Forecaster.fit(values: values, frequency: .monthly,
                                         configuration: ForecasterConfiguration(hiddenSize: 4, horizon: 2, epochs: 2, threads: 1))
        #expect(network.configuration.selection == .network)
        #expect(network.method == .network)
        #expect(network.fitReport?.validationErrors.isEmpty == true)
    }

    /// The example in `Forecaster`'s documentation, so it keeps compiling.
    @Test func theDocumentedExampleCompilesAndRuns() throws {
        let prices = (0..<200).map { (t: Int) -> Double in 100 + Double(t) * 0.1 + sin(Double(t)) }
        let modelURL = FileManager.default.temporaryDirectory.appendingPathComponent("tsf-doc-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: modelURL) }
        var forecaster = try Forecaster.fit(values: prices, frequency: .tradingDays,
                                            configuration: .init(horizon: 5))
        let nextFive = try forecaster.forecast(steps: 5)
        let updated = try forecaster.observe(101.3)      // the next forecast, at constant cost
        try forecaster.save(to: modelURL)
        #expect(nextFive.count == 5 && updated.count == 5)
    }
}
