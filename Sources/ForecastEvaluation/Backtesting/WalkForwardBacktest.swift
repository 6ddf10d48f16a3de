import Dispatch
import ForecastConcurrency
import Foundation

/// Runs a method over the folds of a `BacktestPlan`.
///
/// No fold ever reads a row at or after its cut-off: the method is fitted on, and conditioned on, a
/// copy of the rows before the cut-off only. Folds run in parallel over `threads` workers; each fold's
/// result depends only on its own rows, so the results are the same whatever the thread count.
public struct WalkForwardBacktest: Sendable {
    public let plan: BacktestPlan
    /// Season period `m` of the scaled metrics.
    public let seasonPeriod: Int

    /// Levels of the conformal intervals scored on every fold (e.g. 0.8, 0.95); none by default.
    public var intervalLevels: [Double] = []
    /// Cut-offs inside each fold's history used to calibrate its intervals.
    public var calibrationWindows = 50

    public init(plan: BacktestPlan, seasonPeriod: Int) {
        precondition(seasonPeriod >= 1, "the season period must be at least 1")
        self.plan = plan
        self.seasonPeriod = seasonPeriod
    }

    /// Forecasts every fold of `series` with `method`, in fold order.
    ///
    /// - Parameters:
    ///   - method: fitted on each fold's history as the plan's refit policy says.
    ///   - series: the whole series, oldest first; every fold's test rows must lie inside it.
    ///   - threads: workers running folds at the same time (at least 1).
    ///   - progress: called once per finished fold, from any thread.
    public func run<Method: ForecastingMethod>(
        _ method: Method, on series: [Double], threads: Int = 1,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [FoldForecast] {
        let work = jobs(method, on: series, progress: progress)
        Self.run(work.jobs, threads: threads)
        return try work.results()
    }

    /// The work of a backtest as independent jobs, one per group of folds sharing a fit, latest
    /// group first, and how to read the folds once every job ran. Several methods' jobs can then
    /// share one pool of threads (`run(_:threads:)`), so that no thread waits for the slowest fold
    /// of one method before starting the next method's.
    public struct Jobs: Sendable {
        public let jobs: [@Sendable () -> Void]
        let slots: ResultSlots<Result<FoldForecast, Error>>

        /// Every fold in fold order, or the first failure; call after every job ran. A fold whose
        /// job was skipped (`skipping(when:)`) throws `CancellationError`.
        public func results() throws -> [FoldForecast] {
            try slots.values.map { slot in
                guard let slot else { throw CancellationError() }
                return try slot.get()
            }
        }

        /// The same jobs, each doing nothing when `stop` is true as it starts.
        public func skipping(when stop: @escaping @Sendable () -> Bool) -> Jobs {
            Jobs(jobs: jobs.map { job in { if !stop() { job() } } }, slots: slots)
        }
    }

    /// The jobs of a backtest of `method` on `series` (see `run(_:on:threads:progress:)`).
    public func jobs<Method: ForecastingMethod>(
        _ method: Method, on series: [Double], progress: (@Sendable (Int) -> Void)? = nil
    ) -> Jobs {
        for k in plan.cutoffs.indices {
            precondition(plan.testRows(fold: k).upperBound <= series.count, "fold \(k) reaches past the series")
        }
        let plan = self.plan
        let m = seasonPeriod
        let levels = intervalLevels
        let calibrationWindows = self.calibrationWindows
        // Folds that share a fit form a group; groups are independent and run in parallel.
        let groups = Dictionary(grouping: plan.cutoffs.indices, by: plan.fitFold(for:)).sorted { $0.key < $1.key }
        let results = ResultSlots<Result<FoldForecast, Error>>(count: plan.cutoffs.count)
        let runGroup: @Sendable (Int) -> Void = { groupIndex in
            let (fitFold, folds) = groups[groupIndex]
            let model: Method.Model
            do {
                model = try method.fit(history: Array(series[plan.historyRows(fold: fitFold)]))
            } catch {
                for k in folds { results[k] = .failure(error) }
                return
            }
            for k in folds {
                results[k] = Result {
                    let history = Array(series[plan.historyRows(fold: k)])
                    let forecasts = try model.forecast(after: history, horizon: plan.horizon)
                    var fold = Self.score(fold: k, cutoff: plan.cutoffs[k], history: history, forecasts: forecasts,
                                          actuals: Array(series[plan.testRows(fold: k)]), seasonPeriod: m)
                    fold.method = model.chosenMethod
                    fold.intervals = levels.isEmpty ? [] : try model.intervals(
                        levels: levels, history: history, forecasts: forecasts,
                        count: calibrationWindows, minimumHistory: max(1, history.count / 2))
                    return fold
                }
                progress?(k)
            }
        }
        // Latest groups first: with an expanding window they fit the longest histories, and
        // starting the longest jobs first leaves the short ones to even out the threads' ends
        // (longest processing time first; Graham, 1969). Results do not depend on the order.
        let jobs: [@Sendable () -> Void] = groups.indices.reversed().map { g in { runGroup(g) } }
        return Jobs(jobs: jobs, slots: results)
    }

    /// Runs `jobs` on `threads` workers, each taking the next job in order as it finishes one.
    /// Threads of their own (`DedicatedThreads`): a fold trains for seconds to hours, and an app's
    /// tasks, the one that cancels a backtest included, need libdispatch's workers.
    public static func run(_ jobs: [@Sendable () -> Void], threads: Int) {
        precondition(threads >= 1, "at least one thread")
        if threads == 1 || jobs.count <= 1 {
            for job in jobs { job() }
            return
        }
        let next = Locked(0)
        DedicatedThreads.run(min(threads, jobs.count)) {
            while let index = next.take(below: jobs.count) { jobs[index]() }
        }
    }

    /// One fold's forecasts with what scoring them needs (the last observed value, the in-sample
    /// scales of MASE and RMSSE over `history`): shared with backtests that fit outside this type,
    /// such as a global model trained across series.
    public static func score(
        fold: Int, cutoff: Int, history: [Double], forecasts: [Double], actuals: [Double], seasonPeriod: Int
    ) -> FoldForecast {
        FoldForecast(
            fold: fold, cutoff: cutoff, forecasts: forecasts, actuals: actuals,
            lastObserved: history[history.count - 1],
            naiveScale: ScaledMetrics.seasonalNaiveScale(history: history, seasonPeriod: seasonPeriod, power: 1),
            naiveSquaredScale: ScaledMetrics.seasonalNaiveScale(history: history, seasonPeriod: seasonPeriod, power: 2))
    }
}

/// Slots written once each from worker threads, read after they join (also by the many-series
/// runs of the Forecasting module).
package final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    package init(count: Int) { storage = Array(repeating: nil, count: count) }

    package subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    package var values: [Value?] { lock.withLock { storage } }
}
