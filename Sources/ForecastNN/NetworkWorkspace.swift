/// Everything one thread needs to run a network forward and backward: the caches BPTT
/// reads, the gradient buffer, predictions and input gradients.
///
/// Allocated once per (configuration, maximum batch, lookback) and reused for every step, so
/// the training loop allocates nothing. A workspace may move between threads but must be
/// used by one at a time; give each thread its own and sum their `gradients`.
public final class NetworkWorkspace: @unchecked Sendable {
    public let configuration: NetworkConfiguration
    /// Largest batch a forward pass may carry.
    public let maxBatch: Int
    /// Longest window (L) a forward pass may carry.
    public let lookback: Int

    /// dL/d(parameters), in the layout of `NetworkConfiguration.parameterLayout`.
    /// `backward` ADDS into it; call `zeroGradients()` before a new accumulation.
    public var gradients: [Float]
    /// B × O outputs of the last forward pass.
    public internal(set) var predictions: [Float]
    /// B × E head inputs of the last forward pass, kept for backward.
    public internal(set) var headInputs: [Float] = []
    /// B × L × D gradient of the loss with respect to the inputs of the last forward pass,
    /// written by `backward`.
    public internal(set) var dInputs: [Float]

    /// B and L of the last forward pass (0 before any).
    public internal(set) var batchSize = 0
    public internal(set) var steps = 0
    /// Whether the last forward pass drew dropout masks (backward must apply them too).
    var usedDropout = false
    /// Whether the last forward pass ran, so backward has caches to read.
    var hasForwardCaches = false

    let storage: UnsafeMutablePointer<Float>
    let storageCount: Int
    /// Per layer: its time-major input (layer 0: the transposed window; above: the dropped-out
    /// outputs of the layer below), dropout mask, forward and backward scratch, input gradients.
    let layerInputs: [UnsafeMutablePointer<Float>]
    let dropoutMasks: [UnsafeMutablePointer<Float>]
    let forwardBuffers: [LayerForwardBuffers]
    let backwardBuffers: [LayerBackwardBuffers]
    let layerDInputs: [UnsafeMutablePointer<Float>]
    /// B × H gradient reaching the top layer's last output from the head.
    let dLastHidden: UnsafeMutablePointer<Float>

    public init(configuration: NetworkConfiguration, maxBatch: Int, lookback: Int) {
        precondition(maxBatch > 0, "NetworkWorkspace: maxBatch must be positive, got \(maxBatch)")
        precondition(lookback > 0, "NetworkWorkspace: lookback must be positive, got \(lookback)")
        _ = BLAS.ready
        self.configuration = configuration
        self.maxBatch = maxBatch
        self.lookback = lookback
        gradients = Array(repeating: 0, count: configuration.parameterCount)
        predictions = []
        predictions.reserveCapacity(maxBatch * configuration.outputs)
        dInputs = []
        dInputs.reserveCapacity(maxBatch * lookback * configuration.inputSize)

        let h = configuration.hiddenSize
        let gw = configuration.cell.gateCount * h
        let rows = maxBatch * lookback
        let cacheWidth = Self.cacheWidth(configuration.cell, hidden: h)
        let separateHiddenGradient = configuration.cell == .gru

        // Sizes first, in the order the regions are carved out below.
        var sizes: [Int] = []
        func region(_ count: Int) { sizes.append(Swift.max(count, 1)) }
        for k in 0..<configuration.layers {
            let d = configuration.inputSize(ofLayer: k)
            region(rows * d)                                  // layer input
            region(k > 0 && configuration.dropout > 0 ? rows * h : 0) // dropout mask
            region(rows * gw)                                 // input projection
            region(separateHiddenGradient ? rows * gw : 0)    // hidden projection (GRU only)
            region(rows * cacheWidth)                         // cell cache
            region((lookback + 1) * maxBatch * h)             // hidden states
            region(PackedLayerWeights.count(inputSize: d, hidden: h, gateCount: configuration.cell.gateCount)) // packed weights
            region(rows * gw)                                 // dA input
            region(separateHiddenGradient ? rows * gw : 0)    // dA hidden
            region(rows * d)                                  // dInputs of the layer
        }
        region(maxBatch * h) // dHidden A
        region(maxBatch * h) // dHidden B
        region(maxBatch * h) // dCarry
        region(maxBatch * h) // dLastHidden
        storageCount = sizes.reduce(0, +)
        storage = UnsafeMutablePointer<Float>.allocate(capacity: storageCount)
        storage.initialize(repeating: 0, count: storageCount)

        var cursor = storage
        var index = 0
        func take() -> UnsafeMutablePointer<Float> {
            defer { cursor += sizes[index]; index += 1 }
            return cursor
        }
        var inputs: [UnsafeMutablePointer<Float>] = [], masks: [UnsafeMutablePointer<Float>] = []
        var forward: [LayerForwardBuffers] = [], dInputsPerLayer: [UnsafeMutablePointer<Float>] = []
        var dPre: [(UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)] = []
        for _ in 0..<configuration.layers {
            inputs.append(take())
            masks.append(take())
            let projection = take(), hiddenProjection = take(), cache = take(), hidden = take(), packed = take()
            forward.append(LayerForwardBuffers(inputProjection: projection, hiddenProjection: hiddenProjection,
                                               cache: cache, hidden: hidden, slots: lookback, packedWeights: packed))
            let dIn = take(), dHidden = take()
            dPre.append((dIn, separateHiddenGradient ? dHidden : dIn))
            dInputsPerLayer.append(take())
        }
        let dA = take(), dB = take(), dCarry = take()
        dLastHidden = take()
        layerInputs = inputs
        dropoutMasks = masks
        forwardBuffers = forward
        layerDInputs = dInputsPerLayer
        backwardBuffers = dPre.map {
            LayerBackwardBuffers(dInputPreactivation: $0.0, dHiddenPreactivation: $0.1,
                                 dHiddenA: dA, dHiddenB: dB, dCarry: dCarry)
        }
    }

    deinit {
        storage.deinitialize(count: storageCount)
        storage.deallocate()
    }

    /// Sets every gradient to zero, before accumulating a new batch.
    public func zeroGradients() {
        gradients.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Bytes of scratch this workspace holds (besides the gradient and output arrays).
    public var scratchBytes: Int { storageCount * MemoryLayout<Float>.stride }

    static func cacheWidth(_ cell: CellKind, hidden: Int) -> Int {
        switch cell {
        case .rnn: ElmanCell.cacheWidth(hidden: hidden)
        case .lstm: LSTMCell.cacheWidth(hidden: hidden)
        case .gru: GRUCell.cacheWidth(hidden: hidden)
        }
    }

    /// Sets an output array to `count` zeros without giving up its reserved capacity.
    static func resize(_ array: inout [Float], to count: Int) {
        if array.count != count {
            array.removeAll(keepingCapacity: true)
            array.append(contentsOf: repeatElement(0, count: count))
        }
    }
}
