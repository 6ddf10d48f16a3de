#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ForecastNN
import Testing
import _ForecastTestSupport

/// The vectorised activations against the C library, over the whole Float range.
///
/// Error measure: |ours − libm| / max(|libm|, Float.leastNormalMagnitude), so results in the
/// subnormal range count as absolute errors at the scale of the smallest normal float.
/// Tolerance: 1e-6 (about 8 ulp); measured maximum ≈ 2.5e-7 (tanh) and 2.4e-7 (sigmoid).
@Suite("Activation accuracy")
struct ActivationAccuracyTests {
    static let tolerance = 1e-6

    /// Every 4099th bit pattern (≈ 1 048 000 values, both signs, all exponents), plus values
    /// chosen at the edges: zeros, subnormals, the smallest and largest normals, infinities,
    /// and the points where the code changes regime (tanh's clamp, exp overflow/underflow).
    static let sweep: [Float] = {
        var values: [Float] = []
        var bits: UInt64 = 0
        while bits <= UInt64(UInt32.max) {
            values.append(Float(bitPattern: UInt32(bits)))
            bits += 4099
        }
        let edges: [Float] = [
            0, -0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-30, 1e-8, 1e-4, 0.1, 0.4, 0.5, 1, 2,
            4.75, 9.01, 9.5, 9.6, 10, 20, 44, 80, 87.3, 88.3, 88.72, 88.73, 89, 100, 103, 103.9, 104, 110, 1e10,
            .greatestFiniteMagnitude, .infinity,
        ]
        for edge in edges {
            values.append(edge)
            values.append(-edge)
            values.append(edge.nextUp)
            values.append(-edge.nextUp)
        }
        return values.filter { !$0.isNaN }
    }()

    static func worstError(ours: [Float], reference: (Float) -> Float) -> (error: Double, at: Float) {
        var worst = (error: 0.0, at: Float(0))
        for (x, y) in zip(sweep, ours) {
            let error = relativeError(Double(y), Double(reference(x)), floor: Double(Float.leastNormalMagnitude))
            if error > worst.error { worst = (error, x) }
        }
        return worst
    }

    @Test func tanhMatchesTheCLibraryOverTheWholeRange() {
        let worst = Self.worstError(ours: Activations.tanh(Self.sweep)) { tanhf($0) }
        #expect(worst.error <= Self.tolerance, "worst relative error \(worst.error) at x = \(worst.at)")
    }

    /// Against the C-library expression 1/(1 + expf(−x)) wherever expf(−x) is finite. Below
    /// x ≈ −88.72 that expression returns 0 because expf overflows, while σ(x) is still a
    /// subnormal number that this implementation does produce; there the reference is the
    /// sigmoid evaluated in Double and rounded to Float (also checked over the whole range).
    @Test func sigmoidMatchesTheCLibraryOverTheWholeRange() {
        let ours = Activations.sigmoid(Self.sweep)
        let againstFloat = Self.worstError(ours: ours) { x in
            expf(-x).isFinite ? 1 / (1 + expf(-x)) : Float(1 / (1 + exp(-Double(x))))
        }
        #expect(againstFloat.error <= Self.tolerance, "worst relative error \(againstFloat.error) at x = \(againstFloat.at)")
        let againstDouble = Self.worstError(ours: ours) { Float(1 / (1 + exp(-Double($0)))) }
        #expect(againstDouble.error <= Self.tolerance, "worst relative error \(againstDouble.error) at x = \(againstDouble.at)")
    }

    @Test func tanhMatchesDoublePrecisionOverTheWholeRange() {
        let worst = Self.worstError(ours: Activations.tanh(Self.sweep)) { Float(tanh(Double($0))) }
        #expect(worst.error <= Self.tolerance, "worst relative error \(worst.error) at x = \(worst.at)")
    }

    @Test func expMatchesTheCLibraryOverTheWholeRange() {
        var worst = 0.0, at: Float = 0
        var i = 0
        while i < Self.sweep.count {
            var v = Activations.Vector(repeating: 0)
            let lanes = min(Activations.width, Self.sweep.count - i)
            for lane in 0..<lanes { v[lane] = Self.sweep[i + lane] }
            let e = Activations.exp(v)
            for lane in 0..<lanes {
                let x = Self.sweep[i + lane]
                let error = relativeError(Double(e[lane]), Double(expf(x)), floor: Double(Float.leastNormalMagnitude))
                if error > worst { (worst, at) = (error, x) }
            }
            i += Activations.width
        }
        #expect(worst <= Self.tolerance, "worst relative error \(worst) at x = \(at)")
    }

    @Test func signsZerosAndLimitsAreExact() {
        #expect(Activations.tanh(Float(0)) == 0)
        #expect(Activations.tanh(Float(-0.0)).sign == .minus)
        #expect(Activations.tanh(Float.infinity) == 1)
        #expect(Activations.tanh(-Float.infinity) == -1)
        #expect(Activations.sigmoid(Float.infinity) == 1)
        #expect(Activations.sigmoid(-Float.infinity) == 0)
        #expect(Activations.sigmoid(Float(0)) == 0.5)
        // Odd symmetry holds bit for bit, because tanh is computed on |x|.
        for x: Float in [1e-7, 0.3, 0.7, 3, 12] {
            #expect(Activations.tanh(-x) == -Activations.tanh(x))
        }
    }

    @Test func notANumberPropagates() {
        #expect(Activations.tanh(Float.nan).isNaN)
        #expect(Activations.sigmoid(Float.nan).isNaN)
        #expect(Activations.exp(Activations.Vector(repeating: .nan))[0].isNaN)
        let mixed = Activations.tanh([1, .nan, -1])
        #expect(mixed[1].isNaN && !mixed[0].isNaN && !mixed[2].isNaN)
    }

    /// Lengths that are not multiples of the lane count exercise the partial loads and stores.
    @Test(arguments: [1, 5, 15, 16, 17, 33, 100])
    func buffersOfAnyLengthMatchTheScalarForm(count: Int) {
        let xs = (0..<count).map { Float($0) * 0.37 - 9 }
        let t = Activations.tanh(xs), s = Activations.sigmoid(xs)
        #expect(t.count == count && s.count == count)
        for (i, x) in xs.enumerated() {
            #expect(t[i] == Activations.tanh(x))
            #expect(s[i] == Activations.sigmoid(x))
        }
        // In place: input and output the same buffer.
        var inPlace = xs
        inPlace.withUnsafeMutableBufferPointer { buffer in
            Activations.tanh(UnsafeBufferPointer(buffer), into: buffer)
        }
        #expect(inPlace == t)
    }

    /// σ′ = s(1 − s) and tanh′ = 1 − t² from the outputs, against central differences in
    /// Double of the C library functions (step 1e-3, tolerance 1e-5 absolute).
    @Test func derivativesFromOutputsMatchFiniteDifferences() {
        let xs: [Float] = [-6, -2.5, -1, -0.3, 0, 0.2, 0.9, 2, 5]
        let h = 1e-3
        for x in xs {
            let d = Double(x)
            let numericSigmoid = (1 / (1 + exp(-(d + h))) - 1 / (1 + exp(-(d - h)))) / (2 * h)
            let numericTanh = (tanh(d + h) - tanh(d - h)) / (2 * h)
            let s = Activations.Vector(repeating: Activations.sigmoid(x))
            let t = Activations.Vector(repeating: Activations.tanh(x))
            #expect(abs(Double(Activations.sigmoidDerivative(fromOutput: s)[0]) - numericSigmoid) < 1e-5, "σ′(\(x))")
            #expect(abs(Double(Activations.tanhDerivative(fromOutput: t)[0]) - numericTanh) < 1e-5, "tanh′(\(x))")
        }
        var out = [Float](repeating: 0, count: xs.count)
        let sig = Activations.sigmoid(xs)
        sig.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { Activations.sigmoidDerivative(fromOutputs: s, into: $0) }
        }
        for i in xs.indices { #expect(abs(out[i] - sig[i] * (1 - sig[i])) < 1e-7) }
        let tan = Activations.tanh(xs)
        tan.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { Activations.tanhDerivative(fromOutputs: t, into: $0) }
        }
        for i in xs.indices { #expect(abs(out[i] - (1 - tan[i] * tan[i])) < 1e-7) }
    }
}
