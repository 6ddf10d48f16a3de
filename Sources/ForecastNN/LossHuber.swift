/// Huber loss, as `torch.nn.HuberLoss(delta:)`: quadratic near zero, linear beyond `delta`,
/// so a few large errors (price jumps) do not dominate training.
///
/// `ℓ(e) = ½e²` when `|e| < δ`, else `δ(|e| − ½δ)`; the mean over all elements.
public struct HuberLoss: ElementwiseLoss, Hashable, Sendable {
    /// Where the loss turns from quadratic to linear; positive.
    public let delta: Float

    public init(delta: Float = 1) {
        precondition(delta > 0 && delta.isFinite, "HuberLoss: delta must be positive and finite, got \(delta)")
        self.delta = delta
    }

    @inlinable
    public func elementValue(error: Float) -> Float {
        let magnitude = abs(error)
        return magnitude < delta ? 0.5 * error * error : delta * (magnitude - 0.5 * delta)
    }

    /// dℓ/dp = e inside the quadratic zone, ±δ outside (both agree at |e| = δ).
    @inlinable
    public func elementDerivative(error: Float) -> Float {
        min(max(error, -delta), delta)
    }
}

extension Loss where Self == HuberLoss {
    /// Huber loss with the given threshold.
    public static func huber(delta: Float = 1) -> HuberLoss { HuberLoss(delta: delta) }
}
