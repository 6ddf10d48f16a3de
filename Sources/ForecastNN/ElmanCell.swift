import CForecastKernels

/// PyTorch `nn.RNN` with tanh: h_t = tanh(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh).
///
/// Cache per row: nothing beyond h_t itself, which the layer keeps anyway. The tanh runs in
/// `CForecastKernels` (ElmanKernels.c), as for `LSTMCell`.
public enum ElmanCell: RecurrentCell {
    public static var kind: CellKind { .rnn }
    public static func cacheWidth(hidden: Int) -> Int { 0 }
    public static var foldsHiddenBias: Bool { true }
    public static var hasCarry: Bool { false }
    public static var hasDirectHiddenPath: Bool { false }

    /// h = tanh(a), a = x·W_ihᵀ + h_{t−1}·W_hhᵀ + biases (summed by the layer).
    public static func forward(_ s: CellStep) {
        forecast_elman_forward(Int64(s.batch), Int64(s.hidden), s.inputProjection, s.output)
    }

    /// da = dh ⊙ (1 − h²).
    public static func backward(_ s: CellStep, _ g: CellStepGradients) {
        forecast_elman_backward(Int64(s.batch), Int64(s.hidden), s.output, g.dOutput, g.dInputPreactivation)
    }
}
