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
}
