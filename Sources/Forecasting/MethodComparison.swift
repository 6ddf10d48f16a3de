import Foundation

/// The comparison behind `MethodSelection.automatic`: the network, the naive and seasonal-naive
/// forecasts, the drift line, the statistical models (theta, exponential smoothing, ARIMA, fitted on
/// the training part) and their mean, and the means of the network with each simple forecast, with ARIMA and
/// with the statistical mean, scored by mean absolute error over rolling forecasts from the
/// validation cut-offs.
///
/// The simplest candidate whose error is within the margin of the best wins, in the order naive,
/// seasonal naive, drift, theta, exponential smoothing, ARIMA, the statistical mean, network + ARIMA,
/// network + naive, network + seasonal naive, network + statistical mean, network: a complex
/// candidate has to be clearly better than the last value to be trusted with the forecast, because
/// on series without signal (share prices) it rarely is, and small validation gains do not survive
/// out of sample.
///
/// Network + ARIMA pairs the two most different strong forecasters (a learned nonlinear one and the
/// linear model that scored best of the three alone on the bundled series), and it is the first of
/// the network's combinations, the one a near-tie goes to: ARIMA anchors the network's forecast
/// where the simple forecasts only hold it still. Added after network + seasonal naive, it moved the
/// geometric mean MASE of the defaults from 1.083 to 1.063 on the bundled series and from 0.890 to
/// 0.882 on 27 held-out ones; first among the combinations, to 1.059 and 0.876. The network with
/// each statistical model in turn did less well (1.078 and 0.884).
///
/// Drift (the line through the first and last values, extended) is the simplest forecast that
/// follows a trend; on a short trending series the fitted models can miss it where it holds. As a
/// candidate it moved the held-out geometric mean from 0.876 to 0.874 and guinea rice (42 yearly
/// values) from 1.05 of its naive forecast to 0.88, and the many short series' mean MASE from 1.423
/// to 1.409 (their per-series choices), with the bundled series all but unchanged.
struct MethodComparison {
    /// A complex candidate must beat the simpler ones by more than this share of their error, at
    /// the least; with few forecasts the margin grows (see `tolerance(forecasts:)`).
    static let tolerance = 0.02

    /// The margin a complex candidate must win by over `forecasts` validation forecasts: 2 %, or
    /// 0.25/√n when that is larger. A mean of n absolute errors wanders by about 1/√n of itself
    /// from one sample to the next, so on a few forecasts a small lead is noise, and the simpler
    /// candidate is kept (9 forecasts: 8.3 %; 30: 4.6 %; 156 and more: 2 %).
    static func tolerance(forecasts: Int) -> Double {
        max(tolerance, 0.25 / Double(max(1, forecasts)).squareRoot())
    }
    /// At most this many cut-offs are scored, evenly spread over the validation part.
    static let maximumCutoffs = 200

    /// Below this many validation forecasts the note says the choice is uncertain.
    static let fewForecasts = 30

    let chosen: ForecastMethod
    let errors: [(method: ForecastMethod, meanAbsoluteError: Double)]
    let forecasts: Int
    let horizon: Int
    /// Whether the seasonal candidates took part (the season passed its test); nil without a season.
    let seasonTested: Bool?
    /// The statistical models that took part, as fitted on the training part ("arima ARIMA(0,1,1)").
    let statisticalDescriptions: [String]

    /// - Parameters:
    ///   - statistical: statistical models fitted on the rows before the first cut-off (the training
    ///     part), from row `statisticalStart` on; each is a candidate, and with all three their mean,
    ///     alone and with the network.
    ///   - networkUsable: false leaves out every candidate with the network (one whose trained
    ///     weights give no usable forecast); the simplest then wins if nothing else is scored.
    init(forecaster: Forecaster, values: [Double], features: [[Double]], knownFeatures: [[Double]] = [],
         cutoffs allCutoffs: [Int], horizon: Int, seasonPeriod: Int, statistical: [FittedStatisticalModel] = [],
         statisticalStart: Int = 0, networkUsable: Bool = true) throws {
        self.horizon = horizon
        // A seasonal candidate only where the history before the validation part shows the season
        // (tested on the values the network learns: changes for a series with a unit root).
        let firstCutoff = allCutoffs.min() ?? values.count
        let seasonal = seasonPeriod >= 2 && seasonPeriod <= forecaster.requiredHistory
            && Self.showsSeason(Array(values.prefix(firstCutoff)), period: seasonPeriod, transform: forecaster.transform)
        seasonTested = seasonPeriod >= 2 ? seasonal : nil

        let step = max(1, allCutoffs.count / Self.maximumCutoffs)
        let knownNeeded = forecaster.knownFutureNeeded(steps: horizon)
        let cutoffs = Swift.stride(from: allCutoffs.count - 1, through: 0, by: -step).map { allCutoffs[$0] }.reversed()
            .filter { $0 + max(horizon, knownNeeded) <= values.count && $0 >= forecaster.requiredHistory }
        // Each statistical model forecasts from every cut-off in one pass over the series; one that
        // fails on a cut-off is no candidate.
        var statisticalForecasts: [(model: StatisticalModel, forecasts: [[Double]])] = []
        let stretch = Array(values[statisticalStart...])
        let stretchCutoffs = cutoffs.map { $0 - statisticalStart }
        for fitted in statistical {
            if let forecasts = try? fitted.rollingForecasts(of: stretch, cutoffs: stretchCutoffs, steps: horizon),
               forecasts.allSatisfy({ $0.allSatisfy(\.isFinite) }) {
                statisticalForecasts.append((fitted.model, forecasts))
            }
        }
        let statisticalModels = statisticalForecasts.map(\.model)
        // The statistical mean averages the three models that follow the series' shape; drift, a
        // straight line, is weighed alone.
        let averaged = statisticalModels.filter(StatisticalModel.simplestFirst.contains)
        let combined = averaged.count == StatisticalModel.simplestFirst.count

        var candidates: [ForecastMethod] = [.naive]
        if seasonal { candidates.append(.seasonalNaive(period: seasonPeriod)) }
        if statisticalModels.contains(.drift) { candidates.append(.statistical([.drift])) }
        candidates += StatisticalModel.simplestFirst.filter(statisticalModels.contains).map { .statistical([$0]) }
        if combined { candidates.append(.statistical(averaged)) }
        if networkUsable {
            if statisticalModels.contains(.arima) { candidates.append(.networkAndStatistical([.arima])) }
            candidates.append(.networkAndNaive)
            if seasonal { candidates.append(.networkAndSeasonalNaive(period: seasonPeriod)) }
            if combined { candidates.append(.networkAndStatistical(averaged)) }
            candidates.append(.network)
        }

        var totals = Array(repeating: 0.0, count: candidates.count)
        // Each candidate is scored as it would forecast: raised to the series' floor (`Forecaster.lowerBound`).
        let floor = Forecaster.lowerBound(of: values) ?? -.infinity
        for (index, cutoff) in cutoffs.enumerated() {
            var conditioned = forecaster
            try conditioned.condition(on: Array(values[..<cutoff]), features: features.map { Array($0[..<cutoff]) },
                                      knownFeatures: knownFeatures.map { Array($0[..<cutoff]) })
            let network = networkUsable ? try conditioned.networkForecast(
                steps: horizon, knownFuture: knownFeatures.map { Array($0[cutoff ..< cutoff + knownNeeded]) }) : []
            let history = conditioned.recentValues
            let naive = Forecaster.naive(history, steps: horizon)
            let seasonalNaive = seasonal ? Forecaster.seasonalNaive(history, period: seasonPeriod, steps: horizon) : naive
            func statisticalMean(_ models: [StatisticalModel]) -> [Double] {
                StatisticalForecasts.mean(of: statisticalForecasts.filter { models.contains($0.model) }.map { $0.forecasts[index] })
            }
            for (candidateIndex, candidate) in candidates.enumerated() {
                let forecast: [Double]
                switch candidate {
                case .network: forecast = network
                case .naive: forecast = naive
                case .seasonalNaive: forecast = seasonalNaive
                case .networkAndNaive: forecast = zip(network, naive).map { ($0 + $1) / 2 }
                case .networkAndSeasonalNaive: forecast = zip(network, seasonalNaive).map { ($0 + $1) / 2 }
                case let .statistical(models): forecast = statisticalMean(models)
                case let .networkAndStatistical(models): forecast = zip(network, statisticalMean(models)).map { ($0 + $1) / 2 }
                case .ownAndAcrossSeries: preconditionFailure("a many-series blend is no candidate of one series' choice")
                }
                for step in 0..<horizon { totals[candidateIndex] += abs(max(forecast[step], floor) - values[cutoff + step]) }
            }
        }
        let count = cutoffs.count * horizon
        forecasts = cutoffs.count
        statisticalDescriptions = statistical.filter { statisticalModels.contains($0.model) }.map(\.description)
        guard count > 0 else {
            chosen = networkUsable ? .network : .naive
            errors = []
            return
        }
        errors = zip(candidates, totals).map { ($0, $1 / Double(count)) }
        let best = errors.map(\.meanAbsoluteError).min()!
        let margin = Self.tolerance(forecasts: forecasts)
        // Errors a billionth of the series' range apart are rounding (an exactly periodic series).
        // The range, not the size: a level of 1e11 moving by tens must not make an error of 8 a tie.
        let rounding = 1e-9 * ((values.max() ?? 0) - (values.min() ?? 0))
        chosen = errors.first { $0.meanAbsoluteError <= max(best * (1 + margin), best + rounding) }!.method
    }

    /// Whether `history` shows a season of `period` once transformed as the network sees it.
    static func showsSeason(_ history: [Double], period: Int, transform: TransformKind) -> Bool {
        let tested: [Double]
        switch transform {
        case .difference, .logReturn:
            guard let changes = try? SeriesTransform.apply(transform, to: history) else { return false }
            tested = changes
        case .none, .log:
            tested = history
        }
        return SeasonalityTest.isSeasonal(tested, period: period)
    }

    /// One sentence for the user: what was kept and against what.
    var explanation: String {
        guard !errors.isEmpty else { return "forecast method \(chosen.name): no validation forecasts to compare" }
        let scores = errors.map { "\($0.method.name) \(Self.format($0.meanAbsoluteError))" }.joined(separator: ", ")
        let best = errors.min { $0.meanAbsoluteError < $1.meanAbsoluteError }!
        let reason: String
        if chosen == best.method {
            reason = chosen == .network
                ? "the network beat every simpler candidate by more than \(Self.percent(Self.tolerance(forecasts: forecasts)))"
                : "it had the lowest error"
        } else {
            reason = "the simplest candidate within \(Self.percent(Self.tolerance(forecasts: forecasts))) of the lowest error (\(best.method.name))"
        }
        var few = forecasts < Self.fewForecasts
            ? "; only \(forecasts) forecast\(forecasts == 1 ? "" : "s"), so the choice is uncertain and leans to the simplest" : ""
        if seasonTested == false { few += "; no seasonal candidate: the season is not significant (autocorrelation test, 90 %)" }
        if !statisticalDescriptions.isEmpty { few += "; statistical models fitted on the training part: " + statisticalDescriptions.joined(separator: ", ") }
        return "forecast method \(chosen.name): \(reason) (mean absolute error of \(forecasts) forecast\(forecasts == 1 ? "" : "s") of \(horizon) step\(horizon == 1 ? "" : "s") from cut-offs in the validation part, candidates from simplest: \(scores)\(few))"
    }

    /// `2 %`, `8.3 %`.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        return value == value.rounded() ? "\(Int(value)) %" : String(format: "%.1f %%", value)
    }

    /// `1.309`, `11.55`, `216.0`, `0.0`; an error too large to print in full (a series of values
    /// near 10³⁰⁰) in exponent form, `1.5e+307`.
    static func format(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude == 0 { return "0.0" }
        if magnitude >= 100, magnitude < 1e15 { return String(format: "%.1f", value) }
        return String(format: "%.4g", value)
    }
}
