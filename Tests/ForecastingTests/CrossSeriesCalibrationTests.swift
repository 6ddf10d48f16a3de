import ForecastEvaluation
import Testing
@testable import Forecasting

/// Intervals of a many-series choice calibrated on the values it held out across the series.
@Suite struct CrossSeriesCalibrationTests {
    /// Evidence of one series whose history moves by `movement` a step, with ARIMA's held-out forecast.
    static func evidence(actuals: [Double], arima: [Double], movement: Double = 1) -> ManySeriesChoice.Evidence {
        var item = ManySeriesChoice.Evidence(actuals: actuals, history: (0..<30).map { Double($0) * movement })
        item.statistical = [.arima: arima]
        return item
    }

    @Test func scoresAreTheWinnersHeldOutErrorsOverEachSeriesMovement() {
        let evidence = [
            Self.evidence(actuals: [10, 20], arima: [11, 17]),
            Self.evidence(actuals: [10, 20], arima: [14, 20], movement: 2),
            ManySeriesChoice.Evidence(),  // a series too short to hold values out
        ]
        let calibration = CrossSeriesCalibration(candidate: .statistical([.arima]), evidence: evidence,
                                                 network: [nil, nil, nil], horizon: 2)
        #expect(calibration.scores == [[1, 2], [3, 0]])
        // A candidate that did not forecast a series gives it no scores.
        let none = CrossSeriesCalibration(candidate: .statistical([.ets]), evidence: evidence, network: [nil, nil, nil], horizon: 2)
        #expect(none.scores == [[], []])
    }

    /// Forty series whose held-out errors over their movement are 1, 2, …, 40 at both steps: the
    /// pooled 80 % quantile of those scores (each step's divided by its mean, 20.5) is the 65th of the
    /// 80, 33; times the step mean 20.5 and a movement of 1, a cross-series half-width of 33.
    static let forty = CrossSeriesCalibration(
        candidate: .statistical([.arima]),
        evidence: (1...40).map { Self.evidence(actuals: [0, 0], arima: [Double($0), -Double($0)]) },
        network: Array(repeating: nil, count: 40), horizon: 2)

    @Test func eachHalfWidthIsTheMeanOfTheOwnAndTheCrossSeriesOne() throws {
        let history = (0..<30).map { Double($0) }  // moves by 1 a step
        let own = IntervalForecast(level: 0.8, lower: [97, nil], upper: [103, nil])
        let result = try #require(Self.forty.intervals([own], forecasts: [100, 100], history: history).first)
        // Step 1: own half-width 3, cross-series 33, mean 18; step 2 had no own width: 33 alone.
        let bounds = try zip(result.lower, result.upper).map { (try #require($0), try #require($1)) }
        #expect(abs(bounds[0].0 - 82) <= 1e-9 && abs(bounds[0].1 - 118) <= 1e-9, "\(bounds)")
        #expect(abs(bounds[1].0 - 67) <= 1e-9 && abs(bounds[1].1 - 133) <= 1e-9, "\(bounds)")
        // A series moving twice as much gets a cross-series width twice as large.
        let doubled = try #require(Self.forty.intervals([own], forecasts: [100, 100], history: history.map { $0 * 2 }).first)
        let upper = try #require(doubled.upper[1])
        #expect(abs(upper - 166) <= 1e-9)
    }

    /// A series that never goes below zero: its own interval was raised to zero (half-width 3 around
    /// a forecast of 1, read from the upper bound), and the averaged one is raised to zero too.
    @Test func aSeriesBoundAtZeroKeepsItsOwnWidthAndItsBound() throws {
        let history = (0..<30).map { Double($0) }
        let own = IntervalForecast(level: 0.8, lower: [0, nil], upper: [4, nil])
        let result = try #require(Self.forty.intervals([own], forecasts: [1, 1], history: history, lowerBound: 0).first)
        // Step 1: own half-width 3, cross-series 33, mean 18: 1 + 18 above, and 0 below (not 1 − 18).
        #expect(result.lower.map { $0 ?? .nan } == [0, 0])
        let upper = try result.upper.map { try #require($0) }
        #expect(abs(upper[0] - 19) <= 1e-9 && abs(upper[1] - 34) <= 1e-9, "\(upper)")
        // Without a bound the same interval reaches below zero.
        let unbounded = try #require(Self.forty.intervals([own], forecasts: [1, 1], history: history).first)
        #expect(try #require(unbounded.lower[0]) < 0)
    }

    /// Intervals at several levels nest even where a level's width comes from one source only: the
    /// 95 % one has only the cross-series width (the 77th of 80 pooled scores, 39), the 99 % one
    /// only its own narrower one (80 scores are too few for it), so it is widened to the 95 %'s.
    @Test func intervalsAtSeveralLevelsNest() throws {
        let history = (0..<30).map { Double($0) }
        let own = [IntervalForecast(level: 0.99, lower: [98, 98], upper: [102, 102]),
                   IntervalForecast(level: 0.8, lower: [97, 97], upper: [103, 103]),
                   IntervalForecast(level: 0.95, lower: [nil, nil], upper: [nil, nil])]
        let result = Self.forty.intervals(own, forecasts: [100, 100], history: history)
        #expect(result.map(\.level) == [0.99, 0.8, 0.95])
        let halfWidths = try result.map { interval in try interval.upper.map { try #require($0) - 100 } }
        for step in 0..<2 {
            #expect(abs(halfWidths[1][step] - 18) <= 1e-9 && abs(halfWidths[2][step] - 39) <= 1e-9, "\(halfWidths)")
            #expect(abs(halfWidths[0][step] - 39) <= 1e-9, "the 99 % interval holds the 95 % one: \(halfWidths)")
        }
        // The note names the levels the held-out scores widened, and nothing when none.
        #expect(Self.forty.note(levels: [0.8, 0.95])?.hasPrefix("each interval's width") == true)
        #expect(Self.forty.note(levels: [0.8, 0.99])?.hasPrefix("the 80 % intervals' width") == true)
        #expect(Self.forty.note(levels: [0.99]) == nil)
    }

    @Test func withTooFewScoresForTheLevelTheSeriesKeepsItsOwnWidth() throws {
        let two = CrossSeriesCalibration(candidate: .statistical([.arima]),
                                         evidence: [Self.evidence(actuals: [0], arima: [1]), Self.evidence(actuals: [0], arima: [2])],
                                         network: [nil, nil], horizon: 1)
        let own = IntervalForecast(level: 0.95, lower: [7], upper: [13])
        let result = try #require(two.intervals([own], forecasts: [10], history: (0..<30).map(Double.init)).first)
        #expect(result.lower == [7] && result.upper == [13])
    }

    /// The choice's note says how the intervals were widened, and every series it forecasts gets them.
    @Test func aChoiceWithLevelsCalibratesAcrossTheSeries() throws {
        let series = ManySeriesChoiceTests.trendingSeries(count: 12)
        let outcome = try ManySeriesChoice(configuration: ManySeriesChoiceTests.quick(), steps: 3, levels: [0.8], threads: 2)
            .run(series)
        #expect(outcome.explanation.contains("each interval's width is the mean of the series' own and the one the winner's errors on the held-out values of 12 series give"),
                "\(outcome.explanation)")
        for output in outcome.outputs {
            let interval = try #require(try output.get().intervals.first)
            #expect(interval.lower.allSatisfy { $0 != nil } && interval.upper.allSatisfy { $0 != nil })
        }
        // The intervals are not the series' own: those its forecaster calibrates on its history alone.
        try #require(outcome.fellBack == 0)
        let output = try outcome.outputs[0].get()
        let own = try output.acrossSeries.map {
            try ManySeriesBlend(own: output.forecaster, acrossSeries: $0).forecastWithIntervals(steps: 3, levels: [0.8], history: series[0].values)
        }?.intervals ?? output.forecaster.forecastWithIntervals(steps: 3, levels: [0.8], history: series[0].values).intervals
        #expect(own.count == 1 && output.intervals != own)
        #expect(output.calibratedAcrossSeries == [0.8] && output.intervalMethod(level: 0.8) == "split-conformal-across-series")
        let plain = try ManySeriesChoice(configuration: ManySeriesChoiceTests.quick(), steps: 3, threads: 2).run(series)
        #expect(!plain.explanation.contains("interval"))
    }
}
