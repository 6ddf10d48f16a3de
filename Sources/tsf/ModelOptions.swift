import ArgumentParser
import Forecasting

/// How a model is built and trained: shared by `forecast`, `train` and `backtest`.
/// Every option left out keeps the library's default (`ForecasterConfiguration`).
struct ModelOptions: ParsableArguments {
    @Option(help: "Recurrent cell: rnn, lstm or gru (default lstm).")
    var cell: CellKind?

    @Option(help: ArgumentHelp("Width of each recurrent layer (default 32).", valueName: "units"))
    var hidden: Int?

    @Option(help: "Stacked recurrent layers (default 1).")
    var layers: Int?

    @Option(help: ArgumentHelp("Dropout between stacked layers while training, in [0, 1) (default 0).", valueName: "p"))
    var dropout: Double?

    @Option(help: ArgumentHelp("Past rows read for one forecast (default: two seasons of the frequency, 10 to 60).", valueName: "rows"))
    var lookback: Int?

    @Option(help: "Most passes over the training windows; early stopping usually ends sooner (default 100).")
    var epochs: Int?

    @Option(help: "Windows per gradient step (default 32).")
    var batchSize: Int?

    @Option(help: ArgumentHelp("Step size of the optimizer (default 0.001).", valueName: "rate"))
    var learningRate: Double?

    @Option(help: "Optimizer: sgd or adam (default adam).")
    var optimizer: OptimizerKind?

    @Option(help: ArgumentHelp("Momentum of SGD, in [0, 1) (default 0).", valueName: "m"))
    var momentum: Double?

    @Option(help: ArgumentHelp("Clip gradients to this global norm; 0 turns clipping off (default off).", valueName: "norm"))
    var clipNorm: Double?

    @Option(help: ArgumentHelp("Share of the latest rows held out for early stopping and intervals; 0 allowed (default 0.2).", valueName: "fraction"))
    var validationFraction: Double?

    @Option(help: ArgumentHelp("Epochs without validation improvement before stopping; 0 never stops early (default 10).", valueName: "epochs"))
    var patience: Int?

    @Option(help: "Scaling of the values: none, standard, minmax or robust (default standard).")
    var scaler: ScalerKind?

    @Option(help: ArgumentHelp("Transform of the target: auto, none, difference, log or log-return (default auto: log-return or difference when the series has a unit root).", valueName: "kind"))
    var transform: TransformOption = .auto

    @Option(help: "Forecasts past one step: direct (the model outputs the whole horizon) or recursive (default direct).")
    var strategy: ForecastStrategy?

    @Option(help: ArgumentHelp("What forecasts: automatic (the network, the naive or seasonal-naive forecast, or their mean, whichever did best on the validation part) or network (default: automatic, or network when --cell, --hidden or --layers is given).", valueName: "selection"))
    var method: MethodSelection?

    @Flag(help: "Visit the training windows in time order instead of shuffling them every epoch.")
    var noShuffle = false

    @Option(help: "Seed of initialisation, shuffling and dropout: the same seed, data and options give the same model (default 0).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Threads used for training; the result does not depend on it (default: every core).", valueName: "count"))
    var threads: Int?

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
        if let clipNorm, !(clipNorm >= 0 && clipNorm.isFinite) { throw ValidationError("--clip-norm must be 0 (off) or positive, not \(clipNorm).") }
        if let validationFraction, !(0..<1).contains(validationFraction) {
            throw ValidationError("--validation-fraction must be in [0, 1), not \(validationFraction).")
        }
        if let patience, patience < 0 { throw ValidationError("--patience must be 0 (off) or more, not \(patience).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, not \(threads).") }
    }

    /// The library configuration these options describe, for a model forecasting `horizon` steps.
    func configuration(horizon: Int) -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.horizon = horizon
        if let cell { configuration.cell = cell }
        if let hidden { configuration.hiddenSize = hidden }
        if let layers { configuration.layers = layers }
        if let dropout { configuration.dropout = dropout }
        configuration.lookback = lookback
        if let epochs { configuration.epochs = epochs }
        if let batchSize { configuration.batchSize = batchSize }
        if let learningRate { configuration.learningRate = learningRate }
        if let optimizer { configuration.optimizer = optimizer }
        if let momentum { configuration.momentum = momentum }
        if let clipNorm { configuration.clipNorm = clipNorm > 0 ? clipNorm : nil }
        if let validationFraction { configuration.validationFraction = validationFraction }
        if let patience { configuration.patience = patience > 0 ? patience : nil }
        if let scaler { configuration.scaler = scaler }
        configuration.transform = transform.kind
        if let strategy { configuration.strategy = strategy }
        // Naming the network's shape asks for that network.
        configuration.selection = method ?? (cell != nil || hidden != nil || layers != nil ? .network : .automatic)
        configuration.shuffle = !noShuffle
        if let seed { configuration.seed = seed }
        configuration.threads = threads ?? 0
        return configuration
    }
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
