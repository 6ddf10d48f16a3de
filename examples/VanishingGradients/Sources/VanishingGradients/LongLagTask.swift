import Forecasting

/// The long-lag memory task: the first input of a sequence is one of `levels` values evenly spaced
/// in [−1, 1], the next `lag` inputs are noise, and the answer (class k for the k-th value) is
/// asked for after the last. Only what the network carries across all `lag` steps can answer it,
/// so an accuracy of 1 / `levels` means the signal was lost. (After the experiments of Hochreiter
/// and Schmidhuber, "Long short-term memory", Neural Computation 9(8), 1997.)
struct LongLagTask: Sendable {
    /// Steps between the signal and the question.
    let lag: Int
    /// Noise inputs are uniform in ±`noise`.
    let noise: Float
    /// Number of signal values, evenly spaced in [−1, 1]; class k is the k-th value.
    let levels: Int

    init(lag: Int, noise: Float = 0.5, levels: Int = 4) {
        precondition(lag >= 0, "LongLagTask: the lag must not be negative, got \(lag)")
        precondition(noise >= 0, "LongLagTask: the noise amplitude must not be negative, got \(noise)")
        precondition(levels >= 2, "LongLagTask: needs at least two levels, got \(levels)")
        self.lag = lag
        self.noise = noise
        self.levels = levels
    }

    /// L, the length of a sequence: the signal and the `lag` noise steps after it.
    var length: Int { lag + 1 }

    /// B sequences (B × L × 1 inputs) and their classes.
    func batch(size: Int, generator: inout SeededGenerator) -> (inputs: [Float], targets: [Int]) {
        var inputs: [Float] = []
        inputs.reserveCapacity(size * length)
        var targets: [Int] = []
        for _ in 0..<size {
            let level = Int(generator.next() % UInt64(levels))
            inputs.append(-1 + 2 * Float(level) / Float(levels - 1))
            for _ in 0..<lag { inputs.append(generator.uniform(in: -noise...noise)) }
            targets.append(level)
        }
        return (inputs, targets)
    }
}
