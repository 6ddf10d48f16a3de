import Foundation

/// Cross-entropy of a softmax over logits against integer class targets, as
/// `torch.nn.CrossEntropyLoss()` with `reduction="mean"` (no class weights, no label smoothing,
/// no ignored index):
///
///     loss = (1/B) Σ_b ( log Σ_j exp(z_bj) − z_b,t_b )
///     ∂loss/∂z_bj = (softmax(z_b)_j − [j = t_b]) / B
///
/// This is the head of a classifier such as a next-character model: the network's O outputs are
/// logits over a vocabulary of O classes. Unlike the element-wise `Loss` types it couples the O
/// outputs of a row, so it stands on its own rather than conforming to `Loss`.
///
/// The log-sum-exp subtracts each row's largest logit before exponentiating, so logits of any
/// finite size give a finite loss: without it, exp(89) already overflows a `Float`.
public struct SoftmaxCrossEntropy: Hashable, Sendable {
    /// O, the number of classes (logits per row).
    public let classes: Int

    public init(classes: Int) {
        precondition(classes > 0, "SoftmaxCrossEntropy: classes must be positive, got \(classes)")
        self.classes = classes
    }

    /// Returns the mean cross-entropy of `predictions` (B × O logits, row-major) against `targets`
    /// (B class indices in `0..<O`) and, when `dPredictions` is given, writes ∂loss/∂logit into it
    /// (overwriting, not accumulating).
    ///
    /// - Parameters:
    ///   - predictions: B × O logits, row-major.
    ///   - targets: B class indices.
    ///   - dPredictions: where to write ∂loss/∂logit (B × O), or nil for the value alone.
    ///   - normalizer: the divisor of the sum over rows; defaults to B (a plain mean). Set it to the
    ///     rows of a whole mini-batch when each thread evaluates only a part of it, so the parts'
    ///     values and gradients add up to those of the batch. Sums are kept in `Double`.
    /// - Precondition: every target is a class in `0..<classes` (the caller maps its labels to
    ///   classes, so a target outside is a programming error, not bad data).
    public func evaluate(
        predictions: UnsafeBufferPointer<Float>,
        targets: UnsafeBufferPointer<Int>,
        dPredictions: UnsafeMutableBufferPointer<Float>?,
        normalizer: Int? = nil
    ) -> Float {
        let o = classes, rows = targets.count
        precondition(predictions.count == rows * o,
                     "SoftmaxCrossEntropy: \(predictions.count) logits for \(rows) targets of \(o) classes")
        let divisor = normalizer ?? rows
        precondition(divisor > 0, "SoftmaxCrossEntropy: the normalizer must be positive, got \(divisor)")
        if let dPredictions {
            precondition(dPredictions.count >= predictions.count,
                         "SoftmaxCrossEntropy: dPredictions holds \(dPredictions.count) elements, needs \(predictions.count)")
        }
        let scale = 1 / Double(divisor)
        var total: Double = 0
        for b in 0..<rows {
            let target = targets[b]
            precondition(target >= 0 && target < o,
                         "SoftmaxCrossEntropy: target \(target) of row \(b) is not a class in 0..<\(o)")
            let row = predictions.baseAddress! + b * o
            // log Σ exp(z) = m + log Σ exp(z − m), with m the largest logit: every exponent ≤ 0.
            var largest = row[0]
            for j in 1..<o where row[j] > largest { largest = row[j] }
            var sumOfExponentials: Double = 0
            for j in 0..<o { sumOfExponentials += exp(Double(row[j]) - Double(largest)) }
            let logSumExp = Double(largest) + log(sumOfExponentials)
            // −log softmax(z)_t = log Σ exp(z) − z_t
            total += logSumExp - Double(row[target])
            guard let dPredictions else { continue }
            let dRow = dPredictions.baseAddress! + b * o
            for j in 0..<o {
                // softmax(z)_j = exp(z_j − log Σ exp(z)), in (0, 1] for every finite row
                let probability = exp(Double(row[j]) - logSumExp)
                // ∂/∂z_j of −log softmax(z)_t = softmax(z)_j − [j = t], then the mean's 1/B
                dRow[j] = Float((probability - (j == target ? 1 : 0)) * scale)
            }
        }
        return Float(total * scale)
    }

    /// The mean cross-entropy of B × O logits against B class indices.
    public func value(predictions: [Float], targets: [Int]) -> Float {
        evaluateLoss(predictions: predictions, targets: targets, withGradient: false) {
            evaluate(predictions: $0, targets: $1, dPredictions: $2)
        }.value
    }

    /// The mean cross-entropy and its gradient with respect to every logit.
    public func valueAndGradient(predictions: [Float], targets: [Int]) -> (value: Float, dPredictions: [Float]) {
        evaluateLoss(predictions: predictions, targets: targets, withGradient: true) {
            evaluate(predictions: $0, targets: $1, dPredictions: $2)
        }
    }
}
