import Foundation

/// The softmax that turns a classifier's logits into probabilities, and sampling from it, for
/// models trained with `SoftmaxCrossEntropy` (for example to generate text one character at a time).
public enum Softmax {
    /// softmax(z / T)_j = exp((z_j − max z) / T) / Σ_k exp((z_k − max z) / T).
    ///
    /// The temperature T sharpens (T < 1) or flattens (T > 1) the distribution; T = 1 is the model's
    /// own. Subtracting the largest logit keeps every exponent ≤ 0, so no logit overflows.
    public static func probabilities(logits: [Float], temperature: Float = 1) -> [Float] {
        precondition(!logits.isEmpty, "Softmax: needs at least one logit")
        precondition(temperature > 0 && temperature.isFinite, "Softmax: temperature must be positive, got \(temperature)")
        let largest = Double(logits.max()!)
        let exponentials = logits.map { exp((Double($0) - largest) / Double(temperature)) }
        let sum = exponentials.reduce(0, +)
        return exponentials.map { Float($0 / sum) }
    }

    /// Draws a class index with the probabilities `probabilities(logits:temperature:)`, by
    /// inverting the cumulative distribution at one uniform draw, so a seed fixes the sample.
    public static func sample(logits: [Float], temperature: Float = 1, using generator: inout SeededGenerator) -> Int {
        let p = probabilities(logits: logits, temperature: temperature)
        let u = generator.nextUnitFloat()
        var cumulative: Float = 0
        for (index, probability) in p.enumerated() {
            cumulative += probability
            if u < cumulative { return index }
        }
        // Rounding can leave the cumulative sum a hair below u near 1: the last likely class.
        return p.lastIndex(where: { $0 > 0 }) ?? p.count - 1
    }
}
