import ForecastData
import Foundation

/// Everything that can stop a CSV file from becoming series. Each case holds the file, the physical
/// line (1 = header line), the column and the value where they apply, and `remedies` says which
/// option would help, so a host can word the error itself; `errorDescription` is one sentence in
/// the library's words.
///
/// `category` sorts the errors the way a command line reports them (see the exit codes of docs/architecture.md),
/// so a tool can map them in one place.
public enum CSVReadError: Error, LocalizedError, Equatable, Sendable {
    /// The path names nothing.
    case fileNotFound(file: String)
    /// The path names a directory.
    case isDirectory(file: String)
    /// The file exists but cannot be opened or read (permissions, I/O error).
    case unreadable(file: String, reason: String)
    /// The file holds no header line.
    case emptyFile(file: String)
    /// The file has a header and no data rows.
    case noDataRows(file: String)
    /// No column holds dates, but the column names do (`1960`, `1961`, … or `2019-Q1`, …): each row
    /// is a series across the columns, which a series read down a column would silently mix up.
    case datesAcrossColumns(file: String, first: String, last: String, count: Int)
    /// Rows were read, but a column the series needs is missing on every one of them.
    case noValues(file: String, column: String, rows: Int)
    /// A NUL byte: the file is not text.
    case binaryFile(file: String, line: Int)
    /// Bytes that are not UTF-8.
    case invalidUTF8(file: String, line: Int)
    /// A quote inside an unquoted field, or a quoted field never closed (libcsv's `CSV_EPARSE`).
    case malformedQuoting(file: String, line: Int)
    /// libcsv ran out of memory or met a field too large for it (`CSV_ENOMEM`, `CSV_ETOOBIG`).
    case parserFailure(file: String, line: Int, detail: String)
    /// A record has a different number of fields than the header.
    case raggedRow(file: String, line: Int, expected: Int, found: Int)
    /// Two header names are the same, so a column cannot be chosen by name.
    case duplicateColumnName(file: String, name: String)
    /// A column the user asked for is not in the header.
    case unknownColumn(file: String, name: String, available: [String])
    /// A value in a numeric column is not a number; `remedy` names a separator option when one
    /// would help.
    case notANumber(file: String, line: Int, column: String, value: String, remedy: Remedy?)
    /// `inf`, `Infinity` or a number too large for a Double: a forecaster cannot use it.
    case infiniteValue(file: String, line: Int, column: String, value: String)
    /// A finite number beyond ±1e100 (`UsableMagnitude`), where fitting and scoring overflow.
    case valueTooLarge(file: String, line: Int, column: String, value: String)
    /// A missing value under the `error` policy.
    case missingValue(file: String, line: Int, column: String)
    /// A row of a long-format file whose id is empty: no missing-value policy places it in a series.
    case missingID(file: String, line: Int, column: String)
    /// The time column's values fit several date formats (day/month order unknown).
    case ambiguousDateFormat(file: String, column: String, candidates: [String])
    /// The time column's values fit no known date format.
    case unknownDateFormat(file: String, column: String, example: String)
    /// A value of the time column does not fit the date format.
    case invalidDate(file: String, line: Int, column: String, value: String, format: String)
    /// A value of one of two columns that date the rows together (a year, and a month or quarter
    /// within it) is not what that column holds; `expected` says what it is, such as a month.
    case invalidDatePart(file: String, line: Int, column: String, value: String, expected: String)
    /// The time column is empty on a row.
    case missingDate(file: String, line: Int, column: String)
    /// Two rows share a timestamp and no `duplicates` rule was given; `longFormat` is
    /// `.pickSeries` when the file looks like several series in long format.
    case duplicateTimestamp(file: String, timestamp: String, firstLine: Int, secondLine: Int, longFormat: Remedy?)
    /// Read as a stream (standard input), a long-format file's id comes back after its rows ended
    /// and another series' began, so its series cannot be handed over whole.
    case idNotGrouped(file: String, line: Int, column: String, id: String)
    /// `series` names a value the id column never holds.
    case seriesNotFound(file: String, idColumn: String, series: String, available: [String])
    /// A date format, separator or other option that cannot be used.
    case invalidOption(OptionProblem)
    /// A future row (after the last target value) lacks a value of a known-in-advance column.
    case missingFutureValue(file: String, line: Int, column: String)
    /// A future row's timestamp is not the next step of the series' calendar.
    case futureRowOffCalendar(file: String, line: Int, column: String, found: String, expected: String)
    /// A feature column holds one value on every row of the history: it tells the model nothing.
    case constantFeature(file: String, column: String, value: Double)
    /// A static column (one value per series of a long-format file) changes within a series: `line`
    /// holds `value`, while the series' first value, `first`, is on `firstLine`.
    case staticValueChanges(file: String, line: Int, column: String, series: String, value: Double, first: Double, firstLine: Int)

    /// How a command line should report the error.
    public enum Category: Sendable {
        /// The options do not fit the file (exit 64).
        case usage
        /// The file was read but its content is unusable (exit 65).
        case badData
        /// The input is missing or unreadable (exit 66).
        case inputUnavailable
        /// The reader itself failed (exit 70).
        case `internal`
    }

    public var category: Category {
        switch self {
        case .fileNotFound, .isDirectory, .unreadable: .inputUnavailable
        case .unknownColumn, .seriesNotFound, .invalidOption: .usage
        case .parserFailure: .internal
        default: .badData
        }
    }

    /// The physical line the error points at, when there is one.
    public var line: Int? {
        switch self {
        case .binaryFile(_, let line), .invalidUTF8(_, let line), .malformedQuoting(_, let line),
             .parserFailure(_, let line, _), .raggedRow(_, let line, _, _),
             .notANumber(_, let line, _, _, _), .infiniteValue(_, let line, _, _),
             .valueTooLarge(_, let line, _, _),
             .missingValue(_, let line, _), .missingID(_, let line, _), .invalidDate(_, let line, _, _, _),
             .invalidDatePart(_, let line, _, _, _), .missingDate(_, let line, _),
             .idNotGrouped(_, let line, _, _), .missingFutureValue(_, let line, _),
             .futureRowOffCalendar(_, let line, _, _, _), .staticValueChanges(_, let line, _, _, _, _, _):
            line
        case .duplicateTimestamp(_, _, _, let second, _): second
        default: nil
        }
    }

    /// Which options would get past the error, in the order a sentence offers them.
    public var remedies: [Remedy] {
        switch self {
        case .notANumber(_, _, _, _, let remedy): remedy.map { [$0] } ?? []
        case .missingValue: [.chooseMissingPolicy]
        case .ambiguousDateFormat(_, _, let candidates): [.chooseDateFormat(patterns: candidates)]
        case .unknownDateFormat: [.giveDateFormat]
        case .duplicateTimestamp(_, _, _, _, let longFormat):
            // Keeping one row of each year of a year-and-month file would be no remedy.
            switch longFormat {
            case .combineDateColumns?, .readDateColumnsTogether?: [longFormat!]
            default: [.chooseDuplicateRule] + (longFormat.map { [$0] } ?? [])
            }
        default: []
        }
    }

    /// The error without its remedies and final period, for hosts that word the remedies
    /// themselves (see `remedies`).
    public var problem: String {
        switch self {
        case .fileNotFound(let file):
            "\(file): no such file"
        case .isDirectory(let file):
            "\(file) is a directory, not a CSV file"
        case .unreadable(let file, let reason):
            "\(file) cannot be read: \(reason)"
        case .emptyFile(let file):
            "\(file) is empty: a CSV file needs a header line"
        case .datesAcrossColumns(let file, let first, let last, let count):
            "\(file): \(count) column names are dates (\"\(first)\" … \"\(last)\"), so each row holds a series across the columns; a series is read down one column, dated by another: transpose the table (one row per date, one column per series) to forecast its rows"
        case .noDataRows(let file):
            "\(file) has a header but no data rows"
        case .noValues(let file, let column, let rows):
            "\(file): column \"\(column)\" has no values: it is missing on all \(rows) rows"
        case .binaryFile(let file, let line):
            "\(file):\(line): the file holds NUL bytes; it looks like a binary file, not CSV text"
        case .invalidUTF8(let file, let line):
            "\(file):\(line): the text is not valid UTF-8; save the file as UTF-8"
        case .malformedQuoting(let file, let line):
            "\(file):\(line): malformed quoting (a quote inside an unquoted field, or a quoted field that is never closed)"
        case .parserFailure(let file, let line, let detail):
            "\(file):\(line): the CSV parser failed: \(detail)"
        case .raggedRow(let file, let line, let expected, let found):
            "\(file):\(line): the row has \(found) field\(found == 1 ? "" : "s") but the header has \(expected)"
        case .duplicateColumnName(let file, let name):
            "\(file): the header names column \"\(name)\" more than once"
        case .unknownColumn(let file, let name, let available):
            "\(file) has no column \"\(name)\"; its columns are \(Self.quotedList(available))"
        case .notANumber(let file, let line, let column, let value, _):
            "\(file):\(line): column \"\(column)\": \"\(Self.shown(value))\" is not a number"
        case .infiniteValue(let file, let line, let column, let value):
            "\(file):\(line): column \"\(column)\": \"\(Self.shown(value))\" is infinite; a forecaster needs finite numbers"
        case .valueTooLarge(let file, let line, let column, let value):
            "\(file):\(line): column \"\(column)\": \(Self.shown(value)) is \(UsableMagnitude.refusal)"
        case .missingValue(let file, let line, let column):
            "\(file):\(line): column \"\(column)\" has a missing value"
        case .missingID(let file, let line, let column):
            "\(file):\(line): the id column \"\(column)\" is empty, so the row belongs to no series; every row needs its series' id"
        case .ambiguousDateFormat(let file, let column, let candidates):
            "\(file): column \"\(column)\" fits several date formats (\(candidates.joined(separator: ", ")))"
        case .unknownDateFormat(let file, let column, let example):
            "\(file): column \"\(column)\" holds dates in no known format (e.g. \"\(Self.shown(example))\")"
        case .invalidDate(let file, let line, let column, let value, let format):
            "\(file):\(line): column \"\(column)\": \"\(Self.shown(value))\" is not a date in the format \(format)"
        case .invalidDatePart(let file, let line, let column, let value, let expected):
            "\(file):\(line): column \"\(column)\": \"\(Self.shown(value))\" is not a \(expected)"
        case .missingDate(let file, let line, let column):
            "\(file):\(line): the time column \"\(column)\" is empty"
        case .duplicateTimestamp(let file, let timestamp, let first, let second, _):
            "\(file):\(second): timestamp \(timestamp) already appears on line \(first)"
        case .idNotGrouped(let file, let line, let column, let id):
            "\(file):\(line): series \"\(Self.shown(id))\" of column \"\(column)\" comes back after other series; standard input is read as it arrives, so its rows must be grouped by id: sort the file by \"\(column)\" first, or pass the file's path, which is grouped in memory"
        case .seriesNotFound(let file, let idColumn, let series, let available):
            "\(file): column \"\(idColumn)\" never holds \"\(series)\"; it holds \(Self.quotedList(available))"
        case .invalidOption(let problem):
            problem.description
        case .missingFutureValue(let file, let line, let column):
            "\(file):\(line): column \"\(column)\" is known in advance, so every future row (a row after the last target value) needs its value, and this one is empty"
        case .futureRowOffCalendar(let file, let line, let column, let found, let expected):
            "\(file):\(line): future row \(found) of column \"\(column)\" does not follow the series' calendar: the next step is \(expected); future rows must continue the series without gaps"
        case .constantFeature(let file, let column, let value):
            "\(file): feature column \"\(column)\" holds \(String(format: "%.15g", value)) on every row of the history, so it tells the model nothing; leave it out"
        case .staticValueChanges(let file, let line, let column, let series, let value, let first, let firstLine):
            "\(file):\(line): static column \"\(column)\" holds \(String(format: "%.15g", value)) for series \"\(Self.shown(series))\", which holds \(String(format: "%.15g", first)) on line \(firstLine); a static column must hold one value per series"
        }
    }

    public var errorDescription: String? {
        ErrorSentence.joining(problem, remedies: remedies.map(\.description))
    }

    /// A field as messages quote it: whole up to 60 characters, else its start and its length, so a
    /// field of megabytes does not flood the terminal.
    static func shown(_ value: String) -> String {
        value.count <= 60 ? value : "\(value.prefix(40))… (\(value.count) characters)"
    }

    /// `"a", "b", "c"`, shortened after a dozen names.
    static func quotedList(_ names: [String]) -> String {
        let shown = names.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
        return names.count > 12 ? shown + " and \(names.count - 12) more" : shown
    }
}
