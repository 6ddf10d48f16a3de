/// Every choice a `Forecaster` makes, with defaults that suit most series (`Defaults`).
///
/// `nil` means one thing here: "decide from the data" (`lookback`, `transform`, `seasonPeriod`,
/// `selection`); settings that can be switched off say so with a case of their own
/// (`EarlyStopping.off`, `GradientClippingSetting.off`). After fitting, `Forecaster.configuration`
/// is resolved: every `nil` is replaced by what was chosen (and the reason is in `FitReport.decisions`).
///
/// ```swift
/// let configuration = ForecasterConfiguration(cell: .gru, horizon: 5, earlyStopping: .patience(5))
/// ```
public struct ForecasterConfiguration: Hashable, Codable, Sendable {
    // MARK: Network

    /// The recurrent cell. Setting it fixes the network's shape (see `selection`).
    public var cell: CellKind = Defaults.cell { didSet { if oldValue != cell { networkShapeIsFixed = true } } }
    /// Width of every recurrent layer. Setting it fixes the network's shape (see `selection`).
    public var hiddenSize: Int = Defaults.hiddenSize { didSet { if oldValue != hiddenSize { networkShapeIsFixed = true } } }
    /// Stacked recurrent layers. Setting it fixes the network's shape (see `selection`).
    public var layers: Int = Defaults.layers { didSet { if oldValue != layers { networkShapeIsFixed = true } } }
    /// Dropout between stacked layers while training (ignored with one layer, as in PyTorch).
    public var dropout: Double = Defaults.dropout
    /// Whether the caller chose the cell, hidden size or layers (through the initialiser, or by
    /// setting one to another value than it held), which makes an unspecified `selection` mean the
    /// network.
    public internal(set) var networkShapeIsFixed = false

    // MARK: Windows and forecasts

    /// Past steps read for one forecast; `nil` chooses from the frequency: two seasons, at least 10
    /// and at most 60 steps, and no more than a fifth of the series.
    public var lookback: Int?
    /// Steps the model forecasts at once (the head's outputs). Longer forecasts continue recursively.
    public var horizon: Int = Defaults.horizon
    /// How forecasts longer than one step are made. Unless the caller chose one (through the
    /// initialiser, or by setting it, even to the value it held), fitting takes the frequency's
    /// (`Defaults.strategy(for:)`).
    public var strategy: ForecastStrategy = Defaults.strategy { didSet { strategyIsFixed = true } }
    /// Whether the caller chose the strategy.
    public internal(set) var strategyIsFixed = false

    /// The strategy a series of `frequency` is fitted with: the one chosen, else the frequency's.
    public func strategy(for frequency: Frequency) -> ForecastStrategy {
        strategyIsFixed ? strategy : Defaults.strategy(for: frequency)
    }

    /// Takes the strategy of `frequency` unless one was chosen, still as a default (so that a fit
    /// says why), as an action does before planning the forecast's passes.
    public mutating func applyDefaultStrategy(for frequency: Frequency) {
        guard !strategyIsFixed else { return }
        strategy = Defaults.strategy(for: frequency)
        strategyIsFixed = false
    }
    /// Steps one pass of the network forecasts: the horizon, or 1 for the recursive strategy.
    public var stepsPerPass: Int { strategy == .recursive ? 1 : horizon }
    /// Whether fitting may forecast with a baseline, or a mean of the network and a baseline, when
    /// that did better on the validation part. `nil` decides: `.network` when the caller fixed the
    /// network's shape (an app that asks for a particular network gets it), `.automatic` otherwise
    /// (see `resolvedSelection`).
    public var selection: MethodSelection?
    /// Season period of the seasonal-naive candidate; `nil` takes the frequency's season.
    public var seasonPeriod: Int?

    // MARK: Data preparation

    /// Normalisation of the (transformed) values, fitted on the training part only.
    public var scaler: ScalerKind = Defaults.scaler
    /// The transform of the target; `nil` chooses from the data (see `TransformSelection`).
    public var transform: TransformKind?

    // MARK: Training

    /// The most passes over the training windows; early stopping usually ends training sooner.
    public var epochs: Int = Defaults.epochs
    /// When training stops before `epochs`; needs a validation part.
    public var earlyStopping: EarlyStopping = Defaults.earlyStopping
    /// What the network minimises; `.quantiles(…)` makes it forecast quantiles (see `TrainingLoss`).
    public var loss: TrainingLoss = Defaults.loss
    /// Windows per gradient step.
    public var batchSize: Int = Defaults.batchSize
    public var learningRate: Double = Defaults.learningRate
    public var optimizer: OptimizerKind = Defaults.optimizer
    /// Momentum of SGD (ignored by Adam).
    public var momentum: Double = Defaults.momentum
    /// Clipping of the global gradient norm; off by default, as PyTorch trains.
    public var clipping: GradientClippingSetting = Defaults.clipping
    /// Share of the targetable rows, at the end of the series, held out to stop training and to
    /// calibrate intervals; 0 trains on everything (and disables early stopping).
    public var validationFraction: Double = Defaults.validationFraction
    /// Shuffle the training windows every epoch.
    public var shuffle: Bool = Defaults.shuffle
    /// Seeds initialisation, shuffling and dropout: the same seed, data and options give the same
    /// model, byte for byte.
    public var seed: UInt64 = Defaults.seed
    /// Threads used to train; 0 uses every active core. The result does not depend on it.
    public var threads: Int = Defaults.threads

    /// Every setting, each defaulted (`Defaults`). `cell`, `hiddenSize` and `layers` take `nil` for
    /// their default; giving any of them fixes the network's shape, so a `selection` left `nil`
    /// resolves to `.network`.
    public init(
        cell: CellKind? = nil, hiddenSize: Int? = nil, layers: Int? = nil, dropout: Double = Defaults.dropout,
        lookback: Int? = nil, horizon: Int = Defaults.horizon, strategy: ForecastStrategy? = nil,
        selection: MethodSelection? = nil, seasonPeriod: Int? = nil,
        scaler: ScalerKind = Defaults.scaler, transform: TransformKind? = nil,
        epochs: Int = Defaults.epochs, earlyStopping: EarlyStopping = Defaults.earlyStopping,
        loss: TrainingLoss = Defaults.loss, batchSize: Int = Defaults.batchSize, learningRate: Double = Defaults.learningRate,
        optimizer: OptimizerKind = Defaults.optimizer, momentum: Double = Defaults.momentum,
        clipping: GradientClippingSetting = Defaults.clipping,
        validationFraction: Double = Defaults.validationFraction, shuffle: Bool = Defaults.shuffle,
        seed: UInt64 = Defaults.seed, threads: Int = Defaults.threads
    ) {
        self.cell = cell ?? Defaults.cell
        self.hiddenSize = hiddenSize ?? Defaults.hiddenSize
        self.layers = layers ?? Defaults.layers
        self.networkShapeIsFixed = cell != nil || hiddenSize != nil || layers != nil
        self.dropout = dropout
        self.lookback = lookback
        self.horizon = horizon
        self.strategy = strategy ?? Defaults.strategy
        self.strategyIsFixed = strategy != nil
        self.selection = selection
        self.seasonPeriod = seasonPeriod
        self.scaler = scaler
        self.transform = transform
        self.epochs = epochs
        self.earlyStopping = earlyStopping
        self.loss = loss
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.momentum = momentum
        self.clipping = clipping
        self.validationFraction = validationFraction
        self.shuffle = shuffle
        self.seed = seed
        self.threads = threads
    }

    /// The keys of the JSON form: every stored setting by its name.
    enum CodingKeys: String, CodingKey {
        case cell, hiddenSize, layers, dropout, networkShapeIsFixed, lookback, horizon, strategy, strategyIsFixed, selection
        case seasonPeriod
        case scaler, transform, epochs, earlyStopping, loss, batchSize, learningRate, optimizer, momentum, clipping
        case validationFraction, shuffle, seed, threads
    }

    /// `selection`, or when it is `nil`: `.network` if the network's shape was fixed, else `.automatic`.
    public var resolvedSelection: MethodSelection {
        selection ?? (networkShapeIsFixed ? .network : .automatic)
    }
}

/// How forecasts beyond one step are made.
public enum ForecastStrategy: String, CaseIterable, Codable, Sendable {
    /// The head outputs `horizon` values at once: no error feeds back into later steps.
    case direct
    /// A one-step model is applied repeatedly, each forecast fed back as an input.
    case recursive
}

/// The optimizer a `Forecaster` trains with.
public enum OptimizerKind: String, CaseIterable, Codable, Sendable {
    case sgd, adam
}
