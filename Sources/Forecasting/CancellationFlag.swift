import ForecastConcurrency
import Foundation

/// Carries a task's cancellation to work that runs on threads outside the task (the folds of a
/// backtest, the series of a many-series run), where `Task.isCancelled` is always false.
///
/// Training hears it through its progress callback (`trainingProgress` answers `.stop`), and the
/// fit that stopped then throws `CancellationError`, so a cancelled run ends within one batch.
package final class CancellationFlag: Sendable {
    private let raised = Locked(false)

    package init() {}

    package func cancel() { raised.withLock { $0 = true } }

    package var isCancelled: Bool { raised.value }

    /// Throws `CancellationError` once the flag is raised.
    package func check() throws {
        if isCancelled { throw CancellationError() }
    }

    /// A progress callback for `Trainer` that stops training once the flag is raised.
    package func trainingProgress(
        _ forward: @escaping (Trainer.Event) -> Trainer.Decision = { _ in .proceed }
    ) -> (Trainer.Event) -> Trainer.Decision {
        { [self] event in isCancelled ? .stop : forward(event) }
    }

    /// Runs synchronous `work` on a thread of its own, with a flag raised when the current task is
    /// cancelled; throws `CancellationError` if it was, whatever `work` returned or threw (a
    /// cancelled fold or series may surface as its own failure).
    ///
    /// A dedicated thread rather than the concurrent executor: training runs for seconds or minutes,
    /// and the executor has only one thread per core, which the app's other tasks (including the
    /// one that cancels) need.
    package static func run<Success: Sendable>(
        _ work: @escaping @Sendable (CancellationFlag) throws -> Success
    ) async throws -> Success {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Success, any Error>, Never>) in
                let thread = Thread { continuation.resume(returning: Result { try work(flag) }) }
                thread.stackSize = 8 << 20
                thread.start()
            }
            try flag.check()
            return try outcome.get()
        } onCancel: {
            flag.cancel()
        }
    }
}
