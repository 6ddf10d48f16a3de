import Foundation
import Testing
@testable import ForecastData

struct SeriesTransformTests {
    let prices = [100.0, 102, 101, 105, 110]

    @Test func differencesAndLogReturnsShortenTheSeriesByOneRow() throws {
        #expect(try SeriesTransform.apply(.difference, to: prices) == [2, -1, 4, 5])
        let returns = try SeriesTransform.apply(.logReturn, to: prices)
        #expect(returns.count == 4)
        #expect(abs(returns[0] - log(1.02)) < 1e-15)
        #expect(try SeriesTransform.apply(.log, to: prices).count == 5)
    }

    @Test(arguments: TransformKind.allCases)
    func invertingTheFutureOfASeriesRestoresIt(kind: TransformKind) throws {
        // Transform a whole series, treat its tail as "forecasts" and invert them from the last
        // value of the head: the tail's levels must come back.
        var generator = SplitMix(seed: 3)
        var series = [50.0]
        for _ in 0..<60 { series.append(series.last! * exp(0.02 * (generator.nextDouble() - 0.5))) }
        let transformed = try SeriesTransform.apply(kind, to: series)
        let headCount = 40
        let tail = Array(transformed[(headCount - kind.rowsConsumed)...])
        let restored = SeriesTransform.invert(kind, forecasts: tail, lastObserved: series[headCount - 1])
        for (restoredValue, original) in zip(restored, series[headCount...]) {
            #expect(abs(restoredValue - original) <= 1e-10 * original)
        }
        #expect(restored.count == series.count - headCount)
    }

    @Test(arguments: [TransformKind.log, .logReturn])
    func logTransformsRefuseValuesThatAreNotPositive(kind: TransformKind) {
        #expect(throws: SeriesTransform.InvalidValue(row: 2, value: 0, transform: kind)) {
            try SeriesTransform.apply(kind, to: [1, 2, 0, 3])
        }
        #expect(throws: SeriesTransform.InvalidValue(row: 1, value: -4, transform: kind)) {
            try SeriesTransform.apply(kind, to: [1, -4])
        }
    }
}
