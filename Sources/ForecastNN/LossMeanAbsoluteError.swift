/// Mean absolute error, as `torch.nn.L1Loss()`: `mean(|p − t|)`.
///
/// The gradient is `sign(p − t)` with `sign(0) = 0`, the subgradient PyTorch uses, so a
/// prediction that hits its target exactly is left alone.
public struct MeanAbsoluteError: ElementwiseLoss, Hashable, Sendable {
    public init() {}

    @inlinable
    public func elementValue(error: Float) -> Float { abs(error) }

    /// d|e|/dp = sign(e), 0 at 0.
    @inlinable
    public func elementDerivative(error: Float) -> Float {
        error > 0 ? 1 : (error < 0 ? -1 : 0)
    }
}

extension Loss where Self == MeanAbsoluteError {
    /// Mean absolute error.
    public static var meanAbsoluteError: MeanAbsoluteError { MeanAbsoluteError() }
}
