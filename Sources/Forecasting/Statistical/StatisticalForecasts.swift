/// The statistical models a forecaster's method averages, with the history they filter.
///
/// Unlike the network, which reads a fixed lookback, these models carry states through the whole
/// series, so the forecaster keeps every value since the first one they were fitted on: filtering it
/// costs microseconds per thousand values for exponential smoothing and theta, and a Kalman step per
/// value for ARIMA, and a model file records it (`statistical_history`, docs/model-format.md).
public struct StatisticalForecasts: Sendable {
    /// The models, each weighing the same in the mean.
    public let models: [FittedStatisticalModel]
    /// Every value since the first the models were fitted on, oldest first.
    public private(set) var history: [Double]

    public init(models: [FittedStatisticalModel], history: [Double]) {
        precondition(!models.isEmpty, "at least one statistical model")
        self.models = models
        self.history = history
    }

    /// Fits each of `models` on `values` and keeps `values` as the history.
    public init(fitting models: [StatisticalModel], values: [Double], seasonPeriod: Int) throws {
        self.init(models: try models.map { try $0.fit(values: values, seasonPeriod: seasonPeriod) }, history: values)
    }

    /// The mean of the models' forecasts of the `steps` values after the history.
    public func forecast(steps: Int) throws -> [Double] {
        try Self.mean(of: models.map { try $0.forecast(after: history, steps: steps) })
    }

    /// The element-wise mean of forecasts of equal length.
    static func mean(of forecasts: [[Double]]) -> [Double] {
        let count = Double(forecasts.count)
        return forecasts.dropFirst().reduce(forecasts[0]) { sum, next in zip(sum, next).map { $0 + $1 } }.map { $0 / count }
    }

    /// The fewest values the history must hold (see `FittedStatisticalModel.minimumHistory`).
    public var minimumHistory: Int { models.map(\.minimumHistory).max()! }

    mutating func append(_ value: Double) { history.append(value) }

    /// The series the models continue from now on: it must start where the fitted one started.
    mutating func replaceHistory(with values: [Double]) { history = values }
}
