import Foundation
import ForecastEvaluation
import Testing

/// The 90 % autocorrelation test: clear seasons pass, noise and random walks' changes do not.
@Suite struct SeasonalityTestTests {
    /// A reproducible stream of uniform numbers in [-1, 1) (a linear congruential generator).
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    @Test func aClearSeasonPasses() {
        var noise = Noise(state: 1)
        let values = (0..<120).map { (t: Int) -> Double in 10 * sin(Double(t) * 2 * Double.pi / 12) + noise.next() }
        #expect(SeasonalityTest.isSeasonal(values, period: 12))
    }

    /// The answer does not depend on the units, up to magnitudes whose squares overflow.
    @Test(arguments: [1e-300, 1e155, 1e300])
    func aClearSeasonPassesInAnyUnits(scale: Double) {
        var noise = Noise(state: 1)
        let values = (0..<120).map { (t: Int) -> Double in 10 * sin(Double(t) * 2 * Double.pi / 12) + noise.next() }
        #expect(SeasonalityTest.isSeasonal(values.map { $0 * scale }, period: 12))
        #expect(!SeasonalityTest.isSeasonal(values.map { _ in noise.next() * scale }, period: 12))
    }

    @Test func noiseDoesNotPass() {
        var passed = 0
        for seed in 1...40 {
            var noise = Noise(state: UInt64(seed))
            let values = (0..<120).map { _ in noise.next() }
            if SeasonalityTest.isSeasonal(values, period: 12) { passed += 1 }
        }
        // A 90 % test passes about one noise series in ten.
        #expect(passed <= 8, "\(passed) of 40 noise series passed")
    }

    @Test func aRandomWalksChangesDoNotPass() {
        var noise = Noise(state: 7)
        var changes: [Double] = []
        for _ in 0..<200 { changes.append(noise.next()) }
        #expect(!SeasonalityTest.isSeasonal(changes, period: 12))
    }

    @Test func tooFewSeasonsOrNoPeriodNeverPass() {
        let values = (0..<30).map { (t: Int) -> Double in sin(Double(t) * 2 * Double.pi / 12) }
        #expect(!SeasonalityTest.isSeasonal(values, period: 12))
        #expect(!SeasonalityTest.isSeasonal(Array(repeating: 1, count: 100), period: 4))
        #expect(!SeasonalityTest.isSeasonal((0..<100).map(Double.init), period: 1))
    }
}
