import ForecastData

/// Reads a file of holidays (`--holidays FILE`): a CSV with a header, one date per row and
/// optionally a name, for the `holiday` calendar feature of series no exchange calendar covers.
///
/// The date column is the one named `date` or `ds` (any case; `ds` as Prophet's holiday frames
/// name it), else the first column when its first value is a date. Dates are read in any format the
/// data reader detects (or `dateFormat`), and on the date they were written: `2024-12-25T00:00:00+01:00`
/// is 25 December. The name column is the one named `name` or `holiday`, else the first other column;
/// empty or missing names are allowed. A date listed twice is one holiday (names joined); blank
/// lines are skipped. Errors are `CSVReadError`s naming the file, line and column, as for data.
public enum HolidayFileReader {
    /// Header names of the date column, compared case-insensitively after trimming.
    public static let dateColumnNames = ["date", "ds"]
    /// Header names of the name column, compared case-insensitively after trimming.
    public static let nameColumnNames = ["name", "holiday"]

    /// The holidays in the file at `path`.
    public static func read(_ path: String, dateFormat: DateFormat? = nil) throws(CSVReadError) -> HolidayCalendar {
        try read(.file(path), dateFormat: dateFormat)
    }

    /// The holidays in `source`.
    /// - Throws: `.emptyFile` without a header; `.noDataRows` with a header only; `.unknownColumn`
    ///   (for `date`) when no column holds dates, or when the first line is a date rather than a
    ///   header; `.invalidDate` at the first value that is not a date like those before it;
    ///   `.unknownDateFormat` or `.ambiguousDateFormat` when the format cannot be told; `.missingDate`
    ///   for a row with a name and no date; and the reading errors of any CSV file.
    public static func read(_ source: CSVSource, dateFormat: DateFormat? = nil) throws(CSVReadError) -> HolidayCalendar {
        let missingTokens = MissingTokens.default
        var hasNames = false
        let table = try CSVTableReader.read(source) { context throws(CSVReadError) in
            let date = try dateColumn(in: context, missingTokens: missingTokens)
            let folded = context.header.map { $0.lowercased() }
            let name = folded.indices.first { $0 != date && nameColumnNames.contains(folded[$0]) }
                ?? context.header.indices.first { $0 != date }
            hasNames = name != nil
            return CSVColumnPlan(keep: [date] + (name.map { [$0] } ?? []))
        }
        guard table.rowCount > 0 else { throw .noDataRows(file: table.fileName) }
        let dates = table.columns[0]
        let time: TimeColumn
        do throws(CSVReadError) {
            time = try TimeColumn.parse(dates, table: table, format: dateFormat, missingTokens: missingTokens)
        } catch .unknownDateFormat(let file, let column, let example) {
            throw firstUnreadableDate(in: dates, table: table)
                ?? .unknownDateFormat(file: file, column: column, example: example)
        }
        let names: CSVColumn? = hasNames ? table.columns[1] : nil
        let holidays = time.wallClockTimestamps.enumerated().map { row, timestamp in
            let civil = timestamp.civil
            let name = names.map { $0.text(row).trimmingSpaces() }.flatMap { missingTokens.isMissing($0) ? nil : $0 }
            return HolidayCalendar.Holiday(year: civil.year, month: civil.month, day: civil.day, name: name)
        }
        return HolidayCalendar(holidays)
    }

    /// The date column's position: a column named like one, else the first column if its first
    /// sampled value is a date and the header is not (a file without a header line).
    private static func dateColumn(in context: CSVHeaderContext, missingTokens: MissingTokens) throws(CSVReadError) -> Int {
        let folded = context.header.map { $0.lowercased() }
        if let named = folded.firstIndex(where: dateColumnNames.contains) { return named }
        func isDate(_ text: String) -> Bool { DateFormat.detect(in: [text]) != .none }
        let first = context.sample.lazy.compactMap(\.first).first { !missingTokens.isMissing($0) }
        guard let header = context.header.first, !isDate(header), let first, isDate(first) else {
            throw .unknownColumn(file: context.fileName, name: dateColumnNames[0], available: context.header)
        }
        return 0
    }

    /// Where a column of dates that fit no one format goes wrong: the first value that the format
    /// reading the most values from the top cannot read (a stray word on line 4 of ISO dates), or
    /// nil when no format reads even the first value.
    private static func firstUnreadableDate(in column: CSVColumn, table: CSVTable) -> CSVReadError? {
        let values = column.substrings()
        let reach = DateFormat.detectable.map { format in (format, format.firstUnreadableIndex(in: values) ?? values.count) }
        guard let (format, row) = reach.max(by: { $0.1 < $1.1 }), row > 0, row < values.count else { return nil }
        return .invalidDate(file: table.fileName, line: table.lines[row], column: column.name,
                            value: column.text(row), format: format.description)
    }
}
