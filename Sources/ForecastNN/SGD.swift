/// Stochastic gradient descent with optional momentum and L2 weight decay, step for step as
/// `torch.optim.SGD(lr, momentum, dampening=0, nesterov=False, weight_decay)`:
///
///     g ← ∇ + λ·p                      (weight decay, if λ ≠ 0)
///     b ← g on the first step, else μ·b + g   (if μ ≠ 0)
///     p ← p − lr·b   (or p − lr·g without momentum)
///
/// The first momentum buffer is the gradient itself (not `(1 − μ)·g`), as PyTorch does.
public struct SGD: Optimizer, Sendable {
    public var learningRate: Float
    /// μ ∈ [0, 1); 0 turns momentum off.
    public let momentum: Float
    /// λ ≥ 0, the coefficient of the L2 penalty added to the gradient.
    public let weightDecay: Float

    /// The momentum buffer; empty until the first step.
    public private(set) var momentumBuffer: [Float] = []

    public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        precondition(learningRate >= 0 && learningRate.isFinite, "SGD: invalid learning rate \(learningRate)")
        precondition(momentum >= 0 && momentum < 1, "SGD: momentum must be in [0, 1), got \(momentum)")
        precondition(weightDecay >= 0 && weightDecay.isFinite, "SGD: invalid weight decay \(weightDecay)")
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>) {
        precondition(parameters.count == gradients.count,
                     "SGD: \(parameters.count) parameters but \(gradients.count) gradients")
        let count = parameters.count
        let firstStep = momentumBuffer.isEmpty
        if momentum != 0 {
            if firstStep { momentumBuffer = [Float](repeating: 0, count: count) }
            precondition(momentumBuffer.count == count,
                         "SGD: the parameter count changed from \(momentumBuffer.count) to \(count)")
        }
        let lr = learningRate, mu = momentum, decay = weightDecay
        momentumBuffer.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<count {
                var g = gradients[index]
                if decay != 0 { g += decay * parameters[index] }
                if mu != 0 {
                    // First step: b = g (clone); later: b = μ·b + (1 − dampening)·g with dampening 0.
                    let b = firstStep ? g : mu * buffer[index] + g
                    buffer[index] = b
                    g = b
                }
                parameters[index] -= lr * g
            }
        }
    }

    public mutating func reset() { momentumBuffer = [] }
}
