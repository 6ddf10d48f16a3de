import Foundation

/// Runs one job per series on a fixed number of threads and hands the results over in input order,
/// each as soon as it and every earlier one are done: what lets a command stream results of many
/// series to a pipe while both cores work.
///
/// Memory stays bounded: a thread does not start series `i` while series `i - window` has not been
/// handed over, so at most `window` series are in flight or waiting, however many there are.
/// The order of results never depends on the thread count, and with jobs that are deterministic
/// (each fit on one thread, seeded) neither do their values.
///
/// One series' failure is its own result (`Result.failure`), so the others carry on.
public enum ManySeriesRunner {
    /// - Parameters:
    ///   - count: the number of series.
    ///   - threads: worker threads (at least 1).
    ///   - window: the most series started but not yet handed over; default four per thread.
    ///   - job: the work of series `index`; called on a worker thread.
    ///   - deliver: called once per series, in index order, one call at a time (from a worker thread).
    ///     Returning `false` stops the run: no new series starts.
    /// - Complexity: `count` calls of `job`; no more than `window` results held at once.
    public static func run<Output: Sendable>(
        count: Int,
        threads: Int,
        window: Int? = nil,
        job: @escaping @Sendable (Int) -> Result<Output, any Error>,
        deliver: @escaping @Sendable (Int, Result<Output, any Error>) -> Bool
    ) {
        precondition(count >= 0, "a negative number of series: \(count)")
        precondition(threads >= 1, "at least one thread is needed, not \(threads)")
        guard count > 0 else { return }
        let state = RunState<Output>(count: count, window: max(window ?? 4 * threads, threads))
        let workers = min(threads, count)
        onThreads(workers) { state.work(job: job, deliver: deliver) }
    }

    /// Runs `body` on `workers` threads at once (the caller's and `workers − 1` new ones) and waits
    /// for all. Dedicated threads, not a shared dispatch pool, so the series really run in parallel
    /// even when the pool is busy with other work in the same process.
    static func onThreads(_ workers: Int, _ body: @escaping @Sendable () -> Void) {
        let group = DispatchGroup()
        for _ in 1..<max(1, workers) {
            group.enter()
            let thread = Thread {
                body()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        body()
        group.wait()
    }
}

/// The shared bookkeeping of one run: the next series to start, the results waiting for the ones
/// before them, and the next series to hand over. Every field is guarded by `condition`'s lock.
private final class RunState<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToStart = 0
    private var nextToDeliver = 0
    private var waiting: [Int: Result<Output, any Error>] = [:]
    private var stopped = false
    /// True while one thread is handing results over, so calls of `deliver` never overlap.
    private var delivering = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    func work(job: @Sendable (Int) -> Result<Output, any Error>, deliver: @Sendable (Int, Result<Output, any Error>) -> Bool) {
        while let index = claim() {
            let result = job(index)
            finish(index, result, deliver: deliver)
        }
    }

    /// The next series to start, waiting while the window is full; nil when none is left.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, nextToStart < count, nextToStart - nextToDeliver >= window { condition.wait() }
        guard !stopped, nextToStart < count else { return nil }
        defer { nextToStart += 1 }
        return nextToStart
    }

    /// Stores a result, then hands over every result now ready, in order.
    private func finish(_ index: Int, _ result: Result<Output, any Error>, deliver: @Sendable (Int, Result<Output, any Error>) -> Bool) {
        condition.lock()
        waiting[index] = result
        // Another thread already delivering will pick this result up.
        if delivering {
            condition.unlock()
            return
        }
        delivering = true
        while let ready = waiting.removeValue(forKey: nextToDeliver) {
            let position = nextToDeliver
            // Deliver outside the lock so other threads keep finishing and starting series.
            condition.unlock()
            let keepGoing = deliver(position, ready)
            condition.lock()
            nextToDeliver += 1
            if !keepGoing { stopped = true }
            condition.broadcast()
        }
        delivering = false
        condition.unlock()
    }
}
