import Forecasting

/// A recurrent network to put through the long-lag task.
struct Contender: Sendable {
    let name: String
    let cell: CellKind
    /// When set, the forget-gate bias (b_ih + b_hh of gate f) starts at this value instead of
    /// PyTorch's small random one, the usual remedy of Gers, Schmidhuber and Cummins (2000).
    let forgetBias: Float?
}

/// What one network showed at one lag.
struct LagResult: Sendable {
    let lag: Int
    /// Mean |∂loss/∂x₀| per sequence at initialisation: how much learning signal reaches the input
    /// that holds the answer.
    let initialGradient: Double
    /// Share of fresh sequences answered right after training (1 / levels is guessing).
    let accuracy: Double
}

/// Builds a network, measures the gradient reaching the first input, trains it briefly on the
/// task, then measures its accuracy on fresh sequences. Every draw is seeded.
struct LagExperiment: Sendable {
    let contender: Contender
    let task: LongLagTask
    var hiddenSize = 32
    var batchSize = 64
    var trainingSteps = 600
    var learningRate: Float = 3e-3
    var seed: UInt64 = 7

    func run() -> LagResult {
        let configuration = NetworkConfiguration(cell: contender.cell, inputSize: 1, hiddenSize: hiddenSize, outputs: task.levels)
        let network = RecurrentNetwork(configuration: configuration, seed: seed)
        if let forgetBias = contender.forgetBias { openForgetGates(network, to: forgetBias) }
        let workspace = NetworkWorkspace(configuration: configuration, maxBatch: batchSize, lookback: task.length)
        let loss = SoftmaxCrossEntropy(classes: task.levels)
        let initialGradient = firstInputGradient(network, workspace, loss, seed: seed &+ 1)

        var generator = SeededGenerator(seed: seed &+ 2)
        var optimizer = Adam(learningRate: learningRate)
        for _ in 0..<trainingSteps {
            let (inputs, targets) = task.batch(size: batchSize, generator: &generator)
            let logits = network.forward(inputs: inputs, batchSize: batchSize, lookback: task.length, workspace: workspace)
            let (_, dLogits) = loss.valueAndGradient(predictions: logits, targets: targets)
            workspace.zeroGradients()
            network.backward(dPredictions: dLogits, workspace: workspace)
            GradientClipping.clipByGlobalNorm(&workspace.gradients, maxNorm: 1)
            optimizer.step(parameters: &network.parameters, gradients: workspace.gradients)
        }

        var testGenerator = SeededGenerator(seed: seed &+ 3)
        var correct = 0, total = 0
        for _ in 0..<8 {
            let (inputs, targets) = task.batch(size: batchSize, generator: &testGenerator)
            let logits = network.forward(inputs: inputs, batchSize: batchSize, lookback: task.length, workspace: workspace)
            let k = task.levels
            for b in 0..<batchSize {
                let row = logits[b * k ..< (b + 1) * k]
                if row.indices.max(by: { row[$0] < row[$1] })! - b * k == targets[b] { correct += 1 }
            }
            total += batchSize
        }
        return LagResult(lag: task.lag, initialGradient: initialGradient, accuracy: Double(correct) / Double(total))
    }

    /// Mean over 4 batches of |∂ℓ_b/∂x_{b,0}|, the gradient of each sequence's own loss (not the
    /// batch mean, so the number does not shrink with the batch size) at its first input.
    private func firstInputGradient(_ network: RecurrentNetwork, _ workspace: NetworkWorkspace,
                                    _ loss: SoftmaxCrossEntropy, seed: UInt64) -> Double {
        var generator = SeededGenerator(seed: seed)
        var sum: Double = 0, count = 0
        for _ in 0..<4 {
            let (inputs, targets) = task.batch(size: batchSize, generator: &generator)
            let logits = network.forward(inputs: inputs, batchSize: batchSize, lookback: task.length, workspace: workspace)
            var dLogits = [Float](repeating: 0, count: logits.count)
            _ = logits.withUnsafeBufferPointer { p in
                targets.withUnsafeBufferPointer { t in
                    dLogits.withUnsafeMutableBufferPointer { d in
                        loss.evaluate(predictions: p, targets: t, dPredictions: d, normalizer: 1)
                    }
                }
            }
            workspace.zeroGradients()
            network.backward(dPredictions: dLogits, workspace: workspace)
            for b in 0..<batchSize { sum += abs(Double(workspace.dInputs[b * task.length])) }
            count += batchSize
        }
        return sum / Double(count)
    }

    /// Sets the forget gate's two biases (rows H..<2H of bias_ih and bias_hh, gate order i, f, g, o)
    /// so they add up to `value`.
    private func openForgetGates(_ network: RecurrentNetwork, to value: Float) {
        let layout = network.configuration.parameterLayout
        let h = network.configuration.hiddenSize
        for name in ["rnn.bias_ih_l0", "rnn.bias_hh_l0"] {
            guard let spec = layout.first(where: { $0.name == name }) else { continue }
            for j in h ..< 2 * h { network.parameters[spec.offset + j] = value / 2 }
        }
    }
}
