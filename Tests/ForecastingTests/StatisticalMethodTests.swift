import Foundation
import Testing
import _ForecastTestSupport
@testable import Forecasting

/// The statistical models as candidates of the automatic method: chosen where they win on the
/// validation part, kept with their history, and reproduced by `observe` and by a model file.
@Suite struct StatisticalMethodTests {
    /// A quarterly series with a steady trend, a season and small noise: the statistical models
    /// forecast it far better than the last value, and a network trained for two epochs cannot.
    static let trending: [Double] = {
        var state: UInt64 = 11
        return (0..<160).map { t -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(state >> 11) / Double(1 << 53) - 0.5
            let season: Double = 3 * sin(Double(t) * Double.pi / 2)
            return 100 + 0.8 * Double(t) + season + noise
        }
    }()

    static func configuration() -> ForecasterConfiguration {
        ForecasterConfiguration(hiddenSize: 8, lookback: 8, horizon: 4, selection: .automatic, epochs: 2, threads: 1)
    }

    static func statisticalForecaster() throws -> Forecaster {
        let forecaster = try Forecaster.fit(values: trending, frequency: .quarterly, configuration: configuration())
        try #require(!forecaster.method.statisticalModels.isEmpty, "the method is \(forecaster.method.name)")
        return forecaster
    }

    @Test func aTrendingSeriesIsForecastByAStatisticalModelAndTheNoteSaysWhich() throws {
        let forecaster = try Self.statisticalForecaster()
        #expect(!forecaster.method.usesNetwork
                    || [.networkAndStatistical([.arima]), .networkAndStatistical([.ets, .theta, .arima])].contains(forecaster.method))
        let report = try #require(forecaster.fitReport)
        let candidates = report.validationErrors.map(\.method.name)
        for name in ["theta", "ets", "arima", "ets+theta+arima", "network+arima", "network+ets+theta+arima"] { #expect(candidates.contains(name)) }
        // Drift is weighed alone, after the simple forecasts and before the fitted models, and the
        // statistical mean leaves it out.
        let drift = try #require(candidates.firstIndex(of: "drift"))
        #expect(drift > (try #require(candidates.firstIndex(of: "naive"))))
        #expect(drift < (try #require(candidates.firstIndex(of: "theta"))))
        #expect(!candidates.contains { $0.contains("+drift") || $0.contains("drift+") })
        // Network + ARIMA is the first of the network's combinations: a near-tie goes to it.
        let networkAndArima = try #require(candidates.firstIndex(of: "network+arima"))
        #expect(networkAndArima > (try #require(candidates.firstIndex(of: "ets+theta+arima"))))
        #expect(networkAndArima < (try #require(candidates.firstIndex(of: "network+naive"))))
        let naive = try #require(report.validationErrors.first { $0.method == .naive }).meanAbsoluteError
        let chosen = try #require(report.validationErrors.first { $0.method == forecaster.method }).meanAbsoluteError
        #expect(chosen < naive / 2)
        #expect(report.decisions.contains { $0.contains("statistical models refitted on all 160 values") })
        #expect(report.decisions.contains { $0.contains("statistical models fitted on the training part") })
    }

    @Test func theForecastIsTheMeanOfTheModelsRefittedOnTheWholeSeries() throws {
        let forecaster = try Self.statisticalForecaster()
        let statistical = try #require(forecaster.statistical)
        #expect(statistical.history == Self.trending)
        let each = try statistical.models.map { try $0.forecast(after: Self.trending, steps: 6) }
        let mean = (0..<6).map { step in each.map { $0[step] }.reduce(0, +) / Double(each.count) }
        let forecast = try forecaster.forecast(steps: 6)
        if forecaster.method.usesNetwork {
            let network = try forecaster.networkForecast(steps: 6)
            for step in 0..<6 { #expect(abs(forecast[step] - (network[step] + mean[step]) / 2) <= 1e-9 * abs(forecast[step])) }
        } else {
            #expect(forecast == mean)
        }
        // Refitted on every value with the structure chosen on the training part: refitting the kept
        // models on the series once more changes nothing (estimation does not start from the old fit).
        for fitted in statistical.models {
            let refit = try #require(fitted.refitted(on: Self.trending))
            #expect(try refit.forecast(after: Self.trending, steps: 6) == fitted.forecast(after: Self.trending, steps: 6))
        }
    }

    @Test func observingEqualsConditioningOnTheLongerSeries() throws {
        var observed = try Self.statisticalForecaster()
        var conditioned = observed
        let next = [229.1, 233.6, 231.0]
        var last: [Double] = []
        for value in next { last = try observed.observe(value) }
        try conditioned.condition(on: Self.trending + next)
        #expect(last == (try conditioned.forecast(steps: 4)))
        #expect(observed.statistical?.history == Self.trending + next)
        // A different last value moves the statistical forecast.
        var other = try Self.statisticalForecaster()
        var same = try Self.statisticalForecaster()
        #expect(try other.observe(next[0] + 10) != (try same.observe(next[0])))
    }

    @Test func aModelFileReproducesTheForecastsAndTheUpdates() throws {
        let folder = try ScratchFolder()
        let url = folder.url.appendingPathComponent("model.safetensors")
        var forecaster = try Self.statisticalForecaster()
        try forecaster.save(to: url)
        var loaded = try Forecaster(contentsOf: url)
        #expect(loaded.method == forecaster.method)
        #expect(try loaded.forecast(steps: 9) == forecaster.forecast(steps: 9))
        #expect(try loaded.observe(230) == forecaster.observe(230))
        // Saving the loaded model gives the same bytes as saving the original after the same update.
        let again = folder.url.appendingPathComponent("again.safetensors")
        let original = folder.url.appendingPathComponent("original.safetensors")
        try loaded.save(to: again)
        try forecaster.save(to: original)
        #expect(try Data(contentsOf: again) == Data(contentsOf: original))
    }

    @Test func conditioningOnTooShortAHistoryIsAnError() throws {
        var forecaster = try Self.statisticalForecaster()
        let needed = try #require(forecaster.statistical).minimumHistory
        let rows = max(forecaster.requiredHistory, needed - 1)
        if rows < needed {
            #expect(throws: ForecasterError.historyTooShort(rows: rows, needed: needed)) {
                try forecaster.condition(on: Array(Self.trending.prefix(rows)))
            }
        }
        var withGap = Self.trending
        withGap[3] = .nan
        #expect(throws: ForecasterError.self) { try forecaster.condition(on: withGap) }
    }

    /// The latest values alone (a shorter history starting elsewhere) would filter the models'
    /// states over another series, so they are refused; a prefix of the fitted series (as a
    /// backtest or a calibration conditions on) and a series as long as the held one are taken.
    @Test func theLatestValuesAloneAreRefusedByAStatisticalMethod() throws {
        var forecaster = try Self.statisticalForecaster()
        let held = try #require(forecaster.statistical).history.count
        let latest = Array(Self.trending.suffix(held / 2))
        #expect(throws: ForecasterError.statisticalHistoryStartsElsewhere(method: forecaster.method.name, given: latest.count, held: held)) {
            try forecaster.condition(on: latest)
        }
        try forecaster.condition(on: Array(Self.trending.prefix(held - 5)))
        try forecaster.condition(on: Self.trending.map { $0 + 1 })
    }

    /// A random walk that climbs 1 a step on average, with steps of 1 ± 0.5: no model knows more of
    /// its future than its average climb.
    static let drifting: [Double] = {
        var state: UInt64 = 23
        var level = 50.0
        return (0..<300).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            level += 1 + (Double(state >> 11) / Double(1 << 53) - 0.5)
            return level
        }
    }()

    @Test func aDriftingRandomWalkIsForecastByTheDriftLineThroughTheWholeSeries() throws {
        var forecaster = try Forecaster.fit(values: Self.drifting, frequency: .monthly, configuration: Self.configuration())
        #expect(forecaster.method == .statistical([.drift]), "chose \(forecaster.method.name): \(forecaster.fitReport?.decisions ?? [])")
        guard forecaster.method == .statistical([.drift]) else { return }
        let report = try #require(forecaster.fitReport)
        let naive = try #require(report.validationErrors.first { $0.method == .naive }).meanAbsoluteError
        let drift = try #require(report.validationErrors.first { $0.method == .statistical([.drift]) }).meanAbsoluteError
        #expect(drift < naive * 0.9)
        // The line through the first and the last of all 300 values, extended.
        let first = Self.drifting[0], last = Self.drifting[299]
        let slope = (last - first) / 299
        let forecast = try forecaster.forecast(steps: 3)
        for step in 0..<3 { #expect(abs(forecast[step] - (last + Double(step + 1) * slope)) <= 1e-9 * abs(last)) }
        // A model file holds no parameter for it, and reproduces the forecasts and the updates.
        let folder = try ScratchFolder()
        let url = folder.url.appendingPathComponent("drift.safetensors")
        try forecaster.save(to: url)
        var loaded = try Forecaster(contentsOf: url)
        #expect(loaded.method == .statistical([.drift]))
        #expect(try loaded.forecast(steps: 5) == forecaster.forecast(steps: 5))
        let updated = try forecaster.observe(last + 30)
        #expect(try loaded.observe(last + 30) == updated)
        let newSlope = (last + 30 - first) / 300
        #expect(abs(updated[0] - (last + 30 + newSlope)) <= 1e-9 * abs(last))
    }

    @Test func aPriceLikeRandomWalkKeepsTheLastValue() throws {
        var state: UInt64 = 5
        var level = 100.0
        let walk = (0..<500).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            level *= 1 + 0.01 * (Double(state >> 11) / Double(1 << 53) - 0.5)
            return level
        }
        let forecaster = try Forecaster.fit(values: walk, frequency: .tradingDays, configuration: Self.configuration())
        // Nothing beats the last value on a random walk by more than the noise.
        #expect(forecaster.method == .naive)
    }
}
