import Foundation
import Testing
@testable import Forecasting

/// Every note fitting writes is a claim about the numbers beside it; these tests hold the notes to
/// the rules they state.
@Suite struct FitNoteClaimsTests {
    @Test(arguments: [
        (Frequency.monthly, 400, 24, "two seasons of 12 steps"),
        (Frequency.monthly, 40, 8, "a fifth of the 40 rows"),
        (Frequency.tradingDays, 4000, 10, "two seasons of 5 steps"),
        (Frequency.yearly, 4000, 10, "the least the network reads"),
        (Frequency.weekly, 4000, 60, "the most the network reads"),
    ])
    func theLookbackNoteNamesTheRuleThatSetIt(frequency: Frequency, rows: Int, lookback: Int, rule: String) {
        #expect(Forecaster.defaultLookback(frequency: frequency, rows: rows) == lookback)
        let note = Forecaster.lookbackReason(lookback, season: frequency.seasonPeriod, rows: rows)
        #expect(note.hasPrefix("lookback \(lookback): "))
        #expect(note.contains(rule), "\(note)")
    }

    /// The errors in the method note: four significant digits, one decimal from 100 on, and an
    /// exponent where a decimal would print hundreds of digits or overflow.
    @Test(arguments: [(1.309, "1.309"), (11.55, "11.55"), (216, "216.0"), (0, "0.0"), (-0.0, "0.0"),
                      (1.5e307, "1.5e+307"), (-2e18, "-2e+18"), (Double.infinity, "inf")])
    func validationErrorsPrintAtEveryMagnitude(value: Double, printed: String) {
        #expect(MethodComparison.format(value) == printed)
    }

    /// A series of values near the largest usable ones (±1e100) gives validation errors of that
    /// size: fitting still writes its note (the note once turned them into integers, and trapped).
    @Test func aSeriesOfHugeValuesGetsItsMethodNote() throws {
        let values = (0..<40).map { Double($0) * 2e98 }
        let forecaster = try Forecaster.fit(values: values, frequency: .yearly,
                                            configuration: ForecasterConfiguration(horizon: 3, epochs: 3, threads: 1))
        let note = try #require(forecaster.fitReport?.decisions.first { $0.hasPrefix("forecast method") })
        #expect(note.contains("e+9"), "\(note)")
        #expect(try forecaster.forecast(steps: 3).allSatisfy(\.isFinite))
    }

    /// A seasonal series on which the comparison runs with every candidate.
    func comparison(rows: Int, horizon: Int) throws -> (MethodComparison, Forecaster) {
        let values: [Double] = (0..<rows).map { (row: Int) -> Double in
            let t = Double(row)
            return 50 + 0.3 * t + 8 * sin(t * 2 * Double.pi / 12)
        }
        let forecaster = try Forecaster.fit(values: values, frequency: .monthly,
                                            configuration: ForecasterConfiguration(horizon: horizon, selection: .network, epochs: 3, threads: 1))
        let cutoffs = Array(stride(from: rows - horizon - 30, through: rows - horizon, by: 1))
        let comparison = try MethodComparison(forecaster: forecaster, values: values, features: [], cutoffs: cutoffs,
                                              horizon: horizon, seasonPeriod: 12)
        return (comparison, forecaster)
    }

    @Test func theMethodNoteStatesTheRuleItFollowed() throws {
        let (comparison, _) = try comparison(rows: 150, horizon: 3)
        let best = try #require(comparison.errors.map(\.meanAbsoluteError).min())
        let chosen = try #require(comparison.errors.first { $0.method == comparison.chosen })
        // The rule: the simplest candidate within 2 % of the lowest error.
        #expect(chosen.meanAbsoluteError <= best * 1.02)
        for earlier in comparison.errors.prefix(while: { $0.method != comparison.chosen }) {
            #expect(earlier.meanAbsoluteError > best * 1.02, "\(earlier.method.name) was simpler and close enough")
        }
        let note = comparison.explanation
        #expect(note.contains("forecast method \(comparison.chosen.name): "))
        #expect(note.contains("\(comparison.forecasts) forecasts of 3 steps"))
        if chosen.meanAbsoluteError == best {
            #expect(note.contains("lowest error") || note.contains("beat every simpler candidate"))
        } else {
            #expect(note.contains("the simplest candidate within 2 % of the lowest error"))
        }
        #expect(!note.contains("uncertain"), "31 forecasts are not few")
    }

    @Test func fewValidationForecastsAreSaidToBeFew() throws {
        let values: [Double] = (0..<60).map { (row: Int) -> Double in 20 + Double(row % 12) }
        let forecaster = try Forecaster.fit(values: values, frequency: .monthly,
                                            configuration: ForecasterConfiguration(horizon: 2, selection: .network, epochs: 2, threads: 1))
        let comparison = try MethodComparison(forecaster: forecaster, values: values, features: [], cutoffs: [50, 52, 54],
                                              horizon: 2, seasonPeriod: 12)
        #expect(comparison.forecasts == 3)
        #expect(comparison.explanation.contains("only 3 forecasts, so the choice is uncertain"))
    }

    @Test(arguments: [ForecastStrategy.direct, .recursive])
    func theNotesSayWhenTheHorizonChangesTheFirstSteps(strategy: ForecastStrategy) throws {
        let values: [Double] = (0..<120).map { (row: Int) -> Double in 20 + Double(row % 12) + Double(row) * 0.1 }
        let forecaster = try Forecaster.fit(values: values, frequency: .monthly, configuration: ForecasterConfiguration(
            horizon: 3, strategy: strategy, selection: .network, epochs: 2, threads: 1))
        let said = forecaster.fitReport?.decisions.contains { $0.contains("forecasts all 3 steps at once") } ?? false
        #expect(said == (strategy == .direct))
    }
}
