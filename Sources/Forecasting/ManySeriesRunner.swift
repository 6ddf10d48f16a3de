import ForecastConcurrency
import Foundation

/// Runs one job per series on a fixed number of threads and hands the results over in input order,
/// each as soon as it and every earlier one are done: what lets a command stream results of many
/// series to a pipe while both cores work.
///
/// Series come from a source the workers pull from (`next`), one call at a time, so a file can be
/// read while earlier series are being forecast: a worker that finishes a series reads the next one
/// while the others keep working, and the first results appear before the input is read to its end.
///
/// Memory stays bounded: a thread does not start series `i` while series `i - window` has not been
/// handed over, so at most `window` series are in flight or waiting, however many there are.
/// The order of results never depends on the thread count, and with jobs that are deterministic
/// (each fit on one thread, seeded) neither do their values.
///
/// One series' failure is its own result (`Result.failure`), so the others carry on.
public enum ManySeriesRunner {
    /// - Parameters:
    ///   - count: the number of series (none when 0 or less).
    ///   - threads: worker threads (fewer than 1 counts as 1).
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
        let count = max(count, 0)
        let indices = Locked(0)
        run(threads: min(max(threads, 1), max(count, 1)), window: window, next: { () throws(Never) in indices.take(below: count) },
            job: { (index: Int, _: Int) in job(index) }, deliver: deliver)
    }

    /// Runs `job` on every item `next` hands out, until it returns nil or throws.
    ///
    /// - Parameters:
    ///   - threads: worker threads (fewer than 1 counts as 1).
    ///   - window: the most series started but not yet handed over; default four per thread.
    ///   - next: the next series' input, or nil when there are no more; called by one thread at a
    ///     time, never again once it returned nil or threw.
    ///   - job: the work of the `index`-th input (0 for the first `next` returned); on a worker thread.
    ///   - deliver: called once per input, in index order, one call at a time (from a worker
    ///     thread). Returning `false` stops the run: no new series starts.
    /// - Throws: what `next` threw, once every series read before it has been handed over.
    public static func run<Input: Sendable, Output: Sendable, Failure: Error>(
        threads: Int,
        window: Int? = nil,
        next: @escaping @Sendable () throws(Failure) -> Input?,
        job: @escaping @Sendable (Int, Input) -> Output,
        deliver: @escaping @Sendable (Int, Output) -> Bool
    ) throws(Failure) {
        let threads = max(threads, 1)
        // OpenBLAS is opened (and its kernels chosen) here, on the caller's thread, before any
        // worker starts: choosing sets an environment variable, which must not race other threads.
        BLASBackend.load()
        let state = RunState<Input, Output, Failure>(window: max(window ?? 4 * threads, threads), next: next)
        DedicatedThreads.run(threads) { state.work(job: job, deliver: deliver) }
        if let failure = state.failure { throw failure }
    }
}

/// The shared bookkeeping of one run: the series reserved and read, the results waiting for the
/// ones before them, and the next series to hand over. Fields are guarded by `condition`'s lock,
/// except the source's, guarded by `sourceLock`, so reading the input never holds up a worker
/// that hands results over.
private final class RunState<Input: Sendable, Output: Sendable, Failure: Error>: @unchecked Sendable {
    private let condition = NSCondition()
    private let window: Int
    /// Series started or about to be read.
    private var reserved = 0
    private var nextToDeliver = 0
    private var waiting: [Int: Output] = [:]
    private var stopped = false
    private var sourceEnded = false
    /// True while one thread is handing results over, so calls of `deliver` never overlap.
    private var delivering = false

    private let sourceLock = NSLock()
    private let next: @Sendable () throws(Failure) -> Input?
    private var read = 0
    private var exhausted = false
    private(set) var failure: Failure?

    init(window: Int, next: @escaping @Sendable () throws(Failure) -> Input?) {
        self.window = window
        self.next = next
    }

    func work(job: @Sendable (Int, Input) -> Output, deliver: @Sendable (Int, Output) -> Bool) {
        while let claimed = claim() {
            finish(claimed.index, job(claimed.index, claimed.input), deliver: deliver)
        }
    }

    /// The next series and its index, waiting while the window is full; nil when none is left.
    private func claim() -> (index: Int, input: Input)? {
        condition.lock()
        while !stopped, !sourceEnded, reserved - nextToDeliver >= window { condition.wait() }
        guard !stopped, !sourceEnded else {
            condition.unlock()
            return nil
        }
        reserved += 1
        condition.unlock()

        let item: (index: Int, input: Input)? = sourceLock.withLock {
            guard failure == nil, !exhausted else { return nil }
            do throws(Failure) {
                guard let input = try next() else {
                    exhausted = true
                    return nil
                }
                defer { read += 1 }
                return (read, input)
            } catch {
                failure = error
                return nil
            }
        }
        if item == nil {
            condition.lock()
            sourceEnded = true
            reserved -= 1
            condition.broadcast()
            condition.unlock()
        }
        return item
    }

    /// Stores a result, then hands over every result now ready, in order.
    private func finish(_ index: Int, _ result: Output, deliver: @Sendable (Int, Output) -> Bool) {
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
