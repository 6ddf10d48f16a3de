import Dispatch

/// Runs one mini-batch's forward and backward passes split into a fixed number of contiguous
/// chunks, one `NetworkWorkspace` per chunk, and sums the chunk gradients in chunk order.
///
/// Why a fixed partition: floating-point addition is not associative, so the sum of gradients
/// depends on how the batch was split. Splitting always into `chunks` parts (not into one part
/// per thread) and adding the parts in the same order makes the result independent of how many
/// threads did the work. Threads only decide which chunk runs where.
///
/// `@unchecked Sendable`: during a batch each chunk's workspace and buffers are touched by one
/// thread only, and everything else is read-only until the threads have joined.
final class TrainerChunkedBatch: @unchecked Sendable {
    let configuration: NetworkConfiguration
    let lookback: Int
    let chunkCount: Int
    /// Rows each chunk can hold: ⌈maxBatch / chunks⌉.
    let chunkCapacity: Int
    private let workspaces: [NetworkWorkspace]
    /// Per chunk: gathered inputs (capacity × L × D), targets and dPredictions (capacity × O).
    /// Raw buffers, because threads write to different chunks at once and Swift arrays of
    /// arrays held by a class would see that as overlapping accesses to the outer array.
    private let chunkInputs: [UnsafeMutablePointer<Float>]
    private let chunkTargets: [UnsafeMutablePointer<Float>]
    /// Per chunk: gathered head inputs (capacity × E).
    private let chunkHeadInputs: [UnsafeMutablePointer<Float>]
    private let chunkDPredictions: [UnsafeMutablePointer<Float>]
    private let chunkLosses: UnsafeMutablePointer<Float>
    /// The summed gradient of the last batch, in parameter layout.
    private(set) var gradients: [Float]

    init(configuration: NetworkConfiguration, lookback: Int, maxBatch: Int, chunks: Int) {
        precondition(maxBatch > 0 && chunks > 0 && lookback > 0,
                     "TrainerChunkedBatch: maxBatch \(maxBatch), chunks \(chunks), lookback \(lookback) must be positive")
        self.configuration = configuration
        self.lookback = lookback
        self.chunkCount = chunks
        self.chunkCapacity = (maxBatch + chunks - 1) / chunks
        workspaces = (0..<chunks).map { _ in
            NetworkWorkspace(configuration: configuration, maxBatch: (maxBatch + chunks - 1) / chunks, lookback: lookback)
        }
        let window = lookback * configuration.inputSize
        func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
            buffer.initialize(repeating: 0, count: max(count, 1))
            return buffer
        }
        let capacity = (maxBatch + chunks - 1) / chunks
        chunkInputs = (0..<chunks).map { _ in allocate(capacity * window) }
        chunkTargets = (0..<chunks).map { _ in allocate(capacity * configuration.outputs) }
        chunkHeadInputs = (0..<chunks).map { _ in allocate(capacity * configuration.headInputs) }
        chunkDPredictions = (0..<chunks).map { _ in allocate(capacity * configuration.outputs) }
        chunkLosses = allocate(chunks)
        gradients = [Float](repeating: 0, count: configuration.parameterCount)
    }

    deinit {
        for buffer in chunkInputs + chunkTargets + chunkHeadInputs + chunkDPredictions { buffer.deallocate() }
        chunkLosses.deallocate()
    }

    /// Rows `[start, end)` of chunk `k` in a batch of `batch` rows.
    func chunkRows(_ k: Int, batch: Int) -> Range<Int> {
        (k * batch / chunkCount) ..< ((k + 1) * batch / chunkCount)
    }

    /// Forward (and, when `computeGradients`, backward) over the examples at `indices`.
    ///
    /// Returns Σ loss / `normalizer` over the batch; with `computeGradients`, `gradients` then
    /// holds the gradient of that value. `dropoutSeed` seeds each chunk's dropout masks (nil: no
    /// dropout, as at inference).
    func run(
        network: RecurrentNetwork, examples: Trainer.Examples, indices: ArraySlice<Int>,
        loss: any Loss, normalizer: Int, computeGradients: Bool, dropoutSeed: UInt64?, threads: Int
    ) -> Float {
        let batch = indices.count
        precondition(batch <= chunkCapacity * chunkCount, "TrainerChunkedBatch: batch \(batch) exceeds capacity")
        let window = lookback * configuration.inputSize
        let outputs = configuration.outputs
        let start = indices.startIndex

        // Gather each chunk's rows into its own contiguous buffers.
        for k in 0..<chunkCount {
            let rows = chunkRows(k, batch: batch)
            let inputs = chunkInputs[k], targets = chunkTargets[k]
            examples.inputs.withUnsafeBufferPointer { source in
                for (row, r) in rows.enumerated() {
                    let example = indices[start + r]
                    guard let base = source.baseAddress else { return }
                    (inputs + row * window).update(from: base + example * window, count: window)
                }
            }
            examples.targets.withUnsafeBufferPointer { source in
                for (row, r) in rows.enumerated() {
                    let example = indices[start + r]
                    guard let base = source.baseAddress else { return }
                    (targets + row * outputs).update(from: base + example * outputs, count: outputs)
                }
            }
            let width = configuration.headInputs, headInputs = chunkHeadInputs[k]
            examples.headInputs.withUnsafeBufferPointer { source in
                for (row, r) in rows.enumerated() where width > 0 {
                    let example = indices[start + r]
                    guard let base = source.baseAddress else { return }
                    (headInputs + row * width).update(from: base + example * width, count: width)
                }
            }
        }

        let work: @Sendable (Int) -> Void = { k in
            self.runChunk(k, batch: batch, network: network, loss: loss, normalizer: normalizer,
                          computeGradients: computeGradients, dropoutSeed: dropoutSeed)
        }
        let filled = (0..<chunkCount).filter { !chunkRows($0, batch: batch).isEmpty }
        let workers = min(threads, chunkCount)
        if workers == 2, let partner {
            // Each thread runs every other chunk, then sums half of the parameters' gradients.
            gradients.withUnsafeMutableBufferPointer { buffer in
                let sum = buffer
                partner.run { part in
                    for k in Swift.stride(from: part, to: self.chunkCount, by: 2) { work(k) }
                    guard computeGradients else { return }
                    partner.publish(part: part, steps: 1)
                    partner.wait(part: 1 - part, steps: 1)
                    let half = sum.count / 2
                    self.sumGradients(of: filled, into: sum, range: part == 0 ? 0..<half : half..<sum.count)
                }
            }
        } else {
            if workers <= 1 {
                for k in 0..<chunkCount { work(k) }
            } else {
                // GCD's pool keeps its threads between batches, so no thread is created per batch.
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for k in Swift.stride(from: worker, to: chunkCount, by: workers) { work(k) }
                }
            }
            if computeGradients {
                gradients.withUnsafeMutableBufferPointer { sum in sumGradients(of: filled, into: sum, range: 0..<sum.count) }
            }
        }
        return filled.reduce(Float(0)) { $0 + chunkLosses[$1] }
    }

    /// The second thread when two threads share a batch: a thread pool's wake-up at every batch,
    /// and the gradient sum on one thread, kept the second core idle for part of each batch.
    private lazy var partner: CorePartner? = CorePartner()

    /// Elements `range` of the filled chunks' gradients summed in chunk order: the same additions
    /// in the same order whatever the thread count, or however the range is split.
    private func sumGradients(of chunks: [Int], into sum: UnsafeMutableBufferPointer<Float>, range: Range<Int>) {
        for (position, k) in chunks.enumerated() {
            workspaces[k].gradients.withUnsafeBufferPointer { part in
                if position == 0 {
                    for i in range { sum[i] = part[i] }
                } else {
                    for i in range { sum[i] += part[i] }
                }
            }
        }
    }

    private func runChunk(
        _ k: Int, batch: Int, network: RecurrentNetwork, loss: any Loss, normalizer: Int,
        computeGradients: Bool, dropoutSeed: UInt64?
    ) {
        let rows = chunkRows(k, batch: batch).count
        guard rows > 0 else { return }
        let workspace = workspaces[k]
        let outputs = configuration.outputs
        // A generator per chunk and per batch, so masks do not depend on which thread ran first.
        var dropoutGenerator: SeededGenerator? = dropoutSeed.map {
            SeededGenerator(seed: $0 &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
        }
        network.forward(inputs: UnsafeBufferPointer(start: chunkInputs[k], count: rows * lookback * configuration.inputSize),
                        headInputs: UnsafeBufferPointer(start: chunkHeadInputs[k], count: rows * configuration.headInputs),
                        batchSize: rows, lookback: lookback, workspace: workspace,
                        training: computeGradients, dropoutGenerator: &dropoutGenerator)
        let dPredictions = UnsafeMutableBufferPointer(start: chunkDPredictions[k], count: rows * outputs)
        chunkLosses[k] = workspace.predictions.withUnsafeBufferPointer { predictions in
            loss.evaluate(predictions: UnsafeBufferPointer(rebasing: predictions[0 ..< rows * outputs]),
                          targets: UnsafeBufferPointer(start: chunkTargets[k], count: rows * outputs),
                          dPredictions: computeGradients ? dPredictions : nil,
                          normalizer: normalizer)
        }
        guard computeGradients else { return }
        workspace.zeroGradients()
        network.backward(dPredictions: UnsafeBufferPointer(dPredictions), workspace: workspace)
    }
}
