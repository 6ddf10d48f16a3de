import Foundation
import Testing
@testable import Forecasting
import ForecastEvaluation

/// A series that never goes below zero is never forecast below zero: not its forecasts, nor the
/// bounds of their intervals.
@Suite struct ForecasterLowerBoundTests {
    /// Units sold, falling by half a unit a step to 1.5 at the end, with a small wiggle.
    static let falling: [Double] = (0..<118).map { 60 - 0.5 * Double($0) + 0.3 * sin(Double($0)) }

    static func fitted(_ values: [Double]) throws -> Forecaster {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 8
        configuration.lookback = 10
        configuration.horizon = 10
        configuration.epochs = 30
        configuration.transform = .difference
        configuration.selection = .network
        configuration.threads = 1
        return try Forecaster.fit(values: values, configuration: configuration)
    }

    @Test func forecastsAndBoundsOfANonNegativeSeriesStayAtZeroOrAbove() throws {
        let forecaster = try Self.fitted(Self.falling)
        #expect(forecaster.lowerBound == 0)
        var unbounded = forecaster
        unbounded.lowerBound = nil
        let raw = try unbounded.forecast(steps: 10)
        #expect(raw.contains { $0 < 0 }, "the falling series should be forecast below zero without its bound: \(raw)")
        #expect(try forecaster.forecast(steps: 10) == raw.map { max($0, 0) })

        let bounded = try forecaster.forecastWithIntervals(steps: 10, levels: [0.8], history: Self.falling)
        let rawIntervals = try unbounded.forecastWithIntervals(steps: 10, levels: [0.8], history: Self.falling)
        // The intervals are those around the bounded forecast, their bounds raised to zero.
        let lower = bounded.intervals[0].lower.map { $0 ?? .nan }, upper = bounded.intervals[0].upper.map { $0 ?? .nan }
        #expect(lower.allSatisfy { $0 >= 0 } && lower.contains(0), "\(lower)")
        #expect(zip(zip(lower, bounded.forecasts), upper).allSatisfy { $0.0 <= $0.1 && $0.1 <= $1 })
        #expect(rawIntervals.intervals[0].lower.contains { ($0 ?? 0) < 0 })
    }

    @Test func aSeriesBelowZeroOrANegativeObservationHasNoBound() throws {
        var shifted = try Self.fitted(Self.falling.map { $0 - 30 })
        #expect(shifted.lowerBound == nil)
        var forecaster = try Self.fitted(Self.falling)
        try forecaster.observe(1.2)
        #expect(forecaster.lowerBound == 0)
        try forecaster.observe(-0.4)
        #expect(forecaster.lowerBound == nil)
        try shifted.condition(on: Self.falling)
        #expect(shifted.lowerBound == nil)   // a bound is found by fitting, never by conditioning
    }

    @Test func aModelFileKeepsTheBound() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tsf-\(UUID())-bound.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let forecaster = try Self.fitted(Self.falling)
        try forecaster.save(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(loaded.lowerBound == 0)
        #expect(try loaded.forecast(steps: 10) == (try forecaster.forecast(steps: 10)))
        #expect(try loaded.forecast(steps: 10).allSatisfy { $0 >= 0 })
    }

    /// The choice scores each candidate as it would forecast: raised to zero. Counts that fall to
    /// zero and stay there: a network that goes on falling errs by nothing once raised to zero.
    @Test func theChoiceScoresForecastsRaisedToZero() throws {
        let values = Self.falling.prefix(100).map { max(0, $0 - 10) } + Array(repeating: 0.0, count: 20)
        let forecaster = try Self.fitted(Array(values))
        let cutoffs = Array(stride(from: 100, through: 110, by: 1))
        let comparison = try MethodComparison(forecaster: forecaster, values: Array(values), features: [], cutoffs: cutoffs,
                                              horizon: 10, seasonPeriod: 1)
        let network = try #require(comparison.errors.first { $0.method == .network }).meanAbsoluteError
        var unbounded = forecaster
        unbounded.lowerBound = nil
        var raised = 0.0, raw = 0.0
        for cutoff in cutoffs {
            try unbounded.condition(on: Array(values[..<cutoff]))
            let forecast = try unbounded.networkForecast(steps: 10, knownFuture: [])
            for step in 0..<10 {
                raised += abs(max(forecast[step], 0) - values[cutoff + step])
                raw += abs(forecast[step] - values[cutoff + step])
            }
        }
        #expect(abs(network - raised / 110) <= 1e-9 * max(1, raised))
        #expect(raw > raised, "the network should fall below zero on some cut-offs")
    }

    @Test func anIntervalIsRaisedToAFloor() {
        let interval = IntervalForecast(level: 0.8, lower: [-2, nil, 1], upper: [-1, 3, 4]).raised(to: 0)
        #expect(interval.lower == [0, nil, 1])
        #expect(interval.upper == [0, 3, 4])
    }
}
