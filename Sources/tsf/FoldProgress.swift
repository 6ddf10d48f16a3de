import Foundation
import ForecastActions

/// "fold k/n" on stderr while a backtest runs, only on a terminal.
final class FoldProgress: @unchecked Sendable {
    private let total: Int
    private let enabled = isatty(STDERR_FILENO) == 1
    /// Folds finished per method.
    private let done = Locked<[String: Int]>([:])

    init(folds: Int) { total = folds }

    var handle: @Sendable (String, Int) -> Void {
        { [self] method, _ in
            guard enabled else { return }
            let count = done.withLock { done -> Int in
                done[method, default: 0] += 1
                return done[method]!
            }
            let of = total > 0 ? "/\(total)" : ""
            FileHandle.standardError.write(Data("\r\u{1B}[K\(method): fold \(count)\(of)".utf8))
        }
    }

    /// Clears the progress line.
    static func clear() {
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
