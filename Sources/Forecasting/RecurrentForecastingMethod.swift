/// The recurrent forecaster as a `ForecastingMethod`, so backtests score it exactly as they score
/// the baselines: fitted on each fold's history only, then conditioned on the history before each
/// cut-off.
public struct RecurrentForecastingMethod: ForecastingMethod {
    public let configuration: ForecasterConfiguration
    public let frequency: Frequency
    /// Raised when the task of an asynchronous backtest is cancelled: stops the fold's training.
    let cancellation: CancellationFlag?

    public init(configuration: ForecasterConfiguration, frequency: Frequency) {
        self.init(configuration: configuration, frequency: frequency, cancellation: nil)
    }

    init(configuration: ForecasterConfiguration, frequency: Frequency, cancellation: CancellationFlag?) {
        self.configuration = configuration
        self.frequency = frequency
        self.cancellation = cancellation
    }

    /// "auto" when fitting may fall back to a baseline (`MethodSelection.automatic`), else the cell's name.
    public var name: String { configuration.resolvedSelection == .automatic ? "auto" : configuration.cell.rawValue }

    public func fit(history: [Double]) throws -> Forecaster {
        guard let cancellation else {
            return try Forecaster.fit(values: history, frequency: frequency, configuration: configuration)
        }
        try cancellation.check()
        let model = try Forecaster.fit(values: history, frequency: frequency, configuration: configuration,
                                       progress: cancellation.trainingProgress())
        try cancellation.check()
        return model
    }
}

extension Forecaster: FittedForecastingModel {
    /// The method fitting chose (`network`, `naive`, …), named in backtests fold by fold.
    public var chosenMethod: String? { method.name }

    /// Forecasts `horizon` steps after `history`, conditioning a copy of this forecaster on it.
    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        var conditioned = self
        try conditioned.condition(on: history, features: [])
        return try conditioned.forecast(steps: horizon)
    }
}
