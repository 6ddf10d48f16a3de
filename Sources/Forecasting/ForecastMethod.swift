/// What a fitted `Forecaster` forecasts with: its network, a baseline or statistical model that did
/// better on the validation part, or an average of the network with one of them.
///
/// Recurrent networks often fail to beat the last value on series that hold no signal (share
/// prices), and sometimes lose to last season's value on short seasonal series. Fitting therefore
/// compares them on the validation part and keeps the simplest method that is not clearly worse
/// (see `MethodSelection`), and says which it kept.
public enum ForecastMethod: Hashable, Sendable {
    /// The network's forecast.
    case network
    /// The last value, repeated.
    case naive
    /// The value one season earlier.
    case seasonalNaive(period: Int)
    /// The mean of the network's forecast and the naive forecast.
    case networkAndNaive
    /// The mean of the network's forecast and the seasonal-naive forecast.
    case networkAndSeasonalNaive(period: Int)
    /// The mean of the forecasts of statistical models (exponential smoothing, theta, ARIMA; or drift alone),
    /// fitted on the series and kept with their history (`Forecaster.statistical`).
    case statistical([StatisticalModel])
    /// The mean of the network's forecast and of the statistical models' mean.
    case networkAndStatistical([StatisticalModel])
    /// A many-series forecast: the series' own choice (`own`, one series' `Forecaster`) averaged
    /// with the network across series and the mean of `models` fitted on the series, in equal
    /// shares (`ManySeriesCandidate.perSeriesAndGlobal`). Two models forecast it, so no single
    /// `Forecaster` holds it and no model file records it.
    indirect case ownAndAcrossSeries(own: ForecastMethod, models: [StatisticalModel])

    /// The name used in reports and in model files (`method`).
    public var name: String {
        switch self {
        case .network: return "network"
        case .naive: return "naive"
        case .seasonalNaive: return "seasonal-naive"
        case .networkAndNaive: return "network+naive"
        case .networkAndSeasonalNaive: return "network+seasonal-naive"
        case let .statistical(models): return models.map(\.rawValue).joined(separator: "+")
        case let .networkAndStatistical(models): return (["network"] + models.map(\.rawValue)).joined(separator: "+")
        case let .ownAndAcrossSeries(own, models): return (["(\(own.name))", "global"] + models.map(\.rawValue)).joined(separator: "+")
        }
    }

    /// The statistical models the method averages (a many-series blend: its own choice's, then the
    /// others); empty for the others.
    public var statisticalModels: [StatisticalModel] {
        switch self {
        case let .statistical(models), let .networkAndStatistical(models): return models
        case let .ownAndAcrossSeries(own, models): return own.statisticalModels + models.filter { !own.statisticalModels.contains($0) }
        default: return []
        }
    }

    /// The season period the method reads, if any.
    public var seasonPeriod: Int? {
        switch self {
        case let .seasonalNaive(period), let .networkAndSeasonalNaive(period): return period
        case let .ownAndAcrossSeries(own, _): return own.seasonPeriod
        default: return nil
        }
    }

    /// Whether the network takes part.
    public var usesNetwork: Bool {
        switch self {
        case .network, .networkAndNaive, .networkAndSeasonalNaive, .networkAndStatistical, .ownAndAcrossSeries: return true
        case .naive, .seasonalNaive, .statistical: return false
        }
    }

    /// Whether one `Forecaster` can forecast with the method (and a model file record it): every
    /// method but a many-series blend.
    public var isSingleModel: Bool {
        if case .ownAndAcrossSeries = self { return false }
        return true
    }

    /// Reads a method back from its name and season period: one a `Forecaster` holds, as model files
    /// record it (a many-series blend is read by `init(blendName:seasonPeriod:)`).
    public init?(name: String, seasonPeriod: Int?) {
        switch (name, seasonPeriod) {
        case ("network", _): self = .network
        case ("naive", _): self = .naive
        case ("network+naive", _): self = .networkAndNaive
        case let ("seasonal-naive", period?) where period >= 1: self = .seasonalNaive(period: period)
        case let ("network+seasonal-naive", period?) where period >= 1: self = .networkAndSeasonalNaive(period: period)
        default:
            // "ets", "ets+theta+arima", "network+arima": each model named once.
            var parts = name.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
            let withNetwork = parts.first == "network"
            if withNetwork { parts.removeFirst() }
            let models = parts.compactMap(StatisticalModel.init(rawValue:))
            guard !models.isEmpty, models.count == parts.count, Set(models).count == models.count else { return nil }
            self = withNetwork ? .networkAndStatistical(models) : .statistical(models)
        }
    }

    /// Reads a many-series blend back from its name, `(theta)+global+arima`: a method in parentheses
    /// that `init(name:seasonPeriod:)` reads, then `+global` and the models; nil for any other name.
    public init?(blendName name: String, seasonPeriod: Int?) {
        guard name.hasPrefix("("), let close = name.range(of: ")+global", options: .backwards),
              let own = ForecastMethod(name: String(name[name.index(after: name.startIndex) ..< close.lowerBound]),
                                       seasonPeriod: seasonPeriod) else { return nil }
        let rest = name[close.upperBound...]
        let parts = rest.isEmpty ? [] : rest.dropFirst().split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        let models = parts.compactMap(StatisticalModel.init(rawValue:))
        guard rest.isEmpty || rest.hasPrefix("+"), models.count == parts.count, Set(models).count == models.count else { return nil }
        self = .ownAndAcrossSeries(own: own, models: models)
    }
}

/// Whether fitting may replace the network by a baseline or a combination.
public enum MethodSelection: String, CaseIterable, Codable, Sendable {
    /// Compare the network, the naive, seasonal-naive and drift forecasts, the statistical models, their
    /// mean and the averages of the network with them on the validation part, and keep the simplest
    /// that is within the noise-aware margin of the best (`MethodComparison`).
    case automatic
    /// Always forecast with the network.
    case network
}
