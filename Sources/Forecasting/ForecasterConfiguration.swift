/// Every choice a `Forecaster` makes, with defaults that suit most series.
///
/// Fields left `nil` are decided from the data when fitting (and reported in `Forecaster.decisions`).
public struct ForecasterConfiguration: Hashable, Codable, Sendable {
    // MARK: Network

    /// The recurrent cell. LSTM by default: it keeps a signal over long lookbacks where the Elman cell
    /// forgets it, and trains reliably with the default learning rate.
    public var cell: CellKind = .lstm
    /// Width of every recurrent layer. 32 is enough for a univariate series and trains in seconds.
    public var hiddenSize: Int = 32
    /// Stacked recurrent layers.
    public var layers: Int = 1
    /// Dropout between stacked layers while training (ignored with one layer, as in PyTorch).
    public var dropout: Double = 0

    // MARK: Windows and forecasts

    /// Past steps read for one forecast; `nil` chooses from the frequency: two seasons, at least 10
    /// and at most 60 steps, and no more than a fifth of the series.
    public var lookback: Int?
    /// Steps the model forecasts at once (the head's outputs). Longer forecasts continue recursively.
    public var horizon: Int = 1
    /// How forecasts longer than one step are made.
    public var strategy: ForecastStrategy = .direct
    /// Whether fitting may forecast with a baseline, or a mean of the network and a baseline, when
    /// that did better on the validation part (automatic by default; needs a validation part).
    public var selection: MethodSelection = .automatic
    /// Season period of the seasonal-naive candidate; `nil` takes the frequency's season.
    public var seasonPeriod: Int?

    // MARK: Data preparation

    /// Normalisation of the (transformed) values, fitted on the training part only.
    public var scaler: ScalerKind = .standard
    /// The transform of the target; `nil` chooses from the data (see `TransformSelection`).
    public var transform: TransformKind?

    // MARK: Training

    /// The most passes over the training windows; early stopping usually ends training sooner.
    public var epochs: Int = 100
    /// Epochs without improvement of the validation loss before training stops (the best weights are
    /// kept); `nil` trains for all `epochs`. Needs a validation part.
    public var patience: Int? = 10
    /// Windows per gradient step.
    public var batchSize: Int = 32
    public var learningRate: Double = 1e-3
    public var optimizer: OptimizerKind = .adam
    /// Momentum of SGD (ignored by Adam).
    public var momentum: Double = 0
    /// Largest global gradient norm; `nil` (0 on the command line) turns clipping off, as PyTorch
    /// trains by default, so a plain configuration takes exactly the gradient steps PyTorch takes.
    public var clipNorm: Double?
    /// Share of the targetable rows, at the end of the series, held out to stop training and to
    /// calibrate intervals; 0 trains on everything (and disables early stopping).
    public var validationFraction: Double = 0.2
    /// Shuffle the training windows every epoch.
    public var shuffle: Bool = true
    /// Seeds initialisation, shuffling and dropout: the same seed, data and options give the same
    /// model, byte for byte.
    public var seed: UInt64 = 0
    /// Threads used to train; 0 uses every active core. The result does not depend on it.
    public var threads: Int = 0

    public init() {}
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
