extension BacktestSuite {
    /// Runs the suite off the caller's actor, for apps: the same entries as the synchronous `run`,
    /// with progress after every fold (the method's name and the fold's index, from any thread),
    /// and `CancellationError` once the surrounding task is cancelled: every fold's training stops
    /// within one batch and no further method starts.
    public func run(
        on series: [Double], columns: FeatureColumns = FeatureColumns(), threads: Int,
        reportingProgress progress: @escaping @Sendable (String, Int) -> Void
    ) async throws -> [Entry] {
        try await CancellationFlag.run { flag in
            try run(on: series, columns: columns, threads: threads, cancellation: flag, progress: progress)
        }
    }
}
