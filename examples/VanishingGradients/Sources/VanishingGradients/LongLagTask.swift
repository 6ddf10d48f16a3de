import Forecasting

/// The long-lag memory task: the first input of a sequence is a +1 or −1 signal, the next `lag`
/// inputs are noise, and the answer (class 1 for +1, class 0 for −1) is asked for after the last.
/// Only what the network carries across all `lag` steps can answer it, so an accuracy of ½ means
/// the signal was lost. (After the experiments of Hochreiter and Schmidhuber, "Long short-term
/// memory", Neural Computation 9(8), 1997.)
struct LongLagTask: Sendable {
    /// Steps between the signal and the question.
    let lag: Int
    /// Noise inputs are uniform in ±`noise`.
    var noise: Float = 1
    /// Number of signal values, evenly spaced in [−1, 1]; class k is the k-th value.
    var levels: Int = 2

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
