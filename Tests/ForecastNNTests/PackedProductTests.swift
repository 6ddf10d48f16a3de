import CForecastKernels
import ForecastNN
import Testing

/// The packed recurrent product (`CForecastKernels`, AVX-512 only) against a product summed in
/// Double, and a whole network run through it against the same network run through BLAS.
///
/// Tolerance for one product: |C − C_exact| ≤ 1e-6 · Σ_k |a_k·b_k| + 1e-7, a few Float roundings
/// of the largest possible partial sum; a wrong index or a lost term is of the size of C itself.
@Suite("Packed recurrent product", .enabled(if: forecast_packed_product_available(), "needs AVX-512"))
struct PackedProductTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var m: Int, n: Int, k: Int
        var testDescription: String { "m=\(m) n=\(n) k=\(k)" }
    }

    /// Rows around the 4-row tile (fewer rows take the row-at-a-time path, with panels in
    /// groups of 4, 2 and 1), columns around the 64-column panel, short and long sums.
    static let shapes: [Shape] = [
        Shape(m: 1, n: 1, k: 1), Shape(m: 3, n: 17, k: 7), Shape(m: 1, n: 130, k: 65), Shape(m: 2, n: 300, k: 20),
        Shape(m: 4, n: 64, k: 64), Shape(m: 5, n: 65, k: 3), Shape(m: 9, n: 130, k: 129), Shape(m: 33, n: 256, k: 16),
    ]

    static func random(_ count: Int, _ generator: inout SeededGenerator) -> [Float] {
        (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    /// C = A·B (+ C0 or + bias) in Double, and the bound of each element's rounding.
    static func exact(m: Int, n: Int, k: Int, a: [Float], lda: Int, b: (Int, Int) -> Float, start: (Int, Int) -> Float)
        -> (values: [Double], scale: [Double]) {
        var values = [Double](repeating: 0, count: m * n), scale = values
        for i in 0..<m {
            for j in 0..<n {
                var sum = Double(start(i, j)), magnitude = abs(Double(start(i, j)))
                for p in 0..<k {
                    let term = Double(a[i * lda + p]) * Double(b(p, j))
                    sum += term
                    magnitude += abs(term)
                }
                values[i * n + j] = sum
                scale[i * n + j] = magnitude
            }
        }
        return (values, scale)
    }

    static func mismatches(_ c: [Float], ldc: Int, n: Int, _ expected: (values: [Double], scale: [Double])) -> Int {
        var bad = 0
        for index in expected.values.indices {
            let (i, j) = index.quotientAndRemainder(dividingBy: n)
            if abs(Double(c[i * ldc + j]) - expected.values[index]) > 1e-6 * expected.scale[index] + 1e-7 { bad += 1 }
        }
        return bad
    }

    @Test(arguments: shapes)
    func productMatchesDoublePrecision(_ s: Shape) {
        var generator = SeededGenerator(seed: UInt64(s.m * 1000 + s.n * 10 + s.k))
        let lda = s.k + 3, ldc = s.n + 5
        let a = Self.random(s.m * lda, &generator)
        let stored = Self.random(s.k * s.n, &generator)  // B as k × n, or its transpose n × k
        let bias = Self.random(s.n, &generator)
        let c0 = Self.random(s.m * ldc, &generator)
        var packed = [Float](repeating: .nan, count: Int(forecast_packed_size(Int64(s.k), Int64(s.n))))

        for transposed in [false, true] {
            let b: (Int, Int) -> Float = transposed ? { p, j in stored[j * s.k + p] } : { p, j in stored[p * s.n + j] }
            forecast_pack(Int64(s.k), Int64(s.n), stored, Int64(transposed ? s.k : s.n), transposed, &packed)
            // beta 0, beta 1, and bias.
            for mode in 0..<3 {
                var c = c0
                forecast_gemm_packed(Int64(s.m), Int64(s.n), Int64(s.k), a, Int64(lda), packed,
                                     mode == 1 ? 1 : 0, mode == 2 ? bias : nil, &c, Int64(ldc))
                let expected = Self.exact(m: s.m, n: s.n, k: s.k, a: a, lda: lda, b: b) { i, j in
                    mode == 0 ? 0 : mode == 1 ? c0[i * ldc + j] : bias[j]
                }
                #expect(Self.mismatches(c, ldc: ldc, n: s.n, expected) == 0, "transposed \(transposed), mode \(mode)")
                // Padding between rows of C is never written.
                for i in 0..<s.m { #expect(c[(i * ldc + s.n)..<(i * ldc + ldc)] == c0[(i * ldc + s.n)..<(i * ldc + ldc)]) }
            }
        }
    }

    @Test(arguments: [1, 6])
    func pairAddsBothProductsAndTheBias(m: Int) {
        let n = 72, k1 = 3, k2 = 18
        var generator = SeededGenerator(seed: 11)
        let a1 = Self.random(m * k1, &generator), a2 = Self.random(m * k2, &generator)
        let b1 = Self.random(k1 * n, &generator), b2 = Self.random(k2 * n, &generator), bias = Self.random(n, &generator)
        var packed1 = [Float](repeating: 0, count: Int(forecast_packed_size(Int64(k1), Int64(n))))
        var packed2 = [Float](repeating: 0, count: Int(forecast_packed_size(Int64(k2), Int64(n))))
        forecast_pack(Int64(k1), Int64(n), b1, Int64(n), false, &packed1)
        forecast_pack(Int64(k2), Int64(n), b2, Int64(n), false, &packed2)
        var c = [Float](repeating: .nan, count: m * n)
        forecast_gemm_packed_pair(Int64(m), Int64(n), Int64(k1), a1, Int64(k1), packed1, Int64(k2), a2, Int64(k2), packed2, bias, &c, Int64(n))
        // A1·B1 + A2·B2 as one product of [A1 A2] and [B1; B2].
        var joined: [Float] = []
        for i in 0..<m {
            joined += a1[(i * k1)..<((i + 1) * k1)]
            joined += a2[(i * k2)..<((i + 1) * k2)]
        }
        let expected = Self.exact(m: m, n: n, k: k1 + k2, a: joined, lda: k1 + k2,
                                  b: { p, j in p < k1 ? b1[p * n + j] : b2[(p - k1) * n + j] }, start: { _, j in bias[j] })
        #expect(Self.mismatches(c, ldc: n, n: n, expected) == 0)
    }

    /// Nine windows at once take the packed product; the same windows in batches of three take
    /// BLAS. Forecasts, parameter gradients and input gradients agree within Float rounding
    /// (1e-5 relative to each tensor's largest entry).
    @Test(arguments: CellKind.allCases)
    func networkGivesWhatTheBLASPathGives(_ cell: CellKind) throws {
        let configuration = NetworkConfiguration(cell: cell, inputSize: 2, hiddenSize: 20, layers: 2, outputs: 3)
        var generator = SeededGenerator(seed: 5)
        let network = try RecurrentNetwork(configuration: configuration, parameters: Self.random(configuration.parameterCount, &generator))
        let batch = 9, lookback = 6, width = lookback * 2
        let inputs = Self.random(batch * width, &generator), dPredictions = Self.random(batch * 3, &generator)

        let whole = NetworkWorkspace(configuration: configuration, maxBatch: batch, lookback: lookback)
        let predictions = network.forward(inputs: inputs, batchSize: batch, lookback: lookback, workspace: whole)
        whole.zeroGradients()
        network.backward(dPredictions: dPredictions, workspace: whole)

        let parts = NetworkWorkspace(configuration: configuration, maxBatch: 3, lookback: lookback)
        parts.zeroGradients()
        var partPredictions: [Float] = [], partInputGradients: [Float] = []
        for part in 0..<3 {
            let rows = (part * 3)..<(part * 3 + 3)
            partPredictions += network.forward(inputs: Array(inputs[(rows.lowerBound * width)..<(rows.upperBound * width)]),
                                               batchSize: 3, lookback: lookback, workspace: parts)
            network.backward(dPredictions: Array(dPredictions[(rows.lowerBound * 3)..<(rows.upperBound * 3)]), workspace: parts)
            partInputGradients += parts.dInputs
        }
        func close(_ a: [Float], _ b: [Float]) -> Bool {
            let largest = b.map(abs).max() ?? 0
            return a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 * largest }
        }
        #expect(close(predictions, partPredictions))
        #expect(close(whole.gradients, parts.gradients))
        #expect(close(whole.dInputs, partInputGradients))
    }
}
