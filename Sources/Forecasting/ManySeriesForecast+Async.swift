extension ManySeriesForecast {
    /// Forecasts every series on `threads` threads, off the caller's actor, for apps: the same
    /// outputs as `forecast(_:)` on each series, in input order, one series' failure its own result.
    /// `progress` hears each result as soon as it and every earlier one are ready, in order.
    ///
    /// Once the surrounding task is cancelled no new series starts, the series being fitted stop
    /// training within one batch, and the call throws `CancellationError`.
    public func run(
        _ series: [TimeSeries], threads: Int,
        reportingProgress progress: @escaping @Sendable (Int, Result<Output, any Error>) -> Void = { _, _ in }
    ) async throws -> [Result<Output, any Error>] {
        // Fewer than one thread means one: a count an app computed should not stop the process.
        let threads = max(1, threads)
        return try await CancellationFlag.run { flag in
            let results = ResultSlots<Result<Output, any Error>>(count: series.count)
            ManySeriesRunner.run(count: series.count, threads: threads, job: { index in
                Result { try forecast(series[index], cancellation: flag) }
            }, deliver: { index, result in
                results[index] = result
                progress(index, result)
                return !flag.isCancelled
            })
            try flag.check()
            // Every series was delivered: only a raised flag stops a run early.
            return results.values.map { $0! }
        }
    }
}
