import ForecastNN
import Testing
import _ForecastTestSupport

/// BPTT against central finite differences, for every cell, one and two layers, one and
/// three input features, the head, and the inputs.
///
/// The loss is L = Σ cᵢ·ŷᵢ with fixed random cᵢ (so dL/dŷ = c), summed in Double.
/// Differences are taken in Float with step h = 1e-2 (see `GradientCheck`); an entry passes
/// when |analytic − numeric| ≤ 2e-4 + 1e-2 · max(|analytic|, |numeric|). A dropped term in
/// any derivative shows up at the size of the gradient itself (typically 1e-2 … 1).
@Suite("Gradient check")
struct GradientCheckNetworkTests {
    static let relative = 1e-2
    static let absolute = 2e-4

    struct Case: CustomTestStringConvertible, Sendable {
        var cell: CellKind
        var layers: Int
        var inputSize: Int
        var hidden: Int
        var lookback: Int
        var batch: Int
        var outputs: Int
        /// E, known-in-advance values the head reads beside the last hidden state.
        var headInputs = 0
        var testDescription: String { "\(cell) layers=\(layers) D=\(inputSize) H=\(hidden) L=\(lookback) B=\(batch) O=\(outputs) E=\(headInputs)" }
    }

    static let cases: [Case] = CellKind.allCases.flatMap { cell in
        [
            Case(cell: cell, layers: 1, inputSize: 1, hidden: 3, lookback: 4, batch: 2, outputs: 1),
            Case(cell: cell, layers: 1, inputSize: 3, hidden: 5, lookback: 6, batch: 3, outputs: 2),
            Case(cell: cell, layers: 2, inputSize: 1, hidden: 4, lookback: 5, batch: 2, outputs: 2),
            Case(cell: cell, layers: 2, inputSize: 3, hidden: 4, lookback: 4, batch: 3, outputs: 1),
            // Nine rows take the packed recurrent product on CPUs that have it; 18 units leave a
            // remainder after the 16-lane chunks and the 64-column panels.
            Case(cell: cell, layers: 1, inputSize: 2, hidden: 18, lookback: 3, batch: 9, outputs: 1),
            Case(cell: cell, layers: 2, inputSize: 3, hidden: 4, lookback: 4, batch: 3, outputs: 2, headInputs: 3),
        ]
    }

    /// Inputs, loss weights and a network for one case, all from fixed seeds.
    static func fixture(_ c: Case, dropout: Float = 0) -> (RecurrentNetwork, [Float], [Float]) {
        let configuration = NetworkConfiguration(cell: c.cell, inputSize: c.inputSize, hiddenSize: c.hidden,
                                                 layers: c.layers, outputs: c.outputs, dropout: dropout,
                                                 headInputs: c.headInputs)
        // A larger init than 1/√H so the gates leave their linear region and every term matters.
        var generator = SeededGenerator(seed: 42)
        let parameters = (0..<configuration.parameterCount).map { _ in generator.uniform(in: -0.9...0.9) }
        let network = try! RecurrentNetwork(configuration: configuration, parameters: parameters)
        let inputs = (0..<c.batch * c.lookback * c.inputSize).map { _ in generator.uniform(in: -1.5...1.5) }
        let weights = (0..<c.batch * c.outputs).map { _ in generator.uniform(in: -1...1) }
        return (network, inputs, weights)
    }

    /// The case's B × E head inputs, from their own seed.
    static func headInputs(_ c: Case) -> [Float] {
        var generator = SeededGenerator(seed: 7)
        return (0..<c.batch * c.headInputs).map { _ in generator.uniform(in: -1.5...1.5) }
    }

    static func loss(_ predictions: [Float], _ weights: [Float]) -> Double {
        zip(predictions, weights).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    @Test(arguments: cases)
    func parameterGradientsMatchFiniteDifferences(_ c: Case) throws {
        let (network, inputs, weights) = Self.fixture(c)
        // A workspace larger than needed checks that a smaller batch and lookback work too.
        let workspace = NetworkWorkspace(configuration: network.configuration, maxBatch: c.batch + 1, lookback: c.lookback + 2)
        network.forward(inputs: inputs, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace)
        workspace.zeroGradients()
        network.backward(dPredictions: weights, workspace: workspace)
        let analytic = workspace.gradients

        let probe = try RecurrentNetwork(configuration: network.configuration, parameters: network.parameters)
        let numeric = GradientCheck.centralDifferences(of: { parameters in
            probe.parameters = parameters
            return Self.loss(probe.forward(inputs: inputs, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace), weights)
        }, at: network.parameters)

        let bad = GradientCheck.mismatches(analytic: analytic, numeric: numeric, relative: Self.relative, absolute: Self.absolute)
        let names = network.configuration.parameterLayout
        #expect(bad.isEmpty, "\(bad.count) mismatches, first: \(bad.prefix(3).map { m in "\(names.last { $0.offset <= m.index }!.name)[\(m.index)] \(m.analytic) vs \(m.numeric)" })")
        // Every tensor receives some gradient (no block silently left at zero).
        for spec in names {
            let block = analytic[spec.offset ..< spec.offset + spec.count]
            #expect(block.contains { $0 != 0 }, "\(spec.name) has an all-zero gradient")
        }
    }

    @Test(arguments: cases)
    func inputGradientsMatchFiniteDifferences(_ c: Case) {
        let (network, inputs, weights) = Self.fixture(c)
        let workspace = NetworkWorkspace(configuration: network.configuration, maxBatch: c.batch, lookback: c.lookback)
        network.forward(inputs: inputs, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace)
        network.backward(dPredictions: weights, workspace: workspace)
        let analytic = workspace.dInputs
        #expect(analytic.count == inputs.count)

        let numeric = GradientCheck.centralDifferences(of: { x in
            Self.loss(network.forward(inputs: x, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace), weights)
        }, at: inputs)
        let bad = GradientCheck.mismatches(analytic: analytic, numeric: numeric, relative: Self.relative, absolute: Self.absolute)
        #expect(bad.isEmpty, "\(bad.count) mismatches, first: \(bad.prefix(3).map { "x[\($0.index)] \($0.analytic) vs \($0.numeric)" })")
    }

    /// With dropout the loss is a fixed function of the parameters once the mask is fixed, so
    /// re-seeding the mask generator before each forward makes finite differences valid; this
    /// checks that backward applies the same mask and 1/(1 − p) scaling as forward.
    @Test(arguments: CellKind.allCases)
    func dropoutGradientsMatchFiniteDifferences(_ cell: CellKind) throws {
        let c = Case(cell: cell, layers: 2, inputSize: 2, hidden: 4, lookback: 4, batch: 2, outputs: 1)
        let (network, inputs, weights) = Self.fixture(c, dropout: 0.4)
        let workspace = NetworkWorkspace(configuration: network.configuration, maxBatch: c.batch, lookback: c.lookback)
        func run(_ n: RecurrentNetwork) -> [Float] {
            var masks: SeededGenerator? = SeededGenerator(seed: 7)
            return n.forward(inputs: inputs, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace,
                             training: true, dropoutGenerator: &masks)
        }
        let withDropout = run(network)
        let withoutDropout = network.forward(inputs: inputs, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace)
        #expect(withDropout != withoutDropout, "training with dropout should change the predictions")
        _ = run(network)
        workspace.zeroGradients()
        network.backward(dPredictions: weights, workspace: workspace)
        let analytic = workspace.gradients

        let probe = try RecurrentNetwork(configuration: network.configuration, parameters: network.parameters)
        let numeric = GradientCheck.centralDifferences(of: { parameters in
            probe.parameters = parameters
            return Self.loss(run(probe), weights)
        }, at: network.parameters)
        let bad = GradientCheck.mismatches(analytic: analytic, numeric: numeric, relative: Self.relative, absolute: Self.absolute)
        #expect(bad.isEmpty, "\(bad.count) mismatches, first: \(bad.prefix(3).map { "[\($0.index)] \($0.analytic) vs \($0.numeric)" })")
    }

    @Test func backwardAccumulatesUntilZeroed() {
        let c = Case(cell: .lstm, layers: 1, inputSize: 1, hidden: 3, lookback: 4, batch: 2, outputs: 1)
        let (network, inputs, weights) = Self.fixture(c)
        let workspace = NetworkWorkspace(configuration: network.configuration, maxBatch: c.batch, lookback: c.lookback)
        network.forward(inputs: inputs, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace)
        workspace.zeroGradients()
        network.backward(dPredictions: weights, workspace: workspace)
        let once = workspace.gradients
        network.backward(dPredictions: weights, workspace: workspace)
        for (twice, single) in zip(workspace.gradients, once) {
            #expect(isApproximatelyEqual(twice, 2 * single, relative: 1e-6, absolute: 1e-9))
        }
        workspace.zeroGradients()
        #expect(workspace.gradients.allSatisfy { $0 == 0 })
    }

    /// The batch-1 inference path (two cache slots, no backward records) and the batched one
    /// give the same forecasts as the training forward, to rounding.
    @Test(arguments: CellKind.allCases)
    func predictionPathAgreesWithTrainingForward(_ cell: CellKind) throws {
        let c = Case(cell: cell, layers: 2, inputSize: 2, hidden: 20, lookback: 7, batch: 3, outputs: 2)
        let (network, inputs, _) = Self.fixture(c)
        let workspace = NetworkWorkspace(configuration: network.configuration, maxBatch: c.batch, lookback: c.lookback)
        let expected = network.forward(inputs: inputs, headInputs: Self.headInputs(c), batchSize: c.batch, lookback: c.lookback, workspace: workspace)
        let batched = PredictionWorkspace(configuration: network.configuration, maxBatch: c.batch, lookback: c.lookback)
        let together = try network.predict(windows: inputs, batchSize: c.batch, workspace: batched)
        #expect(maximumScaledDifference(together, expected) < 1e-5)
        let single = PredictionWorkspace(configuration: network.configuration, lookback: c.lookback)
        let windowSize = c.lookback * c.inputSize
        for b in 0..<c.batch {
            let window = Array(inputs[b * windowSize ..< (b + 1) * windowSize])
            let one = try network.predict(window: window, workspace: single)
            #expect(maximumScaledDifference(one, Array(expected[b * c.outputs ..< (b + 1) * c.outputs])) < 1e-5)
        }
    }

    @Test func predictionRejectsWindowsThatDoNotFit() throws {
        let network = RecurrentNetwork(configuration: NetworkConfiguration(cell: .gru, inputSize: 2, hiddenSize: 3), seed: 1)
        let workspace = PredictionWorkspace(configuration: network.configuration, lookback: 4)
        #expect(throws: RecurrentNetworkError.self) { try network.predict(window: [1, 2, 3], workspace: workspace) }
        #expect(throws: RecurrentNetworkError.self) { try network.predict(window: Array(repeating: 0, count: 10), workspace: workspace) }
        #expect(throws: RecurrentNetworkError.self) { try network.predict(window: []) }
        #expect(try network.predict(window: [1, 2, 3, 4]).count == 1)
    }
}
