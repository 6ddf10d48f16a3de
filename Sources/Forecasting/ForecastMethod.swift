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
        }
    }

    /// The statistical models the method averages; empty for the others.
    public var statisticalModels: [StatisticalModel] {
        switch self {
        case let .statistical(models), let .networkAndStatistical(models): return models
        default: return []
        }
    }

    /// The season period the method reads, if any.
    public var seasonPeriod: Int? {
        switch self {
        case let .seasonalNaive(period), let .networkAndSeasonalNaive(period): return period
        default: return nil
        }
    }

    /// Whether the network takes part.
    public var usesNetwork: Bool {
        switch self {
        case .network, .networkAndNaive, .networkAndSeasonalNaive, .networkAndStatistical: return true
        case .naive, .seasonalNaive, .statistical: return false
        }
    }

    /// Reads a method back from its name and season period.
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
