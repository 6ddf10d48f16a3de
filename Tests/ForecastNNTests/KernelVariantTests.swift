import CForecastKernels
import Foundation
import ForecastNN
import Testing

/// The C gate kernels against the Swift arithmetic, for every variant this CPU can run
/// (AVX-512, AVX2, baseline): equal bit for bit, so a model trains and forecasts the same
/// whichever variant runs. Serialized because it switches the variant for the whole process;
/// other tests running meanwhile are unaffected exactly when these tests pass.
@Suite("Kernel variants", .serialized)
struct KernelVariantTests {
    /// The variants to check: 1 … the best the CPU supports.
    static var variants: [Int32] {
        let best = forecast_kernels_restrict(3)
        return Array(1...best)
    }

    /// Runs `body` with at most variant `level`, then restores the best one.
    static func withVariant<T>(_ level: Int32, _ body: () -> T) -> T {
        let inEffect = forecast_kernels_restrict(level)
        precondition(inEffect == level, "variant \(level) is not available")
        defer { _ = forecast_kernels_restrict(3) }
        return body()
    }

    static func sameBits(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    /// Random values over many magnitudes, both signs, plus the edges of every regime.
    static func values(count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        var result: [Float] = (0..<count).map { _ in
            let magnitude = Float.random(in: -12...7, using: &generator)
            return (Bool.random(using: &generator) ? 1 : -1) * Float(pow(2.0, Double(magnitude)))
        }
        result += [0, -0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                   9.5, -9.5, 104, -104, 88.72, -88.72, 103.9, -110]
        return result
    }

    @Test func activationsEqualSwiftInEveryVariant() {
        let input = Self.values(count: 4_000, seed: 7)
        let expectedSigmoid = Activations.sigmoid(input), expectedTanh = Activations.tanh(input)
        for level in Self.variants {
            var sigmoid = [Float](repeating: 0, count: input.count), tanh = sigmoid
            Self.withVariant(level) {
                forecast_sigmoid(input, &sigmoid, Int64(input.count))
                forecast_tanh(input, &tanh, Int64(input.count))
            }
            #expect(Self.sameBits(sigmoid, expectedSigmoid), "σ differs from Swift in variant \(level)")
            #expect(Self.sameBits(tanh, expectedTanh), "tanh differs from Swift in variant \(level)")
        }
    }

    /// Hidden widths with and without a remainder after the sixteen-lane chunks.
    @Test(arguments: [1, 16, 37])
    func lstmStepEqualsSwiftInEveryVariant(hidden h: Int) {
        let batch = 3
        var generator = SeededGenerator(seed: UInt64(h))
        func random(_ count: Int, _ range: ClosedRange<Float>) -> [Float] { (0..<count).map { _ in Float.random(in: range, using: &generator) } }
        let preactivation = random(batch * 4 * h, -6...6)
        let previousCache = random(batch * 6 * h, -2...2)
        let dOutput = random(batch * h, -1...1), dCarry = random(batch * h, -1...1)

        for previous in [nil, previousCache] {
            let expected = LSTMGateReference.forward(batch: batch, hidden: h, preactivation: preactivation, previousCache: previous)
            let expectedBackward = LSTMGateReference.backward(
                batch: batch, hidden: h, cache: expected.cache, previousCache: previous, dOutput: dOutput, dCarry: dCarry)
            for level in Self.variants {
                for records in [true, false] {
                    var cache = [Float](repeating: 0, count: batch * 6 * h), output = [Float](repeating: 0, count: batch * h)
                    Self.withVariant(level) {
                        forecast_lstm_forward(Int64(batch), Int64(h), preactivation, previous, &cache, &output, records)
                    }
                    #expect(Self.sameBits(output, expected.output), "h differs in variant \(level), records \(records)")
                    let kept = records ? Array(0..<(batch * 6 * h)) : Self.carryIndices(batch: batch, hidden: h)
                    #expect(Self.sameBits(kept.map { cache[$0] }, kept.map { expected.cache[$0] }), "cache differs in variant \(level), records \(records)")
                }
                var carry = dCarry, dA = [Float](repeating: 0, count: batch * 4 * h)
                Self.withVariant(level) {
                    forecast_lstm_backward(Int64(batch), Int64(h), expected.cache, previous, dOutput, &carry, &dA)
                }
                #expect(Self.sameBits(carry, expectedBackward.dCarry), "dc differs in variant \(level)")
                #expect(Self.sameBits(dA, expectedBackward.dPreactivation), "gate gradients differ in variant \(level)")
            }
        }
    }

    @Test(arguments: [1, 16, 37])
    func gruStepEqualsSwiftInEveryVariant(hidden h: Int) {
        let batch = 3
        var generator = SeededGenerator(seed: UInt64(100 + h))
        func random(_ count: Int, _ range: ClosedRange<Float>) -> [Float] { (0..<count).map { _ in Float.random(in: range, using: &generator) } }
        let x = random(batch * 3 * h, -5...5), hp = random(batch * 3 * h, -5...5)
        let previous = random(batch * h, -1...1), dOutput = random(batch * h, -1...1)
        let expected = GRUGateReference.forward(batch: batch, hidden: h, input: x, hiddenProjection: hp, previousHidden: previous)
        let expectedBackward = GRUGateReference.backward(
            batch: batch, hidden: h, hiddenProjection: hp, previousHidden: previous, cache: expected.cache, dOutput: dOutput)
        for level in Self.variants {
            var cache = [Float](repeating: 0, count: batch * 3 * h), output = [Float](repeating: 0, count: batch * h)
            var dInput = cache, dHidden = cache, dDirect = output
            Self.withVariant(level) {
                forecast_gru_forward(Int64(batch), Int64(h), x, hp, previous, &cache, &output, true)
                forecast_gru_backward(Int64(batch), Int64(h), hp, previous, cache, dOutput, &dInput, &dHidden, &dDirect)
            }
            #expect(Self.sameBits(output, expected.output) && Self.sameBits(cache, expected.cache), "forward differs in variant \(level)")
            #expect(Self.sameBits(dInput, expectedBackward.dInput), "input gradients differ in variant \(level)")
            #expect(Self.sameBits(dHidden, expectedBackward.dHidden), "hidden gradients differ in variant \(level)")
            #expect(Self.sameBits(dDirect, expectedBackward.dDirect), "direct gradient differs in variant \(level)")
        }
    }

    @Test func elmanStepEqualsSwiftInEveryVariant() {
        let batch = 3, h = 37
        var generator = SeededGenerator(seed: 3)
        let preactivation = (0..<(batch * h)).map { _ in Float.random(in: -6...6, using: &generator) }
        let dOutput = (0..<(batch * h)).map { _ in Float.random(in: -1...1, using: &generator) }
        let expected = ElmanGateReference.forward(preactivation)
        let expectedBackward = ElmanGateReference.backward(output: expected, dOutput: dOutput)
        for level in Self.variants {
            var output = [Float](repeating: 0, count: batch * h), dA = output
            Self.withVariant(level) {
                forecast_elman_forward(Int64(batch), Int64(h), preactivation, &output)
                forecast_elman_backward(Int64(batch), Int64(h), output, dOutput, &dA)
            }
            #expect(Self.sameBits(output, expected), "tanh differs in variant \(level)")
            #expect(Self.sameBits(dA, expectedBackward), "gradient differs in variant \(level)")
        }
    }

    /// Bias gradients: each column summed in row order onto what y held, in every variant.
    @Test func columnSumsEqualRowOrderSumsInEveryVariant() {
        let m = 7, n = 37, lda = 40
        var generator = SeededGenerator(seed: 9)
        let a = (0..<(m * lda)).map { _ in Float.random(in: -1...1, using: &generator) }
        let start = (0..<n).map { _ in Float.random(in: -1...1, using: &generator) }
        var expected = start
        for row in 0..<m { for j in 0..<n { expected[j] += a[row * lda + j] } }
        for level in Self.variants {
            var y = start
            Self.withVariant(level) { forecast_add_column_sums(Int64(m), Int64(n), a, Int64(lda), &y) }
            #expect(Self.sameBits(y, expected), "column sums differ in variant \(level)")
        }
    }

    /// Where c_t sits in a B × 6H cache: the only block the inference path writes.
    static func carryIndices(batch: Int, hidden h: Int) -> [Int] {
        var indices: [Int] = []
        for row in 0..<batch {
            for j in 0..<h { indices.append(row * 6 * h + 4 * h + j) }
        }
        return indices
    }

    @Test func restrictingNeverExceedsTheCPU() {
        let best = forecast_kernels_restrict(3)
        #expect((1...3).contains(best))
        #expect(Self.withVariant(1) { forecast_kernels_instruction_set() } == 1)
        #expect(forecast_kernels_instruction_set() == best)
    }
}
