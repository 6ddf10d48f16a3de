/// PyTorch `nn.Linear(H, O)` on the last step's output of the top layer:
/// predictions (B × O) = h_{L−1} (B × H) · Wᵀ (H × O) + b.
struct LinearHead {
    let hiddenSize: Int
    let outputs: Int
    let weightOffset: Int
    let biasOffset: Int

    init(configuration: NetworkConfiguration, layout: NetworkLayout) {
        hiddenSize = configuration.hiddenSize
        outputs = configuration.outputs
        (weightOffset, biasOffset) = layout.headOffsets
    }

    func forward(parameters: UnsafePointer<Float>, lastHidden: UnsafePointer<Float>, batch: Int,
                 predictions: UnsafeMutablePointer<Float>) {
        // y = b + h·Wᵀ
        for row in 0..<batch {
            (predictions + row * outputs).update(from: parameters + biasOffset, count: outputs)
        }
        BLAS.gemm(transposeA: false, transposeB: true, m: batch, n: outputs, k: hiddenSize,
                  a: lastHidden, lda: hiddenSize, b: parameters + weightOffset, ldb: hiddenSize,
                  beta: 1, c: predictions, ldc: outputs)
    }

    func backward(parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>,
                  lastHidden: UnsafePointer<Float>, batch: Int, dPredictions: UnsafePointer<Float>,
                  dLastHidden: UnsafeMutablePointer<Float>) {
        // dW += dyᵀ · h
        BLAS.gemm(transposeA: true, transposeB: false, m: outputs, n: hiddenSize, k: batch,
                  a: dPredictions, lda: outputs, b: lastHidden, ldb: hiddenSize,
                  beta: 1, c: gradients + weightOffset, ldc: hiddenSize)
        // db += Σ rows of dy
        BLAS.addColumnSums(m: batch, n: outputs, a: dPredictions, lda: outputs, into: gradients + biasOffset)
        // dh = dy · W
        BLAS.gemm(transposeA: false, transposeB: false, m: batch, n: hiddenSize, k: outputs,
                  a: dPredictions, lda: outputs, b: parameters + weightOffset, ldb: hiddenSize,
                  beta: 0, c: dLastHidden, ldc: hiddenSize)
    }
}
