import Foundation

/// An interval level that is not a fraction strictly between 0 and 1: a library caller who passes
/// 80 for an 80 % interval gets this error rather than a trap, and the sentence says what is meant.
public struct IntervalLevelError: LocalizedError, Hashable, Sendable {
    public let level: Double

    public init(level: Double) { self.level = level }

    public var errorDescription: String? {
        "an interval level is a fraction strictly between 0 and 1 (0.8 for an 80 % interval), not \(level)"
    }

    /// Throws for the first of `levels` that is not a fraction strictly between 0 and 1.
    public static func check(_ levels: [Double]) throws(IntervalLevelError) {
        if let level = levels.first(where: { !($0 > 0 && $0 < 1) }) { throw IntervalLevelError(level: level) }
    }
}
