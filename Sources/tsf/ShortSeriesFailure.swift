import ForecastData
import Foundation
import ForecastIO
import Forecasting

/// A series too short to fit, named by the file and column it came from, which the library does
/// not know (exit code 65).
struct ShortSeriesFailure: LocalizedError {
    /// The file's display name (`CSVSource.displayName`) and the column.
    let file: String
    let column: String
    let rows: Int
    let needed: Int
    let lookback: Int
    let horizon: Int

    /// How an error names a series read from a file: `prices.csv: column "Close"` (`file` as
    /// displayed: `CSVSource.displayName`).
    static func subject(file: String, column: String) -> String {
        "\(file): column \"\(column)\""
    }

    var errorDescription: String? {
        let problem = ForecasterError.tooShortProblem(Self.subject(file: file, column: column), rows: rows, needed: needed,
                                                      lookback: lookback, horizon: horizon)
        return ErrorSentence.joining(problem, remedies: [ErrorSentences.flags(for: .shortenLookbackOrHorizon)])
    }

    /// Runs `predict`, naming the file and the column when they hold fewer rows than the model reads.
    /// Without a column (the model's own), the file alone is named.
    static func namingHistory<Result>(file: String, column: String?, _ predict: () throws -> Result) throws -> Result {
        do {
            return try predict()
        } catch let ForecasterError.historyTooShort(rows, needed) {
            let name = CSVSource(argument: file).displayName
            throw ShortHistoryFailure(subject: column.map { subject(file: name, column: $0) } ?? name, rows: rows, needed: needed)
        }
    }

    /// Runs `fit`, naming the file (`-` for standard input) and the column when the series is too
    /// short for the model, or constant.
    static func naming<Result>(file: String, column: String, _ fit: () throws -> Result) throws -> Result {
        do {
            return try fit()
        } catch let ForecasterError.seriesTooShort(rows, needed, lookback, horizon) {
            throw ShortSeriesFailure(file: CSVSource(argument: file).displayName, column: column, rows: rows,
                                     needed: needed, lookback: lookback, horizon: horizon)
        } catch let ForecasterError.constantSeries(value) {
            throw ConstantSeriesFailure(subject: subject(file: CSVSource(argument: file).displayName, column: column), value: value)
        }
    }
}

/// A constant series given to a model, named by the file and column it came from (exit 65): no
/// model is fitted, and the sentence says which command forecasts it.
struct ConstantSeriesFailure: LocalizedError {
    let subject: String
    let value: Double

    var errorDescription: String? {
        "\(subject): every value is \(value), so there is nothing for a model to learn; `tsf forecast` with the automatic method (no --method) forecasts it as that value."
    }
}

/// A history shorter than a saved model reads, named by the file and column it came from (exit 65).
struct ShortHistoryFailure: LocalizedError {
    let subject: String
    let rows: Int
    let needed: Int

    var errorDescription: String? {
        "\(subject) has \(rows) row\(rows == 1 ? "" : "s"), but the model reads the last \(needed); give it at least \(needed) rows."
    }
}
