/// PyTorch `nn.RNN` with tanh: h_t = tanh(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh).
///
/// Cache per row: nothing beyond h_t itself, which the layer keeps anyway.
public enum ElmanCell: RecurrentCell {
    public static var kind: CellKind { .rnn }
    public static func cacheWidth(hidden: Int) -> Int { 0 }
    public static var foldsHiddenBias: Bool { true }
    public static var hasCarry: Bool { false }
    public static var hasDirectHiddenPath: Bool { false }

    public static func forward(_ s: CellStep) {
        let h = s.hidden
        for row in 0..<s.batch {
            let x = s.inputProjection + row * h
            let out = s.output + row * h
            Activations.forEachChunk(h) { j, n in
                // h = tanh(a), a = x·W_ihᵀ + h_{t−1}·W_hhᵀ + biases (summed by the layer)
                Activations.store(Activations.tanh(Activations.load(x + j, count: n)), to: out + j, count: n)
            }
        }
    }

    public static func backward(_ s: CellStep, _ g: CellStepGradients) {
        let h = s.hidden
        for row in 0..<s.batch {
            let out = UnsafePointer(s.output) + row * h
            let dOut = g.dOutput + row * h
            let dA = g.dInputPreactivation + row * h
            Activations.forEachChunk(h) { j, n in
                let t = Activations.load(out + j, count: n)
                // da = dh · (1 − h²)
                let da = Activations.load(dOut + j, count: n) * Activations.tanhDerivative(fromOutput: t)
                Activations.store(da, to: dA + j, count: n)
            }
        }
    }
}
