extension ForecasterConfiguration {
    /// The value of every setting a configuration leaves at its default, stated once so the library,
    /// its documentation and the command-line help cannot disagree.
    public enum Defaults {
        /// LSTM: it keeps a signal over long lookbacks where the Elman cell forgets it, and trains
        /// reliably with the default learning rate.
        public static let cell: CellKind = .lstm
        /// Enough for a univariate series, and trains in seconds.
        public static let hiddenSize = 32
        public static let layers = 1
        public static let dropout: Double = 0
        public static let horizon = 1
        /// Direct, except for yearly and quarterly series (`strategy(for:)`).
        public static let strategy: ForecastStrategy = .direct

        /// The strategy of a series of `frequency` when the caller chose none: recursive for yearly
        /// and quarterly series, direct for the others. Such series are short (decades of values), and
        /// one output trained on every step gives each window of the history a target, where the
        /// direct strategy gives up a horizon's worth of them; a seasonal pattern over the horizon is
        /// what the direct strategy learns better, and at these frequencies it is weak or adjusted away.
        /// Measured on the bundled series (benchmarks/quality.py, 2026-12-05), recursive against direct:
        /// MASE of real GDP 0.711 against 0.900, unemployment 0.839 against 1.085, inflation 1.045
        /// against 1.043, yearly sunspots 0.804 against 0.932; on the monthly, weekly and daily series
        /// direct was better (air passengers 0.692 against 0.793, monthly sunspots 0.960 against 1.248).
        public static func strategy(for frequency: Frequency) -> ForecastStrategy {
            switch frequency {
            case .yearly, .quarterly: return .recursive
            default: return strategy
            }
        }
        public static let scaler: ScalerKind = .standard
        public static let epochs = 100
        public static let earlyStopping: EarlyStopping = .patience(10)
        /// Squared error, as PyTorch's forecasting examples train: point forecasts of the mean.
        public static let loss: TrainingLoss = .meanSquaredError
        public static let batchSize = 32
        public static let learningRate: Double = 1e-3
        public static let optimizer: OptimizerKind = .adam
        public static let momentum: Double = 0
        /// Off, as PyTorch trains by default, so a plain configuration takes PyTorch's exact steps.
        public static let clipping: GradientClippingSetting = .off
        public static let validationFraction = 0.2
        public static let shuffle = true
        public static let seed: UInt64 = 0
        /// 0: every active core.
        public static let threads = 0
    }
}
