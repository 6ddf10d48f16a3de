import Foundation
import Testing
@testable import ForecastEvaluation

/// Forecasts from many cut-offs in one pass equal forecasts after each prefix afresh.
@Suite struct RollingForecastsTests {
    static let series: [Double] = {
        var state: UInt64 = 3
        return (0..<120).map { t -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(state >> 11) / Double(1 << 53) - 0.5
            let season: Double = 4 * sin(Double(t) * Double.pi / 6)
            return 50 + 0.3 * Double(t) + season + 2 * noise
        }
    }()
    static let cutoffs = [60, 61, 75, 90, 90, 110, 120]

    @Test func exponentialSmoothingMatchesEachPrefix() throws {
        let fit = try ExponentialSmoothing(seasonPeriod: 12).fit(history: Array(Self.series.prefix(60)))
        let rolling = fit.rollingForecasts(of: Self.series, cutoffs: Self.cutoffs, horizon: 5)
        for (cutoff, forecast) in zip(Self.cutoffs, rolling) {
            // The same filter over the same values in the same order: identical.
            #expect(forecast == fit.forecast(after: Array(Self.series[..<cutoff]), horizon: 5))
        }
    }

    @Test(arguments: [1, 12])
    func arimaMatchesEachPrefix(period: Int) throws {
        let fit = try ARIMA(seasonPeriod: period).fit(history: Array(Self.series.prefix(60)))
        let rolling = try fit.rollingForecasts(of: Self.series, cutoffs: Self.cutoffs, horizon: 5)
        for (cutoff, forecast) in zip(Self.cutoffs, rolling) {
            let fresh = try fit.forecast(after: Array(Self.series[..<cutoff]), horizon: 5)
            // The Kalman filter run in pieces may switch to its steady gain at another step: rounding only.
            for (a, b) in zip(forecast, fresh) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "cut-off \(cutoff)") }
        }
    }

    @Test func arimaRefusesACutOffWithinItsDifferences() throws {
        let fit = try ARIMA(seasonPeriod: 12).fit(history: Array(Self.series.prefix(60)))
        let loss = fit.order.differencingLoss
        if loss > 0 {
            #expect(throws: BaselineError.self) { try fit.rollingForecasts(of: Self.series, cutoffs: [loss], horizon: 2) }
        }
        #expect(try fit.rollingForecasts(of: Self.series, cutoffs: [], horizon: 2).isEmpty)
    }

    @Test func aConstantStartForecastsItsValue() throws {
        let values = [Double](repeating: 7, count: 30) + Self.series
        let fit = try ARIMA(seasonPeriod: 1).fit(history: values)
        let rolling = try fit.rollingForecasts(of: values, cutoffs: [20, 30, 100], horizon: 3)
        #expect(rolling[0] == [7, 7, 7])
        let fresh = try fit.forecast(after: Array(values[..<100]), horizon: 3)
        for (a, b) in zip(rolling[2], fresh) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
    }
}
