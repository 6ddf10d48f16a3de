/// The simple forecasts a model must beat. They need no fitting: each one reads the history it is
/// given at forecast time, so fitting returns the method itself.
public protocol StatelessBaseline: ForecastingMethod, FittedForecastingModel where Model == Self {
    /// The fewest history values the method needs.
    var minimumHistory: Int { get }
    /// The forecast, given a history of at least `minimumHistory` values.
    func baselineForecast(after history: [Double], horizon: Int) -> [Double]
}

extension StatelessBaseline {
    public func fit(history: [Double]) throws -> Self {
        try checkHistory(history)
        return self
    }

    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        precondition(horizon >= 1, "the horizon must be at least 1")
        try checkHistory(history)
        return baselineForecast(after: history, horizon: horizon)
    }

    func checkHistory(_ history: [Double]) throws {
        guard history.count >= minimumHistory else {
            throw BaselineError.historyTooShort(method: name, needed: minimumHistory, available: history.count)
        }
    }
}
