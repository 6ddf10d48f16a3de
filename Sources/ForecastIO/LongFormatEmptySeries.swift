import Foundation
import ForecastData

/// A series of a long-format file none of whose rows is left once the missing-value policy has
/// dropped those with missing values: a failure of that series alone.
public struct LongFormatEmptySeries: LocalizedError, Sendable {
    public let file: String
    public let id: String
    /// The series' rows in the file.
    public let rows: Int
    public let policy: MissingValuePolicy

    public var errorDescription: String? {
        "none of the \(rows) row\(rows == 1 ? "" : "s") of series \"\(id)\" in \(file) is left after the missing-value policy \(policy.rawValue)."
    }
}
