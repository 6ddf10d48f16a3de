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
        public static let strategy: ForecastStrategy = .direct
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
