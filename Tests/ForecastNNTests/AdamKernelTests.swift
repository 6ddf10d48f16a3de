import CForecastKernels
import ForecastNN
import Foundation
import Testing
import _ForecastTestSupport

/// `Adam.step` runs its loop in C (`forecast_adam_step`), compiled for each vector unit. Nothing in
/// it may fuse, so every variant must give, bit for bit, what the loop written in Swift gives: the
/// order of operations PyTorch's single-tensor Adam uses, each product rounded before it is added.
@Suite("Adam kernel")
struct AdamKernelTests {
    /// The Swift loop `Adam.step` ran before the C kernel: the reference.
    static func referenceStep(parameters: inout [Float], gradients: [Float], m: inout [Float], v: inout [Float],
                              step: Int, learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, decay: Float) {
        let t = Double(step)
        let stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), t)))
        let root2 = Float((1 - pow(Double(beta2), t)).squareRoot())
        let oneMinusBeta1 = Float(1 - Double(beta1)), oneMinusBeta2 = Float(1 - Double(beta2))
        for index in parameters.indices {
            var g = gradients[index]
            if decay != 0 { g += decay * parameters[index] }
            m[index] += oneMinusBeta1 * (g - m[index])
            v[index] = v[index] * beta2 + oneMinusBeta2 * (g * g)
            let denominator = v[index].squareRoot() / root2 + epsilon
            parameters[index] += -stepSize * (m[index] / denominator)
        }
    }

    @Test(arguments: [Float(0), 0.01])
    func everyVariantGivesTheSwiftLoopsBits(decay: Float) {
        // 37 parameters: two whole sixteen-lane chunks and a tail of 5.
        var generator = SeededGenerator(seed: 21)
        let start: [Float] = (0..<37).map { _ in Float.random(in: -2...2, using: &generator) }
        let gradients: [[Float]] = (0..<4).map { _ in (0..<37).map { _ in Float.random(in: -1...1, using: &generator) * 1e-2 } }
        var expected = start, m = [Float](repeating: 0, count: 37), v = m
        for (step, g) in gradients.enumerated() {
            Self.referenceStep(parameters: &expected, gradients: g, m: &m, v: &v, step: step + 1,
                               learningRate: 0.003, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, decay: decay)
        }
        #expect(expected != start)
        for variant in KernelVariantTests.variants {
            let parameters = KernelVariantTests.withVariant(variant) { () -> [Float] in
                var adam = Adam(learningRate: 0.003, weightDecay: decay)
                var parameters = start
                for g in gradients {
                    parameters.withUnsafeMutableBufferPointer { p in
                        g.withUnsafeBufferPointer { adam.step(parameters: p, gradients: $0) }
                    }
                }
                return parameters
            }
            #expect(KernelVariantTests.sameBits(parameters, expected), "variant \(variant)")
        }
    }

    @Test func noParametersIsNoStep() {
        var adam = Adam()
        var parameters: [Float] = []
        parameters.withUnsafeMutableBufferPointer { p in
            adam.step(parameters: p, gradients: UnsafeBufferPointer(start: nil, count: 0))
        }
        #expect(adam.stepCount == 1 && parameters.isEmpty)
    }
}
