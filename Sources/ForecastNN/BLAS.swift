import CForecastKernels
#if canImport(Accelerate)
import Accelerate
#else
import COpenBLAS
#endif

/// The one place that calls CBLAS. Every matrix is row-major `Float`; shapes are given as the
/// shapes of the operands *after* the optional transposes, as in the BLAS reference.
enum BLAS {
    /// Opens OpenBLAS (choosing its kernels and keeping it single-threaded, see
    /// `OpenBLASLibrary`) before the first product; true once done.
    static let ready: Bool = {
        BLASBackend.load()
        return true
    }()

    /// C (m × n) = alpha · op(A) (m × k) · op(B) (k × n) + beta · C.
    ///
    /// `lda`, `ldb`, `ldc` are the row strides of A, B, C as stored (before transposing).
    /// When m == 1 (the batch-1 inference path) the product goes through `sgemv`: measured
    /// here about 2× faster than `sgemm` under OpenBLAS's generic kernels, equal under AVX-512.
    @inline(__always)
    static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            scale(c, rows: m, columns: n, stride: ldc, by: beta)
            return
        }
        if m == 1 && !transposeA && transposeB && useOwnMatrixVector {
            matrixVector(rows: n, columns: k, alpha: alpha, matrix: b, rowStride: ldb, vector: a, beta: beta, into: c)
            return
        }
        if m == 1 && !transposeA {
            // c (1 × n) = a (1 × k) · op(B): as a vector product, y = op(B)ᵀ · x.
            // op(B) = Bᵀ (B stored n × k) → y = B · x; op(B) = B (stored k × n) → y = Bᵀ · x.
            cblasSgemv(
                CblasRowMajor, transposeB ? CblasNoTrans : CblasTrans,
                Int32(transposeB ? n : k), Int32(transposeB ? k : n),
                alpha, b, Int32(ldb), a, 1, beta, c, 1)
            return
        }
        cblasSgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    #if canImport(Accelerate)
    private static let cblasSgemm = cblas_sgemm
    private static let cblasSgemv = cblas_sgemv
    #else
    /// The entry points of the OpenBLAS opened at first use.
    @inline(__always) private static var cblasSgemm: forecast_cblas_sgemm_function { OpenBLASLibrary.shared.sgemm }
    @inline(__always) private static var cblasSgemv: forecast_cblas_sgemv_function { OpenBLASLibrary.shared.sgemv }
    #endif

    /// Whether batch-1 products bypass OpenBLAS: only when it runs its generic kernels, where
    /// `matrixVector` measured 2–3× faster than its `sgemv` (1.0–2.1 µs against 3.2–4.6 µs for
    /// 192…256 × 64); under its AVX-512 kernels `sgemv` is about 20% faster than this SSE code.
    static let useOwnMatrixVector = BLASBackend.usesGenericKernels

    /// y (rows) = alpha · W (rows × columns, row stride `rowStride`) · x (columns) + beta · y.
    ///
    /// Four rows at a time with eight-lane accumulators, so W streams through once and x stays
    /// in registers; the leftover columns and rows are summed one by one.
    static func matrixVector(rows: Int, columns: Int, alpha: Float = 1, matrix w: UnsafePointer<Float>, rowStride: Int,
                             vector x: UnsafePointer<Float>, beta: Float, into y: UnsafeMutablePointer<Float>) {
        typealias Lane8 = SIMD8<Float>
        @inline(__always) func load(_ p: UnsafePointer<Float>) -> Lane8 { UnsafeRawPointer(p).loadUnaligned(as: Lane8.self) }
        @inline(__always) func finish(_ row: Int, _ sum: Float) {
            y[row] = beta == 0 ? alpha * sum : alpha * sum + beta * y[row]
        }
        let wholeColumns = columns & ~7
        var row = 0
        while row + 4 <= rows {
            let w0 = w + row * rowStride, w1 = w0 + rowStride, w2 = w1 + rowStride, w3 = w2 + rowStride
            var a0 = Lane8(), a1 = Lane8(), a2 = Lane8(), a3 = Lane8()
            var column = 0
            while column < wholeColumns {
                let xv = load(x + column)
                a0 += load(w0 + column) * xv
                a1 += load(w1 + column) * xv
                a2 += load(w2 + column) * xv
                a3 += load(w3 + column) * xv
                column += 8
            }
            var s0 = a0.sum(), s1 = a1.sum(), s2 = a2.sum(), s3 = a3.sum()
            for c in wholeColumns..<columns {
                s0 += w0[c] * x[c]; s1 += w1[c] * x[c]; s2 += w2[c] * x[c]; s3 += w3[c] * x[c]
            }
            finish(row, s0); finish(row + 1, s1); finish(row + 2, s2); finish(row + 3, s3)
            row += 4
        }
        while row < rows {
            let line = w + row * rowStride
            var sum: Float = 0
            for c in 0..<columns { sum += line[c] * x[c] }
            finish(row, sum)
            row += 1
        }
    }

    /// y (n) += Σ rows of A (m × n, row stride `lda`): the bias gradients.
    ///
    /// A vector loop (`CForecastKernels`, for the CPU's vector unit) rather than `sgemv` with a
    /// vector of ones: it streams A once and does not depend on which kernel OpenBLAS picked for
    /// the CPU (its generic fallback `sgemv_t` was measured at 14% of an LSTM training step here).
    static func addColumnSums(m: Int, n: Int, a: UnsafePointer<Float>, lda: Int, into y: UnsafeMutablePointer<Float>) {
        forecast_add_column_sums(Int64(m), Int64(n), a, Int64(lda), y)
    }

    /// C = beta · C on an m × n block with row stride `stride` (BLAS leaves this to the caller when k = 0).
    static func scale(_ c: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int, by beta: Float) {
        for row in 0..<rows {
            let line = c + row * stride
            for column in 0..<columns {
                line[column] = beta == 0 ? 0 : beta * line[column]
            }
        }
    }
}
