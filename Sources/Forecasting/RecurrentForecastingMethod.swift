/// The recurrent forecaster as a `ForecastingMethod`, so backtests score it exactly as they score
/// the baselines: fitted on each fold's history only, then conditioned on the history before each
/// cut-off.
///
/// With feature columns, every history must be a prefix of the series the columns belong to (an
/// expanding training window): a fold's fit reads the features of its history rows only, and its
/// forecasts read observed features up to the cut-off and known-in-advance ones after it.
public struct RecurrentForecastingMethod: ForecastingMethod {
    public let configuration: ForecasterConfiguration
    public let frequency: Frequency
    /// The series' feature columns, whole; empty for a univariate model.
    public let columns: FeatureColumns
    /// Known-in-advance columns (whole) that each fold's fit tries and keeps only when they lower
    /// its validation loss (`--calendar auto`), appended after `columns.known`; empty for none.
    public let optionalKnown: [[Double]]
    /// How fit notes name `optionalKnown`.
    public let optionalName: String
    /// Raised when the task of an asynchronous backtest is cancelled: stops the fold's training.
    let cancellation: CancellationFlag?

    public init(configuration: ForecasterConfiguration, frequency: Frequency, columns: FeatureColumns = FeatureColumns(),
                optionalKnown: [[Double]] = [], optionalName: String = "optional columns") {
        self.init(configuration: configuration, frequency: frequency, columns: columns, optionalKnown: optionalKnown,
                  optionalName: optionalName, cancellation: nil)
    }

    init(configuration: ForecasterConfiguration, frequency: Frequency, columns: FeatureColumns = FeatureColumns(),
         optionalKnown: [[Double]] = [], optionalName: String = "optional columns", cancellation: CancellationFlag?) {
        precondition(optionalKnown.isEmpty || columns.constants.isEmpty, "optional known columns go after the known ones, before no constant")
        self.configuration = configuration
        self.frequency = frequency
        self.columns = columns
        self.optionalKnown = optionalKnown
        self.optionalName = optionalName
        self.cancellation = cancellation
    }

    /// Whether a fold's fit that throws `error` is answered by the simple forecast, as a forecast of
    /// its history is: the automatic method without feature columns (optional calendar columns go
    /// with the network), on a history that is constant or too short for the network.
    func simpleAnswers(_ error: ForecasterError) -> Bool {
        Self.simpleAnswers(error, configuration: configuration, columns: columns)
    }

    /// `simpleAnswers(_:)` for a fit under `configuration` reading `columns`.
    static func simpleAnswers(_ error: ForecasterError, configuration: ForecasterConfiguration, columns: FeatureColumns) -> Bool {
        configuration.resolvedSelection == .automatic && columns.isEmpty && error.isAnsweredBySimpleForecast
    }

    /// "auto" when fitting may fall back to a baseline (`MethodSelection.automatic`), else the cell's name.
    public var name: String { configuration.resolvedSelection == .automatic ? "auto" : configuration.cell.rawValue }

    /// A fold's fit: the forecaster, or, for the automatic method on a fold whose history holds one
    /// value throughout (a new product's zeros), the naive forecast a forecast of that history gives,
    /// where the fit would throw and stop the whole backtest.
    public func fit(history: [Double]) throws -> RecurrentFoldModel {
        try cancellation?.check()
        let rows = history.count
        let progress = cancellation?.trainingProgress() ?? { _ in .proceed }
        // With nothing optional this fits once, as a plain fit would.
        let model: Forecaster, kept: Bool
        do {
            (model, kept) = try Forecaster.fit(
                values: history, features: columns.observed(before: rows), knownFeatures: columns.known(before: rows),
                optional: optionalKnown.map { Array($0[..<rows]) }, optionalName: optionalName, frequency: frequency,
                configuration: configuration, progress: progress)
        } catch let error as ForecasterError where simpleAnswers(error) {
            return RecurrentFoldModel(simpleForecastOf: history, seasonPeriod: configuration.seasonPeriod ?? frequency.scoringSeasonPeriod)
        }
        try cancellation?.check()
        var read = columns
        if kept { read.known += optionalKnown }
        return .forecaster(FeatureAwareForecaster(forecaster: model, columns: read))
    }
}

/// What a fold of the recurrent method forecasts with: its fitted forecaster, or, where the fold's
/// history is constant or too short for the network, the simple forecast (`SimpleForecast`: naive or
/// seasonal-naive) that a forecast of that history gives.
public enum RecurrentFoldModel: FittedForecastingModel {
    case forecaster(FeatureAwareForecaster)
    /// `.naive` or `.seasonalNaive(period:)`.
    case simple(ForecastMethod)

    /// The simple forecast's choice on `history` (`SimpleForecast.choice`).
    init(simpleForecastOf history: [Double], seasonPeriod: Int) {
        self = .simple(SimpleForecast.choice(values: history, seasonPeriod: seasonPeriod).method)
    }

    public var chosenMethod: String? {
        switch self {
        case let .forecaster(model): return model.chosenMethod
        case let .simple(method): return method.name
        }
    }

    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        switch self {
        case let .forecaster(model): return try model.forecast(after: history, horizon: horizon)
        case let .simple(.seasonalNaive(period)): return try SeasonalNaiveForecast(seasonPeriod: period).forecast(after: history, horizon: horizon)
        case .simple: return try NaiveForecast().forecast(after: history, horizon: horizon)
        }
    }

    public func intervals(levels: [Double], history: [Double], forecasts: [Double], count: Int, minimumHistory: Int) throws
        -> [IntervalForecast] {
        switch self {
        case let .forecaster(model):
            return try model.intervals(levels: levels, history: history, forecasts: forecasts, count: count, minimumHistory: minimumHistory)
        case let .simple(.seasonalNaive(period)):
            return try SeasonalNaiveForecast(seasonPeriod: period).intervals(
                levels: levels, history: history, forecasts: forecasts, count: count, minimumHistory: minimumHistory)
        case .simple:
            return try NaiveForecast().intervals(levels: levels, history: history, forecasts: forecasts, count: count,
                                                 minimumHistory: minimumHistory)
        }
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

    /// Conformalised quantile intervals when the model forecasts quantiles (`calibratedIntervals`),
    /// normalised split-conformal otherwise.
    public func intervals(levels: [Double], history: [Double], forecasts: [Double], count: Int, minimumHistory: Int) throws
        -> [IntervalForecast] {
        try calibratedIntervals(of: self, levels: levels, history: history, forecasts: forecasts, count: count,
                                minimumHistory: minimumHistory) { prefix in
            var conditioned = self
            try conditioned.condition(on: prefix, features: [])
            return try conditioned.quantileForecast(steps: forecasts.count)
        }
    }
}
