/// A way to forecast every series of a collection, one of those `ManySeriesChoice` weighs.
public enum ManySeriesCandidate: Hashable, Sendable, CustomStringConvertible {
    /// The last value of each series, repeated.
    case naive
    /// The value one season earlier, for every series.
    case seasonalNaive(period: Int)
    /// Each series' own automatic choice (`ManySeriesForecast`): its own network, simple forecasts
    /// and statistical models, chosen on its own validation part.
    case perSeries
    /// The mean of the statistical models, each fitted on each series alone.
    case statistical([StatisticalModel])
    /// One network trained across every series (`GlobalForecaster`), averaged with the mean of the
    /// statistical models fitted on each series when any are named.
    case global([StatisticalModel])
    /// Each series' own choice averaged, in equal shares, with the network across series and the
    /// statistical models fitted on the series (`ManySeriesBlend`). Its forecasts need two models,
    /// so it is weighed only where no model file is written (`ManySeriesChoice.averagesOwnChoice`).
    case perSeriesAndGlobal([StatisticalModel])

    /// "per-series", "arima", "ets+arima", "global", "global+arima", "per-series+global+arima".
    public var description: String {
        switch self {
        case .naive: return "naive"
        case .seasonalNaive: return "seasonal-naive"
        case .perSeries: return "per-series"
        case let .statistical(models): return models.map(\.rawValue).joined(separator: "+")
        case let .global(models): return (["global"] + models.map(\.rawValue)).joined(separator: "+")
        case let .perSeriesAndGlobal(models): return (["per-series", "global"] + models.map(\.rawValue)).joined(separator: "+")
        }
    }

    /// The statistical models the candidate averages.
    public var statisticalModels: [StatisticalModel] {
        switch self {
        case .naive, .seasonalNaive, .perSeries: return []
        case let .statistical(models), let .global(models), let .perSeriesAndGlobal(models): return models
        }
    }

    /// Whether the candidate forecasts with the network trained across the series.
    public var usesNetworkAcrossSeries: Bool {
        switch self {
        case .global, .perSeriesAndGlobal: return true
        case .naive, .seasonalNaive, .perSeries, .statistical: return false
        }
    }

    /// What a series' `Forecaster` records for the candidate; nil for the per-series choice, whose
    /// forecasters each record their own, and for its blend with the network across series.
    var method: ForecastMethod? {
        switch self {
        case .perSeries, .perSeriesAndGlobal: return nil
        case .naive: return .naive
        case let .seasonalNaive(period): return .seasonalNaive(period: period)
        case let .statistical(models): return .statistical(models)
        case let .global(models): return models.isEmpty ? .network : .networkAndStatistical(models)
        }
    }

    /// Every candidate, simplest first (the order near-ties are broken in): the naive forecast, the
    /// seasonal-naive one when `seasonPeriod` is 2 or more, the statistical models alone and in every
    /// combination (fewest first), the network across series, that network with each combination,
    /// the per-series choice, which fits all of these to each series and picks among them, and last
    /// the per-series choice averaged with the network across series and ARIMA.
    ///
    /// That blend joins three forecasts that err differently: each series' own choice, the network
    /// trained on every series and the linear model that did best alone. On the 633 short yearly
    /// series of `benchmarks/many_short.py` it won the choice on all three folds and moved the
    /// default's mean MASE from 1.409 to 1.335.
    public static func all(seasonPeriod: Int) -> [ManySeriesCandidate] {
        let models = StatisticalModel.simplestFirst
        var subsets: [[StatisticalModel]] = []
        for mask in 1 ..< (1 << models.count) {
            subsets.append(models.indices.filter { mask & (1 << $0) != 0 }.map { models[$0] })
        }
        subsets.sort { $0.count < $1.count }
        let simple: [ManySeriesCandidate] = seasonPeriod >= 2 ? [.naive, .seasonalNaive(period: seasonPeriod)] : [.naive]
        return simple + subsets.map { .statistical($0) } + [.global([])] + subsets.map { .global($0) } + [.perSeries]
            + [.perSeriesAndGlobal([.arima])]
    }
}
