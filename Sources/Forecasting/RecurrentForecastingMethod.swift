/// The recurrent forecaster as a `ForecastingMethod`, so backtests score it exactly as they score
/// the baselines: fitted on each fold's history only, then conditioned on the history before each
/// cut-off.
public struct RecurrentForecastingMethod: ForecastingMethod {
    public let configuration: ForecasterConfiguration
    public let frequency: Frequency

    public init(configuration: ForecasterConfiguration, frequency: Frequency) {
        self.configuration = configuration
        self.frequency = frequency
    }

    /// "auto" when fitting may fall back to a baseline (`MethodSelection.automatic`), else the cell's name.
    public var name: String { configuration.resolvedSelection == .automatic ? "auto" : configuration.cell.rawValue }

    public func fit(history: [Double]) throws -> Forecaster {
        try Forecaster.fit(values: history, frequency: frequency, configuration: configuration)
    }
}

extension Forecaster: FittedForecastingModel {
    /// Forecasts `horizon` steps after `history`, conditioning a copy of this forecaster on it.
    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        var conditioned = self
        try conditioned.condition(on: history, features: [])
        return try conditioned.forecast(steps: horizon)
    }
}
