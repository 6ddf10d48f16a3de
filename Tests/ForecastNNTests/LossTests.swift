import Testing
@testable import ForecastNN

/// Losses: values worked out by hand, gradients checked against central finite differences.
struct LossTests {
    let predictions: [Float] = [0.5, -1.0, 2.0, 3.0, 0.25, -2.5]
    let targets: [Float] = [0.0, -1.0, -0.5, 1.0, 0.75, 0.0]
    // errors:               0.5, 0.0, 2.5, 2.0, -0.5, -2.5

    @Test func meanSquaredErrorValue() {
        // (0.25 + 0 + 6.25 + 4 + 0.25 + 6.25) / 6 = 17 / 6
        #expect(abs(MeanSquaredError().value(predictions: predictions, targets: targets) - 17.0 / 6) < 1e-6)
    }

    @Test func meanAbsoluteErrorValue() {
        // (0.5 + 0 + 2.5 + 2 + 0.5 + 2.5) / 6 = 8 / 6
        #expect(abs(MeanAbsoluteError().value(predictions: predictions, targets: targets) - 8.0 / 6) < 1e-6)
    }

    @Test func huberValue() {
        // |e| < 1: ½e² → 0.125, 0, 0.125; else |e| − ½ → 2, 1.5, 2. Sum 5.75.
        #expect(abs(HuberLoss(delta: 1).value(predictions: predictions, targets: targets) - 5.75 / 6) < 1e-6)
        // δ = 2: 0.125, 0, 2(2.5 − 1) = 3, 2(2 − 1) = 2 (|e| = δ is linear and equals ½δ²), 0.125, 3.
        #expect(abs(HuberLoss(delta: 2).value(predictions: predictions, targets: targets) - 8.25 / 6) < 1e-6)
    }

    @Test func pinballValueWeighsEachColumnByItsLevel() {
        // Levels 0.1, 0.9 cycling over columns; excess y − p: −0.5, 0, −2.5, −2, 0.5, 2.5.
        // 0.9·0.5 + 0 + 0.9·2.5 + 0.1·2 (level 0.9, p above y) … column by column:
        // c0 τ0.1: (τ−1)(−0.5) = 0.45; c1 τ0.9: 0; c2 τ0.1: 2.25; c3 τ0.9: 0.2; c4 τ0.1: 0.05; c5 τ0.9: 2.25.
        let loss = PinballLoss(levels: [0.1, 0.9])
        #expect(abs(loss.value(predictions: predictions, targets: targets) - 5.2 / 6) < 1e-6)
        let (_, d) = loss.valueAndGradient(predictions: predictions, targets: targets)
        // Above the target 1 − τ, below it −τ, at a tie ½ − τ (column 1, τ 0.9: −0.4).
        let expected: [Float] = [0.9, -0.4, 0.9, 0.1, -0.1, -0.9].map { $0 / 6 }
        for (a, b) in zip(d, expected) { #expect(abs(a - b) < 1e-7) }
    }

    @Test func meanAbsoluteErrorGradientIsZeroAtZeroError() {
        let (_, d) = MeanAbsoluteError().valueAndGradient(predictions: predictions, targets: targets)
        let expected: [Float] = [1, 0, 1, 1, -1, -1].map { $0 / 6 }
        #expect(d == expected)
    }

    @Test func huberGradientIsClampedError() {
        let (_, d) = HuberLoss(delta: 1).valueAndGradient(predictions: predictions, targets: targets)
        let expected: [Float] = [0.5, 0, 1, 1, -0.5, -1].map { $0 / 6 }
        for (a, b) in zip(d, expected) { #expect(abs(a - b) < 1e-7) }
    }

    @Test(arguments: LossUnderTest.allCases)
    func gradientMatchesFiniteDifferences(_ loss: LossUnderTest) {
        // Points away from the kinks of MAE and Huber so the central difference is valid.
        let p: [Float] = [0.3, -1.2, 2.2, 0.9, -0.4]
        let t: [Float] = [0.0, -0.5, 0.1, 1.6, 0.35]
        let (_, d) = loss.loss.valueAndGradient(predictions: p, targets: t)
        let h: Float = 1e-2
        for index in p.indices {
            var plus = p, minus = p
            plus[index] += h
            minus[index] -= h
            let numeric = (loss.loss.value(predictions: plus, targets: t)
                - loss.loss.value(predictions: minus, targets: t)) / (2 * h)
            // Tolerance: float rounding of values near 1 divided by 2h.
            #expect(abs(numeric - d[index]) < 2e-4, "\(loss) element \(index): \(numeric) vs \(d[index])")
        }
    }

    @Test func normalizerLetsPartsAddUpToTheWhole() {
        let loss = MeanSquaredError()
        let (whole, dWhole) = loss.valueAndGradient(predictions: predictions, targets: targets)
        var dParts = [Float](repeating: 0, count: predictions.count)
        var sum: Float = 0
        predictions.withUnsafeBufferPointer { p in
            targets.withUnsafeBufferPointer { t in
                dParts.withUnsafeMutableBufferPointer { d in
                    for range in [0..<2, 2..<6] {
                        sum += loss.evaluate(
                            predictions: UnsafeBufferPointer(rebasing: p[range]),
                            targets: UnsafeBufferPointer(rebasing: t[range]),
                            dPredictions: UnsafeMutableBufferPointer(rebasing: d[range]),
                            normalizer: predictions.count)
                    }
                }
            }
        }
        #expect(abs(sum - whole) < 1e-6)
        #expect(dParts == dWhole)
    }
}

/// The losses as test arguments.
enum LossUnderTest: String, CaseIterable, CustomTestStringConvertible {
    case mse, mae, huber, pinball
    var loss: any Loss {
        switch self {
        case .mse: MeanSquaredError()
        case .mae: MeanAbsoluteError()
        case .huber: HuberLoss(delta: 1)
        case .pinball: PinballLoss(levels: [0.2, 0.7, 0.9, 0.5, 0.1])
        }
    }
    var testDescription: String { rawValue }
}
