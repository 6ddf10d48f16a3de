import ForecastActions
import ForecastData
import Forecasting
import Foundation
import Testing
import _ForecastTestSupport

/// A forecast and a backtest of intraday bars in sessions: dated at the next open, seasoned by one
/// session's bars.
@Suite struct IntradaySessionActionTests {
    /// Quarter-hour bars from 09:30 to 15:45 on the weekdays of 2 to 17 November 2026 (12 sessions of
    /// 26 bars), with a pattern over each session.
    static func quarterHourCSV() -> String {
        var lines = ["time,price"]
        for day in 2 ... 17 where Timestamp(year: 2026, month: 11, day: day).civil.weekday <= 5 {
            for bar in 0 ..< 26 {
                let minute = 9 * 60 + 30 + 15 * bar
                let value = 100 + Double(day) * 0.2 + 3 * sin(Double(bar) * 2 * .pi / 26)
                lines.append(String(format: "2026-11-%02d %02d:%02d,%.3f", day, minute / 60, minute % 60, value))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aForecastContinuesAtTheNextOpenWithASessionsSeason() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("bars.csv", Self.quarterHourCSV())
        let outcome = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "price"),
                                         configuration: ActionFixtures.quick, steps: 3).run()
        // Tuesday 17 November ends at 15:45; Wednesday opens at 09:30.
        #expect(outcome.result.steps.map(\.date) == ["2026-11-18 09:30", "2026-11-18 09:45", "2026-11-18 10:00"])
        let forecaster = try #require(outcome.forecaster)
        #expect(forecaster.configuration.seasonPeriod == 26)
        #expect(forecaster.configuration.lookback == 52)                  // two sessions, not two days of 96 bars
        let suite = try BacktestSettings(configuration: ActionFixtures.quick, horizon: 4, folds: 2).suite(for: outcome.series)
        #expect(suite.backtest.seasonPeriod == 26)
        let movingAverage = try #require(suite.baselines.first { $0.name == "moving-average" } as? MovingAverageForecast)
        #expect(movingAverage.window == 26)                               // a session, not 96 quarter hours
    }
}
