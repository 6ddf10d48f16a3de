/// Inverted dropout between recurrent layers, as PyTorch applies it with `dropout=p` on a
/// multi-layer RNN: while training each output of a lower layer is zeroed with probability p
/// and the survivors are scaled by 1/(1 − p), so nothing changes at inference.
struct Dropout {
    let probability: Float

    /// output = input ⊙ mask, with the mask (0 or 1/(1 − p)) drawn from `generator` and kept for backward.
    func forward(input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
                 mask: UnsafeMutablePointer<Float>, count: Int, generator: inout SeededGenerator) {
        let keep = 1 / (1 - probability)
        for i in 0..<count {
            mask[i] = generator.nextUnitFloat() < probability ? 0 : keep
            output[i] = input[i] * mask[i]
        }
    }

    /// dInput = dOutput ⊙ mask, in place.
    func backward(gradient: UnsafeMutablePointer<Float>, mask: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { gradient[i] *= mask[i] }
    }
}
