import Foundation
import ForecastData

/// Reads the date column of a bundled dataset with a minimal line splitter. The real CSV reader
/// lives in ForecastIO, which this test target does not depend on; the datasets need no quoting.
enum DatasetDates {
    /// `datasets/` at the package root, found from this file's path.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()     // ForecastDataTests
        .deletingLastPathComponent()     // Tests
        .deletingLastPathComponent()     // package root
        .appendingPathComponent("datasets")

    /// The data rows (header removed), each split at commas, empty fields kept.
    static func rows(of file: String) throws -> [[Substring]] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst()
        return lines.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    /// The raw text of the first column, header removed.
    static func firstColumn(of file: String) throws -> [Substring] {
        try rows(of: file).map { $0.first ?? "" }
    }

    /// The first column parsed with the detected format; fails if detection does not decide.
    static func timestamps(of file: String) throws -> (format: DateFormat, timestamps: [Timestamp]) {
        let column = try firstColumn(of: file)
        guard case .detected(let format) = DateFormat.detect(in: column) else {
            throw DatasetError(message: "no single date format detected in \(file)")
        }
        let timestamps = column.compactMap { format.parse($0) }
        guard timestamps.count == column.count else {
            throw DatasetError(message: "some dates of \(file) do not parse as \(format)")
        }
        return (format, timestamps)
    }

    struct DatasetError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
