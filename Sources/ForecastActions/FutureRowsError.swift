import Foundation

/// Known-in-advance features whose future values cannot be found or do not cover a forecast.
public enum FutureRowsError: LocalizedError, Hashable, Sendable {
    /// The file has no rows after its last target value and no future file was given.
    case noFutureRows(file: String, target: String, columns: [String])
    /// The file has future rows and a separate future file was given too: which one counts is unclear.
    case futureInTwoPlaces(file: String, futureFile: String)
    /// The future rows cover fewer steps than the horizon the network forecasts at once.
    case tooFewFutureRows(file: String, rows: Int, horizon: Int)
    /// Future rows were given but no column is known in advance to read from them.
    case futureWithoutKnownFeatures(futureFile: String)
    /// A series of a long-format file has no rows after its last target value.
    case noFutureRowsInSeries(file: String, series: String, target: String, columns: [String])
    /// A series of a many-series forecast has no rows in the separate future file (`--future`).
    case seriesMissingFromFutureFile(futureFile: String, series: String, idColumn: String)

    public var errorDescription: String? {
        switch self {
        case let .noFutureRows(file, target, columns):
            return "\(file) has no future rows for the known-in-advance column\(columns.count == 1 ? "" : "s") \(columns.map { "\"\($0)\"" }.joined(separator: ", ")): add the rows of the steps to forecast after the last value of \"\(target)\", with \"\(target)\" left empty, or give them in a separate future file."
        case let .futureInTwoPlaces(file, futureFile):
            return "\(file) already holds future rows (rows after the last target value), so the future file \(futureFile) would compete with them; give the future in one place."
        case let .tooFewFutureRows(file, rows, horizon):
            return "\(file): the future rows cover \(rows) step\(rows == 1 ? "" : "s") but the horizon is \(horizon); add future rows or lower the horizon to \(rows)."
        case let .noFutureRowsInSeries(file, series, target, columns):
            return "series \"\(series)\" of \(file) has no future rows for the known-in-advance column\(columns.count == 1 ? "" : "s") \(columns.map { "\"\($0)\"" }.joined(separator: ", ")): add the rows of its steps to forecast after its last value of \"\(target)\", with \"\(target)\" left empty."
        case let .seriesMissingFromFutureFile(futureFile, series, idColumn):
            return "the future file \(futureFile) has no rows for series \"\(series)\": add its steps to forecast there, with \"\(series)\" in the \"\(idColumn)\" column."
        case let .futureWithoutKnownFeatures(futureFile):
            return "The future file \(futureFile) is read only for known-in-advance features, and none were named."
        }
    }
}
