#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CForecastKernels
import Dispatch
import ForecastNN
import Foundation
import Testing
import _ForecastTestSupport

/// The C gate kernels in every variant this CPU can run (AVX-512, AVX2, baseline):
/// - the baseline variant gives exactly what the Swift arithmetic gives;
/// - the AVX2 and AVX-512 variants fuse multiply-adds: they agree with each other bit for bit,
///   stay within the activations' accuracy bound of the C library (1e-6 relative) over the
///   whole Float range, and within `fusedTolerance` of the Swift results in the cells.
/// Variants are chosen for the test's own thread only, so tests running meanwhile are unaffected.
@Suite("Kernel variants")
struct KernelVariantTests {
    /// |fused − Swift| ≤ 2e-6 · max(1, |Swift|): a few units in the last place of each
    /// activation, carried through a handful of products. A wrong term is of the size of the value.
    static let fusedTolerance: Float = 2e-6

    /// The variants to check: 1 … the best the CPU supports.
    static var variants: [Int32] {
        let best = withVariant(3) { forecast_kernels_instruction_set() }
        return Array(1...best)
    }

    /// Runs `body` on this thread with variant `level`, then returns to the process's choice.
    static func withVariant<T>(_ level: Int32, _ body: () -> T) -> T {
        _ = forecast_kernels_override_on_this_thread(level)
        defer { _ = forecast_kernels_override_on_this_thread(0) }
        return body()
    }

    static func sameBits(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    /// Bit for bit in the baseline variant; within `fusedTolerance` in the fused ones.
    static func agrees(_ ours: [Float], _ swift: [Float], variant: Int32) -> Bool {
        if variant == 1 { return sameBits(ours, swift) }
        return ours.count == swift.count && zip(ours, swift).allSatisfy { a, b in
            (a.isNaN && b.isNaN) || a == b || abs(a - b) <= fusedTolerance * max(1, abs(b))
        }
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

    @Test func activationsAgreeWithSwiftInEveryVariant() {
        let input = Self.values(count: 4_000, seed: 7)
        let expectedSigmoid = Activations.sigmoid(input), expectedTanh = Activations.tanh(input)
        var fused: [[Float]] = []
        for level in Self.variants {
            var sigmoid = [Float](repeating: 0, count: input.count), tanh = sigmoid
            Self.withVariant(level) {
                forecast_sigmoid(input, &sigmoid, Int64(input.count))
                forecast_tanh(input, &tanh, Int64(input.count))
            }
            #expect(Self.agrees(sigmoid, expectedSigmoid, variant: level), "σ differs from Swift in variant \(level)")
            #expect(Self.agrees(tanh, expectedTanh, variant: level), "tanh differs from Swift in variant \(level)")
            if level > 1 { fused.append(sigmoid + tanh) }
        }
        // AVX2 and AVX-512 fuse the same operations.
        #expect(fused.allSatisfy { Self.sameBits($0, fused[0]) })
    }

    /// The accuracy bound of `ActivationAccuracyTests`, for the C kernels in every variant.
    @Test func activationsMeetTheAccuracyBoundInEveryVariant() {
        let sweep = ActivationAccuracyTests.sweep
        for level in Self.variants {
            var sigmoid = [Float](repeating: 0, count: sweep.count), tanh = sigmoid
            Self.withVariant(level) {
                forecast_sigmoid(sweep, &sigmoid, Int64(sweep.count))
                forecast_tanh(sweep, &tanh, Int64(sweep.count))
            }
            let worstTanh = ActivationAccuracyTests.worstError(ours: tanh) { Float(Glibc.tanh(Double($0))) }
            let worstSigmoid = ActivationAccuracyTests.worstError(ours: sigmoid) { Float(1 / (1 + exp(-Double($0)))) }
            #expect(worstTanh.error <= ActivationAccuracyTests.tolerance, "tanh: \(worstTanh.error) at \(worstTanh.at) in variant \(level)")
            #expect(worstSigmoid.error <= ActivationAccuracyTests.tolerance, "σ: \(worstSigmoid.error) at \(worstSigmoid.at) in variant \(level)")
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
                    #expect(Self.agrees(output, expected.output, variant: level), "h differs in variant \(level), records \(records)")
                    let kept = records ? Array(0..<(batch * 6 * h)) : Self.carryIndices(batch: batch, hidden: h)
                    #expect(Self.agrees(kept.map { cache[$0] }, kept.map { expected.cache[$0] }, variant: level), "cache differs in variant \(level), records \(records)")
                }
                var carry = dCarry, dA = [Float](repeating: 0, count: batch * 4 * h)
                Self.withVariant(level) {
                    forecast_lstm_backward(Int64(batch), Int64(h), expected.cache, previous, dOutput, &carry, &dA)
                }
                #expect(Self.agrees(carry, expectedBackward.dCarry, variant: level), "dc differs in variant \(level)")
                #expect(Self.agrees(dA, expectedBackward.dPreactivation, variant: level), "gate gradients differ in variant \(level)")
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
            #expect(Self.agrees(output, expected.output, variant: level) && Self.agrees(cache, expected.cache, variant: level),
                    "forward differs in variant \(level)")
            #expect(Self.agrees(dInput, expectedBackward.dInput, variant: level), "input gradients differ in variant \(level)")
            #expect(Self.agrees(dHidden, expectedBackward.dHidden, variant: level), "hidden gradients differ in variant \(level)")
            #expect(Self.agrees(dDirect, expectedBackward.dDirect, variant: level), "direct gradient differs in variant \(level)")
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
            #expect(Self.agrees(output, expected, variant: level), "tanh differs in variant \(level)")
            #expect(Self.agrees(dA, expectedBackward, variant: level), "gradient differs in variant \(level)")
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

    /// What another thread saw, handed back once it has finished.
    final class Observation: @unchecked Sendable { var variant: Int32 = 0 }

    @Test func aThreadsVariantStaysOnThatThread() {
        let best = Self.withVariant(3) { forecast_kernels_instruction_set() }
        #expect((1...3).contains(best))
        let (here, there) = Self.withVariant(1) { () -> (Int32, Int32) in
            let observation = Observation(), done = DispatchSemaphore(value: 0)
            Thread {
                observation.variant = forecast_kernels_instruction_set()
                done.signal()
            }.start()
            done.wait()
            return (forecast_kernels_instruction_set(), observation.variant)
        }
        #expect(here == 1)
        #expect(there == best)
        #expect(forecast_kernels_instruction_set() == best)
    }
}
