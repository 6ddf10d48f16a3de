/// Clipping of gradients by their global L2 norm, as `torch.nn.utils.clip_grad_norm_(max_norm)`:
/// one norm over every gradient of the network, and one common scale factor, so the direction of
/// the step is kept and only its length is bounded. Protects recurrent networks from exploding
/// gradients.
public enum GradientClipping {
    /// Scales `gradients` by `min(1, maxNorm / (‖g‖₂ + 1e-6))` and returns `‖g‖₂` before scaling.
    ///
    /// The squares are summed in `Double`. A non-finite norm leaves the gradients unchanged (PyTorch
    /// would fill them with NaN); the caller sees the norm and can stop training with a clear error.
    @discardableResult
    public static func clipByGlobalNorm(_ gradients: UnsafeMutableBufferPointer<Float>, maxNorm: Float) -> Float {
        precondition(maxNorm > 0 && maxNorm.isFinite, "GradientClipping: maxNorm must be positive, got \(maxNorm)")
        var sumOfSquares: Double = 0
        for g in gradients { sumOfSquares += Double(g) * Double(g) }
        let total = Float(sumOfSquares.squareRoot())
        guard total.isFinite else { return total }
        // The 1e-6 keeps the division finite for a zero gradient, as in PyTorch.
        let scale = min(Float(1), maxNorm / (total + 1e-6))
        if scale < 1 {
            for index in gradients.indices { gradients[index] *= scale }
        }
        return total
    }

    /// Array form of `clipByGlobalNorm(_:maxNorm:)`.
    @discardableResult
    public static func clipByGlobalNorm(_ gradients: inout [Float], maxNorm: Float) -> Float {
        gradients.withUnsafeMutableBufferPointer { clipByGlobalNorm($0, maxNorm: maxNorm) }
    }
}
