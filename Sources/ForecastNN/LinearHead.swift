/// PyTorch `nn.Linear(H + E, O)` on the last step's output of the top layer, concatenated with E
/// head inputs (none for a plain head):
/// predictions (B × O) = [h_{L−1} | e] (B × (H + E)) · Wᵀ ((H + E) × O) + b.
///
/// The weight's rows are H + E wide, so the hidden part and the head-input part are two products
/// over column blocks of the same matrix, with no concatenated copy.
struct LinearHead {
    let hiddenSize: Int
    let extraInputs: Int
    let outputs: Int
    let weightOffset: Int
    let biasOffset: Int

    init(configuration: NetworkConfiguration, layout: NetworkLayout) {
        hiddenSize = configuration.hiddenSize
        extraInputs = configuration.headInputs
        outputs = configuration.outputs
        (weightOffset, biasOffset) = layout.headOffsets
    }

    /// The row stride of the weight: H + E.
    private var rowWidth: Int { hiddenSize + extraInputs }

    /// - Parameter extra: B × E head inputs, or nil when E = 0.
    func forward(parameters: UnsafePointer<Float>, lastHidden: UnsafePointer<Float>, extra: UnsafePointer<Float>?,
                 batch: Int, predictions: UnsafeMutablePointer<Float>) {
        precondition(extraInputs == 0 || extra != nil, "LinearHead: the head reads \(extraInputs) extra inputs but none were given")
        // y = b + h·W_hᵀ
        for row in 0..<batch {
            (predictions + row * outputs).update(from: parameters + biasOffset, count: outputs)
        }
        BLAS.gemm(transposeA: false, transposeB: true, m: batch, n: outputs, k: hiddenSize,
                  a: lastHidden, lda: hiddenSize, b: parameters + weightOffset, ldb: rowWidth,
                  beta: 1, c: predictions, ldc: outputs)
        // y += e·W_eᵀ
        if extraInputs > 0, let extra {
            BLAS.gemm(transposeA: false, transposeB: true, m: batch, n: outputs, k: extraInputs,
                      a: extra, lda: extraInputs, b: parameters + weightOffset + hiddenSize, ldb: rowWidth,
                      beta: 1, c: predictions, ldc: outputs)
        }
    }

    func backward(parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>,
                  lastHidden: UnsafePointer<Float>, extra: UnsafePointer<Float>?, batch: Int,
                  dPredictions: UnsafePointer<Float>, dLastHidden: UnsafeMutablePointer<Float>) {
        // dW_h += dyᵀ · h
        BLAS.gemm(transposeA: true, transposeB: false, m: outputs, n: hiddenSize, k: batch,
                  a: dPredictions, lda: outputs, b: lastHidden, ldb: hiddenSize,
                  beta: 1, c: gradients + weightOffset, ldc: rowWidth)
        // dW_e += dyᵀ · e (the head inputs are data: no gradient flows back into them)
        if extraInputs > 0, let extra {
            BLAS.gemm(transposeA: true, transposeB: false, m: outputs, n: extraInputs, k: batch,
                      a: dPredictions, lda: outputs, b: extra, ldb: extraInputs,
                      beta: 1, c: gradients + weightOffset + hiddenSize, ldc: rowWidth)
        }
        // db += Σ rows of dy
        BLAS.addColumnSums(m: batch, n: outputs, a: dPredictions, lda: outputs, into: gradients + biasOffset)
        // dh = dy · W_h
        BLAS.gemm(transposeA: false, transposeB: false, m: batch, n: hiddenSize, k: outputs,
                  a: dPredictions, lda: outputs, b: parameters + weightOffset, ldb: rowWidth,
                  beta: 0, c: dLastHidden, ldc: hiddenSize)
    }
}
