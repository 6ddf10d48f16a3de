import Foundation
import Testing
@testable import Forecasting

struct ForecasterContinuedTrainingTests {
    static let series: [Double] = (0..<150).map { (t: Int) -> Double in
        let x = Double(t)
        return 3 * sin(x / 5) + 0.01 * x
    }

    @Test func trainingContinuesFromAModelAndKeepsItsShape() throws {
        var first = ForecasterConfiguration()
        first.cell = .gru
        first.hiddenSize = 7
        first.lookback = 9
        first.horizon = 2
        first.epochs = 2
        first.transform = .difference
        first.threads = 1
        let start = try Forecaster.fit(values: Self.series, configuration: first)

        // The second configuration asks for another shape: the starting model's shape wins.
        var second = ForecasterConfiguration()
        second.cell = .rnn
        second.hiddenSize = 30
        second.lookback = 4
        second.epochs = 3
        second.threads = 1
        let continued = try Forecaster.fit(values: Self.series, configuration: second, startingFrom: start)
        #expect(continued.network.configuration == start.network.configuration)
        #expect(continued.lookback == 9)
        #expect(continued.transform == .difference)
        #expect(continued.scalers == start.scalers)
        #expect(continued.network.parameters != start.network.parameters)
        // Continuing lowers the training loss below where the first run ended.
        let before = try #require(start.fitReport?.trainingLosses.last)
        let after = try #require(continued.fitReport?.trainingLosses.last)
        #expect(after < before)
    }

    @Test func aPyTorchModelCanBeTrainedFurther() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/pytorch-lstm-d1-l2", withExtension: "safetensors"))
        let start = try Forecaster(contentsOf: url)
        var configuration = ForecasterConfiguration()
        configuration.epochs = 2
        configuration.threads = 1
        let continued = try Forecaster.fit(values: Self.series, configuration: configuration, startingFrom: start)
        #expect(continued.network.configuration == start.network.configuration)
        #expect(continued.configuration.scaler == .none)
        #expect(try continued.forecast(steps: 3).count == 3)
    }

    @Test func aStartingModelWithOtherFeaturesIsRefused() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/pytorch-gru-d2-l1", withExtension: "safetensors"))
        let start = try Forecaster(contentsOf: url)
        #expect(throws: ForecasterError.featureMismatch(expected: 1, actual: 0)) {
            try Forecaster.fit(values: Self.series, startingFrom: start)
        }
    }
}
