/// A dense row-major matrix of `Float`, for code outside the hot loops (tests, tools, set-up).
/// The network itself works on raw buffers in preallocated workspaces and calls `BLAS` directly.
public struct Matrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major elements: element (r, c) is `elements[r * columns + c]`.
    public var elements: [Float]

    public init(rows: Int, columns: Int, elements: [Float]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows) × \(columns)")
        precondition(elements.count == rows * columns,
                     "Matrix: \(elements.count) elements do not fill \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    public subscript(row: Int, column: Int) -> Float {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// The matrix with rows and columns exchanged.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns {
                result.elements[c * rows + r] = elements[r * columns + c]
            }
        }
        return result
    }

    /// self (rows × columns) · vector (columns), with the SIMD matrix–vector kernel the batch-1
    /// forecast path uses when OpenBLAS runs its generic kernels.
    /// - Complexity: O(rows · columns).
    public func multiplied(byVector vector: [Float]) -> [Float] {
        precondition(vector.count == columns, "Matrix.multiplied(byVector:): \(vector.count) values for \(columns) columns")
        var result = [Float](repeating: 0, count: rows)
        guard rows > 0, columns > 0 else { return result }
        elements.withUnsafeBufferPointer { w in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    BLAS.matrixVector(rows: rows, columns: columns, matrix: w.baseAddress!, rowStride: columns,
                                      vector: x.baseAddress!, beta: 0, into: y.baseAddress!)
                }
            }
        }
        return result
    }

    /// `alpha · op(self) · op(other) + beta · accumulator` through one BLAS call.
    /// - Complexity: O(m · n · k) for an m × k by k × n product.
    public func multiplied(
        by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false,
        alpha: Float = 1, beta: Float = 0, accumulatingInto accumulator: Matrix? = nil
    ) -> Matrix {
        _ = BLAS.ready
        let m = transposingSelf ? columns : rows
        let k = transposingSelf ? rows : columns
        let otherK = transposingOther ? other.columns : other.rows
        let n = transposingOther ? other.rows : other.columns
        precondition(k == otherK, "Matrix.multiplied: inner dimensions \(k) and \(otherK) differ")
        var result = accumulator ?? Matrix(rows: m, columns: n)
        precondition(result.rows == m && result.columns == n,
                     "Matrix.multiplied: accumulator is \(result.rows) × \(result.columns), product is \(m) × \(n)")
        guard k > 0 else {
            // An empty inner dimension contributes nothing; only the scaled accumulator remains.
            if accumulator != nil { for i in result.elements.indices { result.elements[i] *= beta } }
            return result
        }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    BLAS.gemm(
                        transposeA: transposingSelf, transposeB: transposingOther, m: m, n: n, k: k,
                        alpha: alpha, a: a, lda: columns, b: b, ldb: other.columns,
                        beta: accumulator == nil ? 0 : beta, c: c, ldc: n)
                }
            }
        }
        return result
    }
}
