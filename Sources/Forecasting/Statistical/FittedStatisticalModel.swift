import ForecastEvaluation

/// One fitted statistical model. Each forecasts from the whole history it filters, which starts
/// where the history it was fitted on started (its initial states belong to that first value).
public enum FittedStatisticalModel: Sendable {
    case ets(ExponentialSmoothingFit)
    case theta(ThetaFit)
    case arima(ARIMAModel)
    /// The drift line has no parameter: its slope is read from the history each forecast follows.
    case drift

    public var model: StatisticalModel {
        switch self {
        case .ets: return .ets
        case .theta: return .theta
        case .arima: return .arima
        case .drift: return .drift
        }
    }

    /// The same model — exponential smoothing's form, ARIMA's order, theta's decomposition — with its
    /// parameters estimated afresh on `values`: what a longer series changes, without the search that
    /// chose the structure (ARIMA's stepwise search costs dozens of fits). nil when the fit fails.
    public func refitted(on values: [Double]) -> FittedStatisticalModel? {
        switch self {
        case let .ets(fit):
            return ExponentialSmoothingFit(model: fit.model, values: values, period: fit.period).map { .ets($0) }
        case let .theta(fit):
            guard values.count >= minimumHistory, values.count >= 5 else { return nil }
            let adjusted = ThetaFit.deseasonalisedValues(values, period: fit.seasonPeriod, decomposition: fit.decomposition)
            guard adjusted.allSatisfy(\.isFinite) else { return nil }
            let model = StandardThetaModel.fit(adjusted).model
            return .theta(ThetaFit(seasonPeriod: fit.seasonPeriod, decomposition: fit.decomposition, model: model))
        case let .arima(fit):
            return ARIMAModel.fit(values, order: fit.order, estimation: fit.estimation).map { .arima($0) }
        case .drift:
            return values.count >= minimumHistory ? .drift : nil
        }
    }

    /// The fewest values a history must hold to be forecast: ARIMA loses its differences, a
    /// deseasonalised theta model recomputes its indices from two full seasons.
    public var minimumHistory: Int {
        switch self {
        case .ets: return 1
        case let .theta(fit): return fit.decomposition == nil ? 1 : 2 * fit.seasonPeriod
        case let .arima(fit): return fit.order.differencingLoss + 1
        case .drift: return 2
        }
    }

    /// The forecasts of the `steps` values after `history`.
    public func forecast(after history: [Double], steps: Int) throws -> [Double] {
        try checkHistory(history.count)
        switch self {
        case let .ets(fit): return fit.forecast(after: history, horizon: steps)
        case let .theta(fit): return try fit.forecast(after: history, horizon: steps)
        case let .arima(fit): return try fit.forecast(after: history, horizon: steps)
        case .drift: return DriftForecast().baselineForecast(after: history, horizon: steps)
        }
    }

    /// The `steps` forecasts after `values[..<c]` for each ascending cut-off c, filtering the series
    /// once where the model allows it.
    public func rollingForecasts(of values: [Double], cutoffs: [Int], steps: Int) throws -> [[Double]] {
        try checkHistory(cutoffs.min() ?? minimumHistory)
        switch self {
        case let .ets(fit): return fit.rollingForecasts(of: values, cutoffs: cutoffs, horizon: steps)
        case let .arima(fit): return try fit.rollingForecasts(of: values, cutoffs: cutoffs, horizon: steps)
        case let .theta(fit): return try cutoffs.map { try fit.forecast(after: Array(values[..<$0]), horizon: steps) }
        case .drift: return cutoffs.map { DriftForecast.line(first: values[0], last: values[$0 - 1], count: $0, horizon: steps) }
        }
    }

    func checkHistory(_ count: Int) throws {
        guard count >= minimumHistory else {
            throw BaselineError.historyTooShort(method: model.rawValue, needed: minimumHistory, available: count)
        }
    }

    /// "ets A,Ad,A", "theta (multiplicative season 12)", "arima ARIMA(0,1,1)(0,1,1)[12]".
    public var description: String {
        switch self {
        case let .ets(fit): return "ets \(fit.model)"
        case let .theta(fit): return "theta" + (fit.decomposition.map { " (\($0.rawValue) season \(fit.seasonPeriod))" } ?? "")
        case let .arima(fit): return "arima \(fit.order)"
        case .drift: return "drift"
        }
    }
}
