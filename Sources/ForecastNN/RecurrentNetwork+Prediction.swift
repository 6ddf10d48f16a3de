/// Scratch for inference: like `NetworkWorkspace` but without anything backward needs. Each
/// layer keeps its cell cache and hidden projection for two steps only (the current and the
/// previous one) and its cells skip writing what only backward reads, so a batch-1 forecast
/// stays within a few tens of kilobytes besides the weights. Use from one thread at a time.
///
/// Made with `threads` of 2 or more, a workspace runs forecasts from one window on two cores
/// (`SplitPrediction`) when the network is wide enough to gain from it; the forecast is the same
/// bit for bit.
public final class PredictionWorkspace: @unchecked Sendable {
    public let configuration: NetworkConfiguration
    public let maxBatch: Int
    public let lookback: Int
    /// Whether forecasts from one window run on two cores.
    public var splitsAcrossCores: Bool { split != nil }

    let storage: UnsafeMutablePointer<Float>
    let storageCount: Int
    /// L·B × D time-major copy of the windows.
    let input: UnsafeMutablePointer<Float>
    let layers: [LayerForwardBuffers]
    /// The `RecurrentNetwork.parameterStamp` the packed weights in `layers` were made from, if any.
    var packedStamp: UInt64?
    /// The two-core batch-1 forecast, when asked for and worth it.
    let split: SplitPrediction?

    public init(configuration: NetworkConfiguration, maxBatch: Int = 1, lookback: Int, threads: Int = 1) {
        precondition(maxBatch > 0, "PredictionWorkspace: maxBatch must be positive, got \(maxBatch)")
        precondition(lookback > 0, "PredictionWorkspace: lookback must be positive, got \(lookback)")
        _ = BLAS.ready
        self.configuration = configuration
        self.maxBatch = maxBatch
        self.lookback = lookback
        let h = configuration.hiddenSize, gw = configuration.cell.gateCount * h
        let cacheWidth = Swift.max(NetworkWorkspace.cacheWidth(configuration.cell, hidden: h), 1)
        let inputCount = lookback * maxBatch * configuration.inputSize
        // Only GRU keeps its hidden projection apart from the input projection.
        let hiddenProjectionCount = configuration.cell == .gru ? 2 * maxBatch * gw : 1
        func packedCount(_ k: Int) -> Int {
            Swift.max(PackedLayerWeights.count(inputSize: configuration.inputSize(ofLayer: k), hidden: h, gateCount: configuration.cell.gateCount), 1)
        }
        let perLayer = lookback * maxBatch * gw + hiddenProjectionCount + 2 * maxBatch * cacheWidth
            + (lookback + 1) * maxBatch * h
        storageCount = inputCount + configuration.layers * perLayer + (0..<configuration.layers).map(packedCount).reduce(0, +)
        storage = UnsafeMutablePointer<Float>.allocate(capacity: storageCount)
        storage.initialize(repeating: 0, count: storageCount)
        input = storage
        var cursor = storage + inputCount
        var layers: [LayerForwardBuffers] = []
        for k in 0..<configuration.layers {
            let projection = cursor; cursor += lookback * maxBatch * gw
            let hiddenProjection = cursor; cursor += hiddenProjectionCount
            let cache = cursor; cursor += 2 * maxBatch * cacheWidth
            let hidden = cursor; cursor += (lookback + 1) * maxBatch * h
            let packed = cursor; cursor += packedCount(k)
            layers.append(LayerForwardBuffers(inputProjection: projection, hiddenProjection: hiddenProjection,
                                              cache: cache, hidden: hidden, slots: 2, packedWeights: packed))
        }
        self.layers = layers
        split = threads >= 2 ? SplitPrediction(configuration: configuration) : nil
    }

    deinit {
        storage.deinitialize(count: storageCount)
        storage.deallocate()
    }
}

extension RecurrentNetwork {
    /// Forecasts from `batchSize` windows (B × L × D, row-major) and their head inputs (B × E,
    /// empty when E = 0) into `output` (B × O), with no dropout and no caches for backward. The
    /// fast path for live forecasting.
    public func predict(
        windows: UnsafeBufferPointer<Float>, headInputs: UnsafeBufferPointer<Float> = .init(start: nil, count: 0),
        batchSize: Int, lookback: Int,
        workspace: PredictionWorkspace, into output: UnsafeMutableBufferPointer<Float>
    ) {
        let c = configuration, h = c.hiddenSize
        precondition(workspace.configuration == c, "RecurrentNetwork.predict: workspace was made for another configuration")
        precondition(batchSize > 0 && batchSize <= workspace.maxBatch,
                     "RecurrentNetwork.predict: batch size \(batchSize) outside 1...\(workspace.maxBatch)")
        precondition(lookback > 0 && lookback <= workspace.lookback,
                     "RecurrentNetwork.predict: lookback \(lookback) outside 1...\(workspace.lookback)")
        precondition(windows.count == batchSize * lookback * c.inputSize,
                     "RecurrentNetwork.predict: \(windows.count) inputs for B=\(batchSize) L=\(lookback) D=\(c.inputSize)")
        precondition(output.count >= batchSize * c.outputs, "RecurrentNetwork.predict: output holds fewer than B × O values")
        precondition(headInputs.count == batchSize * c.headInputs,
                     "RecurrentNetwork.predict: \(headInputs.count) head inputs for B=\(batchSize) E=\(c.headInputs)")
        parameters.withUnsafeBufferPointer { parameterBuffer in
            let p = parameterBuffer.baseAddress!
            // With one window, batch-major and time-major coincide and the copy is skipped.
            let input: UnsafePointer<Float>
            if batchSize == 1 {
                input = windows.baseAddress!
            } else {
                transpose(windows.baseAddress!, into: workspace.input, outer: batchSize, inner: lookback, width: c.inputSize)
                input = UnsafePointer(workspace.input)
            }
            switch (c.cell, batchSize == 1 ? workspace.split : nil) {
            case (.rnn, nil): predictStack(ElmanCell.self, p, input, batchSize, lookback, workspace)
            case (.lstm, nil): predictStack(LSTMCell.self, p, input, batchSize, lookback, workspace)
            case (.gru, nil): predictStack(GRUCell.self, p, input, batchSize, lookback, workspace)
            case (.rnn, let split?): predictSplit(ElmanCell.self, p, input, lookback, workspace, split)
            case (.lstm, let split?): predictSplit(LSTMCell.self, p, input, lookback, workspace, split)
            case (.gru, let split?): predictSplit(GRUCell.self, p, input, lookback, workspace, split)
            }
            let top = workspace.layers[c.layers - 1].hidden + lookback * batchSize * h
            LinearHead(configuration: c, layout: layout)
                .forward(parameters: p, lastHidden: top, extra: headInputs.isEmpty ? nil : headInputs.baseAddress,
                         batch: batchSize, predictions: output.baseAddress!)
        }
    }

    /// The forecast (O values) from one window of L × D values, row-major, and its E head inputs.
    /// - Throws: `RecurrentNetworkError.windowSizeMismatch` when the window is not a whole
    ///   number of steps or is longer than the workspace allows, or the head inputs are not E values.
    public func predict(window: [Float], headInputs: [Float] = [], workspace: PredictionWorkspace) throws -> [Float] {
        try predict(windows: window, headInputs: headInputs, batchSize: 1, workspace: workspace)
    }

    /// The forecast (O values) from one window of L × D values, with a workspace made for it.
    public func predict(window: [Float]) throws -> [Float] {
        let lookback = window.count / configuration.inputSize
        guard lookback > 0 else {
            throw RecurrentNetworkError.windowSizeMismatch(expected: configuration.inputSize, actual: window.count)
        }
        return try predict(window: window, workspace: PredictionWorkspace(configuration: configuration, lookback: lookback))
    }

    /// Forecasts (B × O values) from B windows of L × D values each, row-major, and B × E head inputs.
    public func predict(windows: [Float], headInputs: [Float] = [], batchSize: Int,
                        workspace: PredictionWorkspace) throws -> [Float] {
        let d = configuration.inputSize
        let lookback = batchSize > 0 ? windows.count / (batchSize * d) : 0
        guard batchSize > 0, batchSize <= workspace.maxBatch, lookback > 0, lookback <= workspace.lookback,
              windows.count == batchSize * lookback * d else {
            throw RecurrentNetworkError.windowSizeMismatch(
                expected: Swift.max(batchSize, 1) * workspace.lookback * d, actual: windows.count)
        }
        guard headInputs.count == batchSize * configuration.headInputs else {
            throw RecurrentNetworkError.headInputCountMismatch(expected: batchSize * configuration.headInputs,
                                                               actual: headInputs.count)
        }
        var output = [Float](repeating: 0, count: batchSize * configuration.outputs)
        windows.withUnsafeBufferPointer { w in
            headInputs.withUnsafeBufferPointer { e in
                output.withUnsafeMutableBufferPointer { o in
                    predict(windows: w, headInputs: e, batchSize: batchSize, lookback: lookback, workspace: workspace, into: o)
                }
            }
        }
        return output
    }

    private func predictStack<Cell: RecurrentCell>(
        _: Cell.Type, _ p: UnsafePointer<Float>, _ input: UnsafePointer<Float>,
        _ batch: Int, _ steps: Int, _ ws: PredictionWorkspace
    ) {
        // Layers are made in place rather than collected in an array: no allocation per forecast.
        func layer(_ k: Int) -> RecurrentLayer<Cell> { RecurrentLayer<Cell>(configuration: configuration, layout: layout, layer: k) }
        // The weights stay packed in the workspace from one forecast to the next until the
        // parameters change: live forecasting packs once, not at every call.
        let packing: RecurrentLayer<Cell>.Packing = PackedRecurrentProduct.isAvailable ? .packedAlready : .none
        if PackedRecurrentProduct.isAvailable && ws.packedStamp != parameterStamp {
            for k in 0..<configuration.layers { layer(k).packForward(parameters: p, buffers: ws.layers[k]) }
            ws.packedStamp = parameterStamp
        }
        var layerInput = input
        for k in 0..<configuration.layers {
            layer(k).forward(parameters: p, inputs: layerInput, batch: batch, steps: steps, buffers: ws.layers[k], packing: packing)
            layerInput = UnsafePointer(ws.layers[k].hidden + batch * configuration.hiddenSize)
        }
    }

    /// One window's forecast through every layer, each layer's units shared between two cores
    /// that meet after every step (see `SplitPrediction`).
    private func predictSplit<Cell: RecurrentCell>(
        _: Cell.Type, _ p: UnsafePointer<Float>, _ input: UnsafePointer<Float>,
        _ steps: Int, _ ws: PredictionWorkspace, _ split: SplitPrediction
    ) {
        func layer(_ k: Int) -> RecurrentLayer<Cell> { RecurrentLayer<Cell>(configuration: configuration, layout: layout, layer: k) }
        if split.packedStamp != parameterStamp {
            for k in 0..<configuration.layers {
                for share in split.parts { layer(k).packSplit(parameters: p, part: share[k]) }
            }
            split.packedStamp = parameterStamp
        }
        let h = configuration.hiddenSize, layers = configuration.layers
        for k in 0..<layers { ws.layers[k].hidden.update(repeating: 0, count: h) }
        let hidden = ws.layers.map(\.hidden)
        let stack = (0..<layers).map(layer)
        let inputSize = configuration.inputSize
        split.partner.run { part in
            let other = 1 - part
            var finished = 0
            for k in 0..<layers {
                let x = k == 0 ? input : UnsafePointer(hidden[k - 1] + h)
                let width = k == 0 ? inputSize : h
                for t in 0..<steps {
                    // h_{t−1}, and for a layer's first step the whole layer below, are complete.
                    if finished > 0 { split.partner.wait(part: other, steps: finished) }
                    stack[k].forecastSplitStep(t: t, input: x + t * width, previousHidden: hidden[k] + t * h,
                                               output: hidden[k] + (t + 1) * h, part: split.parts[part][k])
                    finished += 1
                    split.partner.publish(part: part, steps: finished)
                }
            }
        }
    }
}
