import Foundation
import Testing
import _ForecastTestSupport
import ForecastEvaluation
import ForecastNN
@testable import Forecasting

/// The automatic choice across many series: candidates scored on held-out ends, the rule that picks
/// one, and every series forecast (and saved) by the winner.
@Suite struct ManySeriesChoiceTests {
    static func quick() -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 4
        configuration.epochs = 2
        configuration.lookback = 8
        configuration.threads = 1
        return configuration
    }

    /// Rising lines with a little noise, each at its own level and slope: the last value (naive)
    /// lags every one of them, while a trend model follows.
    static func trendingSeries(count: Int, length: Int = 48) -> [TimeSeries] {
        var random = SeededGenerator(seed: 7)
        return (0..<count).map { index in
            let slope = 0.5 + Double(index % 5) * 0.3
            let level = 20 + Double(index) * 3
            let values = (0..<length).map { t in level + slope * Double(t) + 0.2 * (Double(random.nextUnitFloat()) - 0.5) }
            return TimeSeries(name: "s\(index)", values: values)
        }
    }

    /// Twelve trending series, the quick settings with a horizon of 3, and a network trained across them.
    static func networkAcrossTrendingSeries() throws -> ([TimeSeries], ForecasterConfiguration, GlobalForecaster) {
        let series = trendingSeries(count: 12)
        var configuration = quick()
        configuration.horizon = 3
        let global = try GlobalForecaster.fit(series: series.map(\.values), names: series.map(\.name), configuration: configuration)
        return (series, configuration, global)
    }

    @Test func trendingSeriesAreNotForecastByTheLastValueAndEachSeriesUsesTheWinner() throws {
        let series = Self.trendingSeries(count: 12)
        let outcome = try ManySeriesChoice(configuration: Self.quick(), steps: 3, threads: 2).run(series)
        #expect(outcome.scoredSeries == 12)
        #expect(outcome.scores.count == ManySeriesCandidate.all(seasonPeriod: 1).count)
        let naive = try #require(outcome.scores.first { $0.candidate == .naive })
        let chosen = try #require(outcome.scores.first { $0.candidate == outcome.chosen })
        // The held-out error of the winner is far below the last value's on lines that rise by
        // 0.5–1.7 a step (the naive error of 3 steps averages twice a step's rise).
        #expect(chosen.meanScaledError < 0.5 * naive.meanScaledError, "\(outcome.explanation)")
        #expect(outcome.explanation.contains("chose \(outcome.chosen)"))
        #expect(outcome.outputs.count == 12)
        for (item, output) in zip(series, outcome.outputs) {
            let output = try output.get()
            #expect(output.forecasts.count == 3)
            if let method = outcome.chosen.method, outcome.fellBack == 0 {
                #expect(output.forecaster.method == method)
            }
            // Every forecast continues its own line: within two steps' rise of the next value.
            let last = item.values.last!
            #expect(output.forecasts.allSatisfy { abs($0 - last) < 8 }, "\(item.name): \(output.forecasts) after \(last)")
        }
    }

    @Test func withoutANetworkAcrossSeriesTheOtherCandidatesAreStillWeighed() {
        let all = ManySeriesCandidate.all(seasonPeriod: 4)
        #expect(ManySeriesChoice.candidates(seasonPeriod: 4, networkTrained: true) == all)
        let without = ManySeriesChoice.candidates(seasonPeriod: 4, networkTrained: false)
        #expect(without == all.filter { !$0.usesNetworkAcrossSeries })
        #expect(without.contains(.perSeries) && without.contains(.statistical([.arima])) && without.count == all.count - 9)
        // A choice whose models are saved leaves out the blend, which needs two of them.
        let saved = ManySeriesChoice.candidates(seasonPeriod: 4, networkTrained: true, averagingOwnChoice: false)
        #expect(saved == all.filter { $0 != .perSeriesAndGlobal([.arima]) } && saved.count == all.count - 1)
    }

    @Test func fewSeriesKeepEachSeriesOwnChoice() throws {
        let series = Self.trendingSeries(count: 4)
        let outcome = try ManySeriesChoice(configuration: Self.quick(), steps: 3, threads: 2).run(series)
        #expect(outcome.chosen == .perSeries)
        #expect(outcome.scores.isEmpty)
        #expect(outcome.explanation.contains("too few"))
        let alone = ManySeriesForecast(configuration: Self.quick(), steps: 3)
        for (item, output) in zip(series, outcome.outputs) {
            #expect(try output.get().forecasts == alone.forecast(item).forecasts)
        }
    }

    @Test func theLowestMeanWinsUnlessASimplerCandidateIsWithinTheTolerance() {
        let candidates = ManySeriesCandidate.all(seasonPeriod: 1)
        func score(_ candidate: ManySeriesCandidate, _ mean: Double) -> ManySeriesChoice.Score {
            ManySeriesChoice.Score(candidate: candidate, meanScaledError: mean, differenceToPerSeries: 0, standardError: 0)
        }
        let arima = ManySeriesCandidate.statistical([.arima])
        let globalArima = ManySeriesCandidate.global([.arima])
        // 1.000 against 1.005: the simpler ARIMA is within 1 % of the network with it.
        #expect(ManySeriesChoice.choose(among: candidates, scores: [score(globalArima, 1.0), score(arima, 1.005)],
                                        scoredSeries: 50) == arima)
        // 1.000 against 1.05: the better one wins.
        #expect(ManySeriesChoice.choose(among: candidates, scores: [score(globalArima, 1.0), score(arima, 1.05)],
                                        scoredSeries: 50) == globalArima)
        // Too few series scored: each series chooses alone.
        #expect(ManySeriesChoice.choose(among: candidates, scores: [score(globalArima, 1.0)], scoredSeries: 9) == .perSeries)
    }

    @Test func aWinnerWithoutTheNetworkHoldsOneTrainedForOneEpoch() {
        let choice = ManySeriesChoice(configuration: Self.quick(), threads: 2, networkStrategy: .recursive)
        var base = Self.quick()
        base.epochs = 40
        base.loss = .quantiles([0.1, 0.9])
        for candidate in [ManySeriesCandidate.naive, .seasonalNaive(period: 4), .statistical([.arima])] {
            let settings = choice.finalNetworkConfiguration(for: candidate, base: base)
            #expect(settings.epochs == 1 && settings.loss == .meanSquaredError)
        }
        for candidate in [ManySeriesCandidate.global([]), .global([.ets])] {
            let settings = choice.finalNetworkConfiguration(for: candidate, base: base)
            #expect(settings.epochs == 40 && settings.strategy == .recursive && settings.threads == 2)
        }
    }

    @Test func aLargeCollectionIsScoredOnAnEvenSample() {
        #expect(ManySeriesChoice.sample(count: 12) == Array(0..<12))
        let sample = ManySeriesChoice.sample(count: 2_003)
        #expect(sample.count == ManySeriesChoice.largestSample)
        #expect(sample.first == 0 && sample.last! >= 1_990 && Set(sample).count == sample.count && sample == sample.sorted())
    }

    @Test func candidatesAreOrderedSimplestFirstAndNamedOnce() {
        let seasonal = ManySeriesCandidate.all(seasonPeriod: 12)
        #expect(seasonal.first == .naive)
        #expect(seasonal[1] == .seasonalNaive(period: 12))
        #expect(seasonal.dropLast().last == .perSeries)
        #expect(seasonal.last == .perSeriesAndGlobal([.arima]) && seasonal.last?.description == "per-series+global+arima")
        #expect(Set(seasonal.map(\.description)).count == seasonal.count)
        #expect(!ManySeriesCandidate.all(seasonPeriod: 1).contains { if case .seasonalNaive = $0 { true } else { false } })
        // Seven combinations of three models, alone and with the network, the network alone, two
        // simple ones, per series, and per series blended with the network and ARIMA.
        #expect(seasonal.count == 7 + 7 + 1 + 2 + 1 + 1)
    }

    @Test func combinationsAverageTheNetworkWithTheStatisticalMean() throws {
        var evidence = ManySeriesChoice.Evidence(actuals: [0, 0, 0], history: [1, 2, 3, 4, 5])
        evidence.statistical = [.ets: [10, 10, 10], .arima: [20, 20, 20]]
        let network = [40.0, 40, 40]
        #expect(ManySeriesChoice.forecast(of: .statistical([.ets, .arima]), evidence: evidence, network: network) == [15, 15, 15])
        #expect(ManySeriesChoice.forecast(of: .global([.ets, .arima]), evidence: evidence, network: network) == [27.5, 27.5, 27.5])
        #expect(ManySeriesChoice.forecast(of: .global([]), evidence: evidence, network: network) == network)
        #expect(ManySeriesChoice.forecast(of: .naive, evidence: evidence, network: nil) == [5, 5, 5])
        #expect(ManySeriesChoice.forecast(of: .seasonalNaive(period: 2), evidence: evidence, network: nil) == [4, 5, 4])
        // A missing part leaves the candidate out for the series.
        #expect(ManySeriesChoice.forecast(of: .global([.theta]), evidence: evidence, network: network) == nil)
        #expect(ManySeriesChoice.forecast(of: .global([]), evidence: evidence, network: nil) == nil)
        #expect(ManySeriesChoice.forecast(of: .perSeriesAndGlobal([.arima]), evidence: evidence, network: network) == nil)
    }

    /// The blend weighs each series' own choice, the network and the statistical mean alike.
    @Test func theBlendGivesTheOwnChoiceTheNetworkAndTheModelsEqualShares() throws {
        var evidence = ManySeriesChoice.Evidence(actuals: [0, 0], history: [1, 2, 3])
        evidence.statistical = [.arima: [20, 26]]
        evidence.perSeries = [5, 11]
        let network = [50.0, 80]
        let blend = try #require(ManySeriesChoice.forecast(of: .perSeriesAndGlobal([.arima]), evidence: evidence, network: network))
        #expect(abs(blend[0] - 25) <= 1e-12 && abs(blend[1] - 39) <= 1e-12, "\(blend)")
        let halves = try #require(ManySeriesChoice.forecast(of: .perSeriesAndGlobal([]), evidence: evidence, network: network))
        #expect(halves == [27.5, 45.5])
        #expect(ManySeriesChoice.forecast(of: .perSeriesAndGlobal([.arima]), evidence: evidence, network: nil) == nil)
    }

    /// A series forecast by the blend: its own choice fitted alone, averaged with its member of the
    /// network across series (network and ARIMA), in thirds; intervals from the blend's own errors.
    @Test func aBlendedSeriesAveragesItsOwnChoiceWithItsMember() throws {
        let (series, configuration, global) = try Self.networkAcrossTrendingSeries()
        let values = series[0].values
        let member = try ManySeriesChoice.member(of: global, index: 0, candidate: .global([.arima]), values: values, fits: [:],
                                                 seasonPeriod: 1, explanation: "blended")
        let ownChoice = ManySeriesForecast(configuration: configuration, steps: 3)
        let output = try ManySeriesChoice.blendedOutput(series[0], acrossSeries: member, ownChoice: ownChoice, steps: 3,
                                                        levels: [0.8], cancellation: nil)
        let own = try ownChoice.forecast(series[0]).forecaster
        #expect(output.forecaster.method == own.method && output.acrossSeries?.method == .networkAndStatistical([.arima]))
        #expect(output.method == .ownAndAcrossSeries(own: own.method, models: [.arima]))
        #expect(try output.blend?.forecast(steps: 3) == output.forecasts, "the blend continues what it forecast")
        let network = try global.members[0].get().forecast(steps: 3)
        let arima = try #require(member.statistical).forecast(steps: 3)
        let ownForecast = try own.forecast(steps: 3)
        for step in 0..<3 {
            let expected = (ownForecast[step] + network[step] + arima[step]) / 3
            #expect(abs(output.forecasts[step] - expected) <= 1e-9 * abs(expected), "step \(step + 1)")
        }
        // The intervals are the blend's: split-conformal around its forecast, from its errors at
        // past cut-offs (what `ConformalCalibration` gives the blend, not either half).
        let blend = ManySeriesBlend(own: own, acrossSeries: member)
        let expected = try ConformalCalibration.intervals(of: blend, history: values, forecasts: output.forecasts, levels: [0.8],
                                                          count: 50, minimumHistory: max(blend.requiredHistory, values.count / 2))
        #expect(output.intervals.count == 1 && output.intervals[0].lower == expected[0].lower && output.intervals[0].upper == expected[0].upper)
        #expect(output.intervals[0].lower.allSatisfy { $0 != nil })
        // Rolling forecasts from a cut-off are the same thirds, each half conditioned on the rows before it.
        let prefix = Array(values.prefix(40))
        let rolled = try blend.forecast(after: prefix, horizon: 3)
        let parts = try (own.forecast(after: prefix, horizon: 3), member.forecast(after: prefix, horizon: 3))
        for step in 0..<3 { #expect(abs(rolled[step] - (parts.0[step] + 2 * parts.1[step]) / 3) <= 1e-9 * abs(rolled[step])) }
        // A history shorter than the blend reads throws, as a Forecaster's does, not nil intervals.
        #expect(throws: ForecasterError.historyTooShort(rows: 3, needed: blend.requiredHistory)) {
            try blend.forecastWithIntervals(steps: 3, levels: [0.8], history: Array(values.prefix(3)))
        }
    }

    /// The blend's name says what was averaged, and reads back from a result (not from a model file).
    @Test func theBlendIsNamedAndReadBackFromAResultButNotAModelFile() throws {
        let method = ForecastMethod.ownAndAcrossSeries(own: .networkAndStatistical([.arima]), models: [.arima])
        #expect(method.name == "(network+arima)+global+arima")
        #expect(method.usesNetwork && !method.isSingleModel && ForecastMethod.naive.isSingleModel)
        #expect(ForecastMethod(name: method.name, seasonPeriod: nil) == nil)
        #expect(ForecastMethod(blendName: method.name, seasonPeriod: nil) == method)
        let seasonal = ForecastMethod.ownAndAcrossSeries(own: .seasonalNaive(period: 12), models: [])
        #expect(seasonal.name == "(seasonal-naive)+global" && seasonal.seasonPeriod == 12)
        let read = try JSONDecoder().decode(ForecastMethod.self, from: JSONEncoder().encode(seasonal))
        #expect(read == seasonal)
        for bad in ["(network)+globe+arima", "(wobble)+global", "(naive)+global+arima+arima", "naive)+global"] {
            #expect(ForecastMethod(blendName: bad, seasonPeriod: nil) == nil, "\(bad)")
        }
    }

    @Test func aMemberWithStatisticalModelsSavesAndLoadsToTheSameForecast() throws {
        let (series, _, global) = try Self.networkAcrossTrendingSeries()
        let values = series[0].values
        let fits = try Dictionary(uniqueKeysWithValues: [StatisticalModel.ets, .arima].map {
            ($0, try $0.fit(values: Array(values.dropLast(3)), seasonPeriod: 1))
        })
        let member = try ManySeriesChoice.member(of: global, index: 0, candidate: .global([.ets, .arima]), values: values,
                                                 fits: fits, seasonPeriod: 1, explanation: "chosen across series")
        #expect(member.method == .networkAndStatistical([.ets, .arima]))
        #expect(member.fitReport?.decisions.contains("chosen across series") == true)
        let folder = try ScratchFolder()
        let url = folder.url.appendingPathComponent("member.safetensors")
        try member.save(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(loaded.method == member.method)
        let expected = try member.forecast(steps: 3)
        let actual = try loaded.forecast(steps: 3)
        for (a, b) in zip(actual, expected) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
        // The network half: the member's forecast is the mean of the network's and the models' mean.
        let network = try global.members[0].get().forecast(steps: 3)
        let statistical = try #require(member.statistical).forecast(steps: 3)
        for step in 0..<3 { #expect(abs(expected[step] - (network[step] + statistical[step]) / 2) <= 1e-9 * abs(expected[step])) }
    }
}
