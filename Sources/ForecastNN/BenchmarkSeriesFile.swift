import Foundation

/// Reads one numeric column of a simple CSV file (comma-separated, header row, optional
/// double quotes around a field, no commas inside fields): enough for the benchmark's
/// `--csv` (what `torch_reference.py --csv` reads, in file order, so both train on the same values);
/// the full reader is ForecastIO's.
public enum BenchmarkSeriesFile {
    /// Why the file cannot serve: its message names the file, line and column.
    public struct ReadError: LocalizedError {
        public let message: String
        /// True when the file is missing or unreadable (exit code 66), false for bad content (65).
        public let isMissingFile: Bool
        public var errorDescription: String? { message }
    }

    /// The values of `column`, in file order.
    public static func read(path: String, column: String) throws -> [Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ReadError(message: "\(path): cannot read the file.", isMissingFile: true)
        }
        func fields(_ line: Substring) -> [String] {
            line.split(separator: ",", omittingEmptySubsequences: false).map {
                var field = $0.trimmingCharacters(in: .whitespaces)
                if field.count >= 2, field.hasPrefix("\""), field.hasSuffix("\"") { field = String(field.dropFirst().dropLast()) }
                return field
            }
        }
        let lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first else { throw ReadError(message: "\(path): the file is empty.", isMissingFile: false) }
        guard let index = fields(header).firstIndex(of: column) else {
            throw ReadError(message: "\(path), line 1: there is no column '\(column)' (columns: \(fields(header).joined(separator: ", "))).",
                            isMissingFile: false)
        }
        var values: [Double] = []
        for (offset, line) in lines.dropFirst().enumerated() {
            let row = fields(line)
            let lineNumber = offset + 2
            guard index < row.count, let value = Double(row[index]), value.isFinite else {
                let found = index < row.count ? "'\(row[index])'" : "nothing"
                throw ReadError(message: "\(path), line \(lineNumber), column \(index + 1) ('\(column)'): expected a number, found \(found).",
                                isMissingFile: false)
            }
            values.append(value)
        }
        return values
    }
}
