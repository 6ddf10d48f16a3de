extension GlobalBacktest {
    /// Runs the backtest off the caller's actor, for apps: the same folds and report as the
    /// synchronous `run`, with progress after each fit (its index and the number of fits), and
    /// `CancellationError` once the surrounding task is cancelled: the fit in progress stops within
    /// one batch and no further fit starts.
    public func run(
        series: [[Double]], columns: [FeatureColumns] = [], backtests: [WalkForwardBacktest],
        reportingProgress progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws -> (folds: [Result<[FoldForecast], any Error>], report: Report) {
        try await CancellationFlag.run { flag in
            run(series: series, columns: columns, backtests: backtests, cancellation: flag, progress: progress)
        }
    }
}
