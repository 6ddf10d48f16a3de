/// Updates a flat parameter buffer from its gradient buffer (same layout), keeping whatever
/// state it needs (momentum, moment estimates) between steps.
///
/// State is sized on the first step; later steps must pass buffers of the same length.
public protocol Optimizer: Sendable {
    /// The step size; a schedule may change it between steps.
    var learningRate: Float { get set }

    /// Applies one update: `parameters ← parameters − f(gradients, state)`.
    mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>)

    /// Forgets all state, as if the optimizer had just been created.
    mutating func reset()
}

extension Optimizer {
    /// Applies one update to an array of parameters.
    public mutating func step(parameters: inout [Float], gradients: [Float]) {
        precondition(parameters.count == gradients.count,
                     "Optimizer: \(parameters.count) parameters but \(gradients.count) gradients")
        gradients.withUnsafeBufferPointer { g in
            parameters.withUnsafeMutableBufferPointer { p in
                step(parameters: p, gradients: g)
            }
        }
    }
}
