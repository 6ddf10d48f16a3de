/// Mean squared error, as `torch.nn.MSELoss()`: `mean((p − t)²)`.
public struct MeanSquaredError: ElementwiseLoss, Hashable, Sendable {
    public init() {}

    @inlinable
    public func elementValue(error: Float) -> Float { error * error }

    /// d(e²)/dp = 2e.
    @inlinable
    public func elementDerivative(error: Float) -> Float { 2 * error }
}

extension Loss where Self == MeanSquaredError {
    /// Mean squared error.
    public static var meanSquaredError: MeanSquaredError { MeanSquaredError() }
}
