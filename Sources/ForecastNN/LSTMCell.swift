import CForecastKernels

/// PyTorch `nn.LSTM`, gates in the order i, f, g, o:
/// i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o), c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t),
/// where each a is the sum of its input and hidden projections and both biases.
///
/// Cache per row: [i | f | g | o | c_t | tanh(c_t)], six blocks of H (on the inference path
/// only c_t, which the next step reads).
///
/// The gate math runs in `CForecastKernels` (LSTMKernels.c, forward and backward side by side),
/// compiled for the CPU's widest vector unit: in Swift, compiled for the x86-64 baseline, it
/// took a quarter of an LSTM training step. It computes what `Activations` would, bit for bit.
public enum LSTMCell: RecurrentCell {
    public static var kind: CellKind { .lstm }
    public static func cacheWidth(hidden: Int) -> Int { 6 * hidden }
    public static var foldsHiddenBias: Bool { true }
    public static var hasCarry: Bool { true }
    public static var hasDirectHiddenPath: Bool { false }

    public static func forward(_ s: CellStep) {
        forecast_lstm_forward(
            Int64(s.batch), Int64(s.hidden), s.inputProjection, s.previousCache,
            s.cache, s.output, s.recordsForBackward)
    }

    /// do = dh ⊙ tanh(c), dc += dh ⊙ o ⊙ (1 − tanh²(c)); di = dc ⊙ g, dg = dc ⊙ i, df = dc ⊙ c_{t−1},
    /// dc_{t−1} = dc ⊙ f; then each gate's σ′ = s(1 − s) or tanh′ = 1 − t².
    public static func backward(_ s: CellStep, _ g: CellStepGradients) {
        forecast_lstm_backward(
            Int64(s.batch), Int64(s.hidden), s.cache, s.previousCache,
            g.dOutput, g.dCarry, g.dInputPreactivation)
    }
}
