/// Fits a `RecurrentNetwork` by mini-batch gradient descent on windows of a series.
///
/// Each epoch visits the training windows in a seeded random order (or in order), in batches
/// of `batchSize`. A batch is split into `configuration.chunks` fixed parts whose gradients are
/// computed on up to `configuration.threads` threads and summed in part order, so the same
/// seed gives the same weights bit for bit whatever the thread count. The step follows the
/// gradient of the batch's mean loss, optionally clipped by global norm.
///
/// Training stops with `TrainingError.nonFiniteLoss` when the loss stops being a number, with
/// `CancellationError` when the surrounding `Task` is cancelled (checked every batch), or early
/// when the progress callback says `.stop` or the validation loss stops improving.
public struct Trainer: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Trains `network` in place and returns the losses of every epoch.
    ///
    /// - Parameters:
    ///   - network: the network whose parameters are updated.
    ///   - optimizer: carries its state (moments, step count) across calls, so training can resume.
    ///   - training: the windows trained on (argument label `on`).
    ///   - validation: windows scored after every epoch; needed for early stopping.
    ///   - progress: called on the calling thread after every batch and every epoch.
    public func train<O: Optimizer>(
        _ network: RecurrentNetwork,
        optimizer: inout O,
        on training: Examples,
        validation: Examples? = nil,
        progress: (Event) -> Decision = { _ in .proceed }
    ) throws -> Report {
        let settings = configuration
        try settings.validate()
        let shape = network.configuration
        guard training.count > 0 else { throw TrainingError.noTrainingExamples }
        for (name, examples) in [("training", training), ("validation", validation)] {
            guard let examples else { continue }
            guard examples.features == shape.inputSize, examples.outputs == shape.outputs else {
                throw TrainingError.shapeMismatch(
                    "the \(name) windows have \(examples.features) features and \(examples.outputs) outputs, the network \(shape.inputSize) and \(shape.outputs)")
            }
            guard examples.headInputWidth == shape.headInputs else {
                throw TrainingError.shapeMismatch(
                    "the \(name) windows have \(examples.headInputWidth) head inputs, the network \(shape.headInputs)")
            }
            guard examples.count > 0 else { throw TrainingError.shapeMismatch("there are no \(name) windows") }
            guard examples.lookback == training.lookback else {
                throw TrainingError.shapeMismatch("training windows have \(training.lookback) steps, validation windows \(examples.lookback)")
            }
        }
        if settings.earlyStoppingPatience != nil, validation == nil {
            throw TrainingError.invalidSetting(name: "early stopping patience", value: "\(settings.earlyStoppingPatience ?? 0)",
                                               expected: "validation windows to watch")
        }

        let batchSize = min(settings.batchSize, training.count)
        let engine = TrainerChunkedBatch(configuration: shape, lookback: training.lookback,
                                         maxBatch: batchSize, chunks: settings.chunks)
        var order = Array(0..<training.count)
        var shuffler = SeededGenerator(seed: settings.seed)
        let batchCount = (training.count + batchSize - 1) / batchSize
        let outputs = shape.outputs
        let usesDropout = shape.dropout > 0 && shape.layers > 1

        var summaries: [EpochSummary] = []
        var best: (loss: Float, epoch: Int, parameters: [Float])?
        var stoppedEarly = false
        var step: UInt64 = 0

        epochs: for epoch in 1...settings.epochs {
            if settings.shuffle { Self.shuffle(&order, using: &shuffler) }
            var weightedLoss: Double = 0
            var windowsSeen = 0
            for batch in 0..<batchCount {
                try Task.checkCancellation()
                let indices = order[(batch * batchSize) ..< min((batch + 1) * batchSize, training.count)]
                step &+= 1
                let dropoutSeed: UInt64? = usesDropout ? settings.seed ^ (step &* 0xD1B5_4A32_D192_ED03) : nil
                let loss = engine.run(network: network, examples: training, indices: indices, loss: settings.loss,
                                      normalizer: indices.count * outputs, computeGradients: true,
                                      dropoutSeed: dropoutSeed, threads: settings.threads)
                guard loss.isFinite else {
                    throw TrainingError.nonFiniteLoss(epoch: epoch, batch: batch + 1, value: loss)
                }
                try applyStep(network: network, engine: engine, optimizer: &optimizer, epoch: epoch, batch: batch + 1)
                weightedLoss += Double(loss) * Double(indices.count)
                windowsSeen += indices.count
                if progress(.batchFinished(epoch: epoch, batch: batch + 1, batchCount: batchCount, loss: loss)) == .stop {
                    stoppedEarly = true
                    summaries.append(EpochSummary(epoch: epoch, trainingLoss: Float(weightedLoss / Double(windowsSeen)),
                                                  validationLoss: nil))
                    break epochs
                }
            }
            let trainingLoss = Float(weightedLoss / Double(training.count))
            let validationLoss = try validation.map { try Self.meanLoss(of: network, on: $0, engine: engine, settings: settings) }
            summaries.append(EpochSummary(epoch: epoch, trainingLoss: trainingLoss, validationLoss: validationLoss))
            let decision = progress(.epochFinished(epoch: epoch, trainingLoss: trainingLoss, validationLoss: validationLoss))

            if let patience = settings.earlyStoppingPatience, let validationLoss {
                if let current = best, !(validationLoss < current.loss) {
                    if epoch - current.epoch >= patience {
                        stoppedEarly = epoch < settings.epochs
                        break epochs
                    }
                } else {
                    best = (validationLoss, epoch, network.parameters)
                }
            }
            if decision == .stop {
                stoppedEarly = epoch < settings.epochs
                break epochs
            }
        }

        var restoredEpoch: Int?
        if let best, best.epoch != summaries.last?.epoch {
            network.parameters = best.parameters
            restoredEpoch = best.epoch
        }
        return Report(epochs: summaries, stoppedEarly: stoppedEarly, restoredEpoch: restoredEpoch)
    }

    /// Fisher–Yates, written out so the order depends only on the seed and `SeededGenerator`,
    /// not on the standard library's choice of shuffling algorithm.
    static func shuffle(_ order: inout [Int], using generator: inout SeededGenerator) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(generator.next(upperBound: UInt64(i + 1)))
            order.swapAt(i, j)
        }
    }

    /// Clips (if asked), checks and applies the summed batch gradient.
    private func applyStep<O: Optimizer>(
        network: RecurrentNetwork, engine: TrainerChunkedBatch, optimizer: inout O, epoch: Int, batch: Int
    ) throws {
        var gradients = engine.gradients
        if let maxNorm = configuration.gradientClipNorm {
            let norm = GradientClipping.clipByGlobalNorm(&gradients, maxNorm: maxNorm)
            guard norm.isFinite else { throw TrainingError.nonFiniteGradient(epoch: epoch, batch: batch) }
        }
        gradients.withUnsafeBufferPointer { g in
            network.parameters.withUnsafeMutableBufferPointer { p in
                optimizer.step(parameters: p, gradients: g)
            }
        }
    }

    /// The mean loss of `network` over `examples`, without dropout or gradients.
    static func meanLoss(of network: RecurrentNetwork, on examples: Examples,
                         engine: TrainerChunkedBatch, settings: Configuration) throws -> Float {
        let capacity = engine.chunkCapacity * engine.chunkCount
        let all = Array(0..<examples.count)
        var total: Float = 0
        var start = 0
        while start < examples.count {
            try Task.checkCancellation()
            let end = min(start + capacity, examples.count)
            total += engine.run(network: network, examples: examples, indices: all[start..<end], loss: settings.loss,
                                normalizer: examples.count * examples.outputs, computeGradients: false,
                                dropoutSeed: nil, threads: settings.threads)
            start = end
        }
        return total
    }
}
