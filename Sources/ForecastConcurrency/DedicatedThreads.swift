import Foundation

/// Runs long, CPU-bound work on threads of its own rather than on libdispatch's worker threads.
///
/// On Linux, Swift concurrency runs every task on libdispatch's global queue, whose few worker
/// threads (about one per core) `DispatchQueue.concurrentPerform` also borrows. Work that keeps those
/// threads for seconds or hours (a backtest's folds, a many-series run's workers) leaves no thread
/// for the tasks that would cancel it: an app's `task.cancel()` then waits for the very training it
/// means to stop. Dedicated threads leave the executor free.
public enum DedicatedThreads {
    /// Runs `body` on `workers` threads at once (the calling thread and `workers − 1` new ones, with
    /// 8 MiB stacks) and returns when every one has returned.
    public static func run(_ workers: Int, _ body: @escaping @Sendable () -> Void) {
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
