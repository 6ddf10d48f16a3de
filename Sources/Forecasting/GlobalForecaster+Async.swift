extension GlobalForecaster {
    /// Fits off the caller's actor, for apps: the same model as the synchronous `fit`, with progress
    /// through a `Sendable` callback (every batch and epoch), and `CancellationError` within one
    /// batch once the surrounding task is cancelled.
    public static func fit(
        series: [[Double]], features: [FeatureColumns] = [], names: [String] = [], featureNames: [String] = [],
        frequency: Frequency = .irregular,
        configuration: ForecasterConfiguration = ForecasterConfiguration(),
        reportingProgress progress: @escaping @Sendable (Trainer.Event) -> Void
    ) async throws -> GlobalForecaster {
        try await CancellationFlag.run { flag in
            try fit(series: series, features: features, names: names, featureNames: featureNames, frequency: frequency,
                    configuration: configuration,
                    progress: flag.trainingProgress { event in
                        progress(event)
                        return .proceed
                    })
        }
    }
}
