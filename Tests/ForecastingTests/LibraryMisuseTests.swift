import ForecastConcurrency
import Foundation
import Testing
import _ForecastTestSupport
@testable import Forecasting

/// An app author's plausible mistakes with the library's main types throw errors that say what is
/// wrong, where each once stopped the process at a precondition or an overflow.
@Suite struct LibraryMisuseTests {
    static let seasonal: [Double] = (0..<60).map { (row: Int) -> Double in
        let t = Double(row)
        return 20 + 5 * sin(t * 2 * Double.pi / 12) + 0.1 * t
    }

    static var quick: ForecasterConfiguration {
        var configuration = ForecasterConfiguration(hiddenSize: 4, epochs: 2, threads: 1)
        configuration.horizon = 3
        return configuration
    }

    @Test func aSimpleForecastRefusesWhatItCannotForecast() throws {
        #expect(throws: ForecasterError.historyTooShort(rows: 0, needed: 1)) { try SimpleForecast(values: [], steps: 1, seasonPeriod: 1) }
        #expect(throws: ForecasterError.nonFiniteValue(row: 3, value: .infinity)) {
            try SimpleForecast(values: [1, 2, 3, .infinity], steps: 1, seasonPeriod: 1)
        }
        for steps in [0, -1, Int.max] {
            #expect(throws: ForecasterError.self) { try SimpleForecast(values: [1, 2, 3], steps: steps, seasonPeriod: 1) }
        }
        // A season longer than half the series is no candidate, however long.
        let long = try SimpleForecast(values: Self.seasonal, steps: 2, seasonPeriod: Int.max)
        #expect(long.method == .naive && long.forecasts == [Self.seasonal.last!, Self.seasonal.last!])
    }

    @Test func negativeCalibrationWindowsThrow() throws {
        var configuration = Self.quick
        configuration.selection = .network
        let forecaster = try Forecaster.fit(values: Self.seasonal, configuration: configuration)
        #expect(throws: ForecasterError.invalidConfiguration(setting: "calibrationWindows", value: "-1", requirement: "0 or more")) {
            try forecaster.intervals(levels: [0.8], steps: 3, history: Self.seasonal, calibrationWindows: -1)
        }
    }

    @Test func aGlobalFitWithFeaturesForSomeSeriesThrows() {
        #expect(throws: ForecasterError.self) {
            try GlobalForecaster.fit(series: [Self.seasonal, Self.seasonal.map { $0 * 2 }], features: [FeatureColumns()],
                                     configuration: Self.quick)
        }
    }

    /// A member fitted with feature columns but no names for them saves a file that reads back.
    @Test func aGlobalMemberWithUnnamedFeaturesSavesAFileThatLoads() throws {
        let feature = Self.seasonal.indices.map { Double($0 % 12) }
        let global = try GlobalForecaster.fit(series: [Self.seasonal, Self.seasonal.map { $0 * 2 }],
                                              features: [FeatureColumns(observed: [feature]), FeatureColumns(observed: [feature])],
                                              names: ["a", "b"], configuration: Self.quick)
        let folder = try ScratchFolder()
        let url = folder.url.appendingPathComponent("a.safetensors")
        let member = try global.members[0].get()
        try member.save(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(loaded.columnNames.isEmpty && loaded.featureCount == 1)
    }

    @Test func theChoiceAcrossSeriesRefusesBadSettingsUpFront() {
        let series = (0..<10).map { index in TimeSeries(name: "s\(index)", values: Self.seasonal.map { $0 + Double(index) }) }
        #expect(throws: ForecasterError.self) { try ManySeriesChoice(configuration: Self.quick, steps: 0).run(series) }
        var noSeason = Self.quick
        noSeason.seasonPeriod = 0
        #expect(throws: ForecasterError.invalidConfiguration(setting: "seasonPeriod", value: "0",
                                                             requirement: "from 1 to \(ForecasterConfiguration.largestSteps)")) {
            try ManySeriesChoice(configuration: noSeason, steps: 3).run(series)
        }
        #expect(throws: ForecasterError.noSeries) { try ManySeriesChoice().run([]) }
    }

    @Test func theRunnerTakesNoThreadsAsOneAndNoSeriesAsNone() {
        let delivered = Locked<[Int]>([])
        ManySeriesRunner.run(count: 3, threads: 0, job: { index in .success(index) },
                             deliver: { index, _ in delivered.withLock { $0.append(index) }; return true })
        #expect(delivered.value == [0, 1, 2])
        ManySeriesRunner.run(count: -1, threads: -2, job: { index in .success(index) },
                             deliver: { index, _ in delivered.withLock { $0.append(index) }; return true })
        #expect(delivered.value == [0, 1, 2])
    }
}
