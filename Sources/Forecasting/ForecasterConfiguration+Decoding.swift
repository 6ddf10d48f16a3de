extension ForecasterConfiguration {
    /// Decodes what `encode(to:)` wrote. Settings added after a configuration was saved (`loss`, `strategyIsFixed`)
    /// take their default when absent, so an app's stored configurations keep loading.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        cell = try container.decode(CellKind.self, forKey: .cell)
        hiddenSize = try container.decode(Int.self, forKey: .hiddenSize)
        layers = try container.decode(Int.self, forKey: .layers)
        dropout = try container.decode(Double.self, forKey: .dropout)
        lookback = try container.decodeIfPresent(Int.self, forKey: .lookback)
        horizon = try container.decode(Int.self, forKey: .horizon)
        strategy = try container.decode(ForecastStrategy.self, forKey: .strategy)
        selection = try container.decodeIfPresent(MethodSelection.self, forKey: .selection)
        seasonPeriod = try container.decodeIfPresent(Int.self, forKey: .seasonPeriod)
        scaler = try container.decode(ScalerKind.self, forKey: .scaler)
        transform = try container.decodeIfPresent(TransformKind.self, forKey: .transform)
        epochs = try container.decode(Int.self, forKey: .epochs)
        earlyStopping = try container.decode(EarlyStopping.self, forKey: .earlyStopping)
        loss = try container.decodeIfPresent(TrainingLoss.self, forKey: .loss) ?? Defaults.loss
        batchSize = try container.decode(Int.self, forKey: .batchSize)
        learningRate = try container.decode(Double.self, forKey: .learningRate)
        optimizer = try container.decode(OptimizerKind.self, forKey: .optimizer)
        momentum = try container.decode(Double.self, forKey: .momentum)
        clipping = try container.decode(GradientClippingSetting.self, forKey: .clipping)
        validationFraction = try container.decode(Double.self, forKey: .validationFraction)
        shuffle = try container.decode(Bool.self, forKey: .shuffle)
        seed = try container.decode(UInt64.self, forKey: .seed)
        threads = try container.decode(Int.self, forKey: .threads)
        // After the shape: assigning `cell`, `hiddenSize` or `layers` marks the shape as fixed.
        networkShapeIsFixed = try container.decode(Bool.self, forKey: .networkShapeIsFixed)
        // Configurations saved before the frequency chose the strategy keep the one they recorded.
        strategyIsFixed = try container.decodeIfPresent(Bool.self, forKey: .strategyIsFixed) ?? true
    }
}
