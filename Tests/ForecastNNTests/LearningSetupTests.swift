import Foundation
import ForecastNN
import Testing
import _ForecastTestSupport

/// What training relies on before the first step: seeded, PyTorch-shaped initialisation and
/// the parameter layout that model files and optimisers share.
@Suite("Learning set-up")
struct LearningSetupTests {
    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9), c = SeededGenerator(seed: 10)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    /// Uniform draws stay inside the range and fill it: mean within 0.01 of the centre and
    /// variance within 3% of (b − a)²/12 over 100 000 draws.
    @Test func uniformDrawsCoverTheRange() {
        var generator = SeededGenerator(seed: 3)
        let draws = (0..<100_000).map { _ in generator.uniform(in: -2...3) }
        #expect(draws.allSatisfy { $0 >= -2 && $0 <= 3 })
        let mean = draws.reduce(0.0) { $0 + Double($1) } / Double(draws.count)
        let variance = draws.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(draws.count)
        #expect(abs(mean - 0.5) < 0.01)
        #expect(abs(variance - 25.0 / 12) < 0.03 * 25 / 12)
        var unit = SeededGenerator(seed: 4)
        #expect((0..<10_000).allSatisfy { _ in let u = unit.nextUnitFloat(); return u >= 0 && u < 1 })
    }

    @Test(arguments: CellKind.allCases)
    func layoutFollowsPyTorchStateDictOrder(_ cell: CellKind) {
        let configuration = NetworkConfiguration(cell: cell, inputSize: 3, hiddenSize: 5, layers: 2, outputs: 4)
        let g = cell.gateCount * 5
        let layout = configuration.parameterLayout
        #expect(layout.map(\.name) == [
            "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
            "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
            "head.weight", "head.bias",
        ])
        #expect(layout.map(\.shape) == [[g, 3], [g, 5], [g], [g], [g, 5], [g, 5], [g], [g], [4, 5], [4]])
        // Contiguous, in order, and the count agrees with the layout.
        var offset = 0
        for spec in layout {
            #expect(spec.offset == offset)
            offset += spec.count
        }
        #expect(offset == configuration.parameterCount)
    }

    /// Every parameter is drawn from U(−1/√H, 1/√H), as PyTorch initialises its recurrent
    /// layers and `Linear(H, O)`; the spread must actually use the range (max |w| > 0.9 bound).
    @Test(arguments: CellKind.allCases)
    func initialisationIsUniformWithinOneOverRootH(_ cell: CellKind) {
        let configuration = NetworkConfiguration(cell: cell, inputSize: 2, hiddenSize: 16, layers: 2, outputs: 3)
        let network = RecurrentNetwork(configuration: configuration, seed: 11)
        let bound: Float = 1 / 4
        #expect(network.parameters.count == configuration.parameterCount)
        #expect(network.parameters.allSatisfy { abs($0) <= bound })
        #expect(network.parameters.map(abs).max()! > 0.9 * bound)
        let again = RecurrentNetwork(configuration: configuration, seed: 11)
        #expect(again.parameters == network.parameters)
        #expect(RecurrentNetwork(configuration: configuration, seed: 12).parameters != network.parameters)
        #expect(network.tensor(named: "head.bias")?.count == 3)
        #expect(network.tensor(named: "rnn.weight_ih_l2") == nil)
    }

    @Test func parametersOfTheWrongCountAreRejectedWithAClearMessage() {
        let configuration = NetworkConfiguration(cell: .lstm, inputSize: 1, hiddenSize: 4)
        #expect(throws: RecurrentNetworkError.self) {
            try RecurrentNetwork(configuration: configuration, parameters: [1, 2, 3])
        }
        let error = RecurrentNetworkError.parameterCountMismatch(expected: configuration.parameterCount, actual: 3,
                                                                 configuration: configuration)
        #expect(error.errorDescription?.contains("\(configuration.parameterCount)") == true)
        #expect(error.errorDescription?.contains("3 were given") == true)
    }

    @Test func configurationsFromFilesAreValidatedNotTrapped() throws {
        #expect(throws: NetworkConfigurationError.notPositive(name: "hidden size", value: 0)) {
            try NetworkConfiguration(validating: .lstm, inputSize: 1, hiddenSize: 0)
        }
        #expect(throws: NetworkConfigurationError.dropoutOutOfRange(1)) {
            try NetworkConfiguration(validating: .gru, inputSize: 1, hiddenSize: 4, layers: 2, dropout: 1)
        }
        #expect(NetworkConfigurationError.notPositive(name: "number of layers", value: -2).errorDescription
            == "The number of layers of a network must be positive, but it is -2.")
        let damaged = #"{"cell":"rnn","inputSize":1,"hiddenSize":8,"layers":0,"outputs":1,"dropout":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NetworkConfiguration.self, from: Data(damaged.utf8)) }
        let valid = try NetworkConfiguration(validating: .rnn, inputSize: 2, hiddenSize: 3, layers: 2, outputs: 4, dropout: 0.5)
        #expect(valid == NetworkConfiguration(cell: .rnn, inputSize: 2, hiddenSize: 3, layers: 2, outputs: 4, dropout: 0.5))
    }

    @Test func configurationRoundTripsThroughCodable() throws {
        let configuration = NetworkConfiguration(cell: .gru, inputSize: 2, hiddenSize: 8, layers: 3, outputs: 5, dropout: 0.25)
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(NetworkConfiguration.self, from: data) == configuration)
    }
}
