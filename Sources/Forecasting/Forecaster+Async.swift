extension Forecaster {
    /// Fits off the caller's actor, for apps: the same as the synchronous `fit`, but it runs on the
    /// concurrent executor (so a main-actor caller's UI stays responsive), reports progress through a
    /// `Sendable` callback, and stops promptly with `CancellationError` when its task is cancelled
    /// (training checks after every batch).
    public static func fit(
        values: [Double], features: [[Double]] = [], frequency: Frequency = .irregular,
        columnNames: [String] = [], configuration: ForecasterConfiguration = ForecasterConfiguration(),
        startingFrom start: Forecaster? = nil,
        reportingProgress progress: @escaping @Sendable (Trainer.Event) -> Void
    ) async throws -> Forecaster {
        try await Task.detachedIfNeeded {
            try fit(values: values, features: features, frequency: frequency, columnNames: columnNames,
                    configuration: configuration, startingFrom: start) { event in
                progress(event)
                return .proceed
            }
        }
    }
}

extension Task where Failure == Error {
    /// Runs `work` as a child of the current task (so cancellation reaches it) on the global
    /// concurrent executor, whatever actor the caller is on.
    static func detachedIfNeeded(_ work: @escaping @Sendable () throws -> Success) async throws -> Success {
        try await withThrowingTaskGroup(of: Success.self) { group in
            group.addTask { try work() }
            return try await group.next()!
        }
    }
}
