import Foundation
import Testing
@testable import ForecastNN

/// SGD and Adam against updates worked out by hand (SGD) or by a Double-precision transcription of
/// the published formulas (Adam). Bit-level agreement with PyTorch is in PyTorchParityTests.
struct OptimizerTests {
    @Test func plainSGDStepsAgainstTheGradient() {
        var sgd = SGD(learningRate: 0.1)
        var p: [Float] = [1, -2]
        sgd.step(parameters: &p, gradients: [0.5, -1])
        #expect(p == [0.95, -1.9])
        #expect(sgd.momentumBuffer.isEmpty)
    }

    @Test func sgdMomentumStartsWithTheGradientItself() {
        var sgd = SGD(learningRate: 0.1, momentum: 0.9)
        var p: [Float] = [1]
        sgd.step(parameters: &p, gradients: [0.5])      // b = 0.5 (not 0.05), p = 1 − 0.05
        #expect(abs(p[0] - 0.95) < 1e-7)
        #expect(sgd.momentumBuffer == [0.5])
        sgd.step(parameters: &p, gradients: [0.5])      // b = 0.9·0.5 + 0.5 = 0.95, p = 0.95 − 0.095
        #expect(abs(p[0] - 0.855) < 1e-6)
        #expect(abs(sgd.momentumBuffer[0] - 0.95) < 1e-7)
        sgd.reset()
        #expect(sgd.momentumBuffer.isEmpty)
    }

    @Test func sgdWeightDecayAddsTheL2Gradient() {
        var sgd = SGD(learningRate: 0.5, weightDecay: 0.1)
        var p: [Float] = [2]
        sgd.step(parameters: &p, gradients: [1])        // g = 1 + 0.1·2 = 1.2; p = 2 − 0.6
        #expect(abs(p[0] - 1.4) < 1e-6)
    }

    @Test func adamFirstStepHasLengthLearningRate() {
        // With m̂ = g and √v̂ = |g| the first step is lr·g/(|g| + ε).
        var adam = Adam(learningRate: 0.01)
        var p: [Float] = [1, 1, 1]
        adam.step(parameters: &p, gradients: [3, -0.2, 0])
        #expect(abs(p[0] - 0.99) < 1e-6)
        #expect(abs(p[1] - 1.01) < 1e-6)
        #expect(p[2] == 1)
        #expect(adam.stepCount == 1)
    }

    @Test func adamMatchesTheFormulasOverSeveralSteps() {
        let lr = 0.02, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, decay = 0.01
        var adam = Adam(learningRate: Float(lr), weightDecay: Float(decay))
        var p: [Float] = [0.5, -0.3, 1.2]
        var reference = p.map(Double.init)
        var m = [Double](repeating: 0, count: 3), v = m
        let gradients: [[Float]] = [[0.1, -0.4, 2.0], [0.3, 0.1, -1.0], [-0.2, 0.05, 0.5], [0.0, 0.2, 0.1]]
        for (step, g) in gradients.enumerated() {
            adam.step(parameters: &p, gradients: g)
            let t = Double(step + 1)
            for i in 0..<3 {
                let gi = Double(g[i]) + decay * reference[i]
                m[i] = beta1 * m[i] + (1 - beta1) * gi
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
                let mHat = m[i] / (1 - pow(beta1, t)), vHat = v[i] / (1 - pow(beta2, t))
                reference[i] -= lr * mHat / (vHat.squareRoot() + eps)
            }
        }
        for i in 0..<3 { #expect(abs(Double(p[i]) - reference[i]) < 1e-6, "parameter \(i)") }
    }

    @Test func adamEpsilonIsAddedAfterTheSquareRoot() {
        // A tiny gradient shows where ε goes: lr·g/(|g| + ε) = 1e-3 · 1e-8/2e-8 = 5e-4,
        // whereas ε inside the root would give lr·g/√(g² + ε) ≈ 1e-7.
        var adam = Adam(learningRate: 1e-3)
        var p: [Float] = [0]
        adam.step(parameters: &p, gradients: [1e-8])
        #expect(abs(p[0] + 5e-4) < 1e-8)
    }
}
