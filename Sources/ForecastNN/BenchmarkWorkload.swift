import Dispatch
import Foundation

/// The training and inference workload of `bench/torch_reference.py`, run on this library so
/// `tsf bench` and PyTorch can be compared like with like on the same machine:
///
/// - a univariate series (a seeded random walk, or a column a caller supplies), z-scored;
/// - sliding windows of `lookback` values → the next value;
/// - a recurrent stack plus a linear head, Adam (lr 1e-3), MSE, shuffled mini-batches;
/// - throughput of training (epochs 2…E, after one warm-up epoch), of batched inference
///   (batches of 256), and the median latency of one forecast from one window (on two cores with
///   `threads` ≥ 2 when the network gains from it: `PredictionWorkspace(threads:)`).
///
/// The synthetic walk uses this library's `SeededGenerator` with Box–Muller normals, not NumPy's
/// generator: the series has the same law, not the same values, so final losses are comparable
/// in size only.
public struct BenchmarkWorkload: Sendable {
    public var cell: CellKind = .lstm
    public var hidden = 64
    public var layers = 1
    public var lookback = 30
    public var batchSize = 64
    public var points = 5000
    public var epochs = 4
    public var threads = 1
    /// The fixed batch partition of the trainer (see `Trainer.Configuration.chunks`).
    public var chunks = 2
    /// The series to use instead of the random walk.
    public var series: [Double]?

    public init() {}

    /// The numbers `torch_reference.py` prints, under the same keys.
    public struct Result: Sendable, Equatable {
        public var threads: Int
        public var cell: CellKind
        public var hidden: Int
        public var layers: Int
        public var lookback: Int
        public var batchSize: Int
        public var windows: Int
        public var trainWindowsPerSecond: Double
        public var inferWindowsPerSecond: Double
        public var latencyMicrosecondsBatch1: Double
        public var finalTrainMSE: Double

        /// One JSON object on one line, keys in the reference script's order, rounded as it rounds.
        public func jsonLine(implementation: String) -> String {
            func fixed(_ value: Double, _ digits: Int) -> String {
                let text = String(format: "%.\(digits)f", value)
                // Python prints round(x, 1) without trailing zeros beyond one decimal.
                guard digits > 1, text.contains(".") else { return text }
                var trimmed = text
                while trimmed.hasSuffix("0") { trimmed.removeLast() }
                if trimmed.hasSuffix(".") { trimmed += "0" }
                return trimmed
            }
            let fields: [(String, String)] = [
                ("impl", "\"\(implementation)\""), ("threads", "\(threads)"), ("cell", "\"\(cell.rawValue)\""),
                ("hidden", "\(hidden)"), ("layers", "\(layers)"), ("lookback", "\(lookback)"),
                ("batch_size", "\(batchSize)"), ("windows", "\(windows)"),
                ("train_windows_per_s", fixed(trainWindowsPerSecond, 1)),
                ("infer_windows_per_s", fixed(inferWindowsPerSecond, 1)),
                ("latency_us_batch1", fixed(latencyMicrosecondsBatch1, 1)),
                ("final_train_mse", fixed(finalTrainMSE, 6)),
            ]
            return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
    }

    /// A random walk of `points` steps with standard normal increments, from `seed`.
    public static func randomWalk(points: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        var walk: [Double] = []
        walk.reserveCapacity(points)
        var level = 0.0
        while walk.count < points {
            // Box–Muller: two uniforms in (0, 1] give two independent standard normals.
            let u1 = 1 - Double(generator.next() >> 11) * 0x1p-53
            let u2 = Double(generator.next() >> 11) * 0x1p-53
            let radius = (-2 * Foundation.log(u1)).squareRoot()
            for normal in [radius * Foundation.cos(2 * .pi * u2), radius * Foundation.sin(2 * .pi * u2)] where walk.count < points {
                level += normal
                walk.append(level)
            }
        }
        return walk
    }

    /// `(x − mean) / std` with the population standard deviation (NumPy's default).
    public static func zScored(_ values: [Double]) -> [Float] {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        let deviation = variance > 0 ? variance.squareRoot() : 1
        return values.map { Float(($0 - mean) / deviation) }
    }

    /// Runs the workload and measures it. Throws `TrainingError` for settings out of range.
    public func run() throws -> Result {
        guard epochs >= 2 else {
            throw TrainingError.invalidSetting(name: "epochs", value: "\(epochs)", expected: "at least 2 (the first is a warm-up)")
        }
        guard hidden >= 1, layers >= 1 else {
            throw TrainingError.invalidSetting(name: "hidden/layers", value: "\(hidden)/\(layers)", expected: "positive sizes")
        }
        let raw = series ?? Self.randomWalk(points: points, seed: 0)
        let examples = try Trainer.Examples(series: Self.zScored(raw), lookback: lookback)
        let n = examples.count
        let network = RecurrentNetwork(
            configuration: NetworkConfiguration(cell: cell, inputSize: 1, hiddenSize: hidden, layers: layers, outputs: 1),
            seed: 0)

        // Training: time from the end of the warm-up epoch to the end of the last one.
        var adam = Adam(learningRate: 1e-3)
        let trainer = Trainer(configuration: .init(epochs: epochs, batchSize: batchSize, shuffle: true, seed: 0,
                                                   threads: threads, chunks: chunks))
        var warmedUp = ContinuousClock.now
        var finished = warmedUp
        let report = try trainer.train(network, optimizer: &adam, on: examples) { event in
            if case let .epochFinished(epoch, _, _) = event {
                if epoch == 1 { warmedUp = .now }
                finished = .now
            }
            return .proceed
        }
        let trainSeconds = Self.seconds(finished - warmedUp)

        // Batched inference, 256 windows at a time, split across the threads.
        let inferBatch = 256
        let parts = max(1, min(threads, inferBatch))
        let partCapacity = (inferBatch + parts - 1) / parts
        let workspaces = (0..<parts).map { _ in
            PredictionWorkspace(configuration: network.configuration, maxBatch: partCapacity, lookback: lookback)
        }
        let outputs = UnsafeMutablePointer<Float>.allocate(capacity: inferBatch)
        defer { outputs.deallocate() }
        // Two parts meet through a partner thread, as two training threads do: a thread pool's
        // wake-up for every 256 windows cost up to a tenth of the batch's time.
        let partner = parts == 2 ? CorePartner() : nil
        let runInference: (Int, Int) -> Void = { start, end in
            examples.inputs.withUnsafeBufferPointer { inputs in
                guard let base = inputs.baseAddress else { return }
                let buffers = InferenceBuffers(inputs: base, outputs: outputs)
                let rows = end - start, lookback = self.lookback
                let perPart = (rows + parts - 1) / parts
                let work: @Sendable (Int) -> Void = { part in
                    let first = start + part * perPart, last = min(first + perPart, end)
                    guard first < last else { return }
                    network.predict(
                        windows: UnsafeBufferPointer(start: buffers.inputs + first * lookback, count: (last - first) * lookback),
                        batchSize: last - first, lookback: lookback, workspace: workspaces[part],
                        into: UnsafeMutableBufferPointer(start: buffers.outputs + (first - start), count: last - first))
                }
                if parts == 1 {
                    work(0)
                } else if parts == 2, let partner {
                    partner.run(work)
                } else {
                    DispatchQueue.concurrentPerform(iterations: parts, execute: work)
                }
            }
        }
        runInference(0, min(batchSize, n))
        let inferStart = ContinuousClock.now
        for start in stride(from: 0, to: n, by: inferBatch) { runInference(start, min(start + inferBatch, n)) }
        let inferSeconds = Self.seconds(.now - inferStart)

        // Latency of one forecast from one window: 50 warm-up calls, then the median of 500.
        let single = PredictionWorkspace(configuration: network.configuration, maxBatch: 1, lookback: lookback, threads: threads)
        var latencies: [Double] = []
        try examples.inputs.withUnsafeBufferPointer { inputs in
            let window = UnsafeBufferPointer(rebasing: inputs[0 ..< lookback])
            let output = UnsafeMutableBufferPointer<Float>.allocate(capacity: 1)
            defer { output.deallocate() }
            for call in 0..<550 {
                let start = ContinuousClock.now
                network.predict(windows: window, batchSize: 1, lookback: lookback, workspace: single, into: output)
                let elapsed = Self.seconds(.now - start)
                if call >= 50 { latencies.append(elapsed) }
                guard output[0].isFinite else {
                    throw TrainingError.nonFiniteLoss(epoch: epochs, batch: 0, value: output[0])
                }
            }
        }
        latencies.sort()
        let median = latencies.count % 2 == 1 ? latencies[latencies.count / 2]
            : (latencies[latencies.count / 2 - 1] + latencies[latencies.count / 2]) / 2

        return Result(
            threads: threads, cell: cell, hidden: hidden, layers: layers, lookback: lookback, batchSize: batchSize,
            windows: n,
            trainWindowsPerSecond: Double(n * (epochs - 1)) / trainSeconds,
            inferWindowsPerSecond: Double(n) / inferSeconds,
            latencyMicrosecondsBatch1: median * 1e6,
            finalTrainMSE: Double(report.epochs.last?.trainingLoss ?? .nan))
    }

    /// Where the inference threads read windows and write forecasts; each thread touches its own
    /// rows only, which is why the raw pointers may be shared.
    private struct InferenceBuffers: @unchecked Sendable {
        let inputs: UnsafePointer<Float>
        let outputs: UnsafeMutablePointer<Float>
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
