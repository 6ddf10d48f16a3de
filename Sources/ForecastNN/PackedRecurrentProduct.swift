import CForecastKernels

/// The recurrent step's products with the weights packed once per sequence instead of once
/// per step: x_t·W_ihᵀ + biases and h_{t−1}·W_hhᵀ forward, dA·W_hh backward.
///
/// These products are small (B rows, B = 32 for each half of a 64-window batch) and repeated L
/// times with the same weights; BLAS repacks the weights on every call, which at B = 32,
/// H = 128 left it at 75 GFLOP/s where the packed kernel reaches 110 (OpenBLAS's AVX-512
/// kernels, one core, measured here). Working step by step also keeps the pre-activations of
/// one step in cache instead of those of all L steps. `CForecastKernels` packs and runs an
/// AVX-512 kernel; on other CPUs, and for batches too small to repay the packing, the layer
/// keeps to BLAS.
enum PackedRecurrentProduct {
    /// Decided once per process (AVX-512 present, not turned off with FORECAST_KERNELS).
    static let isAvailable: Bool = forecast_packed_product_available()

    /// Batches below this go through BLAS: with one row (live forecasting) a matrix-vector
    /// product needs no packing at all.
    static let minimumRows = 8

    /// Whether a layer pass over `batch` rows and `steps` steps uses the packed product.
    static func applies(batch: Int, steps: Int) -> Bool {
        isAvailable && batch >= minimumRows && steps > 1
    }

    /// Floats a packed copy of a k × n operand takes.
    static func packedCount(k: Int, n: Int) -> Int { Int(forecast_packed_size(Int64(k), Int64(n))) }

    /// Packs B (k × n as it enters C = A·B), stored row-major as k × n, or as n × k when
    /// `transposed`.
    static func pack(k: Int, n: Int, b: UnsafePointer<Float>, ldb: Int, transposed: Bool, into packed: UnsafeMutablePointer<Float>) {
        forecast_pack(Int64(k), Int64(n), b, Int64(ldb), transposed, packed)
    }

    /// C (m × n) = A (m × k) · B + beta · C with B packed by `pack`, beta 0 or 1; with `bias`
    /// (n floats), C = A · B + bias on every row.
    static func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>,
                         beta: Float = 0, bias: UnsafePointer<Float>? = nil, c: UnsafeMutablePointer<Float>, ldc: Int) {
        precondition(beta == 0 || beta == 1, "PackedRecurrentProduct.multiply: beta must be 0 or 1")
        forecast_gemm_packed(Int64(m), Int64(n), Int64(k), a, Int64(lda), packed, beta, bias, c, Int64(ldc))
    }

    /// C (m × n) = A1 (m × k1) · B1 + A2 (m × k2) · B2 + bias, both B packed by `pack`: a folding
    /// cell's input and hidden products in one pass.
    static func multiplyPair(m: Int, n: Int, k1: Int, a1: UnsafePointer<Float>, lda1: Int, packed1: UnsafePointer<Float>,
                             k2: Int, a2: UnsafePointer<Float>, lda2: Int, packed2: UnsafePointer<Float>,
                             bias: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int) {
        forecast_gemm_packed_pair(Int64(m), Int64(n), Int64(k1), a1, Int64(lda1), packed1,
                                  Int64(k2), a2, Int64(lda2), packed2, bias, c, Int64(ldc))
    }
}

/// Where one layer keeps its packed weights: W_ihᵀ, W_hh (packed as W_hhᵀ forward and as W_hh
/// backward, one after the other in the same space) and the bias the input product adds.
struct PackedLayerWeights {
    let input: UnsafeMutablePointer<Float>
    let hidden: UnsafeMutablePointer<Float>
    let bias: UnsafeMutablePointer<Float>

    /// Floats the scratch takes for a layer with `inputSize` inputs, `hidden` units and
    /// `gateCount` gates (0 when the packed product is not available).
    static func count(inputSize: Int, hidden: Int, gateCount: Int) -> Int {
        guard PackedRecurrentProduct.isAvailable else { return 0 }
        let gates = gateCount * hidden
        return PackedRecurrentProduct.packedCount(k: inputSize, n: gates)
            + max(PackedRecurrentProduct.packedCount(k: hidden, n: gates), PackedRecurrentProduct.packedCount(k: gates, n: hidden))
            + gates
    }

    init(scratch: UnsafeMutablePointer<Float>, inputSize: Int, hidden: Int, gateCount: Int) {
        let gates = gateCount * hidden
        input = scratch
        self.hidden = scratch + PackedRecurrentProduct.packedCount(k: inputSize, n: gates)
        bias = self.hidden + max(PackedRecurrentProduct.packedCount(k: hidden, n: gates),
                                 PackedRecurrentProduct.packedCount(k: gates, n: hidden))
    }
}
