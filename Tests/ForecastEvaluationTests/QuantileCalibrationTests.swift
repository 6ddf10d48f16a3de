import Testing
@testable import ForecastEvaluation

struct QuantileCalibrationTests {
    /// Values 0…199 repeated; "bounds" a fixed distance around the value that follows each cut-off.
    let history = (0..<400).map { Double($0 % 200) }

    func intervals(lowerOffset: Double, upperOffset: Double, level: Double, noise: [Double]) throws -> IntervalForecast {
        // The model's bounds after a prefix of length c: the actual at c plus the offsets, but the
        // actual is moved by noise[c % noise.count], so it falls outside whenever the noise exceeds them.
        var series = history
        for index in series.indices { series[index] += noise[index % noise.count] }
        return try QuantileCalibration.intervals(
            levels: [level], bounds: [([100 + lowerOffset], [100 + upperOffset])], history: series, count: 200,
            minimumHistory: 100,
            boundsAfter: { prefix in [([self.history[prefix.count] + lowerOffset], [self.history[prefix.count] + upperOffset])] }
        )[0]
    }

    @Test func boundsTooNarrowAreWidenedToTheLevel() throws {
        // Noise −4.5 … 4.5 in steps of 1 (ten values, each at 20 of the 200 cut-offs); bounds ±1 around
        // the clean value. Each side may miss at most 10 %: the ⌈201 · 0.9⌉ = 181st smallest score of a
        // side is the largest noise value less the offset, 4.5 − 1, so the bounds reach ±4.5.
        let noise = (0..<10).map { Double($0) - 4.5 }
        let interval = try intervals(lowerOffset: -1, upperOffset: 1, level: 0.8, noise: noise)
        #expect(abs(try #require(interval.lower[0]) - (100 - 4.5)) < 1e-9)
        #expect(abs(try #require(interval.upper[0]) - (100 + 4.5)) < 1e-9)
    }

    @Test func eachBoundMovesOnItsOwn() throws {
        // A lower bound far too low (−50) comes in to the noise's reach and an upper bound short of
        // it (3.5) moves out by 1: each side by its own scores.
        let noise = (0..<10).map { Double($0) - 4.5 }
        let interval = try intervals(lowerOffset: -50, upperOffset: 3.5, level: 0.8, noise: noise)
        #expect(abs(try #require(interval.lower[0]) - (100 - 4.5)) < 1e-9)
        #expect(abs(try #require(interval.upper[0]) - (100 + 4.5)) < 1e-9)
    }

    @Test func fewCutoffsFallBackToTheSymmetricScore() throws {
        // 30 cut-offs: a 95 % interval's sides need ⌈31 · 0.975⌉ = 31 > 30 scores each, the symmetric
        // score ⌈31 · 0.95⌉ = 30. Actuals 0 … 29 against bounds [10, 12]: the scores max(10 − y, y − 12)
        // sorted end at 17 (y = 29), so both bounds move out by 17.
        let history = (0..<60).map { Double(max(0, $0 - 30)) }
        let interval = try QuantileCalibration.intervals(
            levels: [0.95], bounds: [([10], [12])], history: history, count: 30, minimumHistory: 30,
            boundsAfter: { _ in [([10], [12])] })
        #expect(interval[0].lower == [10 - 17])
        #expect(interval[0].upper == [12 + 17])
    }

    @Test func tooFewCutoffsGiveNoInterval() throws {
        let interval = try QuantileCalibration.intervals(
            levels: [0.95], bounds: [([0], [1])], history: Array(repeating: 0.5, count: 20), count: 10, minimumHistory: 10,
            boundsAfter: { _ in [([0], [1])] })
        #expect(interval[0].lower == [nil])
        #expect(interval[0].upper == [nil])
    }
}
