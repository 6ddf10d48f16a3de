/// A training loss over flat buffers of predictions and targets (both `B × O`, row-major).
///
/// Every loss here is a mean over all elements, as PyTorch's losses with `reduction="mean"`.
/// The `normalizer` lets a caller split one mini-batch into parts: with `normalizer` set to the
/// element count of the whole batch, the parts' values and gradients add up to those of the batch.
public protocol Loss: Sendable {
    /// Returns `Σ ℓᵢ / normalizer` over the elements and, when `dPredictions` is given, writes
    /// `∂value/∂pᵢ` into it (overwriting, not accumulating).
    ///
    /// - Parameters:
    ///   - predictions: the network's outputs, whole rows of `B × O` (a part of a mini-batch starts
    ///     at a row, so a loss may read an element's output column from its index).
    ///   - targets: the values they should have been, as many as `predictions`.
    ///   - dPredictions: receives `∂value/∂pᵢ` when given, as many as `predictions`.
    ///   - normalizer: the divisor of the sum; `nil` is the element count (a plain mean).
    func evaluate(
        predictions: UnsafeBufferPointer<Float>,
        targets: UnsafeBufferPointer<Float>,
        dPredictions: UnsafeMutableBufferPointer<Float>?,
        normalizer: Int?
    ) -> Float
}

/// A loss that treats every element alike: a function of its error `prediction − target` alone.
public protocol ElementwiseLoss: Loss {
    /// The loss of one element whose error is `prediction − target`.
    func elementValue(error: Float) -> Float

    /// The derivative of `elementValue(error:)` with respect to the prediction.
    func elementDerivative(error: Float) -> Float
}

extension ElementwiseLoss {
    /// `Σ loss(pᵢ − tᵢ) / normalizer`; the sum is accumulated in `Double` so the value does not
    /// depend on the batch size's rounding.
    public func evaluate(
        predictions: UnsafeBufferPointer<Float>,
        targets: UnsafeBufferPointer<Float>,
        dPredictions: UnsafeMutableBufferPointer<Float>?,
        normalizer: Int? = nil
    ) -> Float {
        let divisor = checkLossBuffers(predictions: predictions, targets: targets, dPredictions: dPredictions,
                                       normalizer: normalizer)
        let scale = 1 / Float(divisor)
        var sum: Double = 0
        for index in 0..<predictions.count {
            let error = predictions[index] - targets[index]
            sum += Double(elementValue(error: error))
            // d(mean)/dpᵢ = loss'(eᵢ) / normalizer
            dPredictions?[index] = elementDerivative(error: error) * scale
        }
        return Float(sum / Double(divisor))
    }
}

/// Checks that the buffers of `Loss.evaluate` agree and returns the divisor of the sum.
func checkLossBuffers(
    predictions: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>,
    dPredictions: UnsafeMutableBufferPointer<Float>?, normalizer: Int?
) -> Int {
    precondition(predictions.count == targets.count,
                 "Loss: \(predictions.count) predictions but \(targets.count) targets")
    let divisor = normalizer ?? predictions.count
    precondition(divisor > 0, "Loss: the normalizer must be positive, got \(divisor)")
    if let dPredictions {
        precondition(dPredictions.count >= predictions.count,
                     "Loss: dPredictions holds \(dPredictions.count) elements, needs \(predictions.count)")
    }
    return divisor
}

extension Loss {
    /// The loss over buffers with a plain mean.
    public func evaluate(
        predictions: UnsafeBufferPointer<Float>, targets: UnsafeBufferPointer<Float>,
        dPredictions: UnsafeMutableBufferPointer<Float>?
    ) -> Float {
        evaluate(predictions: predictions, targets: targets, dPredictions: dPredictions, normalizer: nil)
    }

    /// The mean loss of `predictions` against `targets`.
    public func value(predictions: [Float], targets: [Float]) -> Float {
        evaluateLoss(predictions: predictions, targets: targets, withGradient: false) {
            evaluate(predictions: $0, targets: $1, dPredictions: $2)
        }.value
    }

    /// The mean loss and its gradient with respect to every prediction.
    public func valueAndGradient(predictions: [Float], targets: [Float]) -> (value: Float, dPredictions: [Float]) {
        evaluateLoss(predictions: predictions, targets: targets, withGradient: true) {
            evaluate(predictions: $0, targets: $1, dPredictions: $2)
        }
    }
}
