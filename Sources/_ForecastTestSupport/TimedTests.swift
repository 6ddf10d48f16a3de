import Foundation

/// Whether timed assertions run. Timing is meaningless in debug builds and noisy on a busy
/// machine, so they run only on request: `FORECAST_BENCH=1 swift test -c release`.
public enum TimedTests {
    public static var requested: Bool {
        #if DEBUG
        return false
        #else
        return ProcessInfo.processInfo.environment["FORECAST_BENCH"] != nil
        #endif
    }
}
