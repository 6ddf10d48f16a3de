extension Forecaster {
    /// Fits off the caller's actor, for apps: the same as the synchronous `fit`, but it runs on a
    /// thread of its own (so neither a main-actor caller's UI nor the concurrent executor's few
    /// threads wait for training), reports progress through a `Sendable` callback, and stops
    /// promptly with `CancellationError` when its task is cancelled (training checks after every
    /// batch). It takes the same feature columns, observed and known in advance.
    public static func fit(
        values: [Double], features: [[Double]] = [], knownFeatures: [[Double]] = [], frequency: Frequency = .irregular,
        columnNames: [String] = [], configuration: ForecasterConfiguration = ForecasterConfiguration(),
        startingFrom start: Forecaster? = nil,
        reportingProgress progress: @escaping @Sendable (Trainer.Event) -> Void
    ) async throws -> Forecaster {
        try await CancellationFlag.run { flag in
            try fit(values: values, features: features, knownFeatures: knownFeatures, frequency: frequency, columnNames: columnNames,
                    configuration: configuration, startingFrom: start,
                    progress: flag.trainingProgress { event in
                        progress(event)
                        return .proceed
                    })
        }
    }
}
