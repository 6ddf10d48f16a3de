import Foundation

/// One recurrent network trained on the windows of many series at once, each series transformed
/// and scaled on its own, as DeepAR and neuralforecast's global models do: the network learns the
/// shape of movements shared across series, while each series keeps its own level and spread.
///
/// Each member is an ordinary `Forecaster` that shares the trained network and holds its own
/// scaler and recent history, so it forecasts, observes and saves like any fitted model.
///
/// Choices shared by every series (they all feed one network): the lookback (configured, or the
/// default for the median series length), and the transform (configured, or log-return when every value
/// of every series is positive, else difference: share prices and sales levels wander, and a global
/// model learns changes better than levels). Series too short for one training window, or constant,
/// are left out and reported as their own failure.
public struct GlobalForecaster: Sendable {
    /// The configuration with every automatic choice resolved (lookback, transform, season period; the
    /// method is always the network).
    public let configuration: ForecasterConfiguration
    /// The network every member shares.
    let network: RecurrentNetwork
    /// One entry per input series, in input order: its forecaster, or why it could not take part.
    public let members: [Result<Forecaster, ForecasterError>]
    /// How training went, and the shared choices in words.
    public let fitReport: FitReport

    /// Fits one network on every series.
    ///
    /// - Parameters:
    ///   - series: the values of each series, oldest first; lengths may differ.
    ///   - features: each series' feature columns (none, or one entry per series, every entry with
    ///     the same numbers of observed, known-in-advance and constant columns). The network reads
    ///     them as a single-series model does (target, observed, known, and the known values of the
    ///     forecast steps in its head); only the rows before each series' end are read here. Each
    ///     series' columns are scaled on its own training rows; constants (static columns) are
    ///     scaled across series, since each series holds one value of them.
    ///   - names: a name per series, kept as its forecaster's column name (empty: none).
    ///   - featureNames: the feature columns' names (observed, known, constants), recorded in
    ///     every member after its series' name.
    ///   - frequency: the frequency of the series (the default lookback's season).
    ///   - requested: the settings shared by every series; a nil lookback or transform is chosen
    ///     here, and the choice is said in `fitReport`.
    ///   - progress: called per batch and per epoch; return `.stop` to end training early.
    /// - Throws: `ForecasterError.invalidConfiguration` for a bad configuration, `.noSeries` or
    ///   `.noSeriesLongEnough` when no series can take part, `.featureMismatch` or
    ///   `.knownFeatureMismatch` when the series' feature columns differ in number, `TrainingError`
    ///   when training diverges.
    public static func fit(
        series: [[Double]], features: [FeatureColumns] = [], names: [String] = [], featureNames: [String] = [],
        frequency: Frequency = .irregular,
        configuration requested: ForecasterConfiguration = ForecasterConfiguration(),
        progress: (Trainer.Event) -> Trainer.Decision = { _ in .proceed }
    ) throws -> GlobalForecaster {
        try requested.validate()
        guard !series.isEmpty else { throw ForecasterError.noSeries }
        guard features.isEmpty || features.count == series.count else {
            throw ForecasterError.invalidConfiguration(setting: "features", value: "\(features.count) entries",
                                                       requirement: "one per series (\(series.count))")
        }
        let columns = features.isEmpty ? series.map { _ in FeatureColumns() } : features
        let layout = columns[0]
        for entry in columns {
            guard entry.observed.count == layout.observed.count else {
                throw ForecasterError.featureMismatch(expected: layout.observed.count, actual: entry.observed.count)
            }
            guard entry.knownCount == layout.knownCount, entry.constants.count == layout.constants.count else {
                throw ForecasterError.knownFeatureMismatch(expected: layout.knownCount, actual: entry.knownCount)
            }
        }
        let knownCount = layout.knownCount
        var decisions: [String] = []
        var configuration = requested
        if !requested.strategyIsFixed, requested.strategy(for: frequency) != requested.strategy {
            configuration.applyDefaultStrategy(for: frequency)
            decisions.append("strategy \(configuration.strategy.rawValue): the default for \(frequency) series")
        }
        let horizon = configuration.stepsPerPass
        let lookback = Self.lookback(requested: requested.lookback, frequency: frequency, lengths: series.map(\.count))
        if requested.lookback == nil {
            decisions.append("lookback \(lookback): the default for the median series length (\(Self.medianLength(series.map(\.count))) rows)")
        }
        let transform: TransformKind
        if let given = requested.transform {
            transform = given
        } else {
            let positive = series.allSatisfy { $0.allSatisfy { $0 > 0 } }
            transform = positive ? .logReturn : .difference
            decisions.append("transform \(transform.rawValue): shared by every series (\(positive ? "all values are positive" : "some values are zero or negative"))")
        }
        configuration.lookback = lookback
        configuration.transform = transform
        let specification = WindowSpecification(lookback: lookback, horizon: horizon)
        // A static column holds one value per series: its scaler is fitted across the series.
        let constantScalers = layout.constants.indices.map { index in
            FittedScaler(kind: requested.scaler, fittedTo: columns.map { $0.constants[index] })
        }

        // Each series' windows, scaled with its own scalers fitted on its own training rows.
        var training = SupervisedWindowsBundle(specification: specification, inputSize: 1 + layout.observed.count + knownCount,
                                               knownCount: knownCount)
        var validation = training
        var prepared: [Result<(scalers: [FittedScaler], features: [[Double]]), ForecasterError>] = []
        for (values, entry) in zip(series, columns) {
            do {
                let rows = values.count
                let featureRows = entry.observed(before: rows) + entry.known(before: rows)
                try Forecaster.checkValues(values, features: featureRows)
                let (split, trainingStarts, validationStarts) = try Forecaster.trainingSplit(
                    of: values, transform: transform, specification: specification, validationFraction: requested.validationFraction)
                let windows = try PreparedWindows(
                    values: values, features: featureRows, knownCount: knownCount, transform: transform, scaler: requested.scaler,
                    givenScalers: constantScalers, specification: specification, split: split,
                    trainingStarts: trainingStarts, validationStarts: validationStarts)
                training.append(windows.training)
                if let windows = windows.validation { validation.append(windows) }
                prepared.append(.success((windows.scalers, featureRows)))
            } catch let error as ForecasterError {
                prepared.append(.failure(error))
            }
        }
        guard training.count > 0 else {
            throw ForecasterError.noSeriesLongEnough(lookback: lookback, horizon: horizon)
        }

        // With a quantile loss the head forecasts every level of every step, as a single series' does.
        let perStep = requested.loss.outputsPerStep
        let shape = NetworkConfiguration(cell: requested.cell, inputSize: training.inputSize, hiddenSize: requested.hiddenSize,
                                         layers: requested.layers, outputs: horizon * perStep, dropout: Float(requested.dropout),
                                         headInputs: knownCount * horizon)
        let network = RecurrentNetwork(configuration: shape, seed: requested.seed)
        let report = try Forecaster.trainExamples(
            network, configuration: requested, training: try training.examples(outputsPerStep: perStep),
            validation: validation.count > 0 ? try validation.examples(outputsPerStep: perStep) : nil, progress: progress)
        let fitReport = FitReport(
            trainingLosses: report.epochs.map(\.trainingLoss), validationLosses: report.epochs.compactMap(\.validationLoss),
            keptEpoch: report.restoredEpoch ?? report.epochs.count, stoppedEarly: report.stoppedEarly,
            trainingWindows: training.count, validationWindows: validation.count, decisions: decisions, validationErrors: [])
        var resolved = configuration
        resolved.selection = .network
        resolved.seasonPeriod = requested.seasonPeriod ?? frequency.seasonPeriod
        // A member records column names only when they name every column it reads (its target and
        // each feature), as a fit of one series does: a model file must read back.
        let columnCount = 1 + layout.observed.count + layout.knownCount  // known columns hold the constants
        let members = zip(series.indices, prepared).map { index, member -> Result<Forecaster, ForecasterError> in
            member.map { member in
                let named = names.indices.contains(index) ? [names[index]] + featureNames : []
                var fitted = Forecaster(configuration: resolved, network: network, scalers: member.scalers,
                                        columnNames: named.count == columnCount ? named : [], frequency: frequency,
                                        fitReport: fitReport, method: .network,
                                        recentValues: Array(series[index].suffix(lookback + transform.rowsConsumed)),
                                        recentFeatures: member.features.map { Array($0.suffix(lookback)) }, knownFeatureCount: knownCount)
                fitted.lowerBound = Forecaster.lowerBound(of: series[index])
                return fitted
            }
        }
        return GlobalForecaster(configuration: resolved, network: network, members: members, fitReport: fitReport)
    }
}

/// Windows of several series laid end to end, in the layout `Trainer.Examples` takes.
struct SupervisedWindowsBundle {
    let specification: WindowSpecification
    /// Values per step: the target and every feature.
    let inputSize: Int
    /// Known-in-advance columns, whose values at the target rows the head reads.
    let knownCount: Int
    private(set) var inputs: [Float] = []
    private(set) var targets: [Float] = []
    private(set) var headInputs: [Float] = []
    private(set) var count = 0

    init(specification: WindowSpecification, inputSize: Int, knownCount: Int) {
        self.specification = specification
        self.inputSize = inputSize
        self.knownCount = knownCount
    }

    mutating func append(_ windows: SupervisedWindows) {
        precondition(windows.inputSize == inputSize && windows.knownFeatureCount == knownCount, "windows of another layout")
        inputs += windows.inputs
        targets += windows.targets
        headInputs += windows.headInputs
        count += windows.count
    }

    /// The windows as the trainer reads them; with several outputs per step (quantiles), each step's
    /// target is repeated once per output, step-major as the head's outputs are.
    func examples(outputsPerStep: Int = 1) throws -> Trainer.Examples {
        let targets = outputsPerStep == 1 ? self.targets : self.targets.flatMap { Array(repeating: $0, count: outputsPerStep) }
        return try Trainer.Examples(inputs: inputs, targets: targets, lookback: specification.lookback, features: inputSize,
                                    outputs: specification.horizon * outputsPerStep, headInputs: headInputs,
                                    headInputWidth: specification.horizon * knownCount)
    }
}

extension GlobalForecaster {
    /// The lookback a fit of series of `lengths` rows takes: the one asked for, else the default
    /// for the median length, so that one very short series does not shorten every series'.
    static func lookback(requested: Int?, frequency: Frequency, lengths: [Int]) -> Int {
        requested ?? Forecaster.defaultLookback(frequency: frequency, rows: medianLength(lengths))
    }

    static func medianLength(_ lengths: [Int]) -> Int {
        lengths.sorted()[lengths.count / 2]
    }
}
