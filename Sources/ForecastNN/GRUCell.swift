/// PyTorch `nn.GRU`, gates in the order r, z, n:
/// r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r ⊙ h_n), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1},
/// where x_· = x_t·W_iᵀ + b_i· and h_· = h_{t−1}·W_hᵀ + b_h·; b_hn stays inside r ⊙ (…), so the
/// hidden bias cannot be folded into the input projection.
///
/// Cache per row: [r | z | n], three blocks of H (h_n is kept in the hidden projection);
/// nothing on the inference path.
public enum GRUCell: RecurrentCell {
    public static var kind: CellKind { .gru }
    public static func cacheWidth(hidden: Int) -> Int { 3 * hidden }
    public static var foldsHiddenBias: Bool { false }
    public static var hasCarry: Bool { false }
    public static var hasDirectHiddenPath: Bool { true }

    public static func forward(_ s: CellStep) {
        let h = s.hidden, gates = 3 * h
        for row in 0..<s.batch {
            let x = s.inputProjection + row * gates
            let hp = s.hiddenProjection + row * gates
            let hPrevious = s.previousHidden + row * h
            let cache = s.cache + row * gates
            let out = s.output + row * h
            Activations.forEachChunk(h) { j, n in
                func load(_ p: UnsafePointer<Float>) -> Activations.Vector { Activations.load(p + j, count: n) }
                let r = Activations.sigmoid(load(x) + load(hp))
                let z = Activations.sigmoid(load(x + h) + load(hp + h))
                // n = tanh(x_n + r ⊙ h_n)
                let candidate = Activations.tanh(load(x + 2 * h) + r * load(hp + 2 * h))
                // h = (1 − z) ⊙ n + z ⊙ h_{t−1}
                let output = candidate + z * (load(hPrevious) - candidate)
                if s.recordsForBackward {
                    Activations.store(r, to: cache + j, count: n)
                    Activations.store(z, to: cache + h + j, count: n)
                    Activations.store(candidate, to: cache + 2 * h + j, count: n)
                }
                Activations.store(output, to: out + j, count: n)
            }
        }
    }

    public static func backward(_ s: CellStep, _ g: CellStepGradients) {
        let h = s.hidden, gates = 3 * h
        for row in 0..<s.batch {
            let hp = s.hiddenProjection + row * gates
            let hPrevious = s.previousHidden + row * h
            let cache = UnsafePointer(s.cache) + row * gates
            let dOut = g.dOutput + row * h
            let dIn = g.dInputPreactivation + row * gates
            let dHid = g.dHiddenPreactivation + row * gates
            let dDirect = g.dPreviousHiddenDirect + row * h
            Activations.forEachChunk(h) { j, n in
                func load(_ p: UnsafePointer<Float>) -> Activations.Vector { Activations.load(p + j, count: n) }
                let r = load(cache), z = load(cache + h), candidate = load(cache + 2 * h)
                let dh = load(dOut)
                // h = (1 − z) ⊙ n + z ⊙ h_{t−1}:  dn = dh ⊙ (1 − z),  dz = dh ⊙ (h_{t−1} − n),  dh_{t−1} ⊇ dh ⊙ z
                let dCandidate = dh * (1 - z)
                let dZ = dh * (load(hPrevious) - candidate)
                Activations.store(dh * z, to: dDirect + j, count: n)
                // n = tanh(a_n), a_n = x_n + r ⊙ h_n:  da_n = dn ⊙ (1 − n²);  dx_n = da_n,  dh_n = da_n ⊙ r,  dr = da_n ⊙ h_n
                let dAn = dCandidate * Activations.tanhDerivative(fromOutput: candidate)
                let dR = dAn * load(hp + 2 * h)
                // r = σ(x_r + h_r), z = σ(x_z + h_z): both pre-activations get the same gradient
                let dAr = dR * Activations.sigmoidDerivative(fromOutput: r)
                let dAz = dZ * Activations.sigmoidDerivative(fromOutput: z)
                Activations.store(dAr, to: dIn + j, count: n)
                Activations.store(dAz, to: dIn + h + j, count: n)
                Activations.store(dAn, to: dIn + 2 * h + j, count: n)
                Activations.store(dAr, to: dHid + j, count: n)
                Activations.store(dAz, to: dHid + h + j, count: n)
                Activations.store(dAn * r, to: dHid + 2 * h + j, count: n)
            }
        }
    }
}
