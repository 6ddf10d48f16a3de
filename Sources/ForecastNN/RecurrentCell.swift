/// What one time step of a cell reads and writes, for a whole batch at once.
///
/// The pre-activations arrive already multiplied out by BLAS: `inputProjection` holds
/// x·W_ihᵀ (+ bias) and `hiddenProjection` holds h_{t−1}·W_hhᵀ (+ bias) for the step, both
/// B × G·H with the gate blocks side by side in PyTorch order. The cell only does the
/// elementwise gate math, in one fused SIMD pass.
public struct CellStep {
    /// B, rows in the batch.
    public var batch: Int
    /// H, the hidden width.
    public var hidden: Int
    /// B × G·H: x_t·W_ihᵀ + b_ih; for cells that fold (`foldsHiddenBias`) the whole
    /// pre-activation x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh. Forward only: the layer may reuse
    /// this block from step to step, so a backward step must not read it.
    public var inputProjection: UnsafePointer<Float>
    /// B × G·H: h_{t−1}·W_hhᵀ + b_hh, only for cells that do not fold (unused otherwise).
    public var hiddenProjection: UnsafePointer<Float>
    /// B × H: h_{t−1} (zeros at the first step).
    public var previousHidden: UnsafePointer<Float>
    /// B × cacheWidth: the cache the cell wrote at step t−1, or nil at the first step.
    public var previousCache: UnsafePointer<Float>?
    /// B × cacheWidth: what this step keeps for its backward step.
    public var cache: UnsafeMutablePointer<Float>
    /// B × H: h_t.
    public var output: UnsafeMutablePointer<Float>
    /// False on the inference path: the cell may then cache only what its next step reads.
    public var recordsForBackward: Bool
}

/// Where one backward step of a cell reads its incoming gradients and writes its outgoing ones.
public struct CellStepGradients {
    /// B × H: dL/dh_t, everything that reaches h_t (from above and from step t+1).
    public var dOutput: UnsafePointer<Float>
    /// B × H, in/out, only for cells with a carried state (LSTM): dL/dc_t on entry,
    /// dL/dc_{t−1} on exit.
    public var dCarry: UnsafeMutablePointer<Float>
    /// B × G·H: dL/d(input pre-activation) of every gate.
    public var dInputPreactivation: UnsafeMutablePointer<Float>
    /// B × G·H: dL/d(hidden pre-activation); the same buffer as `dInputPreactivation` for
    /// cells where both pre-activations enter the gates only as a sum.
    public var dHiddenPreactivation: UnsafeMutablePointer<Float>
    /// B × H: the part of dL/dh_{t−1} that does not pass through W_hh (GRU's z ⊙ h_{t−1} path);
    /// written only by cells with `hasDirectHiddenPath`.
    public var dPreviousHiddenDirect: UnsafeMutablePointer<Float>
}

/// One recurrent cell: its gates and one step forward and backward over a batch.
///
/// RNN, LSTM and GRU differ only here; `RecurrentLayer` unrolls any of them over time, does
/// the matrix products, and keeps the caches, so all sequence code is shared.
public protocol RecurrentCell {
    /// Which cell this is.
    static var kind: CellKind { get }
    /// Floats the cell caches per batch row per step, for a hidden width `hidden`.
    static func cacheWidth(hidden: Int) -> Int
    /// True when input and hidden pre-activations only ever appear summed (RNN, LSTM): then the
    /// layer sums them (and both biases) into the input projection, and both pre-activation
    /// gradients coincide.
    static var foldsHiddenBias: Bool { get }
    /// True when the cell carries a second state besides h (LSTM's c).
    static var hasCarry: Bool { get }
    /// True when h_{t−1} reaches h_t other than through W_hh (GRU).
    static var hasDirectHiddenPath: Bool { get }

    /// h_t and the cache from the projections of step t.
    static func forward(_ step: CellStep)
    /// The mirror of `forward`: pre-activation gradients from dL/dh_t (and dL/dc_t).
    static func backward(_ step: CellStep, _ gradients: CellStepGradients)
}

extension RecurrentCell {
    /// G, the number of gate blocks in the weight matrices.
    public static var gateCount: Int { kind.gateCount }
}
