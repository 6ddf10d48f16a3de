import Foundation
import Testing
@testable import Forecasting

/// Model files written by PyTorch (`state_dict` + `safetensors.torch.save_file` with only the
/// required metadata, scaler none), made by Utilities/ReferenceImplementations/make_forecaster_fixtures.py.
/// Loaded here and conditioned on the same history, they must give PyTorch's forecast within 1e-5.
struct PyTorchModelFileTests {
    struct Expected: Decodable {
        let target: [Double]
        let features: [[Double]]
        var knownFeatures: [[Double]]? = nil
        var knownFuture: [[Double]]? = nil
        let forecast: [Double]
    }

    @Test(arguments: ["pytorch-lstm-d1-l2", "pytorch-gru-d2-l1", "pytorch-rnn-d1-l1"])
    func aPyTorchStateDictForecastsAsPyTorchDoes(name: String) throws {
        let modelURL = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "safetensors"))
        let expectedURL = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))

        var forecaster = try Forecaster(contentsOf: modelURL)
        #expect(!forecaster.hasHistory)
        #expect(throws: ForecasterError.self) { try forecaster.forecast(steps: 1) }
        try forecaster.condition(on: expected.target, features: expected.features)
        let forecast = try forecaster.forecast(steps: expected.forecast.count)
        for (mine, theirs) in zip(forecast, expected.forecast) {
            #expect(abs(mine - theirs) <= 1e-5 * max(1, abs(theirs)), "\(mine) against PyTorch's \(theirs)")
        }
    }

    /// A PyTorch model whose head reads known-in-advance values (`known_features` in the metadata,
    /// `head = Linear(H + K·horizon, horizon)` on `cat([last hidden, future.flatten(1)])`).
    @Test(arguments: ["pytorch-gru-d3-k1-l1", "pytorch-lstm-d3-k2-l2"])
    func aPyTorchModelWithKnownFeaturesForecastsAsPyTorchDoes(name: String) throws {
        let modelURL = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "safetensors"))
        let expectedURL = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
        let known = try #require(expected.knownFeatures)
        let future = try #require(expected.knownFuture)

        var forecaster = try Forecaster(contentsOf: modelURL)
        #expect(forecaster.knownFeatureCount == known.count)
        try forecaster.condition(on: expected.target, features: expected.features, knownFeatures: known)
        let forecast = try forecaster.forecast(steps: expected.forecast.count, knownFuture: future)
        for (mine, theirs) in zip(forecast, expected.forecast) {
            #expect(abs(mine - theirs) <= 1e-5 * max(1, abs(theirs)), "\(mine) against PyTorch's \(theirs)")
        }
        // Without the future values there is no forecast, and a short future is named.
        #expect(throws: ForecasterError.knownFeatureMismatch(expected: known.count, actual: 0)) {
            try forecaster.forecast(steps: expected.forecast.count)
        }
        #expect(throws: ForecasterError.knownFutureTooShort(feature: 0, given: 1, needed: expected.forecast.count)) {
            try forecaster.forecast(steps: expected.forecast.count, knownFuture: future.map { Array($0.prefix(1)) })
        }
    }
}
