/// The pinball (quantile) loss of a head that forecasts several quantiles of each step: output
/// column `c` is the quantile at `levels[c % levels.count]` (levels innermost, so a head of `h` steps
/// and `Q` levels has `h·Q` outputs, step-major).
///
/// `ℓ(p, y) = τ·(y − p)` when the target lies above the prediction, `(1 − τ)·(p − y)` otherwise
/// (Koenker & Bassett, 1978); its expectation is least at the τ-quantile, so a network trained on it
/// learns quantiles. The mean over all elements, as PyTorch's
/// `torch.maximum(τ·(y − p), (τ − 1)·(y − p)).mean()`, whose gradient at a tie `p = y` is the mean
/// of the two sides (see `derivative(level:excess:)`).
public struct PinballLoss: Loss, Hashable, Sendable {
    /// The quantile levels, each in (0, 1).
    public let levels: [Float]

    public init(levels: [Float]) {
        precondition(!levels.isEmpty && levels.allSatisfy { $0 > 0 && $0 < 1 },
                     "PinballLoss: levels must lie strictly between 0 and 1, got \(levels)")
        self.levels = levels
    }

    public func evaluate(
        predictions: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>,
        dPredictions: UnsafeMutableBufferPointer<Float>?, normalizer: Int?
    ) -> Float {
        let divisor = checkLossBuffers(predictions: predictions, targets: targets, dPredictions: dPredictions,
                                       normalizer: normalizer)
        precondition(predictions.count % levels.count == 0,
                     "PinballLoss: \(predictions.count) outputs are not whole groups of \(levels.count) levels")
        let scale = 1 / Float(divisor)
        var sum: Double = 0
        for index in 0..<predictions.count {
            let level = levels[index % levels.count]
            let excess = targets[index] - predictions[index]
            sum += Double(Self.value(level: level, excess: excess))
            dPredictions?[index] = Self.derivative(level: level, excess: excess) * scale
        }
        return Float(sum / Double(divisor))
    }

    /// The loss of one element whose target exceeds its prediction by `excess`.
    @inlinable
    static func value(level: Float, excess: Float) -> Float {
        excess >= 0 ? level * excess : (level - 1) * excess
    }

    /// ∂ℓ/∂p: `−τ` below the target, `1 − τ` above it, and at a tie the mean of the two,
    /// `½ − τ`, which is what autograd gives for `torch.maximum` of two equal values.
    @inlinable
    static func derivative(level: Float, excess: Float) -> Float {
        excess > 0 ? -level : excess < 0 ? 1 - level : 0.5 - level
    }
}
