/// Sigmoid and tanh over whole buffers, sixteen lanes at a time.
///
/// glibc's scalar `tanhf` costs about 22 ns an element here, which alone would cap LSTM
/// training; these versions reach a maximum relative error below 1e-6 against the C library
/// over the whole `Float` range (see `ActivationAccuracyTests`) at a fraction of the cost.
///
/// Both rest on one reduction: x = n·ln2 + r with |r| ≤ ln2/2, ln2 split in two parts so r is
/// nearly exact (Cody and Waite, "Software Manual for the Elementary Functions", 1980), and
/// e^r − 1 = r + r²·P(r) with P of degree 4 fitted for least maximum relative error of e^r − 1
/// on that interval (1.4e-8; fitted offline by reweighted least squares on Chebyshev nodes;
/// relative to e^r − 1 rather than e^r because tanh needs it accurate near r = 0). Then
/// - σ(x) = 1/(1 + u) or u/(1 + u) with u = e^{−|x|} = 2ⁿ·(1 + q), so nothing overflows;
/// - tanh(|x|) = E / (E + 2) with E = e^{2|x|} − 1 = 2ⁿ·q + (2ⁿ − 1), which keeps full relative
///   accuracy near zero (no 1 − 2/(e+1) cancellation) and needs no second polynomial.
public enum Activations {
    /// The lane type every vectorised routine works on (16 lanes measured faster than 8 here).
    public typealias Vector = SIMD16<Float>
    public typealias IntegerVector = SIMD16<Int32>
    public typealias BitsVector = SIMD16<UInt32>
    /// Lanes per vector (a computed constant so the optimiser folds it).
    @inlinable public static var width: Int { 16 }

    /// Calls `body(offset, lanes)` over `count` elements in chunks of `width`, then once for
    /// the remainder. The full chunks pass the literal 16, so after inlining their loads and
    /// stores compile to straight vector moves, without the per-lane tail code.
    @inlinable @inline(__always)
    public static func forEachChunk(_ count: Int, _ body: (_ offset: Int, _ lanes: Int) -> Void) {
        var offset = 0
        while offset + 16 <= count {
            body(offset, 16)
            offset += 16
        }
        if offset < count { body(offset, count - offset) }
    }

    // MARK: Kernels on one vector

    /// Splits x = n·ln2 + r and returns e^r − 1 and n (as integers). x must lie within
    /// ±2²² so that the rounding trick below holds; callers clamp.
    @inlinable @inline(__always)
    static func reduce(_ x: Vector) -> (expMinusOne: Vector, n: IntegerVector) {
        // Adding 1.5·2²³ rounds x/ln2 to the nearest integer and leaves that integer
        // in the low mantissa bits of `shifted`.
        let shifter: Float = 12_582_912
        let shifted = x * 1.442_695_04 + shifter
        let n = shifted - shifter
        // r = x − n·ln2, ln2 = 0.693359375 − 2.12194440e-4; n·0.693359375 is exact.
        let r = (x - n * 0.693_359_375) + n * 2.121_944_4e-4
        var p = Vector(repeating: 1.388_239_545e-3)
        p = p * r + 8.367_180_974e-3
        p = p * r + 4.166_722_127e-2
        p = p * r + 1.666_653_868e-1
        p = p * r + 4.999_999_804e-1
        let q = r + (r * r) * p
        return (q, unsafeBitCast(shifted, to: IntegerVector.self) &- 0x4B40_0000)
    }

    /// 2ⁿ for n in −126…127, built directly in the exponent bits.
    @inlinable @inline(__always)
    static func powerOfTwo(_ n: IntegerVector) -> Vector {
        unsafeBitCast((n &+ 127) &<< 23, to: Vector.self)
    }

    /// e^x per lane. Overflows to +inf above ≈ 88.72 and underflows through the subnormals
    /// to 0 below ≈ −103.3, as `expf` does; NaN stays NaN.
    @inlinable @inline(__always)
    public static func exp(_ input: Vector) -> Vector {
        // Clamp so n stays within what two exponent scalings can reach;
        // comparisons with NaN are false, so NaN passes through unchanged.
        var x = input.replacing(with: 89, where: input .> 89)
        x.replace(with: -104, where: x .< -104)
        let (q, n) = reduce(x)
        // 2ⁿ in two halves so n = 128 and subnormal results stay representable.
        let firstHalf = n &>> 1
        return ((1 + q) * powerOfTwo(firstHalf)) * powerOfTwo(n &- firstHalf)
    }

    /// σ(x) per lane, from u = e^{−|x|} ∈ (0, 1]: σ = 1/(1 + u) for x ≥ 0 and u/(1 + u) for
    /// x < 0. The exponent is never positive, so nothing overflows and one clamp suffices;
    /// subnormal u (|x| > 87.3) is reached by scaling with 2^(n+64) and then 2^−64.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Vector) -> Vector {
        let xBits = unsafeBitCast(x, to: BitsVector.self)
        var a = unsafeBitCast(xBits & 0x7FFF_FFFF, to: Vector.self)
        // Beyond 104, u underflows to 0 anyway; NaN passes through the comparison.
        a.replace(with: 104, where: a .> 104)
        let (q, n) = reduce(-a)
        let u = ((1 + q) * powerOfTwo(n &+ 64)) * 0x1p-64
        // The sign bit of x picks the numerator: 1 for x ≥ 0, u for x < 0.
        let negative = unsafeBitCast(unsafeBitCast(xBits, to: IntegerVector.self) &>> 31, to: BitsVector.self)
        let one = unsafeBitCast(Vector(repeating: 1), to: BitsVector.self)
        let numerator = unsafeBitCast((unsafeBitCast(u, to: BitsVector.self) & negative) | (one & ~negative), to: Vector.self)
        return numerator / (1 + u)
    }

    /// tanh(x) per lane, computed on |x| and given the sign of x (tanh is odd), which also
    /// keeps tanh(−0) = −0.
    @inlinable @inline(__always)
    public static func tanh(_ x: Vector) -> Vector {
        let xBits = unsafeBitCast(x, to: BitsVector.self)
        let sign = xBits & 0x8000_0000
        var a = unsafeBitCast(xBits & 0x7FFF_FFFF, to: Vector.self)
        // Beyond 9.5, tanh rounds to 1 in Float; clamping keeps E finite (NaN passes through).
        a.replace(with: 9.5, where: a .> 9.5)
        let (q, n) = reduce(a + a)
        let scale = powerOfTwo(n)
        // E = e^{2a} − 1 = 2ⁿ(1 + q) − 1
        let e = scale * q + (scale - 1)
        let magnitude = e / (e + 2)
        return unsafeBitCast(unsafeBitCast(magnitude, to: BitsVector.self) | sign, to: Vector.self)
    }

    /// σ′ written from σ's output s: s·(1 − s).
    @inlinable @inline(__always)
    public static func sigmoidDerivative(fromOutput s: Vector) -> Vector {
        s * (1 - s)
    }

    /// tanh′ written from tanh's output t: 1 − t².
    @inlinable @inline(__always)
    public static func tanhDerivative(fromOutput t: Vector) -> Vector {
        1 - t * t
    }

    // MARK: Scalars (same arithmetic, one lane used)

    /// σ(x) for one value, bit-for-bit what the vector routine gives in a lane.
    @inlinable
    public static func sigmoid(_ x: Float) -> Float {
        sigmoid(Vector(repeating: x))[0]
    }

    /// tanh(x) for one value, bit-for-bit what the vector routine gives in a lane.
    @inlinable
    public static func tanh(_ x: Float) -> Float {
        tanh(Vector(repeating: x))[0]
    }

    // MARK: Whole buffers

    /// Loads `count` (1...16) floats into a vector, padding with zeros.
    @inlinable @inline(__always)
    public static func load(_ source: UnsafePointer<Float>, count: Int) -> Vector {
        if count == width {
            return UnsafeRawPointer(source).loadUnaligned(as: Vector.self)
        }
        var v = Vector(repeating: 0)
        for lane in 0..<count { v[lane] = source[lane] }
        return v
    }

    /// Stores the first `count` (1...16) lanes of `v`.
    @inlinable @inline(__always)
    public static func store(_ v: Vector, to destination: UnsafeMutablePointer<Float>, count: Int) {
        if count == width {
            UnsafeMutableRawPointer(destination).storeBytes(of: v, as: Vector.self)
            return
        }
        for lane in 0..<count { destination[lane] = v[lane] }
    }

    /// Applies `kernel` to `count` floats from `source` into `destination` (which may be `source`).
    @inlinable @inline(__always)
    static func map(
        _ source: UnsafePointer<Float>, _ destination: UnsafeMutablePointer<Float>, count: Int,
        _ kernel: (Vector) -> Vector
    ) {
        forEachChunk(count) { i, lanes in
            store(kernel(load(source + i, count: lanes)), to: destination + i, count: lanes)
        }
    }

    /// output[i] = σ(input[i]); the buffers may be the same.
    public static func sigmoid(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count >= input.count, "Activations.sigmoid: output shorter than input")
        guard let source = input.baseAddress, let destination = output.baseAddress else { return }
        map(source, destination, count: input.count) { sigmoid($0) }
    }

    /// output[i] = tanh(input[i]); the buffers may be the same.
    public static func tanh(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count >= input.count, "Activations.tanh: output shorter than input")
        guard let source = input.baseAddress, let destination = output.baseAddress else { return }
        map(source, destination, count: input.count) { tanh($0) }
    }

    /// σ of every element of an array (a convenience for code outside the hot loops).
    public static func sigmoid(_ values: [Float]) -> [Float] {
        var result = values
        values.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { sigmoid(input, into: $0) }
        }
        return result
    }

    /// tanh of every element of an array (a convenience for code outside the hot loops).
    public static func tanh(_ values: [Float]) -> [Float] {
        var result = values
        values.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { tanh(input, into: $0) }
        }
        return result
    }

    /// output[i] = s·(1 − s) for s = outputs[i] of σ.
    public static func sigmoidDerivative(fromOutputs outputs: UnsafeBufferPointer<Float>,
                                         into result: UnsafeMutableBufferPointer<Float>) {
        precondition(result.count >= outputs.count, "Activations.sigmoidDerivative: result shorter than input")
        guard let source = outputs.baseAddress, let destination = result.baseAddress else { return }
        map(source, destination, count: outputs.count) { sigmoidDerivative(fromOutput: $0) }
    }

    /// output[i] = 1 − t² for t = outputs[i] of tanh.
    public static func tanhDerivative(fromOutputs outputs: UnsafeBufferPointer<Float>,
                                      into result: UnsafeMutableBufferPointer<Float>) {
        precondition(result.count >= outputs.count, "Activations.tanhDerivative: result shorter than input")
        guard let source = outputs.baseAddress, let destination = result.baseAddress else { return }
        map(source, destination, count: outputs.count) { tanhDerivative(fromOutput: $0) }
    }
}
