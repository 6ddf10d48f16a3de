import Foundation
import Testing
@testable import ForecastNN

/// The trainer: determinism across thread counts, agreement of the chunked gradient with the
/// whole-batch gradient, learning, stopping rules, progress, cancellation and input checks.
struct TrainerTests {
    static let series: [Float] = (0..<240).map { Float(sin(Double($0) * 0.21)) + 0.3 * Float(cos(Double($0) * 0.05)) }

    static func examples(lookback: Int = 8, range: Range<Int> = 0..<200) throws -> Trainer.Examples {
        try Trainer.Examples(series: Array(series[range]), lookback: lookback)
    }

    static func network(_ cell: CellKind = .lstm, layers: Int = 1, dropout: Float = 0, seed: UInt64 = 7) -> RecurrentNetwork {
        RecurrentNetwork(configuration: NetworkConfiguration(cell: cell, inputSize: 1, hiddenSize: 12, layers: layers,
                                                             outputs: 1, dropout: dropout), seed: seed)
    }

    @Test(arguments: [CellKind.rnn, .lstm, .gru])
    func sameSeedGivesIdenticalWeightsWithOneOrTwoThreads(_ cell: CellKind) throws {
        let data = try Self.examples()
        var results: [[Float]] = []
        for threads in [1, 2, 1] {
            let network = Self.network(cell, layers: 2, dropout: 0.2)
            var adam = Adam(learningRate: 0.01)
            let trainer = Trainer(configuration: .init(epochs: 2, batchSize: 16, seed: 3, threads: threads, chunks: 4))
            _ = try trainer.train(network, optimizer: &adam, on: data)
            results.append(network.parameters)
        }
        #expect(results[0] == results[1], "1 and 2 threads differ")
        #expect(results[0] == results[2], "two runs with 1 thread differ")
        #expect(results[0] != Self.network(cell, layers: 2, dropout: 0.2).parameters, "training changed nothing")
    }

    @Test func chunkedGradientEqualsTheWholeBatchGradient() throws {
        let data = try Self.examples()
        let network = Self.network(.gru)
        let indices = Array(0..<50)
        let chunked = TrainerChunkedBatch(configuration: network.configuration, lookback: 8, maxBatch: 50, chunks: 3)
        let chunkedLoss = chunked.run(network: network, examples: data, indices: indices[...], loss: MeanSquaredError(),
                                      normalizer: 50, computeGradients: true, dropoutSeed: nil, threads: 2)

        let workspace = NetworkWorkspace(configuration: network.configuration, maxBatch: 50, lookback: 8)
        let predictions = network.forward(inputs: Array(data.inputs[0 ..< 400]), batchSize: 50, lookback: 8, workspace: workspace)
        let (loss, d) = MeanSquaredError().valueAndGradient(predictions: predictions, targets: Array(data.targets[0 ..< 50]))
        workspace.zeroGradients()
        network.backward(dPredictions: d, workspace: workspace)

        #expect(abs(chunkedLoss - loss) <= 1e-6 * max(1, loss))
        // L2 relative difference: only the order of float additions differs.
        var difference: Float = 0, reference: Float = 0
        for (a, b) in zip(chunked.gradients, workspace.gradients) {
            difference += (a - b) * (a - b)
            reference += b * b
        }
        #expect(reference > 0)
        #expect(difference.squareRoot() <= 1e-5 * reference.squareRoot())
    }

    @Test func trainingLowersTheLoss() throws {
        let network = Self.network()
        var adam = Adam(learningRate: 0.01)
        let trainer = Trainer(configuration: .init(epochs: 12, batchSize: 32, seed: 1, threads: 2))
        let report = try trainer.train(network, optimizer: &adam, on: try Self.examples(),
                                       validation: try Self.examples(range: 192..<240))
        let first = try #require(report.epochs.first), last = try #require(report.epochs.last)
        #expect(report.epochs.count == 12 && !report.stoppedEarly)
        #expect(last.trainingLoss < 0.2 * first.trainingLoss, "\(first.trainingLoss) → \(last.trainingLoss)")
        let validation = try #require(last.validationLoss)
        #expect(validation < 0.05, "validation loss \(validation)")
    }

    @Test func shuffledRunsRepeatWithTheSeedAndDifferFromUnshuffled() throws {
        func run(shuffle: Bool, seed: UInt64) throws -> [Float] {
            let network = Self.network(.rnn)
            var sgd = SGD(learningRate: 0.05, momentum: 0.9)
            _ = try Trainer(configuration: .init(epochs: 1, batchSize: 16, shuffle: shuffle, seed: seed))
                .train(network, optimizer: &sgd, on: try Self.examples())
            return network.parameters
        }
        #expect(try run(shuffle: true, seed: 5) == run(shuffle: true, seed: 5))
        #expect(try run(shuffle: true, seed: 5) != run(shuffle: true, seed: 6))
        #expect(try run(shuffle: true, seed: 5) != run(shuffle: false, seed: 5))
    }

    @Test func progressReportsEveryBatchAndEpochInOrder() throws {
        var events: [Trainer.Event] = []
        var sgd = SGD(learningRate: 0.01)
        let data = try Self.examples()                         // 192 windows → 4 batches of 50 (last 42)
        let report = try Trainer(configuration: .init(epochs: 2, batchSize: 50))
            .train(Self.network(), optimizer: &sgd, on: data) { events.append($0); return .proceed }
        #expect(data.count == 192)
        #expect(events.count == 2 * (4 + 1))
        guard case .batchFinished(epoch: 1, batch: 1, batchCount: 4, _) = events[0] else {
            Issue.record("first event \(events[0])")
            return
        }
        guard case let .epochFinished(epoch: 2, trainingLoss: loss, validationLoss: nil) = events[9] else {
            Issue.record("last event \(events[9])")
            return
        }
        #expect(loss == report.epochs[1].trainingLoss)
    }

    @Test func callbackCanStopTraining() throws {
        var sgd = SGD(learningRate: 0.01)
        let report = try Trainer(configuration: .init(epochs: 5, batchSize: 64))
            .train(Self.network(), optimizer: &sgd, on: try Self.examples()) { event in
                if case .epochFinished(epoch: 2, _, _) = event { return .stop }
                return .proceed
            }
        #expect(report.epochs.map(\.epoch) == [1, 2])
        #expect(report.stoppedEarly)
    }

    @Test func reportedLossesAreTheChosenLossOverAllWindows() throws {
        // With a zero learning rate the weights stay put, so both reported losses must equal the
        // loss of one forward pass over every window (batches of 50 + 50 + 50 + 42, 3 chunks).
        let network = Self.network(.gru)
        let training = try Self.examples(), validation = try Self.examples(range: 150..<240)
        var sgd = SGD(learningRate: 0)
        let report = try Trainer(configuration: .init(epochs: 1, batchSize: 50, threads: 2, chunks: 3, loss: MeanAbsoluteError()))
            .train(network, optimizer: &sgd, on: training, validation: validation)
        func directLoss(_ examples: Trainer.Examples) -> Float {
            let workspace = NetworkWorkspace(configuration: network.configuration, maxBatch: examples.count, lookback: 8)
            let predictions = network.forward(inputs: examples.inputs, batchSize: examples.count, lookback: 8, workspace: workspace)
            return MeanAbsoluteError().value(predictions: predictions, targets: examples.targets)
        }
        #expect(abs(report.epochs[0].trainingLoss - directLoss(training)) <= 1e-5)
        #expect(abs(try #require(report.epochs[0].validationLoss) - directLoss(validation)) <= 1e-5)
    }

    @Test func stoppingInsideAnEpochAveragesTheBatchesSeen() throws {
        var sgd = SGD(learningRate: 0)
        var losses: [Float] = []
        let report = try Trainer(configuration: .init(epochs: 3, batchSize: 50, shuffle: false))
            .train(Self.network(), optimizer: &sgd, on: try Self.examples()) { event in
                guard case let .batchFinished(_, batch, _, loss) = event else { return .proceed }
                losses.append(loss)
                return batch == 2 ? .stop : .proceed
            }
        #expect(report.epochs.count == 1 && report.stoppedEarly)
        // Two full batches of 50: the epoch loss is their plain mean.
        #expect(abs(report.epochs[0].trainingLoss - (losses[0] + losses[1]) / 2) <= 1e-6)
    }

    @Test func shuffleIsASeededPermutation() {
        var a = Array(0..<100), b = a
        var first = SeededGenerator(seed: 9), second = SeededGenerator(seed: 9)
        Trainer.shuffle(&a, using: &first)
        Trainer.shuffle(&b, using: &second)
        #expect(a == b)
        #expect(a != Array(0..<100))
        #expect(a.sorted() == Array(0..<100))
    }

    @Test func earlyStoppingWaitsForPatienceAndRestoresTheBestEpoch() throws {
        // A zero learning rate never improves the validation loss after epoch 1.
        var sgd = SGD(learningRate: 0)
        let report = try Trainer(configuration: .init(epochs: 10, batchSize: 64, earlyStoppingPatience: 2))
            .train(Self.network(), optimizer: &sgd, on: try Self.examples(), validation: try Self.examples(range: 192..<240))
        #expect(report.epochs.count == 3)
        #expect(report.stoppedEarly)
        #expect(report.restoredEpoch == 1)
    }

    @Test func nonFiniteLossStopsWithEpochAndRemedy() throws {
        var targets = [Float](repeating: 0, count: 40)
        targets[3] = 1e25                                    // squares to infinity in Float
        let data = try Trainer.Examples(inputs: [Float](repeating: 0.5, count: 40 * 4), targets: targets,
                                        lookback: 4, features: 1, outputs: 1)
        var adam = Adam()
        do {
            _ = try Trainer(configuration: .init(epochs: 3, batchSize: 8, shuffle: false))
                .train(Self.network(), optimizer: &adam, on: data)
            Issue.record("training on an infinite loss succeeded")
        } catch let error as TrainingError {
            guard case .nonFiniteLoss(epoch: 1, batch: 1, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            let message = error.localizedDescription
            #expect(message.contains("epoch 1") && message.contains("learning rate") && message.contains("clipping"))
        }
    }

    @Test func cancellationStopsAtTheNextBatch() async throws {
        let data = try Self.examples()
        let task = Task { () throws -> Int in
            var batches = 0
            var sgd = SGD(learningRate: 0.01)
            _ = try Trainer(configuration: .init(epochs: 50, batchSize: 16)).train(Self.network(), optimizer: &sgd, on: data) { _ in
                batches += 1
                withUnsafeCurrentTask { $0?.cancel() }
                return .proceed
            }
            return batches
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func clippingBoundsTheStep() throws {
        // With SGD(lr = 1) and clipping at 1e-3 no parameter can move further than 1e-3.
        let network = Self.network(.rnn)
        let before = network.parameters
        var sgd = SGD(learningRate: 1)
        _ = try Trainer(configuration: .init(epochs: 1, batchSize: 192, gradientClipNorm: 1e-3))
            .train(network, optimizer: &sgd, on: try Self.examples())
        var moved: Float = 0
        for (a, b) in zip(network.parameters, before) { moved += (a - b) * (a - b) }
        #expect(moved.squareRoot() <= 1e-3 * 1.0001)
        #expect(moved > 0)
    }

    @Test func badInputsAreRefusedClearly() throws {
        #expect(throws: TrainingError.self) {
            try Trainer.Examples(inputs: [1, 2, 3], targets: [1], lookback: 2, features: 1, outputs: 1)
        }
        #expect(throws: TrainingError.noTrainingExamples) { try Trainer.Examples(series: [1, 2, 3], lookback: 3) }
        var sgd = SGD(learningRate: 0.1)
        #expect(throws: TrainingError.invalidSetting(name: "batch size", value: "0", expected: "at least 1")) {
            try Trainer(configuration: .init(batchSize: 0)).train(Self.network(), optimizer: &sgd, on: try Self.examples())
        }
        let twoFeatures = try Trainer.Examples(inputs: [Float](repeating: 0, count: 16), targets: [0, 0],
                                               lookback: 4, features: 2, outputs: 1)
        #expect(throws: TrainingError.self) {
            try Trainer().train(Self.network(), optimizer: &sgd, on: twoFeatures)
        }
        #expect(throws: TrainingError.self) {
            try Trainer(configuration: .init(earlyStoppingPatience: 2)).train(Self.network(), optimizer: &sgd, on: try Self.examples())
        }
    }

    @Test func windowsFollowTheDesignContract() throws {
        let examples = try Trainer.Examples(series: [1, 2, 3, 4, 5, 6], lookback: 3, outputs: 2)
        #expect(examples.count == 2)
        #expect(examples.inputs == [1, 2, 3, 2, 3, 4])
        #expect(examples.targets == [4, 5, 5, 6])
    }
}
