import Foundation
import Testing
import ForecastNN
import _ForecastTestSupport

/// Softmax cross-entropy: values worked out by hand, PyTorch's own numbers, finite differences,
/// and logits large enough to overflow a naive softmax.
struct SoftmaxCrossEntropyTests {
    @Test func valueWorkedOutByHand() {
        // Row 0: equal logits over 2 classes → −log ½ = ln 2.
        // Row 1: logits (0, ln 3) → softmax (¼, ¾); target 1 → −log ¾ = ln(4/3).
        let loss = SoftmaxCrossEntropy(classes: 2)
        let value = loss.value(predictions: [0, 0, 0, Float(log(3.0))], targets: [0, 1])
        let expected = (log(2.0) + log(4.0 / 3.0)) / 2
        #expect(abs(Double(value) - expected) < 1e-6, "got \(value), expected \(expected)")
    }

    @Test func gradientWorkedOutByHand() {
        // (softmax − one-hot) / B with B = 2: row 0 (½ − 1, ½)/2, row 1 (¼, ¾ − 1)/2.
        let (_, d) = SoftmaxCrossEntropy(classes: 2)
            .valueAndGradient(predictions: [0, 0, 0, Float(log(3.0))], targets: [0, 1])
        let expected: [Float] = [-0.25, 0.25, 0.125, -0.125]
        for (a, b) in zip(d, expected) { #expect(abs(a - b) < 1e-6, "\(d) vs \(expected)") }
    }

    /// Numbers printed by `Utilities/ReferenceImplementations/cross_entropy_reference.py`
    /// (torch 2.15, float32, `torch.nn.CrossEntropyLoss()`).
    @Test func matchesPyTorch() {
        let logits: [Float] = [1.5, -0.25, 0.75, 3.0, -2.0,
                               0.0, 0.0, 0.0, 0.0, 0.0,
                               -4.0, 2.5, 2.25, -1.0, 0.5,
                               10.0, -10.0, 5.0, 0.125, -3.5]
        let targets = [3, 1, 2, 4]
        let expectedLoss: Float = 4.08741379
        let expectedGradient: [Float] = [
            0.0405974202, 0.00705477362, 0.0191768631, -0.0680550039, 0.00122593553,
            0.049999997, -0.200000003, 0.049999997, 0.049999997, 0.049999997,
            0.000193160959, 0.128479421, -0.149940133, 0.00387974177, 0.0173877999,
            0.248313725, 5.11813092e-10, 0.00167312508, 1.27744615e-05, -0.249999657]
        let (value, d) = SoftmaxCrossEntropy(classes: 5).valueAndGradient(predictions: logits, targets: targets)
        // Tolerance: a few float32 ulps of values near 4 (PyTorch computes in float32, this in Double).
        #expect(abs(value - expectedLoss) < 2e-6, "loss \(value) vs PyTorch \(expectedLoss)")
        // Gradients are at most ¼ in size; 1e-7 absolute is a few ulps of that.
        for index in d.indices {
            #expect(abs(d[index] - expectedGradient[index]) < 1e-7,
                    "element \(index): \(d[index]) vs PyTorch \(expectedGradient[index])")
        }
    }

    @Test func gradientMatchesFiniteDifferences() {
        let logits: [Float] = [0.3, -1.2, 2.2, 0.9, -0.4, 1.1, 0.0, -0.7, 0.45, 1.6, -2.0, 0.2]
        let targets = [2, 0, 3]
        let loss = SoftmaxCrossEntropy(classes: 4)
        let (_, analytic) = loss.valueAndGradient(predictions: logits, targets: targets)
        let numeric = GradientCheck.centralDifferences(
            of: { Double(loss.value(predictions: $0, targets: targets)) }, at: logits)
        // Step 1e-2 on a loss of size ~1: truncation and rounding both near 1e-4 (see GradientCheck).
        let bad = GradientCheck.mismatches(analytic: analytic, numeric: numeric, relative: 1e-2, absolute: 2e-4)
        #expect(bad.isEmpty, "mismatches: \(bad)")
    }

    @Test func hugeLogitsStayFinite() {
        // A naive softmax overflows at exp(89); these logits are ±1e4.
        let logits: [Float] = [1e4, -1e4, 0,
                               1e4, -1e4, 0]
        let (value, d) = SoftmaxCrossEntropy(classes: 3).valueAndGradient(predictions: logits, targets: [0, 1])
        // Row 0 is certain and right (loss 0), row 1 certain and wrong by 2e4 (loss 2e4): mean 1e4.
        #expect(value.isFinite)
        #expect(abs(value - 1e4) < 1e-2, "got \(value)")
        // softmax = (1, 0, 0) in both rows, to float precision.
        let expected: [Float] = [0, 0, 0, 0.5, -0.5, 0]
        for (a, b) in zip(d, expected) { #expect(a.isFinite && abs(a - b) < 1e-7, "\(d)") }
    }

    @Test func normalizerLetsPartsAddUpToTheWhole() {
        let logits: [Float] = [0.3, -1.2, 2.2, 0.9, -0.4, 1.1, 0.0, -0.7, 0.45, 1.6, -2.0, 0.2]
        let targets = [2, 0, 1, 1]
        let loss = SoftmaxCrossEntropy(classes: 3)
        let (whole, dWhole) = loss.valueAndGradient(predictions: logits, targets: targets)
        var dParts = [Float](repeating: 0, count: logits.count)
        var parts: Float = 0
        logits.withUnsafeBufferPointer { p in
            targets.withUnsafeBufferPointer { t in
                dParts.withUnsafeMutableBufferPointer { d in
                    for (rows, start) in [(1, 0), (3, 1)] {
                        parts += loss.evaluate(
                            predictions: UnsafeBufferPointer(rebasing: p[start * 3 ..< (start + rows) * 3]),
                            targets: UnsafeBufferPointer(rebasing: t[start ..< start + rows]),
                            dPredictions: UnsafeMutableBufferPointer(rebasing: d[start * 3 ..< (start + rows) * 3]),
                            normalizer: 4)
                    }
                }
            }
        }
        #expect(abs(parts - whole) < 1e-6)
        for (a, b) in zip(dParts, dWhole) { #expect(abs(a - b) < 1e-7) }
    }

    @Test func softmaxProbabilitiesAndTemperature() {
        let logits: [Float] = [2, 1, 0, -1e4]
        let p = Softmax.probabilities(logits: logits)
        let e = [exp(2.0), exp(1.0), 1.0]
        let s = e.reduce(0, +)
        for j in 0..<3 { #expect(abs(Double(p[j]) - e[j] / s) < 1e-6) }
        #expect(p[3] == 0)
        // A low temperature puts nearly everything on the largest logit, a high one flattens.
        #expect(Softmax.probabilities(logits: logits, temperature: 0.05)[0] > 0.999)
        let flat = Softmax.probabilities(logits: [2, 1, 0], temperature: 100)
        for q in flat { #expect(abs(q - 1.0 / 3) < 0.01) }
    }

    @Test func samplingFollowsTheProbabilities() {
        let logits: [Float] = [0.5, -1, 1.5, 0]
        let p = Softmax.probabilities(logits: logits)
        var generator = SeededGenerator(seed: 7)
        var counts = [Int](repeating: 0, count: logits.count)
        let draws = 20_000
        for _ in 0..<draws { counts[Softmax.sample(logits: logits, using: &generator)] += 1 }
        // Standard error of a frequency near ½ over 20,000 draws is 0.0035; allow about 4 of them.
        for j in logits.indices {
            let frequency = Double(counts[j]) / Double(draws)
            #expect(abs(frequency - Double(p[j])) < 0.015, "class \(j): \(frequency) vs \(p[j])")
        }
    }
}
