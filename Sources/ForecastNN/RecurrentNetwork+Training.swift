/// Forward with caches and backpropagation through time, for training.
extension RecurrentNetwork {
    /// Runs a batch of windows through the network, keeping what `backward` needs.
    /// Predictions (B × O) are left in `workspace.predictions`.
    ///
    /// - Parameters:
    ///   - inputs: B × L × D values, row-major (window b, step t, feature d at (b·L + t)·D + d).
    ///   - batchSize: B, at most the workspace's `maxBatch`.
    ///   - lookback: L, at most the workspace's `lookback`.
    ///   - workspace: made for this configuration; receives the caches and the predictions.
    ///   - training: applies dropout between layers when the configuration asks for it.
    ///   - dropoutGenerator: draws the dropout masks; required when training with dropout
    ///     and more than one layer, untouched otherwise.
    ///   - headInputs: B × E values the head reads beside the last hidden state (the workspace
    ///     keeps a copy for backward); empty when the configuration's `headInputs` is 0.
    public func forward(
        inputs: UnsafeBufferPointer<Float>, headInputs: UnsafeBufferPointer<Float> = .init(start: nil, count: 0),
        batchSize: Int, lookback: Int,
        workspace: NetworkWorkspace, training: Bool, dropoutGenerator: inout SeededGenerator?
    ) {
        let c = configuration
        precondition(workspace.configuration == c, "RecurrentNetwork.forward: workspace was made for another configuration")
        precondition(batchSize > 0 && batchSize <= workspace.maxBatch,
                     "RecurrentNetwork.forward: batch size \(batchSize) outside 1...\(workspace.maxBatch)")
        precondition(lookback > 0 && lookback <= workspace.lookback,
                     "RecurrentNetwork.forward: lookback \(lookback) outside 1...\(workspace.lookback)")
        precondition(inputs.count == batchSize * lookback * c.inputSize,
                     "RecurrentNetwork.forward: \(inputs.count) inputs for B=\(batchSize) L=\(lookback) D=\(c.inputSize)")
        precondition(headInputs.count == batchSize * c.headInputs,
                     "RecurrentNetwork.forward: \(headInputs.count) head inputs for B=\(batchSize) E=\(c.headInputs)")
        let useDropout = training && c.dropout > 0 && c.layers > 1
        precondition(!useDropout || dropoutGenerator != nil,
                     "RecurrentNetwork.forward: training with dropout needs a dropout generator")
        workspace.batchSize = batchSize
        workspace.steps = lookback
        workspace.usedDropout = useDropout
        workspace.hasForwardCaches = true
        NetworkWorkspace.resize(&workspace.predictions, to: batchSize * c.outputs)
        NetworkWorkspace.resize(&workspace.headInputs, to: batchSize * c.headInputs)
        if let source = headInputs.baseAddress, !headInputs.isEmpty {
            workspace.headInputs.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: source, count: headInputs.count) }
        }

        parameters.withUnsafeBufferPointer { parameterBuffer in
            let p = parameterBuffer.baseAddress!
            switch c.cell {
            case .rnn: runForward(ElmanCell.self, p, inputs, batchSize, lookback, workspace, useDropout, &dropoutGenerator)
            case .lstm: runForward(LSTMCell.self, p, inputs, batchSize, lookback, workspace, useDropout, &dropoutGenerator)
            case .gru: runForward(GRUCell.self, p, inputs, batchSize, lookback, workspace, useDropout, &dropoutGenerator)
            }
        }
    }

    /// Array-taking convenience for `forward(inputs:…)`; returns the B × O predictions.
    @discardableResult
    public func forward(
        inputs: [Float], headInputs: [Float] = [], batchSize: Int, lookback: Int, workspace: NetworkWorkspace,
        training: Bool = false, dropoutGenerator: inout SeededGenerator?
    ) -> [Float] {
        inputs.withUnsafeBufferPointer { inputBuffer in
            headInputs.withUnsafeBufferPointer { headBuffer in
                forward(inputs: inputBuffer, headInputs: headBuffer, batchSize: batchSize, lookback: lookback,
                        workspace: workspace, training: training, dropoutGenerator: &dropoutGenerator)
            }
        }
        return workspace.predictions
    }

    /// Array-taking convenience without dropout (inference, or training a one-layer network).
    @discardableResult
    public func forward(inputs: [Float], headInputs: [Float] = [], batchSize: Int, lookback: Int,
                        workspace: NetworkWorkspace) -> [Float] {
        var none: SeededGenerator? = nil
        return forward(inputs: inputs, headInputs: headInputs, batchSize: batchSize, lookback: lookback,
                       workspace: workspace, training: false, dropoutGenerator: &none)
    }

    /// Backpropagates dL/d(predictions) of the last `forward` through the head and every layer.
    /// ADDS the parameter gradients to `workspace.gradients` and writes `workspace.dInputs` (B × L × D).
    ///
    /// - Parameters:
    ///   - dPredictions: B × O, with B the batch of the last forward.
    ///   - workspace: the workspace that last forward used.
    public func backward(dPredictions: UnsafeBufferPointer<Float>, workspace: NetworkWorkspace) {
        let c = configuration
        precondition(workspace.hasForwardCaches, "RecurrentNetwork.backward: run forward with this workspace first")
        precondition(workspace.configuration == c, "RecurrentNetwork.backward: workspace was made for another configuration")
        precondition(dPredictions.count == workspace.batchSize * c.outputs,
                     "RecurrentNetwork.backward: \(dPredictions.count) gradients for B=\(workspace.batchSize) O=\(c.outputs)")
        NetworkWorkspace.resize(&workspace.dInputs, to: workspace.batchSize * workspace.steps * c.inputSize)
        parameters.withUnsafeBufferPointer { parameterBuffer in
            let p = parameterBuffer.baseAddress!
            let dY = dPredictions.baseAddress!
            switch c.cell {
            case .rnn: runBackward(ElmanCell.self, p, dY, workspace)
            case .lstm: runBackward(LSTMCell.self, p, dY, workspace)
            case .gru: runBackward(GRUCell.self, p, dY, workspace)
            }
        }
    }

    /// Array-taking convenience for `backward(dPredictions:…)`.
    public func backward(dPredictions: [Float], workspace: NetworkWorkspace) {
        dPredictions.withUnsafeBufferPointer { backward(dPredictions: $0, workspace: workspace) }
    }

    // MARK: The stack, generic over the cell

    private func runForward<Cell: RecurrentCell>(
        _: Cell.Type, _ p: UnsafePointer<Float>, _ inputs: UnsafeBufferPointer<Float>,
        _ batch: Int, _ steps: Int, _ ws: NetworkWorkspace, _ useDropout: Bool,
        _ generator: inout SeededGenerator?
    ) {
        let c = configuration, h = c.hiddenSize, d = c.inputSize
        // B × L × D (batch-major, as windows arrive) → L × B × D (time-major, one block per step).
        transpose(inputs.baseAddress!, into: ws.layerInputs[0], outer: batch, inner: steps, width: d)
        let dropout = Dropout(probability: c.dropout)
        for k in 0..<c.layers {
            let layer = RecurrentLayer<Cell>(configuration: c, layout: layout, layer: k)
            let layerInput = layerInputPointer(k, batch: batch, workspace: ws, useDropout: useDropout)
            if k > 0 && useDropout {
                dropout.forward(input: ws.forwardBuffers[k - 1].hidden + batch * h, output: ws.layerInputs[k],
                                mask: ws.dropoutMasks[k], count: steps * batch * h, generator: &generator!)
            }
            layer.forward(parameters: p, inputs: layerInput, batch: batch, steps: steps, buffers: ws.forwardBuffers[k])
        }
        let top = ws.forwardBuffers[c.layers - 1].hidden + steps * batch * h
        ws.headInputs.withUnsafeBufferPointer { extra in
            ws.predictions.withUnsafeMutableBufferPointer { predictions in
                LinearHead(configuration: c, layout: layout)
                    .forward(parameters: p, lastHidden: top, extra: extra.isEmpty ? nil : extra.baseAddress,
                             batch: batch, predictions: predictions.baseAddress!)
            }
        }
    }

    private func runBackward<Cell: RecurrentCell>(
        _: Cell.Type, _ p: UnsafePointer<Float>, _ dPredictions: UnsafePointer<Float>, _ ws: NetworkWorkspace
    ) {
        let c = configuration, h = c.hiddenSize, batch = ws.batchSize, steps = ws.steps
        let top = c.layers - 1
        let dropout = Dropout(probability: c.dropout)
        ws.gradients.withUnsafeMutableBufferPointer { gradientBuffer in
            let g = gradientBuffer.baseAddress!
            ws.headInputs.withUnsafeBufferPointer { extra in
                LinearHead(configuration: c, layout: layout).backward(
                    parameters: p, gradients: g, lastHidden: ws.forwardBuffers[top].hidden + steps * batch * h,
                    extra: extra.isEmpty ? nil : extra.baseAddress, batch: batch, dPredictions: dPredictions,
                    dLastHidden: ws.dLastHidden)
            }
            for k in stride(from: top, through: 0, by: -1) {
                let layer = RecurrentLayer<Cell>(configuration: c, layout: layout, layer: k)
                layer.backward(
                    parameters: p, gradients: g,
                    inputs: layerInputPointer(k, batch: batch, workspace: ws, useDropout: ws.usedDropout),
                    batch: batch, steps: steps,
                    forwardBuffers: ws.forwardBuffers[k], backwardBuffers: ws.backwardBuffers[k],
                    dOutputs: k == top ? nil : UnsafePointer(ws.layerDInputs[k + 1]),
                    dLastHidden: k == top ? UnsafePointer(ws.dLastHidden) : nil,
                    dInputs: ws.layerDInputs[k])
                if k > 0 && ws.usedDropout {
                    dropout.backward(gradient: ws.layerDInputs[k], mask: ws.dropoutMasks[k], count: steps * batch * h)
                }
            }
        }
        // L × B × D → B × L × D.
        ws.dInputs.withUnsafeMutableBufferPointer { dInputs in
            transpose(ws.layerDInputs[0], into: dInputs.baseAddress!, outer: steps, inner: batch, width: c.inputSize)
        }
    }

    /// Layer k's time-major input: the transposed window, the dropped-out outputs of the
    /// layer below, or those outputs themselves.
    private func layerInputPointer(_ k: Int, batch: Int, workspace ws: NetworkWorkspace, useDropout: Bool) -> UnsafePointer<Float> {
        if k == 0 || useDropout { return UnsafePointer(ws.layerInputs[k]) }
        return UnsafePointer(ws.forwardBuffers[k - 1].hidden + batch * configuration.hiddenSize)
    }
}

/// Swaps the two leading axes of an outer × inner × width array: element (i, j, ·) goes to (j, i, ·).
func transpose(_ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>,
               outer: Int, inner: Int, width: Int) {
    if width == 1 {
        // One feature (the common univariate case): element moves, not tiny copies.
        for i in 0..<outer {
            for j in 0..<inner { destination[j * outer + i] = source[i * inner + j] }
        }
        return
    }
    for i in 0..<outer {
        for j in 0..<inner {
            (destination + (j * outer + i) * width).update(from: source + (i * inner + j) * width, count: width)
        }
    }
}
