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
    ///   - names: a name per series, kept as its forecaster's column name (empty: none).
    ///   - frequency: the frequency of the series (the default lookback's season).
    ///   - requested: the settings shared by every series; a nil lookback or transform is chosen
    ///     here, and the choice is said in `fitReport`.
    ///   - progress: called per batch and per epoch; return `.stop` to end training early.
    /// - Throws: `ForecasterError.invalidConfiguration` for a bad configuration, `.noSeries` or
    ///   `.noSeriesLongEnough` when no series can take part, `TrainingError` when training diverges.
    public static func fit(
        series: [[Double]], names: [String] = [], frequency: Frequency = .irregular,
        configuration requested: ForecasterConfiguration = ForecasterConfiguration(),
        progress: (Trainer.Event) -> Trainer.Decision = { _ in .proceed }
    ) throws -> GlobalForecaster {
        try requested.validate()
        guard !series.isEmpty else { throw ForecasterError.noSeries }
        var decisions: [String] = []
        var configuration = requested
        let horizon = requested.strategy == .recursive ? 1 : requested.horizon
        // The median length, so that one very short series does not shorten every series' lookback.
        let median = series.map(\.count).sorted()[series.count / 2]
        let lookback = requested.lookback ?? Forecaster.defaultLookback(frequency: frequency, rows: median)
        if requested.lookback == nil { decisions.append("lookback \(lookback): the default for the median series length (\(median) rows)") }
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

        // Each series' windows, scaled with its own scaler fitted on its own training rows.
        var trainingInputs: [Float] = [], trainingTargets: [Float] = []
        var validationInputs: [Float] = [], validationTargets: [Float] = []
        var trainingCount = 0, validationCount = 0
        var prepared: [Result<FittedScaler, ForecasterError>] = []
        for values in series {
            do {
                try Forecaster.checkValues(values, features: [])
                let (split, trainingStarts, validationStarts) = try Forecaster.trainingSplit(
                    of: values, transform: transform, specification: specification, validationFraction: requested.validationFraction)
                let transformed = try Forecaster.applyTransform(transform, to: values)
                let scaler = FittedScaler(kind: requested.scaler, fittedTo: Array(transformed[split.trainingRows]))
                let scaled = scaler.scaled(transformed)
                let training = SupervisedWindows(target: scaled, features: [], specification: specification, starts: trainingStarts)
                trainingInputs += training.inputs
                trainingTargets += training.targets
                trainingCount += training.count
                if !validationStarts.isEmpty {
                    let validation = SupervisedWindows(target: scaled, features: [], specification: specification, starts: validationStarts)
                    validationInputs += validation.inputs
                    validationTargets += validation.targets
                    validationCount += validation.count
                }
                prepared.append(.success(scaler))
            } catch let error as ForecasterError {
                prepared.append(.failure(error))
            }
        }
        guard trainingCount > 0 else {
            throw ForecasterError.noSeriesLongEnough(lookback: lookback, horizon: horizon)
        }

        let shape = NetworkConfiguration(cell: requested.cell, inputSize: 1, hiddenSize: requested.hiddenSize,
                                         layers: requested.layers, outputs: horizon, dropout: Float(requested.dropout))
        let network = RecurrentNetwork(configuration: shape, seed: requested.seed)
        let training = SupervisedWindowsBundle(inputs: trainingInputs, targets: trainingTargets, specification: specification)
        let validation = validationCount > 0
            ? SupervisedWindowsBundle(inputs: validationInputs, targets: validationTargets, specification: specification) : nil
        let report = try Forecaster.trainExamples(network, configuration: requested, training: try training.examples(),
                                                  validation: try validation?.examples(), progress: progress)
        let fitReport = FitReport(
            trainingLosses: report.epochs.map(\.trainingLoss), validationLosses: report.epochs.compactMap(\.validationLoss),
            keptEpoch: report.restoredEpoch ?? report.epochs.count, stoppedEarly: report.stoppedEarly,
            trainingWindows: trainingCount, validationWindows: validationCount, decisions: decisions, validationErrors: [])
        var resolved = configuration
        resolved.selection = .network
        resolved.seasonPeriod = requested.seasonPeriod ?? frequency.seasonPeriod
        let members = zip(series.indices, prepared).map { index, scaler -> Result<Forecaster, ForecasterError> in
            scaler.map { scaler in
                Forecaster(configuration: resolved, network: network, scalers: [scaler],
                           columnNames: names.indices.contains(index) ? [names[index]] : [], frequency: frequency,
                           fitReport: fitReport, method: .network,
                           recentValues: Array(series[index].suffix(lookback + transform.rowsConsumed)), recentFeatures: [])
            }
        }
        return GlobalForecaster(configuration: resolved, network: network, members: members, fitReport: fitReport)
    }
}

/// Windows of several series laid end to end, in the layout `Trainer.Examples` takes.
struct SupervisedWindowsBundle {
    let inputs: [Float]
    let targets: [Float]
    let specification: WindowSpecification

    func examples() throws -> Trainer.Examples {
        try Trainer.Examples(inputs: inputs, targets: targets, lookback: specification.lookback, features: 1,
                             outputs: specification.horizon)
    }
}
