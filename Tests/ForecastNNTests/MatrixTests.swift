import ForecastNN
import Testing
import _ForecastTestSupport

/// Matrix products through BLAS against a plain triple loop in Double, for every transpose
/// combination, with alpha/beta accumulation and the matrix–vector shortcut (one row).
/// Tolerance: 1e-5 relative to the largest entry (sums of at most 37 products of values ≤ 1).
@Suite("Matrix")
struct MatrixTests {
    static func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in generator.uniform(in: -1...1) })
    }

    /// alpha · op(a) · op(b) + beta · c computed naively.
    static func reference(_ a: Matrix, _ b: Matrix, ta: Bool, tb: Bool, alpha: Float, beta: Float, c: Matrix?) -> Matrix {
        let opA = ta ? a.transposed : a, opB = tb ? b.transposed : b
        var result = Matrix(rows: opA.rows, columns: opB.columns)
        for i in 0..<opA.rows {
            for j in 0..<opB.columns {
                var sum = 0.0
                for k in 0..<opA.columns { sum += Double(opA[i, k]) * Double(opB[k, j]) }
                result[i, j] = Float(Double(alpha) * sum + Double(beta) * Double(c?[i, j] ?? 0))
            }
        }
        return result
    }

    struct Shape: Sendable, CustomTestStringConvertible {
        var m: Int, n: Int, k: Int
        var testDescription: String { "\(m)×\(k) · \(k)×\(n)" }
    }

    @Test(arguments: [Shape(m: 5, n: 7, k: 3), Shape(m: 1, n: 9, k: 37), Shape(m: 16, n: 1, k: 4), Shape(m: 1, n: 1, k: 1)],
          [false, true])
    func productsMatchTheNaiveLoop(shape: Shape, accumulate: Bool) {
        for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
            let a = ta ? Self.random(shape.k, shape.m, seed: 1) : Self.random(shape.m, shape.k, seed: 1)
            let b = tb ? Self.random(shape.n, shape.k, seed: 2) : Self.random(shape.k, shape.n, seed: 2)
            let c = accumulate ? Self.random(shape.m, shape.n, seed: 3) : nil
            let (alpha, beta): (Float, Float) = accumulate ? (0.5, -2) : (1, 0)
            let product = a.multiplied(by: b, transposingSelf: ta, transposingOther: tb, alpha: alpha, beta: beta, accumulatingInto: c)
            let expected = Self.reference(a, b, ta: ta, tb: tb, alpha: alpha, beta: beta, c: c)
            #expect(product.rows == shape.m && product.columns == shape.n)
            #expect(maximumScaledDifference(product.elements, expected.elements) < 1e-5, "ta=\(ta) tb=\(tb)")
        }
    }

    /// The SIMD matrix–vector kernel, on shapes that exercise its four-row blocks, its eight-lane
    /// column blocks and both leftovers.
    @Test(arguments: [(256, 64), (7, 13), (4, 8), (1, 1), (5, 3), (12, 17)])
    func matrixVectorKernelMatchesTheNaiveLoop(rows: Int, columns: Int) {
        let w = Self.random(rows, columns, seed: 4)
        let x = Self.random(1, columns, seed: 5)
        let product = w.multiplied(byVector: x.elements)
        let expected = Self.reference(w, x.transposed, ta: false, tb: false, alpha: 1, beta: 0, c: nil)
        #expect(maximumScaledDifference(product, expected.elements) < 1e-5)
    }

    /// The kernel name comes from the library itself; generic kernels are flagged as such.
    @Test func backendNamesItsKernels() {
        let name = BLASBackend.kernelName
        #expect(!name.isEmpty && name != "unknown")
        #expect(BLASBackend.usesGenericKernels == (name.lowercased() == "prescott" || name.lowercased() == "core2"
            || ["katmai", "coppermine", "northwood", "banias", "penryn", "dunnington"].contains(name.lowercased())))
    }

    @Test func identityLeavesAMatrixUnchanged() {
        let a = Self.random(4, 6, seed: 9)
        var identity = Matrix(rows: 6, columns: 6)
        for i in 0..<6 { identity[i, i] = 1 }
        #expect(a.multiplied(by: identity) == a)
        #expect(a.transposed.transposed == a)
        #expect(a.transposed[5, 3] == a[3, 5])
    }
}
