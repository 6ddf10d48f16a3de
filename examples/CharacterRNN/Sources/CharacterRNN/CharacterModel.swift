import Dispatch
import Forecasting

/// A next-character model: a recurrent network reads L one-hot characters and its head gives
/// V logits for the character that follows, trained with softmax cross-entropy.
///
/// Each mini-batch is split in two halves that run forward and backward on the two cores at
/// once, each with its own workspace; their gradients are added in a fixed order, so the result
/// does not depend on which thread finished first.
final class CharacterModel {
    struct Settings {
        var cell: CellKind
        var hiddenSize: Int
        var lookback: Int
        var batchSize: Int
        var learningRate: Float
        /// Bound on the global gradient norm, against the occasional exploding step.
        var maxGradientNorm: Float = 5
        var seed: UInt64
    }

    let settings: Settings
    let corpus: CharacterCorpus
    let network: RecurrentNetwork
    private let loss: SoftmaxCrossEntropy
    private var optimizer: Adam
    private let halves: [BatchHalf]
    private let samplingWorkspace: NetworkWorkspace
    private var gradients: [Float]

    init(corpus: CharacterCorpus, settings: Settings) {
        precondition(settings.batchSize >= 2, "CharacterModel: the batch must have at least two windows to split")
        self.settings = settings
        self.corpus = corpus
        let configuration = NetworkConfiguration(cell: settings.cell, inputSize: corpus.vocabularySize,
                                                 hiddenSize: settings.hiddenSize, outputs: corpus.vocabularySize)
        network = RecurrentNetwork(configuration: configuration, seed: settings.seed)
        loss = SoftmaxCrossEntropy(classes: corpus.vocabularySize)
        optimizer = Adam(learningRate: settings.learningRate)
        let half = (settings.batchSize + 1) / 2
        halves = (0..<2).map { _ in
            BatchHalf(workspace: NetworkWorkspace(configuration: configuration, maxBatch: half, lookback: settings.lookback))
        }
        samplingWorkspace = NetworkWorkspace(configuration: configuration, maxBatch: 1, lookback: settings.lookback)
        gradients = [Float](repeating: 0, count: configuration.parameterCount)
    }

    /// One pass over every window in a shuffled order, in full batches (the few windows left over
    /// wait for the next epoch's shuffle). Returns the mean loss of the batches, in nats per character.
    func trainEpoch(generator: inout SeededGenerator) -> Float {
        var starts = Array(0 ..< corpus.windowCount(lookback: settings.lookback))
        starts.shuffle(using: &generator)
        let b = settings.batchSize, split = (b + 1) / 2
        var total: Double = 0, batches = 0
        for first in stride(from: 0, through: starts.count - b, by: b) {
            let parts = [starts[first ..< first + split], starts[first + split ..< first + b]]
            let (halves, network, corpus, loss, lookback) = (halves, network, corpus, loss, settings.lookback)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                halves[index].run(network: network, corpus: corpus, loss: loss, starts: parts[index],
                                  lookback: lookback, batchSize: b)
            }
            // Fixed order: first half, then second.
            for index in gradients.indices {
                gradients[index] = halves[0].workspace.gradients[index] + halves[1].workspace.gradients[index]
            }
            GradientClipping.clipByGlobalNorm(&gradients, maxNorm: settings.maxGradientNorm)
            optimizer.step(parameters: &network.parameters, gradients: gradients)
            total += Double(halves[0].loss + halves[1].loss)
            batches += 1
        }
        return Float(total / Double(max(batches, 1)))
    }

    /// Continues `prompt` by `length` characters, each drawn from softmax(logits / temperature)
    /// given the last L characters so far.
    func sample(prompt: String, length: Int, temperature: Float, generator: inout SeededGenerator) -> String {
        var context = corpus.classes(of: prompt)
        if context.isEmpty { context = [0] }
        var generated = ""
        for _ in 0..<length {
            let window = context.suffix(settings.lookback)
            let logits = network.forward(inputs: corpus.oneHot(context: window), batchSize: 1,
                                         lookback: window.count, workspace: samplingWorkspace)
            let next = Softmax.sample(logits: logits, temperature: temperature, using: &generator)
            context.append(next)
            generated.append(corpus.vocabulary[next])
        }
        return generated
    }
}

/// What one thread needs for its half of a mini-batch, and what it leaves behind: the half's
/// share of the batch loss and its parameter gradients (in `workspace.gradients`).
private final class BatchHalf: @unchecked Sendable {
    let workspace: NetworkWorkspace
    private var inputs: [Float] = []
    private var targets: [Int] = []
    private var dLogits: [Float] = []
    private(set) var loss: Float = 0

    init(workspace: NetworkWorkspace) { self.workspace = workspace }

    func run(network: RecurrentNetwork, corpus: CharacterCorpus, loss crossEntropy: SoftmaxCrossEntropy,
             starts: ArraySlice<Int>, lookback: Int, batchSize: Int) {
        corpus.fill(starts: starts, lookback: lookback, inputs: &inputs, targets: &targets)
        let logits = network.forward(inputs: inputs, batchSize: starts.count, lookback: lookback, workspace: workspace)
        dLogits = [Float](repeating: 0, count: logits.count)
        // Normalised by the whole batch, so the two halves add up to the batch's mean and gradient.
        loss = logits.withUnsafeBufferPointer { p in
            targets.withUnsafeBufferPointer { t in
                dLogits.withUnsafeMutableBufferPointer { d in
                    crossEntropy.evaluate(predictions: p, targets: t, dPredictions: d, normalizer: batchSize)
                }
            }
        }
        workspace.zeroGradients()
        network.backward(dPredictions: dLogits, workspace: workspace)
    }
}
