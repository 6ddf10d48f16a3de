import ForecastConcurrency
import ForecastEvaluation

/// The automatic choice of a many-series forecast (`tsf forecast FILE --id …` with no method
/// option): weighs each series' own models, one network trained across the series and the
/// statistical models (alone, in combination and averaged with that network) on the last `horizon`
/// values of every series, held out, and forecasts every series with the candidate that did best.
///
/// Why across the series and not per series: on a short series one validation part holds a few
/// values, and the candidate that wins there is often noise (a per-series choice on 633 yearly
/// series of 40–57 values scored 9 % worse than ARIMA alone). Pooled over many series, the mean
/// scaled error of a candidate is known to a few per cent, and a network trained across the series
/// has hundreds of times more windows than any one of them.
///
/// The rule: the candidate with the lowest mean MASE wins, except that a simpler one (in the order of
/// `ManySeriesCandidate.all`) within `tolerance` of it is preferred; the note gives every score and the
/// standard error of the winner's paired difference to the per-series choice (how sure it was). The
/// winner is refitted on the whole series: the network across every series, each statistical model
/// with the structure it chose on the held-out fit (as the per-series choice refits). A series the
/// winner cannot forecast (too short for the network, a model that does not fit it) falls back to its
/// own per-series choice, and the note counts them.
public struct ManySeriesChoice: Sendable {
    /// Where a many-series forecast chooses its method: across the series (this choice, the
    /// default), or each series alone on its own validation part (streamed, series by series).
    public enum Scope: String, CaseIterable, Sendable {
        case acrossSeries = "across-series"
        case perSeries = "per-series"
    }

    /// Fewer series than this keep the per-series choice without weighing (too few to pool).
    public static let minimumSeries = 10
    /// The most series the candidates are scored on: a larger collection is scored on this many,
    /// spread evenly through it (the network across series still trains on all of them). Pooled over
    /// 500 series a mean is known to a few per cent, and scoring the per-series choice on every series
    /// would double the run's cost.
    public static let largestSample = 500

    /// A simpler candidate whose mean MASE is within this share of the best is preferred to it.
    public static let tolerance = 0.01

    /// Settings of every fit; `threads` of the network across series (per-series fits use one each).
    public var configuration: ForecasterConfiguration
    /// Steps to forecast and held out; nil takes the frequency's default.
    public var steps: Int?
    /// Interval levels as fractions.
    public var levels: [Double]
    /// Series fitted in parallel, and threads of the network across series.
    public var threads: Int
    /// How the network across series forecasts past one step. Recursive by default: one output
    /// trained on every step gives each short series `horizon − 1` more training windows, and on the
    /// 633 short yearly series of `benchmarks/many_short.py` the network scored a MASE of 1.65–1.70
    /// recursive against 1.80–1.91 direct (three seeds each, 3 folds of 6 years).
    public var networkStrategy: ForecastStrategy
    /// Whether each series' own choice averaged with the network across series and ARIMA
    /// (`ManySeriesCandidate.perSeriesAndGlobal`) is a candidate. Its forecast needs two models
    /// (`ManySeriesForecast.Output.blend`), so a caller that saves each series' `forecaster` turns
    /// it off, and the choice is among the candidates one model file records.
    public var averagesOwnChoice = true

    public init(configuration: ForecasterConfiguration = ForecasterConfiguration(), steps: Int? = nil,
                levels: [Double] = [], threads: Int = 1, networkStrategy: ForecastStrategy = .recursive) {
        self.configuration = configuration
        self.steps = steps
        self.levels = levels
        self.threads = max(1, threads)
        self.networkStrategy = networkStrategy
    }

    /// One candidate's score on the held-out values.
    public struct Score: Sendable, Hashable {
        public let candidate: ManySeriesCandidate
        /// Mean over the scored series of each series' MASE on its held-out values.
        public let meanScaledError: Double
        /// Mean of (this candidate's MASE − the per-series choice's), and its standard error.
        public let differenceToPerSeries: Double
        public let standardError: Double
    }

    /// What the choice saw and did.
    public struct Outcome: Sendable {
        public let chosen: ManySeriesCandidate
        /// Every candidate scored, best first; empty when there were too few series to weigh.
        public let scores: [Score]
        /// Series scored by every candidate.
        public let scoredSeries: Int
        /// Per input series, in order: its forecast, or why it has none.
        public let outputs: [Result<ManySeriesForecast.Output, any Error>]
        /// Series the chosen candidate could not forecast, forecast by their own per-series choice.
        public let fellBack: Int
        /// The choice in words, with the scores and how sure it was.
        public let explanation: String
    }

    /// Weighs the candidates on `series` (all of one frequency) and forecasts each series.
    public func run(_ series: [TimeSeries]) throws -> Outcome {
        try run(series, cancellation: nil)
    }

    package func run(_ series: [TimeSeries], cancellation: CancellationFlag?) throws -> Outcome {
        guard let frequency = series.first?.frequency else { throw ForecasterError.noSeries }
        try IntervalLevelError.check(levels)
        if let steps { try Forecaster.checkSteps(steps) }
        try configuration.validate()
        let horizon = steps ?? frequency.defaultHorizon
        var configuration = self.configuration
        configuration.horizon = horizon
        // Intraday series that share one trading session (or weekly hours) are weighed, and fitted,
        // on its season.
        if let first = series.first, series.allSatisfy({ $0.session == first.session && $0.weeklyHours == first.weeklyHours }) {
            configuration.applySessionSeason(of: first)
        }
        let perSeries = ManySeriesForecast(configuration: configuration, steps: horizon, levels: levels)
        guard series.count >= Self.minimumSeries else {
            let outputs = forecastEach(series, with: perSeries, cancellation: cancellation)
            return Outcome(chosen: .perSeries, scores: [], scoredSeries: 0, outputs: outputs, fellBack: 0,
                           explanation: "each series chose its own method: \(series.count) series are too few to weigh a choice across them (\(Self.minimumSeries) at least)")
        }
        let season = configuration.seasonPeriod ?? frequency.scoringSeasonPeriod
        let evidence = heldOutEvidence(series, sample: Self.sample(count: series.count), perSeries: ManySeriesForecast(configuration: configuration, steps: horizon),
                                       horizon: horizon, season: season, cancellation: cancellation)
        try cancellation?.check()
        let globalForecasts = heldOutGlobalForecasts(series, horizon: horizon, configuration: configuration, cancellation: cancellation)
        try cancellation?.check()
        // The seasonal-naive forecast of a series is made from the rows the network across series
        // keeps (its lookback), as a single series' is: a longer season has no such candidate.
        let keptRows = GlobalForecaster.lookback(requested: configuration.lookback, frequency: frequency, lengths: series.map(\.count))
        let candidates = Self.candidates(seasonPeriod: season, networkTrained: globalForecasts.contains { $0 != nil },
                                         averagingOwnChoice: averagesOwnChoice, seasonalNaive: season <= keptRows)
        let (scores, scored) = Self.scores(of: candidates, evidence: evidence, global: globalForecasts, season: season)
        let chosen = Self.choose(among: candidates, scores: scores, scoredSeries: scored)
        // The winner's held-out errors widen every series' intervals it forecasts (not those of a
        // series that falls back to its own choice).
        let calibration = levels.isEmpty ? nil
            : CrossSeriesCalibration(candidate: chosen, evidence: evidence, network: globalForecasts, horizon: horizon,
                                     levels: levels)
        let choiceExplanation = Self.explanation(chosen: chosen, scores: scores, scoredSeries: scored, horizon: horizon)
        let explanation = choiceExplanation + (calibration?.note(levels: levels).map { "; " + $0 } ?? "")
        let calibrated: @Sendable (ManySeriesForecast.Output) -> ManySeriesForecast.Output = { calibration?.calibrated($0) ?? $0 }

        guard chosen != .perSeries else {
            return Outcome(chosen: chosen, scores: scores, scoredSeries: scored,
                           outputs: forecastEach(series, with: perSeries, cancellation: cancellation).map { $0.map(calibrated) },
                           fellBack: 0, explanation: explanation)
        }
        let global: GlobalForecaster
        do {
            global = try GlobalForecaster.fit(series: series.map(\.values), names: series.map(\.name), frequency: frequency,
                                              configuration: finalNetworkConfiguration(for: chosen, base: configuration),
                                              progress: cancellation?.trainingProgress() ?? { _ in .proceed })
            try cancellation?.check()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // The winner cannot be refitted (its network across series did not train): each series
            // chooses its own method, and the note says why.
            try cancellation?.check()
            return Outcome(chosen: .perSeries, scores: scores, scoredSeries: scored,
                           outputs: forecastEach(series, with: perSeries, cancellation: cancellation), fellBack: 0,
                           explanation: choiceExplanation + "; but the network across series could not be refitted on the whole series (\(error)), so each series chose its own method")
        }
        let fellBack = Locked(0)
        let levels = self.levels
        // The blend's own halves are forecast without intervals: the blend calibrates its own.
        let ownChoice = ManySeriesForecast(configuration: configuration, steps: horizon)
        let outputs = Self.inParallel(count: series.count, threads: threads) { index in
            Result {
                try cancellation?.check()
                do {
                    let values = series[index].values
                    if case let .perSeriesAndGlobal(models) = chosen {
                        let member = try Self.member(of: global, index: index, candidate: .global(models), values: values,
                                                     fits: evidence[index].fits, seasonPeriod: season, explanation: explanation)
                        return calibrated(try Self.blendedOutput(series[index], acrossSeries: member, ownChoice: ownChoice,
                                                                 steps: horizon, levels: levels, cancellation: cancellation))
                    }
                    let forecaster = try Self.member(of: global, index: index, candidate: chosen, values: values,
                                                     fits: evidence[index].fits, seasonPeriod: season,
                                                     explanation: explanation)
                    let (forecasts, intervals) = try forecaster.forecastWithIntervals(steps: horizon, levels: levels,
                                                                                      history: values)
                    return calibrated(ManySeriesForecast.Output(series: series[index], forecasts: forecasts, intervals: intervals,
                                                                forecaster: forecaster))
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    fellBack.withLock { $0 += 1 }
                    return try perSeries.forecast(series[index], cancellation: cancellation)
                }
            }
        }
        return Outcome(chosen: chosen, scores: scores, scoredSeries: scored, outputs: outputs, fellBack: fellBack.value,
                       explanation: explanation)
    }

    /// The settings of the network across series refitted for the winner. Every member holds that
    /// network, as every `Forecaster` holds one; a winner that does not forecast with it gets one
    /// trained for a single epoch on the squared error, since it is never read.
    func finalNetworkConfiguration(for chosen: ManySeriesCandidate, base: ForecasterConfiguration) -> ForecasterConfiguration {
        var configuration = networkConfiguration(base: base)
        if chosen.method?.usesNetwork == false {
            configuration.epochs = 1
            configuration.loss = .meanSquaredError
        }
        return configuration
    }

    /// The settings of the network across series: `base` on every thread, with `networkStrategy`.
    func networkConfiguration(base: ForecasterConfiguration) -> ForecasterConfiguration {
        var configuration = base
        configuration.threads = threads
        configuration.strategy = networkStrategy
        return configuration
    }

    // MARK: - Held-out evidence

    /// One series' held-out values and what each per-series candidate forecast for them.
    struct Evidence: Sendable {
        /// The held-out values; empty when the series is too short to hold any out.
        var actuals: [Double] = []
        /// The values before them.
        var history: [Double] = []
        var perSeries: [Double]?
        /// Each statistical model fitted on `history` (from `StatisticalForecasts.startRow`), and its forecast.
        var fits: [StatisticalModel: FittedStatisticalModel] = [:]
        var statistical: [StatisticalModel: [Double]] = [:]
    }

    /// The indices of the series scored: all of them, or `largestSample` spread evenly.
    static func sample(count: Int) -> [Int] {
        guard count > largestSample else { return Array(0..<count) }
        return (0..<largestSample).map { $0 * count / largestSample }
    }

    /// The last `horizon` values of each sampled series held out, and the per-series choice's and each
    /// statistical model's forecasts of them from the values before (empty evidence for the others).
    func heldOutEvidence(_ series: [TimeSeries], sample: [Int], perSeries: ManySeriesForecast, horizon: Int, season: Int,
                         cancellation: CancellationFlag?) -> [Evidence] {
        let results = Self.inParallel(count: sample.count, threads: threads) { position -> Result<Evidence, any Error> in
            let index = sample[position]
            let values = series[index].values
            guard values.count > horizon + 1 else { return .success(Evidence()) }
            var evidence = Evidence(actuals: Array(values.suffix(horizon)), history: Array(values.dropLast(horizon)))
            var truncated = series[index]
            truncated.replace(values: evidence.history, timestamps: series[index].timestamps.map { Array($0.dropLast(horizon)) })
            evidence.perSeries = try? perSeries.forecast(truncated, cancellation: cancellation).forecasts
            let start = StatisticalForecasts.startRow(fitting: evidence.history.count)
            let stretch = Array(evidence.history[start...])
            for model in StatisticalModel.simplestFirst {
                guard cancellation?.isCancelled != true,
                      let fit = try? model.fit(values: stretch, seasonPeriod: season),
                      let forecast = try? fit.forecast(after: stretch, steps: horizon),
                      forecast.allSatisfy(\.isFinite) else { continue }
                evidence.fits[model] = fit
                evidence.statistical[model] = forecast
            }
            return .success(evidence)
        }
        var evidence = series.map { _ in Evidence() }
        for (index, result) in zip(sample, results) { evidence[index] = (try? result.get()) ?? Evidence() }
        return evidence
    }

    /// The network across series, trained on every series without its held-out values, and its
    /// forecast of them (nil for a series it could not take, or every series if it did not fit).
    func heldOutGlobalForecasts(_ series: [TimeSeries], horizon: Int, configuration: ForecasterConfiguration,
                                cancellation: CancellationFlag?) -> [[Double]?] {
        let eligible = series.indices.filter { series[$0].count > horizon + 1 }
        guard let global = try? GlobalForecaster.fit(
            series: eligible.map { Array(series[$0].values.dropLast(horizon)) }, frequency: series[0].frequency,
            configuration: networkConfiguration(base: configuration), progress: cancellation?.trainingProgress() ?? { _ in .proceed })
        else { return series.map { _ in nil } }
        var forecasts: [[Double]?] = series.map { _ in nil }
        for (position, index) in eligible.enumerated() {
            if let member = try? global.members[position].get(), let forecast = try? member.forecast(steps: horizon),
               forecast.allSatisfy(\.isFinite) {
                forecasts[index] = forecast
            }
        }
        return forecasts
    }

    // MARK: - Scores and the choice

    /// The candidates weighed: all of them, or, without a network across series (none could be
    /// trained: series too short for its windows, a fit that diverged), all the others; without the
    /// blend of each series' own choice with that network unless `averagingOwnChoice`.
    static func candidates(seasonPeriod: Int, networkTrained: Bool, averagingOwnChoice: Bool = true,
                           seasonalNaive: Bool = true) -> [ManySeriesCandidate] {
        ManySeriesCandidate.all(seasonPeriod: seasonPeriod).filter { candidate in
            if case .perSeriesAndGlobal = candidate, !averagingOwnChoice { return false }
            if case .seasonalNaive = candidate, !seasonalNaive { return false }
            return networkTrained || !candidate.usesNetworkAcrossSeries
        }
    }

    /// Each candidate's mean MASE over the series every candidate forecast, and its paired
    /// difference to the per-series choice; best first.
    static func scores(of candidates: [ManySeriesCandidate], evidence: [Evidence], global: [[Double]?],
                       season: Int) -> (scores: [Score], scoredSeries: Int) {
        var errors: [[Double]] = candidates.map { _ in [] }
        for (item, networkForecast) in zip(evidence, global) {
            guard !item.actuals.isEmpty else { continue }
            let period = item.history.count > season ? season : 1
            var row: [Double] = []
            for candidate in candidates {
                guard let forecast = forecast(of: candidate, evidence: item, network: networkForecast),
                      let error = ScaledMetrics.meanAbsoluteScaledError(predictions: forecast, targets: item.actuals,
                                                                        history: item.history, seasonPeriod: period),
                      error.isFinite else { break }
                row.append(error)
            }
            guard row.count == candidates.count else { continue }
            for index in candidates.indices { errors[index].append(row[index]) }
        }
        let scored = errors[0].count
        guard scored > 0, let reference = candidates.firstIndex(of: .perSeries) else { return ([], 0) }
        let n = Double(scored)
        let scores = candidates.indices.map { index -> Score in
            let differences = zip(errors[index], errors[reference]).map { $0 - $1 }
            let meanDifference = differences.reduce(0, +) / n
            let variance = scored > 1 ? differences.reduce(0) { $0 + ($1 - meanDifference) * ($1 - meanDifference) } / (n - 1) : 0
            return Score(candidate: candidates[index], meanScaledError: errors[index].reduce(0, +) / n,
                         differenceToPerSeries: meanDifference, standardError: (variance / n).squareRoot())
        }
        // Stable: equal means keep the candidates' order of preference.
        let ranked = scores.enumerated().sorted { ($0.element.meanScaledError, $0.offset) < ($1.element.meanScaledError, $1.offset) }
        return (ranked.map(\.element), scored)
    }

    /// A candidate's forecast of one series' held-out values; nil when a part of it is missing.
    static func forecast(of candidate: ManySeriesCandidate, evidence: Evidence, network: [Double]?) -> [Double]? {
        switch candidate {
        case .naive:
            return evidence.history.last.map { last in evidence.actuals.map { _ in last } }
        case let .seasonalNaive(period):
            let history = evidence.history
            guard history.count >= period else { return nil }
            return evidence.actuals.indices.map { step in history[history.count - period + step % period] }
        case .perSeries:
            return evidence.perSeries
        case let .statistical(models):
            let parts = models.compactMap { evidence.statistical[$0] }
            return parts.count == models.count ? StatisticalForecasts.mean(of: parts) : nil
        case let .global(models):
            guard let network else { return nil }
            if models.isEmpty { return network }
            let parts = models.compactMap { evidence.statistical[$0] }
            guard parts.count == models.count else { return nil }
            return StatisticalForecasts.mean(of: [network, StatisticalForecasts.mean(of: parts)])
        case let .perSeriesAndGlobal(models):
            guard let own = evidence.perSeries, let acrossSeries = forecast(of: .global(models), evidence: evidence, network: network)
            else { return nil }
            return ManySeriesBlend.combine(own: own, acrossSeries: acrossSeries, models: models)
        }
    }

    /// The lowest mean MASE, or the simplest candidate within `tolerance` of it; the per-series
    /// choice when too few series were scored.
    static func choose(among candidates: [ManySeriesCandidate], scores: [Score], scoredSeries: Int) -> ManySeriesCandidate {
        guard scoredSeries >= minimumSeries, let best = scores.first else { return .perSeries }
        let bar = best.meanScaledError * (1 + tolerance)
        return candidates.first { candidate in scores.contains { $0.candidate == candidate && $0.meanScaledError <= bar } }
            ?? best.candidate
    }

    static func explanation(chosen: ManySeriesCandidate, scores: [Score], scoredSeries: Int, horizon: Int) -> String {
        guard scoredSeries >= minimumSeries else {
            return "each series chose its own method: only \(scoredSeries) series could be scored by every candidate on its last \(horizon) values (\(minimumSeries) at least)"
        }
        func figure(_ x: Double) -> String { String(format: "%.3f", x) }
        var shown = Array(scores.prefix(5))
        for extra in [chosen, .perSeries] where !shown.contains(where: { $0.candidate == extra }) {
            if let score = scores.first(where: { $0.candidate == extra }) { shown.append(score) }
        }
        let listed = shown.map { "\($0.candidate) \(figure($0.meanScaledError))" }.joined(separator: ", ")
        var text = "weighed \(scores.count) ways to forecast on the last \(horizon) values of \(scoredSeries) series, held out (mean MASE): \(listed); chose \(chosen)"
        if chosen != .perSeries, let winner = scores.first(where: { $0.candidate == chosen }) {
            text += " for every series (\(figure(-winner.differenceToPerSeries)) ± \(figure(winner.standardError)) better than each series' own choice, one standard error)"
        }
        if chosen != scores.first?.candidate { text += ": the simplest within \(Int(tolerance * 100)) % of the best" }
        return text
    }

    // MARK: - Forecasting with the winner

    /// Series `index`'s forecaster for `candidate`: the network across series's member, with the
    /// statistical models refitted on the whole series with the structure chosen on the held-out fit
    /// (`fits`), or fitted afresh for a series that was not scored.
    static func member(of global: GlobalForecaster, index: Int, candidate: ManySeriesCandidate, values: [Double],
                       fits: [StatisticalModel: FittedStatisticalModel], seasonPeriod: Int,
                       explanation: String) throws -> Forecaster {
        let member = try global.members[index].get()
        let models = candidate.statisticalModels
        var statistical: StatisticalForecasts?
        var decisions = member.fitReport?.decisions ?? []
        decisions.append(explanation)
        if !models.isEmpty {
            let start = StatisticalForecasts.startRow(fitting: values.count)
            let stretch = Array(values[start...])
            let refitted = try models.map { model -> FittedStatisticalModel in
                guard let fit = fits[model] else { return try model.fit(values: stretch, seasonPeriod: seasonPeriod) }
                guard let refit = fit.refitted(on: stretch) else { throw ModelDoesNotFit(model: model) }
                return refit
            }
            let forecasts = StatisticalForecasts(models: refitted, history: stretch, startRow: start)
            statistical = forecasts
            decisions.append(forecasts.refitDescription)
        }
        var configuration = member.configuration
        configuration.selection = .automatic
        let report = member.fitReport?.replacingDecisions(decisions)
        var chosen = Forecaster(configuration: configuration, network: member.network, scalers: member.scalers,
                                columnNames: member.columnNames, frequency: member.frequency, fitReport: report,
                                method: candidate.method ?? .network, recentValues: member.recentValues,
                                recentFeatures: member.recentFeatures, knownFeatureCount: member.knownFeatureCount,
                                statistical: statistical)
        chosen.lowerBound = Forecaster.lowerBound(of: values)
        return chosen
    }

    /// Series' forecast by its own choice (fitted by `ownChoice`, without intervals) averaged with
    /// its member of the network across series (`ManySeriesBlend`), with the blend's own intervals.
    static func blendedOutput(_ series: TimeSeries, acrossSeries member: Forecaster, ownChoice: ManySeriesForecast, steps: Int,
                              levels: [Double], cancellation: CancellationFlag?) throws -> ManySeriesForecast.Output {
        let own = try ownChoice.forecast(series, cancellation: cancellation).forecaster
        let (forecasts, intervals) = try ManySeriesBlend(own: own, acrossSeries: member)
            .forecastWithIntervals(steps: steps, levels: levels, history: series.values)
        return ManySeriesForecast.Output(series: series, forecasts: forecasts, intervals: intervals, forecaster: own,
                                         acrossSeries: member)
    }

    /// A statistical model of the chosen candidate that could not be fitted on a series (which then
    /// falls back to its own per-series choice).
    struct ModelDoesNotFit: Error {
        let model: StatisticalModel
    }

    /// Every series forecast by its own per-series choice, in parallel (each with its own frequency's
    /// horizon when `steps` is nil).
    package func forecastEach(_ series: [TimeSeries], cancellation: CancellationFlag?) -> [Result<ManySeriesForecast.Output, any Error>] {
        forecastEach(series, with: ManySeriesForecast(configuration: configuration, steps: steps, levels: levels),
                     cancellation: cancellation)
    }

    func forecastEach(_ series: [TimeSeries], with job: ManySeriesForecast,
                      cancellation: CancellationFlag?) -> [Result<ManySeriesForecast.Output, any Error>] {
        Self.inParallel(count: series.count, threads: threads) { index in
            Result { try job.forecast(series[index], cancellation: cancellation) }
        }
    }

    /// `job` of every index on `threads` threads, the results in index order.
    static func inParallel<Output: Sendable>(count: Int, threads: Int,
                                             job: @escaping @Sendable (Int) -> Result<Output, any Error>) -> [Result<Output, any Error>] {
        let results = Locked<[Result<Output, any Error>]>([])
        ManySeriesRunner.run(count: count, threads: threads, job: job, deliver: { _, result in
            results.withLock { $0.append(result) }
            return true
        })
        return results.value
    }
}
