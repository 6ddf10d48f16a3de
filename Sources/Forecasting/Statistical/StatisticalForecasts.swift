/// The statistical models a forecaster's method averages, with the history they filter.
///
/// Unlike the network, which reads a fixed lookback, these models carry states through the series,
/// so the forecaster keeps every value since the first one they were fitted on: filtering it costs
/// microseconds per thousand values for exponential smoothing and theta, and a Kalman step per value
/// for ARIMA, and a model file records it (`statistical_history`, docs/model-format.md). On a long
/// series they are fitted on its latest `longestFit` values only (`startRow` says where those start),
/// which bounds both the cost of fitting and the history kept.
public struct StatisticalForecasts: Sendable {
    /// The models, each weighing the same in the mean.
    public let models: [FittedStatisticalModel]
    /// Every value since the first the models were fitted on, oldest first.
    public private(set) var history: [Double]
    /// The rows of the series before `history`'s first value.
    public let startRow: Int

    /// The most values the statistical models are fitted on: the latest ones of a longer series.
    /// Years of daily data or months of half-hourly data hold more than a forecast needs of them, and
    /// fitting (ARIMA's search above all) grows with every value.
    public static let longestFit = 5_000

    /// Where the statistical history of a series of `rows` values starts for a fit that reads the
    /// first `fitted` of them: the latest `longestFit` of those.
    public static func startRow(fitting fitted: Int) -> Int { max(0, fitted - longestFit) }

    public init(models: [FittedStatisticalModel], history: [Double], startRow: Int = 0) {
        precondition(!models.isEmpty, "at least one statistical model")
        precondition(startRow >= 0, "a start row is not negative")
        self.models = models
        self.history = history
        self.startRow = startRow
    }

    /// "statistical models refitted on all 160 values: ets A,Ad,N, arima ARIMA(0,1,1)", for fit reports.
    var refitDescription: String {
        let stretch = startRow == 0 ? "all \(history.count) values" : "the latest \(history.count) values"
        return "statistical models refitted on \(stretch): " + models.map(\.description).joined(separator: ", ")
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

    /// The series the models continue from now on, whole: it must start where the fitted one started
    /// (its first `startRow` values are skipped).
    mutating func replaceHistory(with values: [Double]) { history = Array(values.dropFirst(startRow)) }

    /// Rows a whole series needs for these models: `startRow` plus their own minimum.
    public var minimumRows: Int { startRow + minimumHistory }
}
