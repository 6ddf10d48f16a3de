import Foundation

/// Thrown by `MissingValuePolicy.error` when a series has a missing value.
public struct MissingValueError: Error, LocalizedError, Hashable, Sendable {
    /// 0-based position of the first missing value in the series (a reader maps it to a line).
    public var index: Int

    public init(index: Int) {
        self.index = index
    }

    public var errorDescription: String? {
        "Value at row index \(index) (0-based, data rows only) is missing; "
            + "choose a missing-value policy of drop, ffill or linear to continue."
    }
}
