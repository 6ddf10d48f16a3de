import Foundation
import Testing
@testable import ForecastNN

/// The network, its gradients, clipping and the optimizers against PyTorch's own numbers
/// (fixtures written by Utilities/ReferenceImplementations/make_fixtures.py).
///
/// Tolerances: outputs within 1e-5 absolute; every gradient tensor (each parameter and the input)
/// within 1e-4 relative in the L2 norm, ‖g − g_torch‖₂ ≤ 1e-4·‖g_torch‖₂ + 1e-7; parameters after
/// optimizer steps within 2e-5 absolute (float32 arithmetic on both sides).
struct PyTorchParityTests {
    static let fixtureNames: [String] = CellKind.allCases.flatMap { cell in
        [1, 2].flatMap { layers in [1, 3].map { "parity-\(cell.rawValue)-l\(layers)-d\($0)" } }
    } + CellKind.allCases.map { "parity-\($0.rawValue)-l2-d3-e4" }

    /// One fixture: the network PyTorch built and everything PyTorch computed with it.
    struct Case {
        let file: SafeTensorsFile
        let configuration: NetworkConfiguration
        let batch: Int
        let lookback: Int

        init(_ name: String) throws {
            let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            file = try SafeTensorsFile(contentsOf: url.appendingPathComponent(name + ".safetensors"))
            let metadata = file.metadata
            func number(_ key: String) throws -> Int { try #require(metadata[key].flatMap { Int($0) }, "metadata \(key)") }
            let cell = try #require(metadata["cell"].flatMap { CellKind(rawValue: $0) }, "metadata cell")
            configuration = NetworkConfiguration(
                cell: cell,
                inputSize: try number("input_size"), hiddenSize: try number("hidden_size"),
                layers: try number("num_layers"), outputs: try number("outputs"),
                headInputs: metadata["head_inputs"].flatMap { Int($0) } ?? 0)
            batch = try number("batch")
            lookback = try number("lookback")
        }

        /// The tensors called `prefix + name` for every parameter, concatenated in layout order.
        func flat(_ prefix: String = "") throws -> [Float] {
            try configuration.parameterLayout.flatMap { spec in
                try file.tensor(named: prefix + spec.name, shape: spec.shape).values
            }
        }

        func values(_ name: String) throws -> [Float] { try #require(file.tensors[name]).values }

        func metadataFloat(_ key: String) throws -> Float {
            try #require(file.metadata[key].flatMap { Float($0) }, "metadata \(key)")
        }

        /// Forward and MSE backward at `network`'s parameters; returns the loss.
        func lossAndGradients(_ network: RecurrentNetwork, _ workspace: NetworkWorkspace) throws -> Float {
            let headInputs = configuration.headInputs > 0 ? try values("head_input") : []
            let predictions = network.forward(inputs: try values("input"), headInputs: headInputs,
                                              batchSize: batch, lookback: lookback, workspace: workspace)
            let (loss, dPredictions) = MeanSquaredError().valueAndGradient(predictions: predictions, targets: try values("target"))
            workspace.zeroGradients()
            network.backward(dPredictions: dPredictions, workspace: workspace)
            return loss
        }
    }

    static func expectClose(_ actual: [Float], _ expected: [Float], relative: Float, _ what: String) {
        #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)")
        var difference: Float = 0, reference: Float = 0
        for (a, e) in zip(actual, expected) {
            difference += (a - e) * (a - e)
            reference += e * e
        }
        #expect(difference.squareRoot() <= relative * reference.squareRoot() + 1e-7,
                "\(what): relative L2 error \(difference.squareRoot() / max(reference.squareRoot(), 1e-12))")
    }

    static func expectWithin(_ actual: [Float], _ expected: [Float], absolute: Float, _ what: String) {
        #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)")
        let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= absolute, "\(what): largest difference \(worst)")
    }

    @Test(arguments: fixtureNames)
    func forwardAndGradientsMatchPyTorch(_ name: String) throws {
        let fixture = try Case(name)
        let network = try RecurrentNetwork(configuration: fixture.configuration, parameters: try fixture.flat())
        let workspace = NetworkWorkspace(configuration: fixture.configuration, maxBatch: fixture.batch, lookback: fixture.lookback)
        let loss = try fixture.lossAndGradients(network, workspace)

        Self.expectWithin(workspace.predictions, try fixture.values("output"), absolute: 1e-5, "\(name) output")
        #expect(abs(loss - (try fixture.values("loss")[0])) <= 1e-5, "\(name) loss")
        for spec in fixture.configuration.parameterLayout {
            let ours = Array(workspace.gradients[spec.offset ..< spec.offset + spec.count])
            Self.expectClose(ours, try fixture.values("grad." + spec.name), relative: 1e-4, "\(name) grad.\(spec.name)")
        }
        Self.expectClose(workspace.dInputs, try fixture.values("grad.input"), relative: 1e-4, "\(name) grad.input")

        var clipped = workspace.gradients
        let norm = GradientClipping.clipByGlobalNorm(&clipped, maxNorm: 0.1)
        let torchNorm = try fixture.values("clip.total_norm")[0]
        #expect(abs(norm - torchNorm) <= 1e-4 * torchNorm, "\(name) clip norm \(norm) vs \(torchNorm)")
    }

    @Test(arguments: fixtureNames)
    func adamStepsMatchPyTorch(_ name: String) throws {
        let fixture = try Case(name)
        let network = try RecurrentNetwork(configuration: fixture.configuration, parameters: try fixture.flat())
        let workspace = NetworkWorkspace(configuration: fixture.configuration, maxBatch: fixture.batch, lookback: fixture.lookback)
        var adam = Adam(learningRate: try fixture.metadataFloat("adam_lr"))
        for step in 1...2 {
            _ = try fixture.lossAndGradients(network, workspace)
            adam.step(parameters: &network.parameters, gradients: workspace.gradients)
            Self.expectWithin(network.parameters, try fixture.flat("adam\(step)."), absolute: 2e-5, "\(name) Adam step \(step)")
        }
    }

    @Test(arguments: fixtureNames)
    func sgdMomentumStepsMatchPyTorch(_ name: String) throws {
        let fixture = try Case(name)
        let network = try RecurrentNetwork(configuration: fixture.configuration, parameters: try fixture.flat())
        let workspace = NetworkWorkspace(configuration: fixture.configuration, maxBatch: fixture.batch, lookback: fixture.lookback)
        var sgd = SGD(learningRate: try fixture.metadataFloat("sgd_lr"), momentum: try fixture.metadataFloat("sgd_momentum"))
        for step in 1...2 {
            _ = try fixture.lossAndGradients(network, workspace)
            sgd.step(parameters: &network.parameters, gradients: workspace.gradients)
            Self.expectWithin(network.parameters, try fixture.flat("sgd\(step)."), absolute: 2e-5, "\(name) SGD step \(step)")
        }
    }
}
