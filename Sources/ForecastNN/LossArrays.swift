/// Evaluates a buffer-based loss over arrays: the value alone, or the value and the gradient with
/// respect to every prediction. `Loss` and `SoftmaxCrossEntropy` share it for their array forms,
/// which differ only in the type of their targets.
///
/// - Parameter evaluate: the loss over buffers (predictions, targets, `dPredictions` or nil), with
///   the default normalizer (a plain mean).
/// - Returns: the value, and the gradient when `withGradient` is true (empty otherwise).
func evaluateLoss<Target>(
    predictions: [Float], targets: [Target], withGradient: Bool,
    _ evaluate: (UnsafeBufferPointer<Float>, UnsafeBufferPointer<Target>, UnsafeMutableBufferPointer<Float>?) -> Float
) -> (value: Float, dPredictions: [Float]) {
    var dPredictions = [Float](repeating: 0, count: withGradient ? predictions.count : 0)
    let value = predictions.withUnsafeBufferPointer { p in
        targets.withUnsafeBufferPointer { t in
            dPredictions.withUnsafeMutableBufferPointer { d in
                evaluate(p, t, withGradient ? d : nil)
            }
        }
    }
    return (value, dPredictions)
}
