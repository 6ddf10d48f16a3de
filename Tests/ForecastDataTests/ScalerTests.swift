import Testing
@testable import ForecastData

struct ScalerTests {
    let values = [1.0, 2, 3, 4, 10]

    @Test func standardUsesThePopulationDeviation() {
        let scaler = FittedScaler(kind: .standard, fittedTo: values)
        // mean 4; squared deviations 9, 4, 1, 0, 36 → variance 10
        #expect(abs(scaler.center - 4) < 1e-12)
        #expect(abs(scaler.scale - 10.0.squareRoot()) < 1e-12)
    }

    @Test func minmaxMapsTheTrainingRangeToTheUnitInterval() {
        let scaler = FittedScaler(kind: .minmax, fittedTo: values)
        #expect(scaler.scaled(1) == 0)
        #expect(scaler.scaled(10) == 1)
        #expect(scaler.scaled(19) == 2)  // not clipped beyond the range
    }

    @Test func robustUsesMedianAndInterquartileRange() {
        let scaler = FittedScaler(kind: .robust, fittedTo: values)
        // sorted 1 2 3 4 10: median 3, Q1 2, Q3 4 (numpy's linear rule)
        #expect(scaler.center == 3)
        #expect(scaler.scale == 2)
    }

    @Test func aConstantSeriesOnlyShifts() {
        for kind in ScalerKind.allCases {
            let scaler = FittedScaler(kind: kind, fittedTo: [5, 5, 5])
            #expect(scaler.scale == 1)
            #expect(scaler.scaled(5) == (kind == .none ? 5 : 0))
        }
    }

    @Test(arguments: ScalerKind.allCases)
    func roundTripsAreExactToRounding(kind: ScalerKind) {
        var generator = SplitMix(seed: 11)
        let data = (0..<200).map { _ in generator.nextDouble() * 1e4 - 3e3 }
        let scaler = FittedScaler(kind: kind, fittedTo: data)
        for value in data {
            let back = scaler.unscaled(scaler.scaled(value))
            #expect(abs(back - value) <= 1e-12 * max(1, abs(value)))
        }
    }
}

/// Deterministic doubles in [0, 1) for property tests of this module.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
