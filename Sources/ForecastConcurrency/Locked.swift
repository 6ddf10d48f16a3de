import Foundation

/// A value that several threads read and change, each access behind one lock: the one box for
/// the counters, tallies and flags that worker threads share (the runners and backtests hand work
/// to plain threads, where actors cannot be awaited).
///
/// Keep the work inside `withLock` short: every other access waits for it.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    /// Runs `body` with the value, alone, and returns what it returns.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }

    /// A copy of the value.
    public var value: Value { withLock { $0 } }
}

extension Locked where Value == Int {
    /// Hands out 0, 1, 2, … below `limit`, one number per call, whichever thread asks; nil once
    /// every number was taken.
    public func take(below limit: Int) -> Int? {
        withLock { next in
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
