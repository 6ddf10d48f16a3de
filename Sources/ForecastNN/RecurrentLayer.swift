/// Scratch one layer needs for a forward pass, carved out of a workspace.
/// All sequences are time-major: row t·B + b holds batch row b at step t.
struct LayerForwardBuffers {
    /// L·B × G·H: x_t·W_ihᵀ + biases for every step, from one GEMM (plus h_{t−1}·W_hhᵀ for
    /// cells that fold, added step by step).
    var inputProjection: UnsafeMutablePointer<Float>
    /// `slots`·B × G·H: h_{t−1}·W_hhᵀ + b_hh, one block per step, for cells that do not fold
    /// (GRU); folding cells have it summed into the input projection and leave this unused.
    var hiddenProjection: UnsafeMutablePointer<Float>
    /// `slots`·B × cacheWidth: what each step keeps for backward (or for the next step).
    var cache: UnsafeMutablePointer<Float>
    /// (L+1)·B × H: h_{−1} = 0, then h_0 … h_{L−1}.
    var hidden: UnsafeMutablePointer<Float>
    /// How many steps of hidden projection and cache are kept: L for training, 2 for inference.
    var slots: Int
    /// `PackedLayerWeights.count` floats for the weights packed once per pass (unused when the
    /// packed product does not apply).
    var packedWeights: UnsafeMutablePointer<Float>
}

/// Scratch one layer needs for its backward pass.
struct LayerBackwardBuffers {
    /// L·B × G·H: dL/d(input pre-activations) for every step, kept for the weight GEMMs.
    var dInputPreactivation: UnsafeMutablePointer<Float>
    /// L·B × G·H: dL/d(hidden pre-activations); aliases `dInputPreactivation` when the cell folds.
    var dHiddenPreactivation: UnsafeMutablePointer<Float>
    /// B × H ×2 ping-pong for dL/dh_t and dL/dh_{t−1}, B × H for dL/dc.
    var dHiddenA: UnsafeMutablePointer<Float>
    var dHiddenB: UnsafeMutablePointer<Float>
    var dCarry: UnsafeMutablePointer<Float>
}

/// One recurrent layer: where its tensors sit in the flat parameter buffer, and the unrolling
/// of `Cell` over L steps. All of RNN, LSTM and GRU go through this one sequence code.
struct RecurrentLayer<Cell: RecurrentCell> {
    /// D_k.
    let inputSize: Int
    /// H.
    let hiddenSize: Int
    let weightInputOffset: Int
    let weightHiddenOffset: Int
    let biasInputOffset: Int
    let biasHiddenOffset: Int

    /// G·H.
    var gateWidth: Int { Cell.gateCount * hiddenSize }

    init(configuration: NetworkConfiguration, layout: NetworkLayout, layer k: Int) {
        inputSize = configuration.inputSize(ofLayer: k)
        hiddenSize = configuration.hiddenSize
        (weightInputOffset, weightHiddenOffset, biasInputOffset, biasHiddenOffset) = layout.layerOffsets(k)
    }

    /// How `forward` gets its products: through BLAS, through weights it packs itself when the
    /// packed product pays (`PackedRecurrentProduct.applies`), or through weights packed before.
    enum Packing {
        case none
        case packEachPass
        case packedAlready
    }

    /// The biases the input projection carries: b_ih, and b_hh too for cells that fold.
    func writeInputBias(parameters: UnsafePointer<Float>, into row: UnsafeMutablePointer<Float>) {
        let bIH = parameters + biasInputOffset, bHH = parameters + biasHiddenOffset
        if Cell.foldsHiddenBias {
            for j in 0..<gateWidth { row[j] = bIH[j] + bHH[j] }
        } else {
            row.update(from: bIH, count: gateWidth)
        }
    }

    /// Packs W_ihᵀ, W_hhᵀ and the input bias into `buffers.packedWeights` for `forward`.
    func packForward(parameters: UnsafePointer<Float>, buffers: LayerForwardBuffers) {
        let weights = PackedLayerWeights(scratch: buffers.packedWeights, inputSize: inputSize, hidden: hiddenSize, gateCount: Cell.gateCount)
        PackedRecurrentProduct.pack(k: inputSize, n: gateWidth, b: parameters + weightInputOffset, ldb: inputSize,
                                    transposed: true, into: weights.input)
        PackedRecurrentProduct.pack(k: hiddenSize, n: gateWidth, b: parameters + weightHiddenOffset, ldb: hiddenSize,
                                    transposed: true, into: weights.hidden)
        writeInputBias(parameters: parameters, into: weights.bias)
    }

    /// Runs the layer over `inputs` (L·B × D_k, time-major), leaving h_0 … h_{L−1} in
    /// `buffers.hidden` rows B … (L+1)·B.
    func forward(
        parameters: UnsafePointer<Float>, inputs: UnsafePointer<Float>,
        batch: Int, steps: Int, buffers: LayerForwardBuffers, packing: Packing = .packEachPass
    ) {
        let h = hiddenSize, gw = gateWidth, rows = batch * steps
        let wIH = parameters + weightInputOffset, wHH = parameters + weightHiddenOffset
        let bHH = parameters + biasHiddenOffset
        let cacheStride = batch * Cell.cacheWidth(hidden: h)

        let packed: Bool
        switch packing {
        case .none: packed = false
        case .packEachPass: packed = PackedRecurrentProduct.applies(batch: batch, steps: steps)
        case .packedAlready: packed = true
        }
        let weights = PackedLayerWeights(scratch: buffers.packedWeights, inputSize: inputSize, hidden: h, gateCount: Cell.gateCount)
        if packed {
            // Step by step below, with both weight matrices packed once for all steps.
            if packing == .packEachPass { packForward(parameters: parameters, buffers: buffers) }
        } else {
            // Input projections for all steps at once: (L·B × D_k)·W_ihᵀ + biases. The bias goes
            // into the first row, then is copied down, so the GEMM can accumulate onto it.
            let firstRow = buffers.inputProjection
            writeInputBias(parameters: parameters, into: firstRow)
            for row in 1..<max(rows, 1) {
                (firstRow + row * gw).update(from: firstRow, count: gw)
            }
            BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: gw, k: inputSize,
                      a: inputs, lda: inputSize, b: wIH, ldb: inputSize,
                      beta: 1, c: buffers.inputProjection, ldc: gw)
        }

        buffers.hidden.update(repeating: 0, count: batch * h)
        /// c = h_{t−1}·W_hhᵀ + (c, or b_hh when `bias` is given).
        func addHiddenProduct(_ previousHidden: UnsafePointer<Float>, bias: UnsafePointer<Float>?, into c: UnsafeMutablePointer<Float>) {
            if packed {
                PackedRecurrentProduct.multiply(m: batch, n: gw, k: h, a: previousHidden, lda: h, packed: weights.hidden,
                                                beta: 1, bias: bias, c: c, ldc: gw)
            } else {
                if let bias { for row in 0..<batch { (c + row * gw).update(from: bias, count: gw) } }
                BLAS.gemm(transposeA: false, transposeB: true, m: batch, n: gw, k: h,
                          a: previousHidden, lda: h, b: wHH, ldb: h, beta: 1, c: c, ldc: gw)
            }
        }
        for t in 0..<steps {
            let slot = t % buffers.slots
            let previousHidden = buffers.hidden + t * batch * h
            // Computed step by step, the pre-activations of every step share one block, which
            // stays in cache (no cell's backward reads them); from one GEMM, each has its own.
            let inputProjection = buffers.inputProjection + (packed ? 0 : t * batch * gw)
            let hiddenProjection = buffers.hiddenProjection + (Cell.foldsHiddenBias ? 0 : slot * batch * gw)
            // h_{t−1}·W_hhᵀ; h_{−1} = 0, so step 0 needs no product. Folding cells take it summed
            // into the input projection; the others get it apart, with b_hh, in the hidden projection.
            if packed {
                // x_t·W_ihᵀ + biases, with h_{t−1}·W_hhᵀ in the same pass for folding cells.
                let x = inputs + t * batch * inputSize
                if Cell.foldsHiddenBias && t > 0 {
                    PackedRecurrentProduct.multiplyPair(
                        m: batch, n: gw, k1: inputSize, a1: x, lda1: inputSize, packed1: weights.input,
                        k2: h, a2: previousHidden, lda2: h, packed2: weights.hidden, bias: weights.bias, c: inputProjection, ldc: gw)
                } else {
                    PackedRecurrentProduct.multiply(m: batch, n: gw, k: inputSize, a: x, lda: inputSize,
                                                    packed: weights.input, bias: weights.bias, c: inputProjection, ldc: gw)
                }
            }
            if Cell.foldsHiddenBias {
                if t > 0 && !packed { addHiddenProduct(previousHidden, bias: nil, into: inputProjection) }
            } else if t > 0 {
                addHiddenProduct(previousHidden, bias: bHH, into: hiddenProjection)
            } else {
                for row in 0..<batch { (hiddenProjection + row * gw).update(from: bHH, count: gw) }
            }
            let previousSlot = (t - 1) % buffers.slots
            Cell.forward(CellStep(
                batch: batch, hidden: h,
                inputProjection: inputProjection,
                hiddenProjection: hiddenProjection,
                previousHidden: previousHidden,
                previousCache: t == 0 ? nil : UnsafePointer(buffers.cache + previousSlot * cacheStride),
                cache: buffers.cache + slot * cacheStride,
                output: buffers.hidden + (t + 1) * batch * h,
                recordsForBackward: buffers.slots >= steps))
        }
    }

    /// Backpropagation through time over the steps of the last `forward` (which must have kept
    /// all L slots). Adds parameter gradients into `gradients` and writes dL/d(inputs) to
    /// `dInputs` (L·B × D_k, time-major).
    ///
    /// - Parameters:
    ///   - dOutputs: L·B × H gradient reaching each h_t from the layer above, or nil.
    ///   - dLastHidden: B × H gradient reaching h_{L−1} from the head, or nil.
    func backward(
        parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>,
        inputs: UnsafePointer<Float>, batch: Int, steps: Int,
        forwardBuffers f: LayerForwardBuffers, backwardBuffers b: LayerBackwardBuffers,
        dOutputs: UnsafePointer<Float>?, dLastHidden: UnsafePointer<Float>?,
        dInputs: UnsafeMutablePointer<Float>
    ) {
        precondition(f.slots >= steps, "RecurrentLayer.backward needs the caches of every step")
        let h = hiddenSize, gw = gateWidth, rows = batch * steps, block = batch * h
        let wIH = parameters + weightInputOffset, wHH = parameters + weightHiddenOffset
        let cacheStride = batch * Cell.cacheWidth(hidden: h)

        var dHidden = b.dHiddenA
        var dPrevious = b.dHiddenB
        if let dLastHidden { dHidden.update(from: dLastHidden, count: block) } else { dHidden.update(repeating: 0, count: block) }
        if Cell.hasCarry { b.dCarry.update(repeating: 0, count: block) }
        let packed = PackedRecurrentProduct.applies(batch: batch, steps: steps)
        let packedHidden = PackedLayerWeights(scratch: f.packedWeights, inputSize: inputSize, hidden: h, gateCount: Cell.gateCount).hidden
        if packed {
            PackedRecurrentProduct.pack(k: gw, n: h, b: wHH, ldb: h, transposed: false, into: packedHidden)
        }

        for t in stride(from: steps - 1, through: 0, by: -1) {
            // dL/dh_t = (from step t+1, already in dHidden) + (from the layer above).
            if let dOutputs {
                let above = dOutputs + t * block
                for i in 0..<block { dHidden[i] += above[i] }
            }
            let dIn = b.dInputPreactivation + t * batch * gw
            let dHid = b.dHiddenPreactivation + t * batch * gw
            Cell.backward(
                CellStep(
                    batch: batch, hidden: h,
                    inputProjection: f.inputProjection + t * batch * gw,
                    hiddenProjection: f.hiddenProjection + (Cell.foldsHiddenBias ? 0 : t * batch * gw),
                    previousHidden: f.hidden + t * block,
                    previousCache: t == 0 ? nil : UnsafePointer(f.cache + (t - 1) * cacheStride),
                    cache: f.cache + t * cacheStride,
                    output: f.hidden + (t + 1) * block, recordsForBackward: true),
                CellStepGradients(
                    dOutput: dHidden, dCarry: b.dCarry,
                    dInputPreactivation: dIn, dHiddenPreactivation: dHid,
                    dPreviousHiddenDirect: dPrevious))
            if t > 0 {
                // dh_{t−1} = (direct path) + dA_hid·W_hh
                let beta: Float = Cell.hasDirectHiddenPath ? 1 : 0
                if packed {
                    PackedRecurrentProduct.multiply(m: batch, n: h, k: gw, a: dHid, lda: gw,
                                                    packed: packedHidden, beta: beta, c: dPrevious, ldc: h)
                } else {
                    BLAS.gemm(transposeA: false, transposeB: false, m: batch, n: h, k: gw,
                              a: dHid, lda: gw, b: wHH, ldb: h, beta: beta, c: dPrevious, ldc: h)
                }
            }
            swap(&dHidden, &dPrevious)
        }

        // Weight and bias gradients in single GEMMs over all steps.
        // dW_hh += Σ_t dA_hid,tᵀ · h_{t−1}  (step 0 has h_{−1} = 0 and is skipped)
        if steps > 1 {
            BLAS.gemm(transposeA: true, transposeB: false, m: gw, n: h, k: rows - batch,
                      a: b.dHiddenPreactivation + batch * gw, lda: gw, b: f.hidden + block, ldb: h,
                      beta: 1, c: gradients + weightHiddenOffset, ldc: h)
        }
        // dW_ih += Σ_t dA_in,tᵀ · x_t
        BLAS.gemm(transposeA: true, transposeB: false, m: gw, n: inputSize, k: rows,
                  a: b.dInputPreactivation, lda: gw, b: inputs, ldb: inputSize,
                  beta: 1, c: gradients + weightInputOffset, ldc: inputSize)
        // db_ih += Σ rows of dA_in;  db_hh += Σ rows of dA_hid
        BLAS.addColumnSums(m: rows, n: gw, a: b.dInputPreactivation, lda: gw, into: gradients + biasInputOffset)
        BLAS.addColumnSums(m: rows, n: gw, a: b.dHiddenPreactivation, lda: gw, into: gradients + biasHiddenOffset)
        // dx_t = dA_in,t · W_ih
        BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: inputSize, k: gw,
                  a: b.dInputPreactivation, lda: gw, b: wIH, ldb: inputSize,
                  beta: 0, c: dInputs, ldc: inputSize)
    }
}
