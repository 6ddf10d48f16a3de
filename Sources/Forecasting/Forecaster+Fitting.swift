import Foundation

extension Forecaster {
    /// Fits a forecaster on `values` (oldest first) and optional feature columns of the same length.
    ///
    /// Steps: resolve the lookback and transform from the data; transform the target; split the rows
    /// chronologically; fit the scalers on the training rows only; cut windows; train with early
    /// stopping on the validation windows, keeping the best weights.
    ///
    /// - Parameters:
    ///   - values: the target series, oldest first; every value finite.
    ///   - features: observed feature columns, each as long as `values`, in the order the model
    ///     reads them: known only up to the forecast origin, they are read inside the lookback.
    ///   - knownFeatures: known-in-advance columns, each as long as `values` (a calendar, a planned
    ///     promotion, a weather forecast): read inside the lookback and, by the head, at every
    ///     forecast step (docs/model-format.md).
    ///   - frequency: chooses the default lookback (two seasons, or two of the configuration's
    ///     `seasonPeriod` when set); `.irregular` when unknown.
    ///   - columnNames: the target's name first, then each feature's (observed, then known in
    ///     advance), recorded in model files.
    ///   - requested: the configuration (argument label `configuration`); fields left `nil` are
    ///     decided from the data, and the returned forecaster's `configuration` holds the choices.
    ///   - progress: called after every batch and epoch on the calling thread; return `.stop` to end
    ///     training early (the best weights so far are kept).
    ///   - start: (argument label `startingFrom`) continue training this model (e.g. loaded from a file, perhaps saved from
    ///     PyTorch): its architecture, lookback, horizon, transform and scalers are kept, and its
    ///     weights are the starting point; the configuration then only sets how to train.
    /// - Throws: `ForecasterError` for unusable data, `TrainingError` when training diverges,
    ///   `CancellationError` when the surrounding task is cancelled. A trained network that gives no
    ///   usable forecast throws `ForecasterError.unusableTrainedModel` when the network was asked
    ///   for; the automatic method chooses among the other candidates instead, and says so.
    public static func fit(
        values: [Double], features observedFeatures: [[Double]] = [], knownFeatures: [[Double]] = [],
        frequency: Frequency = .irregular,
        columnNames: [String] = [], configuration requested: ForecasterConfiguration = ForecasterConfiguration(),
        startingFrom start: Forecaster? = nil,
        progress: (Trainer.Event) -> Trainer.Decision = { _ in .proceed }
    ) throws -> Forecaster {
        try fit(values: values, features: observedFeatures, knownFeatures: knownFeatures, frequency: frequency,
                columnNames: columnNames, configuration: requested, startingFrom: start,
                statisticalFits: StatisticalFitCache(), progress: progress)
    }

    /// `fit(values:…)` with the statistical models of the series fitted at most once however many
    /// fits of the same series share `statisticalFits` (as the fits with and without optional columns do).
    static func fit(
        values: [Double], features observedFeatures: [[Double]], knownFeatures: [[Double]], frequency: Frequency,
        columnNames: [String], configuration requested: ForecasterConfiguration, startingFrom start: Forecaster?,
        statisticalFits: StatisticalFitCache, progress: (Trainer.Event) -> Trainer.Decision
    ) throws -> Forecaster {
        var configuration = requested
        var decisions: [String] = []
        if !configuration.strategyIsFixed, start == nil {
            configuration.applyDefaultStrategy(for: frequency)
            if configuration.strategy != ForecasterConfiguration.Defaults.strategy {
                decisions.append("strategy \(configuration.strategy.rawValue): the default for \(frequency) series, which are short (one output trained on every step gives every window a target)")
            }
        }
        if let start {
            try start.checkFeatureCounts(observed: observedFeatures.count, known: knownFeatures.count)
            configuration.adoptArchitecture(of: start)
        }
        try configuration.validate()
        let features = observedFeatures + knownFeatures
        let knownCount = knownFeatures.count
        try checkValues(values, features: features)
        var resolved = configuration
        let transform = try resolveTransform(configuration.transform, values: values, decisions: &decisions)
        resolved.transform = transform
        let horizon = configuration.stepsPerPass
        let lookback = resolveLookback(configuration.lookback, season: configuration.seasonPeriod ?? frequency.seasonPeriod, rows: values.count,
                                       horizon: horizon, decisions: &decisions)
        resolved.lookback = lookback

        let specification = WindowSpecification(lookback: lookback, horizon: horizon)
        let (split, trainingStarts, validationStarts) = try trainingSplit(
            of: values, transform: transform, specification: specification, validationFraction: configuration.validationFraction)

        let prepared = try PreparedWindows(
            values: values, features: features, knownCount: knownCount, transform: transform, scaler: configuration.scaler,
            givenScalers: start?.scalers ?? [], specification: specification, split: split,
            trainingStarts: trainingStarts, validationStarts: validationStarts)
        let (scalers, trainingWindows, validationWindows) = (prepared.scalers, prepared.training, prepared.validation)
        let columnCount = scalers.count

        let shape = NetworkConfiguration(
            cell: configuration.cell, inputSize: columnCount, hiddenSize: configuration.hiddenSize,
            layers: configuration.layers, outputs: horizon * configuration.loss.outputsPerStep,
            dropout: Float(configuration.dropout), headInputs: knownCount * horizon)
        let network = try start.map { try RecurrentNetwork(configuration: shape, parameters: $0.network.parameters) }
            ?? RecurrentNetwork(configuration: shape, seed: configuration.seed)
        let report = try train(network, configuration: configuration, training: trainingWindows,
                               validation: validationWindows, progress: progress)

        let names = columnNames.count == columnCount ? columnNames : (start?.columnNames ?? [])
        let fitted = Forecaster(
            configuration: resolved, network: network, scalers: scalers, columnNames: names,
            frequency: frequency, fitReport: nil,
            recentValues: Array(values.suffix(lookback + transform.rowsConsumed)),
            recentFeatures: features.map { Array($0.suffix(lookback)) }, knownFeatureCount: knownCount)

        // A loss can stay finite while the weights saturate (Adam at a learning rate of 1e6 does):
        // on scaled values a loss above a million means forecasts a thousand deviations off, and
        // forecasting once from the end of the series catches a model that would only print NaN.
        let validationLosses = report.epochs.compactMap(\.validationLoss)
        let keptEpoch = report.restoredEpoch ?? report.epochs.count
        let keptLoss = validationLosses.isEmpty
            ? report.epochs.last?.trainingLoss
            : validationLosses[max(0, min(keptEpoch, validationLosses.count) - 1)]
        var unusable: ForecasterError?
        if configuration.scaler != .none, let keptLoss, keptLoss > 1e6 {
            unusable = .unusableTrainedModel(epoch: report.epochs.count, loss: keptLoss)
        } else {
            do {
                _ = try fitted.networkForecast(steps: horizon, knownFuture: knownFeatures.map { Array($0.suffix(horizon)) })
            } catch ForecasterError.nonFiniteForecast {
                unusable = .unusableTrainedModel(epoch: report.epochs.count, loss: nil)
            }
        }

        // Compare the network with the baselines on the validation part (rows it did not train on).
        // An unusable network fails the fit unless the automatic method can choose without it.
        var method = ForecastMethod.network
        var validationErrors: [(method: ForecastMethod, meanAbsoluteError: Double)] = []
        var statistical: StatisticalForecasts?
        resolved.selection = configuration.resolvedSelection
        resolved.seasonPeriod = configuration.seasonPeriod ?? frequency.scoringSeasonPeriod
        if let unusable, resolved.selection != .automatic || validationStarts.isEmpty { throw unusable }
        if let unusable {
            let problem = unusable.problem
            decisions.append("the network is left out of the choice: " + problem.prefix(1).lowercased() + problem.dropFirst())
        }
        if resolved.selection == .automatic, !validationStarts.isEmpty {
            let cutoffs = validationStarts.map { $0 + lookback + transform.rowsConsumed }
            let trainingRows = cutoffs.min() ?? values.count
            let start = StatisticalForecasts.startRow(fitting: trainingRows)
            let season = resolved.seasonPeriod!
            let trainingFits = statisticalFits.fits(of: Array(values[start ..< trainingRows]), seasonPeriod: season)
            let comparison = try MethodComparison(
                forecaster: fitted, values: values, features: observedFeatures, knownFeatures: knownFeatures,
                cutoffs: cutoffs, horizon: horizon,
                seasonPeriod: season, statistical: trainingFits, statisticalStart: start, networkUsable: unusable == nil)
            method = comparison.chosen
            validationErrors = comparison.errors
            decisions.append(comparison.explanation)
            if !method.statisticalModels.isEmpty {
                let (kept, decision) = refitStatistical(method.statisticalModels, values: Array(values[start...]), startRow: start,
                                                        trainingFits: trainingFits, cache: statisticalFits)
                statistical = kept
                decisions.append(decision)
            }
        }

        if method.usesNetwork, configuration.strategy == .direct, horizon > 1 {
            decisions.append("the network forecasts all \(horizon) steps at once (direct strategy), so a different horizon trains a different network and may change even the first steps; the recursive strategy makes them independent of the horizon")
        }
        let fitReport = FitReport(
            trainingLosses: report.epochs.map(\.trainingLoss),
            validationLosses: report.epochs.compactMap(\.validationLoss),
            keptEpoch: report.restoredEpoch ?? report.epochs.count, stoppedEarly: report.stoppedEarly,
            trainingWindows: trainingWindows.count, validationWindows: validationWindows?.count ?? 0,
            decisions: decisions, validationErrors: validationErrors)
        var chosen = Forecaster(
            configuration: resolved, network: network, scalers: scalers, columnNames: names,
            frequency: frequency, fitReport: fitReport, method: method,
            recentValues: fitted.recentValues, recentFeatures: fitted.recentFeatures, knownFeatureCount: knownCount,
            statistical: statistical)
        chosen.lowerBound = Self.lowerBound(of: values)
        return chosen
    }

    /// 0 for a series that never goes below zero, nil otherwise (`lowerBound`).
    static func lowerBound(of values: [Double]) -> Double? {
        values.allSatisfy { $0 >= 0 } ? 0 : nil
    }

    /// The chosen statistical models refitted on the whole series with the structure chosen on the
    /// training part (form, order, decomposition), so their parameters use the validation part too
    /// (the network keeps its early-stopped weights); a model that no longer fits keeps its fit on the
    /// training part, filtered through the whole series.
    static func refitStatistical(_ models: [StatisticalModel], values: [Double], startRow: Int,
                                 trainingFits: [FittedStatisticalModel], cache: StatisticalFitCache) -> (StatisticalForecasts, String) {
        let fits = models.map { model in
            let trained = trainingFits.first { $0.model == model }!
            return cache.refit(trained, on: values) ?? trained
        }
        let forecasts = StatisticalForecasts(models: fits, history: values, startRow: startRow)
        return (forecasts, forecasts.refitDescription)
    }

    /// Trains `network` in place on prepared windows with the configured optimizer.
    static func train(
        _ network: RecurrentNetwork, configuration: ForecasterConfiguration, training: SupervisedWindows,
        validation: SupervisedWindows?, progress: (Trainer.Event) -> Trainer.Decision
    ) throws -> Trainer.Report {
        let perStep = configuration.loss.outputsPerStep
        return try trainExamples(network, configuration: configuration,
                                 training: try examples(training, outputsPerStep: perStep),
                                 validation: try validation.map { try examples($0, outputsPerStep: perStep) },
                                 progress: progress)
    }

    /// Trains `network` in place on examples already laid out (one series' windows, or many series'
    /// windows end to end for a global model).
    static func trainExamples(
        _ network: RecurrentNetwork, configuration: ForecasterConfiguration, training trainingExamples: Trainer.Examples,
        validation validationExamples: Trainer.Examples?, progress: (Trainer.Event) -> Trainer.Decision
    ) throws -> Trainer.Report {
        let threads = configuration.threads > 0 ? configuration.threads : ProcessInfo.processInfo.activeProcessorCount
        let trainer = Trainer(configuration: Trainer.Configuration(
            epochs: configuration.epochs, batchSize: configuration.batchSize, shuffle: configuration.shuffle,
            seed: configuration.seed, threads: max(1, threads),
            gradientClipNorm: configuration.clipping.maxNorm.map { Float($0) }, loss: configuration.loss.trainingLoss,
            earlyStoppingPatience: validationExamples == nil ? nil : configuration.earlyStopping.patience))
        switch configuration.optimizer {
        case .adam:
            var optimizer = Adam(learningRate: Float(configuration.learningRate))
            return try trainer.train(network, optimizer: &optimizer, on: trainingExamples,
                                     validation: validationExamples, progress: progress)
        case .sgd:
            var optimizer = SGD(learningRate: Float(configuration.learningRate), momentum: Float(configuration.momentum))
            return try trainer.train(network, optimizer: &optimizer, on: trainingExamples,
                                     validation: validationExamples, progress: progress)
        }
    }

    /// The windows as the trainer reads them; with several outputs per step (quantiles), each
    /// step's target is repeated once per output, step-major as the head's outputs are.
    static func examples(_ windows: SupervisedWindows, outputsPerStep: Int = 1) throws -> Trainer.Examples {
        let targets = outputsPerStep == 1 ? windows.targets
            : windows.targets.flatMap { Array(repeating: $0, count: outputsPerStep) }
        return try Trainer.Examples(inputs: windows.inputs, targets: targets, lookback: windows.specification.lookback,
                                    features: windows.inputSize, outputs: windows.specification.horizon * outputsPerStep,
                                    headInputs: windows.headInputs, headInputWidth: windows.headInputWidth)
    }

    static func checkValues(_ values: [Double], features: [[Double]]) throws {
        try checkValues(values)
        for (index, column) in features.enumerated() {
            guard column.count == values.count else {
                throw ForecasterError.featureLengthMismatch(feature: index, rows: column.count, expected: values.count)
            }
            try checkValues(column, feature: index)
        }
    }

    /// Every value finite and within ±`UsableMagnitude.largest`; `firstRow` is the row of `values[0]`.
    static func checkValues(_ values: [Double], feature: Int? = nil, firstRow: Int = 0) throws {
        guard let index = values.firstIndex(where: { !UsableMagnitude.admits($0) }) else { return }
        try checkValue(values[index], row: firstRow + index, feature: feature)
    }

    /// `value`, of `row` of the target (`feature` nil) or of a feature column, finite and within
    /// ±`UsableMagnitude.largest`.
    static func checkValue(_ value: Double, row: Int, feature: Int? = nil) throws {
        guard !UsableMagnitude.admits(value) else { return }
        guard value.isFinite else {
            throw feature.map { ForecasterError.nonFiniteFeature(feature: $0, row: row, value: value) }
                ?? ForecasterError.nonFiniteValue(row: row, value: value)
        }
        throw ForecasterError.valueTooLarge(row: row, value: value, feature: feature)
    }

    static func applyTransform(_ transform: TransformKind, to values: [Double]) throws -> [Double] {
        do {
            return try SeriesTransform.apply(transform, to: values)
        } catch {
            throw ForecasterError.notPositiveForLogTransform(row: error.row, value: error.value, transform: transform)
        }
    }

    static func resolveTransform(_ requested: TransformKind?, values: [Double], decisions: inout [String]) throws -> TransformKind {
        if let requested { return requested }
        let chosen = TransformSelection.choose(for: values)
        switch chosen {
        case .logReturn:
            decisions.append("transform log-return: the series is positive and has a unit root (augmented Dickey–Fuller, 5 %), so the model learns returns")
        case .difference:
            decisions.append("transform difference: the series has a unit root (augmented Dickey–Fuller, 5 %), so the model learns changes")
        case .none, .log:
            decisions.append("transform none: a unit root is rejected (augmented Dickey–Fuller, 5 %), the series moves around a stable level")
        }
        return chosen
    }

    /// The lookback used when none is configured: two seasons of the frequency, at least 10 and at
    /// most 60 steps, and at most a fifth of the rows (but at least 2), so a short series still
    /// yields enough windows.
    public static func defaultLookback(frequency: Frequency, rows: Int) -> Int {
        defaultLookback(season: frequency.seasonPeriod, rows: rows)
    }

    /// The same for a season of `season` steps (a session's bars, or a configured season).
    public static func defaultLookback(season: Int, rows: Int) -> Int {
        let fromSeason = min(60, max(10, 2 * season))
        return max(2, min(fromSeason, rows / 5))
    }

    static func resolveLookback(_ requested: Int?, season: Int, rows: Int, horizon: Int,
                                decisions: inout [String]) -> Int {
        if let requested { return requested }
        let lookback = defaultLookback(season: season, rows: rows)
        decisions.append(lookbackReason(lookback, season: season, rows: rows))
        return lookback
    }

    /// Why the default lookback is what it is, naming the one rule that set it.
    static func lookbackReason(_ lookback: Int, season: Int, rows: Int) -> String {
        let twoSeasons = 2 * season
        let fromSeason = min(60, max(10, twoSeasons))
        if lookback < fromSeason {
            return "lookback \(lookback): a fifth of the \(rows) rows, so a short series keeps enough windows to train on (\(fromSeason) otherwise)"
        }
        if twoSeasons < 10 {
            return "lookback \(lookback): the least the network reads, since two seasons of \(season) step\(season == 1 ? "" : "s") are fewer than 10"
        }
        if twoSeasons > 60 {
            return "lookback \(lookback): the most the network reads, since two seasons of \(season) steps are more than 60"
        }
        return "lookback \(lookback): two seasons of \(season) steps"
    }

    /// The chronological split of a series and its window starts, after the checks every fit
    /// makes: length first, then constancy (a series of one row is constant too, but what it
    /// lacks is rows).
    static func trainingSplit(
        of values: [Double], transform: TransformKind, specification: WindowSpecification, validationFraction: Double
    ) throws -> (split: ChronologicalSplit, trainingStarts: [Int], validationStarts: [Int]) {
        let split = ChronologicalSplit(rows: max(0, values.count - transform.rowsConsumed),
                                       validationFraction: validationFraction, specification: specification)
        let trainingStarts = split.trainingWindowStarts(specification)
        let validationStarts = split.validationWindowStarts(specification)
        let needsValidation = validationFraction > 0
        guard !trainingStarts.isEmpty, !needsValidation || !validationStarts.isEmpty else {
            let (lookback, horizon) = (specification.lookback, specification.horizon)
            let needed = lookback + horizon + (needsValidation ? horizon : 0) + transform.rowsConsumed
            throw ForecasterError.seriesTooShort(rows: values.count, needed: needed, lookback: lookback, horizon: horizon)
        }
        if let first = values.first, values.allSatisfy({ $0 == first }) {
            throw ForecasterError.constantSeries(value: first)
        }
        return (split, trainingStarts, validationStarts)
    }
}

extension ForecasterConfiguration {
    /// Takes every setting that fixes the shape of a model from `model`, so training continues it.
    /// Adopting a shape is not the caller fixing one, so it leaves `resolvedSelection` as it was.
    mutating func adoptArchitecture(of model: Forecaster) {
        let shapeWasFixed = networkShapeIsFixed
        defer { networkShapeIsFixed = shapeWasFixed }
        cell = model.network.configuration.cell
        hiddenSize = model.network.configuration.hiddenSize
        layers = model.network.configuration.layers
        lookback = model.lookback
        horizon = model.horizon
        // The head's outputs are laid out for the model's quantiles; a point loss keeps its own.
        if !model.configuration.loss.quantileLevels.isEmpty || !loss.quantileLevels.isEmpty { loss = model.configuration.loss }
        strategy = model.configuration.strategy
        scaler = model.configuration.scaler
        transform = model.transform
    }

    /// The largest horizon and lookback a forecaster takes (a model file records no larger one).
    public static let largestSteps = 10_000_000
    /// The widest and deepest network a forecaster trains, as a model file reads them back.
    public static let largestHiddenSize = 65_536
    public static let largestLayers = 1_000
    /// The most weights a network may hold: 2²⁸ floats are 1 GiB, and training keeps four copies
    /// (weights, gradients, Adam's two moments) besides the activations.
    public static let largestParameterCount = 1 << 28

    /// Throws `ForecasterError.invalidConfiguration` for the first value out of range.
    public func validate() throws {
        func check(_ ok: Bool, _ setting: String, _ value: some CustomStringConvertible, _ requirement: String) throws {
            if !ok { throw ForecasterError.invalidConfiguration(setting: setting, value: value.description, requirement: requirement) }
        }
        try check((1...Self.largestHiddenSize).contains(hiddenSize), "hiddenSize", hiddenSize, "from 1 to \(Self.largestHiddenSize)")
        try check((1...Self.largestLayers).contains(layers), "layers", layers, "from 1 to \(Self.largestLayers)")
        try check((1...Self.largestSteps).contains(horizon), "horizon", horizon, "from 1 to \(Self.largestSteps)")
        // The network on a one-column input, its head giving one pass's steps (1 when recursive; an
        // unset strategy counts as direct, the larger) times the quantiles of each. The ranges above
        // keep the count far from overflowing.
        let outputs = stepsPerPass * loss.outputsPerStep
        let weights = NetworkConfiguration(cell: cell, inputSize: 1, hiddenSize: hiddenSize, layers: layers, outputs: outputs)
            .parameterCount
        // A head of many outputs (a long direct horizon) is what the horizon makes too large, not the hidden size.
        if weights > Self.largestParameterCount, outputs * hiddenSize * 2 > weights {
            try check(false, "horizon", horizon,
                      "short enough for at most \(Self.largestParameterCount) weights (a head of \(outputs) outputs on \(hiddenSize) units holds about \(outputs * hiddenSize)); the recursive strategy forecasts any horizon with a head of one step")
        }
        try check(weights <= Self.largestParameterCount, "hiddenSize", hiddenSize,
                  "small enough for at most \(Self.largestParameterCount) weights (\(layers) layer\(layers == 1 ? "" : "s") of \(hiddenSize) \(cell.rawValue) units and a head of \(outputs) outputs hold about \(weights))")
        try check(dropout >= 0 && dropout < 1, "dropout", dropout, "in [0, 1)")
        if let lookback { try check((1...Self.largestSteps).contains(lookback), "lookback", lookback, "from 1 to \(Self.largestSteps)") }
        if let seasonPeriod {
            try check((1...Self.largestSteps).contains(seasonPeriod), "seasonPeriod", seasonPeriod, "from 1 to \(Self.largestSteps)")
        }
        try check(epochs >= 1, "epochs", epochs, "at least 1")
        if let patience = earlyStopping.patience { try check(patience >= 1, "earlyStopping", patience, "at least 1 epoch") }
        try check(batchSize >= 1, "batchSize", batchSize, "at least 1")
        try check(learningRate > 0 && learningRate.isFinite, "learningRate", learningRate, "positive")
        try check(momentum >= 0 && momentum < 1, "momentum", momentum, "in [0, 1)")
        if let clipNorm = clipping.maxNorm { try check(clipNorm > 0 && clipNorm.isFinite, "clipping", clipNorm, "positive") }
        try check(validationFraction >= 0 && validationFraction < 1, "validationFraction", validationFraction, "in [0, 1)")
        try check(threads >= 0, "threads", threads, "0 (all cores) or more")
        try loss.validate()
    }
}

/// One series' training and validation windows as a network reads them: the target transformed,
/// the features stripped of the rows the transform consumed (so rows stay aligned), every column
/// scaled, by a scaler fitted on the training rows only unless one is given.
struct PreparedWindows {
    /// The scaler of the transformed target, then of each feature column.
    let scalers: [FittedScaler]
    let training: SupervisedWindows
    let validation: SupervisedWindows?

    /// - Parameter givenScalers: the scalers of the last `givenScalers.count` columns (all of them
    ///   when training continues a model; a global model's static columns, scaled across series).
    init(values: [Double], features: [[Double]], knownCount: Int, transform: TransformKind, scaler: ScalerKind,
         givenScalers: [FittedScaler], specification: WindowSpecification, split: ChronologicalSplit,
         trainingStarts: [Int], validationStarts: [Int]) throws {
        let transformed = try Forecaster.applyTransform(transform, to: values)
        // Finite values whose changes are not (±1.7e308 in turn) would give a scaler no finite centre.
        if let overflow = transformed.firstIndex(where: { !$0.isFinite }) {
            throw ForecasterError.transformOverflows(row: overflow + transform.rowsConsumed, transform: transform)
        }
        let columns = [transformed] + features.map { Array($0.dropFirst(transform.rowsConsumed)) }
        precondition(givenScalers.count <= columns.count, "more scalers than columns")
        let fitted = columns.dropLast(givenScalers.count).map { FittedScaler(kind: scaler, fittedTo: Array($0[split.trainingRows])) }
        scalers = fitted + givenScalers
        let scaled = zip(columns, scalers).map { column, scaler in scaler.scaled(column) }
        func windows(_ starts: [Int]) -> SupervisedWindows {
            SupervisedWindows(target: scaled[0], features: Array(scaled.dropFirst()), knownFeatureCount: knownCount,
                              specification: specification, starts: starts)
        }
        training = windows(trainingStarts)
        validation = validationStarts.isEmpty ? nil : windows(validationStarts)
    }
}
