import CForecastKernels

/// PyTorch `nn.GRU`, gates in the order r, z, n:
/// r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r ⊙ h_n), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1},
/// where x_· = x_t·W_iᵀ + b_i· and h_· = h_{t−1}·W_hᵀ + b_h·; b_hn stays inside r ⊙ (…), so the
/// hidden bias cannot be folded into the input projection.
///
/// Cache per row: [r | z | n], three blocks of H (h_n is kept in the hidden projection);
/// nothing on the inference path. The gate math runs in `CForecastKernels` (GRUKernels.c,
/// forward and backward side by side), as for `LSTMCell`.
public enum GRUCell: RecurrentCell {
    public static var kind: CellKind { .gru }
    public static func cacheWidth(hidden: Int) -> Int { 3 * hidden }
    public static var foldsHiddenBias: Bool { false }
    public static var hasCarry: Bool { false }
    public static var hasDirectHiddenPath: Bool { true }

    public static func forward(_ s: CellStep) {
        forecast_gru_forward(
            Int64(s.batch), Int64(s.hidden), s.inputProjection, s.hiddenProjection, s.previousHidden,
            s.cache, s.output, s.recordsForBackward)
    }

    /// dn = dh ⊙ (1 − z), dz = dh ⊙ (h_{t−1} − n), dh_{t−1} ⊇ dh ⊙ z; da_n = dn ⊙ (1 − n²) reaches
    /// x_n directly and h_n through r; dr = da_n ⊙ h_n; r and z pass σ′ = s(1 − s) to both projections.
    public static func backward(_ s: CellStep, _ g: CellStepGradients) {
        forecast_gru_backward(
            Int64(s.batch), Int64(s.hidden), s.hiddenProjection, s.previousHidden, s.cache,
            g.dOutput, g.dInputPreactivation, g.dHiddenPreactivation, g.dPreviousHiddenDirect)
    }
}
