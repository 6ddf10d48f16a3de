import Testing
import ForecastNN

/// A next-character model built from the recurrent network and a softmax cross-entropy head:
/// windows of one-hot characters in, logits over the vocabulary out.
struct CharacterModelTests {
    /// Every window of `lookback` characters of `text`, one-hot encoded (B × L × V), and the
    /// index of the character that follows each.
    static func windows(of text: [Character], vocabulary: [Character], lookback: Int) -> (inputs: [Float], targets: [Int]) {
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let v = vocabulary.count
        var inputs: [Float] = [], targets: [Int] = []
        for start in 0 ..< text.count - lookback {
            for t in 0..<lookback {
                var oneHot = [Float](repeating: 0, count: v)
                oneHot[index[text[start + t]]!] = 1
                inputs += oneHot
            }
            targets.append(index[text[start + lookback]]!)
        }
        return (inputs, targets)
    }

    /// Trains on every window at once with Adam and returns the loss before and after.
    static func train(cell: CellKind, text: String, lookback: Int, hidden: Int, steps: Int) -> (first: Float, last: Float) {
        let characters = Array(text)
        let vocabulary = Array(Set(characters)).sorted()
        let (inputs, targets) = windows(of: characters, vocabulary: vocabulary, lookback: lookback)
        let configuration = NetworkConfiguration(cell: cell, inputSize: vocabulary.count, hiddenSize: hidden,
                                                 outputs: vocabulary.count)
        let network = RecurrentNetwork(configuration: configuration, seed: 3)
        let workspace = NetworkWorkspace(configuration: configuration, maxBatch: targets.count, lookback: lookback)
        let loss = SoftmaxCrossEntropy(classes: vocabulary.count)
        var optimizer = Adam(learningRate: 0.05)
        var first: Float = .nan, last: Float = .nan
        for step in 0..<steps {
            let logits = network.forward(inputs: inputs, batchSize: targets.count, lookback: lookback, workspace: workspace)
            let (value, dLogits) = loss.valueAndGradient(predictions: logits, targets: targets)
            if step == 0 { first = value }
            last = value
            workspace.zeroGradients()
            network.backward(dPredictions: dLogits, workspace: workspace)
            optimizer.step(parameters: &network.parameters, gradients: workspace.gradients)
        }
        return (first, last)
    }

    @Test func elmanLearnsARepeatingString() {
        // "abc" repeated: the next character follows from the current one alone.
        let (first, last) = Self.train(cell: .rnn, text: String(repeating: "abc", count: 4), lookback: 3,
                                       hidden: 8, steps: 200)
        // At initialisation the logits are small, so the loss starts near log 3 ≈ 1.10 (uniform guess).
        #expect(abs(first - 1.0986) < 0.3, "initial loss \(first)")
        #expect(last < 0.02, "final loss \(last)")
    }

    @Test func lstmLearnsAStringThatNeedsMemory() {
        // "aab" repeated: after an "a" the next character depends on the one before it, so the
        // model must carry state across steps; a memoryless guess would lose ⅔·log 2 ≈ 0.46 per character.
        let (_, last) = Self.train(cell: .lstm, text: String(repeating: "aab", count: 4), lookback: 3,
                                   hidden: 8, steps: 200)
        #expect(last < 0.02, "final loss \(last)")
    }
}
