import Foundation
import Testing
import Forecasting

/// The forecast of a series too short for the network: seasonal naive where the season shows and
/// helps, the last value otherwise.
@Suite struct SimpleForecastTests {
    @Test func aClearSeasonIsCopied() throws {
        let values: [Double] = (0..<40).map { (t: Int) -> Double in 10 + 5 * sin(Double(t) * 2 * Double.pi / 4) }
        let simple = try SimpleForecast(values: values, steps: 4, seasonPeriod: 4)
        #expect(simple.method == .seasonalNaive(period: 4))
        for step in 0..<4 { #expect(abs(simple.forecasts[step] - values[36 + step]) < 1e-12) }
        #expect(simple.explanation.hasPrefix("seasonal-naive"))
    }

    @Test func withoutASeasonTheLastValueIsKept() throws {
        let values: [Double] = [3, 4, 2, 5, 6, 5, 7, 8, 7, 9]
        let simple = try SimpleForecast(values: values, steps: 3, seasonPeriod: 12, levels: [0.8])
        #expect(simple.method == .naive)
        #expect(simple.forecasts == [9, 9, 9])
        #expect(simple.intervals.count == 1)
    }

    @Test func oneValueIsEnough() throws {
        let simple = try SimpleForecast(values: [42], steps: 2, seasonPeriod: 1)
        #expect(simple.forecasts == [42, 42])
        #expect(simple.method == .naive)
    }
}
