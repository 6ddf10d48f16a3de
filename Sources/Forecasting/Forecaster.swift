/// A fitted recurrent forecaster: what an app keeps, forecasts with, updates with each new
/// observation, and saves.
///
/// ```swift
/// var forecaster = try Forecaster.fit(values: prices, frequency: .tradingDays,
///                                     configuration: .init(horizon: 5))
/// let nextFive = try forecaster.forecast(steps: 5)
/// let updated = try forecaster.observe(101.3)      // the next forecast, at constant cost
/// try forecaster.save(to: modelURL)
/// ```
///
/// The forecaster keeps only the recent history its network reads (lookback rows, plus one for the
/// differencing transforms), so `observe` costs the same however long the series grows. A value is
/// `Sendable`: the network is never changed after fitting, and `observe` changes only the copy it
/// is called on.
///
/// On Linux the first fit or load opens OpenBLAS with the fastest kernels the CPU runs, also where
/// the installed OpenBLAS does not recognise the CPU (see `BLASBackend.kernelChoice` to opt out).
public struct Forecaster: Sendable {
    /// The configuration with every automatic choice resolved: lookback, transform, season period and
    /// selection hold what fitting chose (or what the model file recorded), never `nil`.
    public let configuration: ForecasterConfiguration
    /// The trained network. Internal: the class is shared by every copy of the forecaster and must
    /// never change after fitting, so apps see its shape and a copy of its weights only.
    let network: RecurrentNetwork

    /// The shape of the network: cell, sizes, layers and horizon.
    public var networkConfiguration: NetworkConfiguration { network.configuration }
    /// A copy of the network's weights, in PyTorch `state_dict` order (`NetworkConfiguration.parameterLayout`).
    public var parameters: [Float] { network.parameters }
    /// The scaler of the transformed target (index 0) and of each feature column after it
    /// (observed ones first, then those known in advance).
    public let scalers: [FittedScaler]
    /// Names of the target and feature columns, in input order, when known (model files record them).
    public let columnNames: [String]
    /// K, the trailing feature columns known in advance (inputs whose future values are given to
    /// every forecast, such as a calendar or a planned promotion).
    public let knownFeatureCount: Int
    /// The frequency of the series the model was fitted on.
    public let frequency: Frequency
    /// The exchange whose sessions the series follows, when known: a model file records it
    /// (`exchange`), so that a forecast from the loaded model skips the same holidays when the
    /// new rows show no exchange of their own (it was asked for in training). The CSV actions set
    /// it; nil dates forecasts by the frequency and what the reader detects.
    public var exchange: ExchangeCalendar.Code? = nil
    /// How fitting went; `nil` for a model loaded from a file.
    public let fitReport: FitReport?
    /// What forecasts are made with (the network unless a baseline did better on validation).
    public let method: ForecastMethod
    /// The fitted statistical models and the history they filter, when `method` uses them.
    public private(set) var statistical: StatisticalForecasts?
    /// The least value a forecast or an interval bound takes: 0 for a series fitted on values that
    /// never go below zero (sales, counts, prices, rainfall), so that no forecast says what the
    /// series cannot be; nil for one that goes below zero, and once a negative value is observed or
    /// conditioned on. A model file records it (`lower_bound`).
    public internal(set) var lowerBound: Double? = nil

    /// The latest raw target values, oldest first: `lookback + transform.rowsConsumed` of them.
    public private(set) var recentValues: [Double]
    /// The latest raw values of each feature column (observed, then known in advance), `lookback` of each.
    public private(set) var recentFeatures: [[Double]]

    public var lookback: Int { configuration.lookback ?? 1 }
    /// Steps one pass of the network forecasts (its outputs over the outputs per step).
    public var horizon: Int { network.configuration.outputs / configuration.loss.outputsPerStep }
    /// Steps `observe` returns and a prediction makes when none are asked for: the horizon the
    /// model was fitted for, which a recursive model forecasts one pass per step.
    public var forecastSteps: Int { configuration.strategy == .recursive ? max(1, configuration.horizon) : horizon }
    public var transform: TransformKind { configuration.transform ?? .none }
    /// Every feature column the network reads, observed and known in advance.
    public var featureCount: Int { scalers.count - 1 }
    /// Feature columns known only up to the forecast origin.
    public var observedFeatureCount: Int { featureCount - knownFeatureCount }
    /// Target rows the forecaster needs to condition on.
    public var requiredHistory: Int { lookback + transform.rowsConsumed }

    init(
        configuration: ForecasterConfiguration, network: RecurrentNetwork, scalers: [FittedScaler],
        columnNames: [String], frequency: Frequency, fitReport: FitReport?, method: ForecastMethod = .network,
        recentValues: [Double], recentFeatures: [[Double]], knownFeatureCount: Int = 0,
        statistical: StatisticalForecasts? = nil
    ) {
        precondition(configuration.lookback != nil && configuration.transform != nil, "an unresolved configuration")
        precondition(scalers.count == network.configuration.inputSize, "one scaler per input column")
        precondition(network.configuration.outputs % configuration.loss.outputsPerStep == 0,
                     "the head forecasts every quantile of each step")
        precondition(knownFeatureCount * network.configuration.outputs / configuration.loss.outputsPerStep
                        == network.configuration.headInputs,
                     "the head reads the known features of every forecast step")
        precondition(method.statisticalModels.map(\.rawValue) == (statistical?.models.map(\.model.rawValue) ?? []),
                     "the statistical models are those the method names")
        self.configuration = configuration
        self.network = network
        self.scalers = scalers
        self.columnNames = columnNames
        self.frequency = frequency
        self.fitReport = fitReport
        self.method = method
        self.recentValues = recentValues
        self.recentFeatures = recentFeatures
        self.knownFeatureCount = knownFeatureCount
        self.statistical = statistical
    }

    /// Replaces the history the next forecast continues, e.g. with the rows of a newer file.
    /// Only the latest `requiredHistory` rows are kept, except by a method with statistical models,
    /// which keeps every value from the row they were fitted from (`StatisticalForecasts.startRow`):
    /// their states run through the series, so `values` must start where the fitted series started.
    ///
    /// - Parameters:
    ///   - features: the observed feature columns, each as long as `values`.
    ///   - knownFeatures: the known-in-advance columns over the same rows (their future values go
    ///     to `forecast(steps:knownFuture:)`).
    public mutating func condition(on values: [Double], features: [[Double]] = [], knownFeatures: [[Double]] = []) throws {
        try checkFeatureCounts(observed: features.count, known: knownFeatures.count)
        let columns = features + knownFeatures
        for (index, column) in columns.enumerated() where column.count != values.count {
            throw ForecasterError.featureLengthMismatch(feature: index, rows: column.count, expected: values.count)
        }
        guard values.count >= requiredHistory else {
            throw ForecasterError.historyTooShort(rows: values.count, needed: requiredHistory)
        }
        let tail = Array(values.suffix(requiredHistory))
        try Self.checkValues(tail, firstRow: values.count - requiredHistory)
        if transform.requiresPositiveValues, let row = tail.firstIndex(where: { !($0 > 0) }) {
            throw ForecasterError.notPositiveForLogTransform(
                row: values.count - requiredHistory + row, value: tail[row], transform: transform)
        }
        let featureTails = columns.map { Array($0.suffix(lookback)) }
        for (index, column) in featureTails.enumerated() {
            try Self.checkValues(column, feature: index, firstRow: values.count - column.count)
        }
        if let statistical {
            try Self.checkValues(values)
            guard values.count >= statistical.minimumRows else {
                throw ForecasterError.historyTooShort(rows: values.count, needed: statistical.minimumRows)
            }
            // A prefix of the fitted series (calibration, backtests) or a series as long as the one
            // held starts where it may; a shorter one that starts elsewhere is the latest values alone.
            let given = values.count - statistical.startRow
            if given < statistical.history.count, values[statistical.startRow] != statistical.history[0] {
                throw ForecasterError.statisticalHistoryStartsElsewhere(method: method.name, given: given, held: statistical.history.count)
            }
        }
        recentValues = tail
        recentFeatures = featureTails
        statistical?.replaceHistory(with: values)
        if let lowerBound, values.contains(where: { $0 < lowerBound }) { self.lowerBound = nil }
    }

    /// Appends one observation (and the feature values of the same row) and returns the forecast of
    /// the next `forecastSteps` steps (the horizon it was fitted for). Costs the same whatever the length of the history, except by a method
    /// with statistical models, which filter the whole history (microseconds per thousand values).
    ///
    /// A model with known-in-advance features needs their values for the forecast steps:
    /// `knownFuture` holds one array per known feature, at least `forecastSteps` values each.
    @discardableResult
    public mutating func observe(_ value: Double, features: [Double] = [], knownFeatures: [Double] = [],
                                 knownFuture: [[Double]] = []) throws -> [Double] {
        try append(value, features: features, knownFeatures: knownFeatures)
        return try forecast(steps: forecastSteps, knownFuture: knownFuture)
    }

    /// Appends one observation and the feature values of its row, without forecasting.
    public mutating func append(_ value: Double, features: [Double] = [], knownFeatures: [Double] = []) throws {
        try checkFeatureCounts(observed: features.count, known: knownFeatures.count)
        try Self.checkValue(value, row: recentValues.count)
        if transform.requiresPositiveValues, !(value > 0) {
            throw ForecasterError.notPositiveForLogTransform(row: recentValues.count, value: value, transform: transform)
        }
        let row = features + knownFeatures
        for (index, value) in row.enumerated() {
            try Self.checkValue(value, row: recentValues.count, feature: index)
        }
        guard hasHistory else { throw ForecasterError.historyTooShort(rows: recentValues.count, needed: requiredHistory) }
        recentValues.removeFirst()
        recentValues.append(value)
        statistical?.append(value)
        if let lowerBound, value < lowerBound { self.lowerBound = nil }
        for index in recentFeatures.indices {
            recentFeatures[index].removeFirst()
            recentFeatures[index].append(row[index])
        }
    }

    /// Throws `featureMismatch` unless the counts are those the model was fitted with. A model
    /// without known-in-advance features also takes all its columns as `features` (as before they existed).
    func checkFeatureCounts(observed: Int, known: Int) throws {
        guard observed == observedFeatureCount, known == knownFeatureCount else {
            if known == 0, knownFeatureCount > 0 {
                throw ForecasterError.knownFeatureMismatch(expected: knownFeatureCount, actual: 0)
            }
            if observed != observedFeatureCount {
                throw ForecasterError.featureMismatch(expected: observedFeatureCount, actual: observed)
            }
            throw ForecasterError.knownFeatureMismatch(expected: knownFeatureCount, actual: known)
        }
    }
}

/// What happened while fitting, for reports and progress displays.
public struct FitReport: Hashable, Sendable {
    /// Training and validation loss (on scaled values) of every epoch run.
    public let trainingLosses: [Float]
    public let validationLosses: [Float]
    /// The epoch whose weights were kept (the best on validation when early stopping was on).
    public let keptEpoch: Int
    public let stoppedEarly: Bool
    /// Windows trained on and validated on.
    public let trainingWindows: Int
    public let validationWindows: Int
    /// Choices made from the data, in words ("transform log-return: the series has a unit root …").
    public let decisions: [String]
    /// Mean absolute error of each candidate method on the validation part, when methods were compared.
    public let validationErrors: [(method: ForecastMethod, meanAbsoluteError: Double)]

    /// The same report with `decisions` in place of its own.
    func replacingDecisions(_ decisions: [String]) -> FitReport {
        FitReport(trainingLosses: trainingLosses, validationLosses: validationLosses, keptEpoch: keptEpoch,
                  stoppedEarly: stoppedEarly, trainingWindows: trainingWindows, validationWindows: validationWindows,
                  decisions: decisions, validationErrors: validationErrors)
    }

    public static func == (lhs: FitReport, rhs: FitReport) -> Bool {
        lhs.trainingLosses == rhs.trainingLosses && lhs.validationLosses == rhs.validationLosses
            && lhs.keptEpoch == rhs.keptEpoch && lhs.stoppedEarly == rhs.stoppedEarly
            && lhs.trainingWindows == rhs.trainingWindows && lhs.validationWindows == rhs.validationWindows
            && lhs.decisions == rhs.decisions
            && lhs.validationErrors.map(\.method) == rhs.validationErrors.map(\.method)
            && lhs.validationErrors.map(\.meanAbsoluteError) == rhs.validationErrors.map(\.meanAbsoluteError)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(trainingLosses)
        hasher.combine(decisions)
    }
}
