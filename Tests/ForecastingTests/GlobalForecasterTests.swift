import Foundation
import Testing
@testable import Forecasting

/// One network over many series: each series scaled on its own, shared choices, failures per series.
@Suite struct GlobalForecasterTests {
    static func quick() -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 8
        configuration.epochs = 3
        configuration.lookback = 8
        configuration.horizon = 2
        configuration.threads = 1
        return configuration
    }

    /// The same up-and-down pattern at very different levels.
    static let family: [[Double]] = [1.0, 50.0, 2000.0].map { level in
        (0..<60).map { level * (1 + 0.1 * sin(Double($0) * 0.7)) }
    }

    @Test func eachSeriesKeepsItsOwnScaleAndLevel() throws {
        let global = try GlobalForecaster.fit(series: Self.family, names: ["a", "b", "c"], configuration: Self.quick())
        #expect(global.members.count == 3)
        for (index, member) in global.members.enumerated() {
            let forecaster = try member.get()
            #expect(forecaster.network === global.network)
            #expect(forecaster.columnNames == [["a", "b", "c"][index]])
            let forecast = try forecaster.forecast(steps: 2)
            let level = Self.family[index].last!
            // Each forecast is near its own series' level (within the pattern's ±10 % plus slack),
            // which holds only when each series is scaled on its own.
            #expect(forecast.allSatisfy { abs($0 - level) < 0.3 * level }, "series \(index): \(forecast) vs level \(level)")
        }
        #expect(global.fitReport.trainingWindows > 0 && global.fitReport.validationWindows > 0)
    }

    @Test func aQuantileLossGivesEverySeriesItsOwnQuantilesAndIntervals() throws {
        var configuration = Self.quick()
        configuration.loss = .quantiles([0.1, 0.5, 0.9])
        configuration.epochs = 12
        let global = try GlobalForecaster.fit(series: Self.family, configuration: configuration)
        #expect(global.network.configuration.outputs == 2 * 3)
        for (index, member) in global.members.enumerated() {
            let forecaster = try member.get()
            #expect(forecaster.horizon == 2 && forecaster.intervalsFromQuantiles)
            let quantiles = try forecaster.quantileForecast(steps: 2)
            #expect(quantiles.count == 3 && quantiles.allSatisfy { $0.count == 2 })
            for step in 0..<2 {
                #expect(quantiles[0][step] <= quantiles[1][step] && quantiles[1][step] <= quantiles[2][step])
            }
            // Each series' quantiles sit at its own level: the pattern swings ±10 % around it.
            let level = Self.family[index].last!
            #expect(quantiles.joined().allSatisfy { abs($0 - level) < 0.4 * level }, "series \(index): \(quantiles)")
            let (forecasts, intervals) = try forecaster.forecastWithIntervals(steps: 2, levels: [0.8], history: Self.family[index])
            // The point forecast is the median output, within the sorted outer quantiles.
            #expect((0..<2).allSatisfy { quantiles[0][$0] <= forecasts[$0] && forecasts[$0] <= quantiles[2][$0] })
            #expect(forecaster.intervalMethod(level: 0.8) == "conformalised-quantile-regression")
            let bounds = zip(intervals[0].lower, intervals[0].upper).compactMap { lower, upper in lower.flatMap { l in upper.map { (l, $0) } } }
            #expect(bounds.count == 2 && bounds.allSatisfy { $0.0 <= $0.1 })
        }
        // A member saved and loaded forecasts the same quantiles.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("global-quantiles-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let member = try global.members[1].get()
        try member.save(to: url)
        #expect(try Forecaster(contentsOf: url).quantileForecast(steps: 2) == member.quantileForecast(steps: 2))
    }

    @Test func trainingOnThreeSeriesUsesTheWindowsOfAll() throws {
        let one = try GlobalForecaster.fit(series: [Self.family[0]], configuration: Self.quick())
        let three = try GlobalForecaster.fit(series: Self.family, configuration: Self.quick())
        #expect(three.fitReport.trainingWindows == 3 * one.fitReport.trainingWindows)
    }

    @Test func sameResultOnOneOrTwoThreads() throws {
        var two = Self.quick()
        two.threads = 2
        let a = try GlobalForecaster.fit(series: Self.family, configuration: Self.quick())
        let b = try GlobalForecaster.fit(series: Self.family, configuration: two)
        for index in 0..<3 {
            #expect(try a.members[index].get().forecast(steps: 2) == b.members[index].get().forecast(steps: 2))
        }
    }

    @Test func shortAndConstantSeriesFailAloneAndTheTransformIsShared() throws {
        let series = Self.family + [[1, 2, 3], Array(repeating: 5, count: 40), [5, 5]]
        var configuration = Self.quick()
        configuration.transform = nil
        let global = try GlobalForecaster.fit(series: series, configuration: configuration)
        #expect(global.configuration.transform == .logReturn)
        #expect(global.fitReport.decisions.contains { $0.contains("log-return") })
        guard case .failure(.seriesTooShort) = global.members[3] else {
            Issue.record("expected the 3-row series to be too short")
            return
        }
        guard case .failure(.constantSeries) = global.members[4] else {
            Issue.record("expected the constant series to fail")
            return
        }
        guard case .failure(.seriesTooShort) = global.members[5] else {
            Issue.record("expected the 2-row constant series to be too short rather than constant")
            return
        }
        #expect(throws: Never.self) { try global.members[0].get() }
    }

    /// Values near the largest double of opposite signs, beyond the usable ±1e100: that series
    /// fails alone, named, where its changes once overflowed and stopped the process.
    @Test func aSeriesBeyondTheUsableMagnitudeFailsAlone() throws {
        let swinging = (0..<60).map { $0.isMultiple(of: 2) ? 1.7e308 : -1.7e308 }
        let global = try GlobalForecaster.fit(series: Self.family + [swinging], configuration: Self.quick())
        guard case .failure(.valueTooLarge(row: 0, value: 1.7e308, feature: nil)) = global.members[3] else {
            Issue.record("expected the swinging series to fail with its first value, got \(global.members[3])")
            return
        }
        #expect(throws: Never.self) { try global.members[0].get() }
        var alone = Self.quick()
        alone.transform = .difference
        #expect(throws: ForecasterError.valueTooLarge(row: 0, value: 1.7e308, feature: nil)) {
            try Forecaster.fit(values: swinging, configuration: alone)
        }
    }

    @Test func noUsableSeriesIsRefused() {
        #expect(throws: ForecasterError.self) { try GlobalForecaster.fit(series: [[1, 2]], configuration: Self.quick()) }
        #expect(throws: ForecasterError.self) { try GlobalForecaster.fit(series: [], configuration: Self.quick()) }
    }
}
