import Testing
@testable import ForecastEvaluation

/// Each baseline exactly, on a history small enough to compute by hand.
struct BaselineTests {
    let history = [3.0, 5, 4, 8, 6, 10]

    @Test func naiveRepeatsTheLastValue() throws {
        #expect(try NaiveForecast().forecast(after: history, horizon: 3) == [10, 10, 10])
    }

    @Test func seasonalNaiveRepeatsTheLastSeason() throws {
        let method = SeasonalNaiveForecast(seasonPeriod: 4)
        // last season: 4, 8, 6, 10
        #expect(try method.forecast(after: history, horizon: 6) == [4, 8, 6, 10, 4, 8])
        #expect(try SeasonalNaiveForecast(seasonPeriod: 1).forecast(after: history, horizon: 2) == [10, 10])
    }

    @Test func driftExtendsTheLineFromFirstToLast() throws {
        // slope (10 − 3) / 5 = 1.4
        let forecast = try DriftForecast().forecast(after: history, horizon: 2)
        #expect(abs(forecast[0] - 11.4) < 1e-12)
        #expect(abs(forecast[1] - 12.8) < 1e-12)
    }

    @Test func meanAveragesTheWholeHistory() throws {
        #expect(try MeanForecast().forecast(after: history, horizon: 1) == [6])
    }

    @Test func movingAverageAveragesTheLatestValues() throws {
        #expect(try MovingAverageForecast(window: 3).forecast(after: history, horizon: 2) == [8, 8])
    }

    @Test func tooShortAHistoryIsAnError() {
        #expect(throws: BaselineError.historyTooShort(method: "seasonal-naive", needed: 12, available: 6)) {
            try SeasonalNaiveForecast(seasonPeriod: 12).fit(history: history)
        }
        #expect(throws: BaselineError.historyTooShort(method: "drift", needed: 2, available: 1)) {
            try DriftForecast().forecast(after: [1], horizon: 1)
        }
    }

    @Test func fittingThenForecastingANewerHistoryUsesTheNewerHistory() throws {
        // A fitted baseline re-conditioned on newer data forecasts from that data.
        let fitted = try NaiveForecast().fit(history: [1, 2, 3])
        #expect(try fitted.forecast(after: [1, 2, 3, 7], horizon: 1) == [7])
    }
}
