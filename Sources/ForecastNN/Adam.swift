import CForecastKernels
import Foundation

/// Adam, step for step as PyTorch's single-tensor `torch.optim.Adam` (amsgrad off, coupled L2
/// weight decay), including its order of operations:
///
///     g  ← ∇ + λ·p                          (if λ ≠ 0)
///     m  ← m + (1 − β₁)(g − m)              (torch's `lerp_`)
///     v  ← β₂·v + (1 − β₂)·g²
///     p  ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// ε is added after the square root of the bias-corrected second moment.
/// Source of the order: `_single_tensor_adam` in PyTorch 2.x `torch/optim/adam.py`.
public struct Adam: Optimizer, Sendable {
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float

    /// Steps taken so far (t in the bias corrections).
    public private(set) var stepCount = 0
    /// First-moment estimate m; empty until the first step.
    public private(set) var firstMoment: [Float] = []
    /// Second-moment estimate v; empty until the first step.
    public private(set) var secondMoment: [Float] = []

    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        precondition(learningRate >= 0 && learningRate.isFinite, "Adam: invalid learning rate \(learningRate)")
        precondition(beta1 >= 0 && beta1 < 1, "Adam: beta1 must be in [0, 1), got \(beta1)")
        precondition(beta2 >= 0 && beta2 < 1, "Adam: beta2 must be in [0, 1), got \(beta2)")
        precondition(epsilon >= 0 && epsilon.isFinite, "Adam: invalid epsilon \(epsilon)")
        precondition(weightDecay >= 0 && weightDecay.isFinite, "Adam: invalid weight decay \(weightDecay)")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>) {
        precondition(parameters.count == gradients.count,
                     "Adam: \(parameters.count) parameters but \(gradients.count) gradients")
        let count = parameters.count
        if firstMoment.isEmpty {
            firstMoment = [Float](repeating: 0, count: count)
            secondMoment = [Float](repeating: 0, count: count)
        }
        precondition(firstMoment.count == count,
                     "Adam: the parameter count changed from \(firstMoment.count) to \(count)")
        stepCount += 1
        // The scalars are computed in Double, as Python floats, then used in Float arithmetic.
        let t = Double(stepCount)
        let biasCorrection1 = 1 - pow(Double(beta1), t)
        let biasCorrection2Root = (1 - pow(Double(beta2), t)).squareRoot()
        let stepSize = Float(Double(learningRate) / biasCorrection1)
        let root2 = Float(biasCorrection2Root)
        let oneMinusBeta1 = Float(1 - Double(beta1)), oneMinusBeta2 = Float(1 - Double(beta2))
        // The loop runs in C, compiled for the CPU's vector unit (AVX-512: 16 lanes, where Swift's
        // baseline build runs 4); it rounds every product as this order says, in every variant.
        guard count > 0 else { return }
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                forecast_adam_step(Int64(count), parameters.baseAddress!, gradients.baseAddress!, m.baseAddress!,
                                   v.baseAddress!, oneMinusBeta1, beta2, oneMinusBeta2, root2, epsilon, stepSize, weightDecay)
            }
        }
    }

    public mutating func reset() {
        stepCount = 0
        firstMoment = []
        secondMoment = []
    }
}
