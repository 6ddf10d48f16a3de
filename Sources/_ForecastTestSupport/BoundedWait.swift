import ForecastConcurrency
import Foundation

/// Waits for a task's result at most `seconds`: nil when it is not done by then, so a test that
/// would hang fails instead (the task is left running; cancelling it again is the caller's choice).
public func result<Success: Sendable>(of task: Task<Success, any Error>, within seconds: Double) async -> Result<Success, any Error>? {
    let once = FirstAnswer<Result<Success, any Error>?>()
    return await withCheckedContinuation { continuation in
        once.set(continuation)
        Task { once.answer(await task.result) }
        Task {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            once.answer(nil)
        }
    }
}

/// Waits until `condition` holds, checking every millisecond, at most `seconds`; whether it held.
public func waitUntil(atMost seconds: Double, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() > deadline { return false }
        try? await Task.sleep(nanoseconds: 1_000_000)
    }
    return true
}

/// Resumes a continuation with the first answer it is given, ignoring later ones.
private final class FirstAnswer<Value: Sendable>: Sendable {
    private let continuation = Locked<CheckedContinuation<Value, Never>?>(nil)

    func set(_ continuation: CheckedContinuation<Value, Never>) { self.continuation.withLock { $0 = continuation } }

    func answer(_ value: Value) {
        let waiting = continuation.withLock { stored in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(returning: value)
    }
}
