/// PyTorch `nn.LSTM`, gates in the order i, f, g, o:
/// i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o), c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t),
/// where each a is the sum of its input and hidden projections and both biases.
///
/// Cache per row: [i | f | g | o | c_t | tanh(c_t)], six blocks of H (on the inference path
/// only c_t, which the next step reads).
public enum LSTMCell: RecurrentCell {
    public static var kind: CellKind { .lstm }
    public static func cacheWidth(hidden: Int) -> Int { 6 * hidden }
    public static var foldsHiddenBias: Bool { true }
    public static var hasCarry: Bool { true }
    public static var hasDirectHiddenPath: Bool { false }

    public static func forward(_ s: CellStep) {
        let h = s.hidden, gates = 4 * h, width = 6 * h
        for row in 0..<s.batch {
            let x = s.inputProjection + row * gates
            let cache = s.cache + row * width
            let previous = s.previousCache.map { $0 + row * width + 4 * h }
            let out = s.output + row * h
            Activations.forEachChunk(h) { j, n in
                // Pre-activations, both projections and biases already summed by the layer.
                func pre(_ block: Int) -> Activations.Vector { Activations.load(x + block * h + j, count: n) }
                let i = Activations.sigmoid(pre(0))
                let f = Activations.sigmoid(pre(1))
                let g = Activations.tanh(pre(2))
                let o = Activations.sigmoid(pre(3))
                let cPrevious = previous.map { Activations.load($0 + j, count: n) } ?? .zero
                // c = f ⊙ c_{t−1} + i ⊙ g
                let c = f * cPrevious + i * g
                // h = o ⊙ tanh(c)
                let tc = Activations.tanh(c)
                Activations.store(c, to: cache + 4 * h + j, count: n)
                if s.recordsForBackward {
                    Activations.store(i, to: cache + j, count: n)
                    Activations.store(f, to: cache + h + j, count: n)
                    Activations.store(g, to: cache + 2 * h + j, count: n)
                    Activations.store(o, to: cache + 3 * h + j, count: n)
                    Activations.store(tc, to: cache + 5 * h + j, count: n)
                }
                Activations.store(o * tc, to: out + j, count: n)
            }
        }
    }

    public static func backward(_ s: CellStep, _ g: CellStepGradients) {
        let h = s.hidden, gates = 4 * h, width = 6 * h
        for row in 0..<s.batch {
            let cache = UnsafePointer(s.cache) + row * width
            let previous = s.previousCache.map { $0 + row * width + 4 * h }
            let dOut = g.dOutput + row * h
            let dCarry = g.dCarry + row * h
            let dA = g.dInputPreactivation + row * gates
            Activations.forEachChunk(h) { j, n in
                let i = Activations.load(cache + j, count: n)
                let f = Activations.load(cache + h + j, count: n)
                let gg = Activations.load(cache + 2 * h + j, count: n)
                let o = Activations.load(cache + 3 * h + j, count: n)
                let tc = Activations.load(cache + 5 * h + j, count: n)
                let cPrevious = previous.map { Activations.load($0 + j, count: n) } ?? .zero
                let dh = Activations.load(dOut + j, count: n)
                // h = o ⊙ tanh(c):  do = dh ⊙ tanh(c),  dc += dh ⊙ o ⊙ (1 − tanh²(c))
                let dO = dh * tc
                let dc = Activations.load(dCarry + j, count: n) + dh * o * Activations.tanhDerivative(fromOutput: tc)
                // c = f ⊙ c_{t−1} + i ⊙ g:  di = dc ⊙ g,  dg = dc ⊙ i,  df = dc ⊙ c_{t−1},  dc_{t−1} = dc ⊙ f
                let dI = dc * gg
                let dG = dc * i
                let dF = dc * cPrevious
                Activations.store(dc * f, to: dCarry + j, count: n)
                // gates from pre-activations: σ′ = s(1 − s), tanh′ = 1 − t²
                Activations.store(dI * Activations.sigmoidDerivative(fromOutput: i), to: dA + j, count: n)
                Activations.store(dF * Activations.sigmoidDerivative(fromOutput: f), to: dA + h + j, count: n)
                Activations.store(dG * Activations.tanhDerivative(fromOutput: gg), to: dA + 2 * h + j, count: n)
                Activations.store(dO * Activations.sigmoidDerivative(fromOutput: o), to: dA + 3 * h + j, count: n)
            }
        }
    }
}
