import ArgumentParser
import Forecasting

/// The library's defaults, as the help text shows them.
private typealias Defaults = ForecasterConfiguration.Defaults

/// How a model is built and trained: shared by `forecast`, `train` and `backtest`.
/// Every option left out keeps the library's default (`ForecasterConfiguration.Defaults`), and the
/// help text reads those defaults rather than repeating them.
struct ModelOptions: ParsableArguments {
    @Option(help: "Recurrent cell: rnn, lstm or gru (default \(Defaults.cell.rawValue)).")
    var cell: CellKind?

    @Option(help: ArgumentHelp("Width of each recurrent layer (default \(Defaults.hiddenSize)).", valueName: "units"))
    var hidden: Int?

    @Option(help: "Stacked recurrent layers (default \(Defaults.layers)).")
    var layers: Int?

    @Option(help: ArgumentHelp("Dropout between stacked layers while training, in [0, 1) (default \(shown(Defaults.dropout))).", valueName: "p"))
    var dropout: Double?

    @Option(help: ArgumentHelp("Past rows read for one forecast (default: two seasons of the frequency, 10 to 60).", valueName: "rows"))
    var lookback: Int?

    @Option(help: "Most passes over the training windows; early stopping usually ends sooner (default \(Defaults.epochs)).")
    var epochs: Int?

    @Option(help: "Windows per gradient step (default \(Defaults.batchSize)).")
    var batchSize: Int?

    @Option(help: ArgumentHelp("Step size of the optimizer (default \(shown(Defaults.learningRate))).", valueName: "rate"))
    var learningRate: Double?

    @Option(help: "Optimizer: sgd or adam (default \(Defaults.optimizer.rawValue)).")
    var optimizer: OptimizerKind?

    @Option(help: ArgumentHelp("Momentum of SGD, in [0, 1) (default \(shown(Defaults.momentum))).", valueName: "m"))
    var momentum: Double?

    @Option(help: ArgumentHelp("Clip gradients to this global norm; 0 turns clipping off (default \(Defaults.clipping.maxNorm.map(shown) ?? "off")).", valueName: "norm"))
    var clipNorm: Double?

    @Option(help: ArgumentHelp("Training loss: mse, mae, huber, or quantile (the network forecasts the --quantiles, and intervals whose bounds are among them come from those quantiles, calibrated by conformalised quantile regression) (default \(Defaults.loss.name)).", valueName: "loss"))
    var loss: LossOption?

    @Option(help: ArgumentHelp("Threshold of the Huber loss on scaled values, where it turns from quadratic to linear (default 1).", valueName: "delta"))
    var huberDelta: Double?

    @Option(help: ArgumentHelp("Quantile levels of --loss quantile, e.g. 10,50,90 or 0.1,0.5,0.9; the median is always added (default 10,50,90: the bounds of an 80 % interval).", valueName: "levels"))
    var quantiles: String?

    @Option(help: ArgumentHelp("Share of the latest rows held out for early stopping and intervals; 0 allowed (default \(shown(Defaults.validationFraction))).", valueName: "fraction"))
    var validationFraction: Double?

    @Option(help: ArgumentHelp("Epochs without validation improvement before stopping; 0 never stops early (default \(Defaults.earlyStopping.patience.map(String.init) ?? "0")).", valueName: "epochs"))
    var patience: Int?

    @Option(help: "Scaling of the values: none, standard, minmax or robust (default \(Defaults.scaler.rawValue)).")
    var scaler: ScalerKind?

    @Option(help: ArgumentHelp("Transform of the target: auto, none, difference, log or log-return (default auto: log-return or difference when the series has a unit root).", valueName: "kind"))
    var transform: TransformOption = .auto

    @Option(help: "Forecasts past one step: direct (the model outputs the whole horizon) or recursive (one step at a time, fed its own forecasts). Default: recursive for yearly and quarterly series, direct for the others.")
    var strategy: ForecastStrategy?

    @Option(help: ArgumentHelp("What forecasts: automatic (the network, the naive or seasonal-naive forecast, drift, theta, exponential smoothing, ARIMA, or a mean of them, the simplest within the noise of the best on the validation part) or network (default: automatic, or network when --cell, --hidden or --layers is given).", valueName: "selection"))
    var method: MethodSelection?

    @Flag(help: "Visit the training windows in time order instead of shuffling them every epoch.")
    var noShuffle = false

    @Option(help: "Seed of initialisation, shuffling and dropout: the same seed, data and options give the same model (default \(Defaults.seed)).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Threads used for training; the result does not depend on it (default: every core).", valueName: "count"))
    var threads: Int?

    /// The flags' own checks, worded with the flag's name. The library's `validate()` then checks
    /// whatever the flags let through (its message names the setting, not the flag).
    func validate() throws {
        func positive(_ value: Int?, _ name: String) throws {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, not \(value).") }
        }
        try positive(hidden, "--hidden")
        try positive(layers, "--layers")
        try positive(lookback, "--lookback")
        try positive(epochs, "--epochs")
        try positive(batchSize, "--batch-size")
        if let dropout, !(0..<1).contains(dropout) { throw ValidationError("--dropout must be in [0, 1), not \(dropout).") }
        if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
            throw ValidationError("--learning-rate must be a positive number, not \(learningRate).")
        }
        if let momentum, !(0..<1).contains(momentum) { throw ValidationError("--momentum must be in [0, 1), not \(momentum).") }
        // 0 means "off" for these two on the command line, which the library spells `.off`.
        if let clipNorm, !(clipNorm >= 0 && clipNorm.isFinite) { throw ValidationError("--clip-norm must be 0 (off) or positive, not \(clipNorm).") }
        if let validationFraction, !(0..<1).contains(validationFraction) {
            throw ValidationError("--validation-fraction must be in [0, 1), not \(validationFraction).")
        }
        if let patience, patience < 0 { throw ValidationError("--patience must be 0 (off) or more, not \(patience).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads).") }
        if let huberDelta {
            guard loss == .huber else { throw ValidationError("--huber-delta needs --loss huber.") }
            guard huberDelta > 0, huberDelta.isFinite else { throw ValidationError("--huber-delta must be a positive number, not \(huberDelta).") }
        }
        if quantiles != nil {
            guard loss == nil || loss == .quantile else { throw ValidationError("--quantiles needs --loss quantile (or no --loss), not --loss \(loss!.rawValue).") }
            _ = try IntervalLevels.parseQuantiles(quantiles)
        }
        do {
            try configuration(horizon: Defaults.horizon).validate()
        } catch let error as ForecasterError {
            throw ValidationError(error.localizedDescription)
        }
    }

    /// The library configuration these options describe, for a model forecasting `horizon` steps.
    /// Options left out are passed as the library's defaults; which method forecasts, when
    /// `--method` is not given, is the library's rule (`ForecasterConfiguration.selection`).
    func configuration(horizon: Int) -> ForecasterConfiguration {
        ForecasterConfiguration(
            cell: cell, hiddenSize: hidden, layers: layers, dropout: dropout ?? Defaults.dropout,
            lookback: lookback, horizon: horizon, strategy: strategy, selection: method,
            scaler: scaler ?? Defaults.scaler, transform: transform.kind,
            epochs: epochs ?? Defaults.epochs,
            earlyStopping: patience.map { $0 > 0 ? .patience($0) : .off } ?? Defaults.earlyStopping,
            loss: trainingLoss,
            batchSize: batchSize ?? Defaults.batchSize, learningRate: learningRate ?? Defaults.learningRate,
            optimizer: optimizer ?? Defaults.optimizer, momentum: momentum ?? Defaults.momentum,
            clipping: clipNorm.map { $0 > 0 ? .norm($0) : .off } ?? Defaults.clipping,
            validationFraction: validationFraction ?? Defaults.validationFraction, shuffle: !noShuffle,
            seed: seed ?? Defaults.seed, threads: threads ?? Defaults.threads)
    }
}

extension ModelOptions {
    /// `--loss`, `--huber-delta` and `--quantiles` as the library's loss; `--quantiles` alone means
    /// the quantile loss. Levels were checked by `validate()`.
    var trainingLoss: TrainingLoss {
        let levels = (try? IntervalLevels.parseQuantiles(quantiles)) ?? []
        switch loss ?? (quantiles != nil ? .quantile : nil) {
        case nil: return Defaults.loss
        case .mse: return .meanSquaredError
        case .mae: return .meanAbsoluteError
        case .huber: return .huber(delta: huberDelta ?? 1)
        case .quantile: return .quantiles(levels.isEmpty ? TrainingLoss.defaultQuantileLevels : levels)
        }
    }
}

/// `--loss`.
enum LossOption: String, ExpressibleByArgument, CaseIterable {
    case mse, mae, huber, quantile
}

/// A default as the help text shows it: whole numbers without a decimal point ("0", not "0.0").
private func shown(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}

/// `--transform`: a fixed transform, or `auto` to let the data decide.
enum TransformOption: String, ExpressibleByArgument, CaseIterable {
    case auto, none, difference, log
    case logReturn = "log-return"

    var kind: TransformKind? { self == .auto ? nil : TransformKind(rawValue: rawValue) }
}

extension OptimizerKind: ExpressibleByArgument {}
extension ScalerKind: ExpressibleByArgument {}
extension ForecastStrategy: ExpressibleByArgument {}
extension MethodSelection: ExpressibleByArgument {}
