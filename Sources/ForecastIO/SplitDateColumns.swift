import ForecastData

/// Two columns that date the rows together: a year and a month or quarter within it
/// (`YearPeriodColumns`), or a day and a time of day (`DateTimeColumns`). Readers treat them as one
/// time column; neither is a value column.
enum SplitDateColumns: Sendable, Equatable {
    case yearAndPeriod(YearPeriodColumns)
    case dateAndTime(DateTimeColumns)

    /// Where the rows of `context` get their dates: the time column `TimeColumn.locate` finds, or
    /// two columns read together (`time` is then the first of them); `indices` holds every column
    /// that dates the rows, none of which is a value column.
    static func locateTime(in context: CSVHeaderContext, options: CSVReadOptions)
        throws(CSVReadError) -> (time: Int?, split: SplitDateColumns?, indices: [Int]) {
        let found = try TimeColumn.locate(in: context, options: options)
        if let withinYear = YearPeriodColumns.locate(in: context, time: found, options: options) {
            return (withinYear.year, .yearAndPeriod(withinYear), withinYear.indices)
        }
        if let dateAndTime = DateTimeColumns.locate(in: context, date: found, options: options) {
            return (dateAndTime.date, .dateAndTime(dateAndTime), dateAndTime.indices)
        }
        return (found, nil, found.map { [$0] } ?? [])
    }

    /// The column beside the first one: the months or quarters, or the times of day.
    var second: Int {
        switch self {
        case .yearAndPeriod(let columns): columns.period
        case .dateAndTime(let columns): columns.time
        }
    }

    /// What a reader tells about a file read so, once for the file; nil where the user's date
    /// format already named both columns' parts.
    func warning(file: String) -> CSVWarning? {
        switch self {
        case .yearAndPeriod(let columns): columns.warning(file: file)
        case .dateAndTime(let columns): columns.warning(file: file)
        }
    }

    /// The rows of `table` dated by the two columns together.
    func parse(_ table: CSVTable, missingTokens: MissingTokens) throws(CSVReadError) -> TimeColumn {
        switch self {
        case .yearAndPeriod(let columns): try columns.parse(table, missingTokens: missingTokens)
        case .dateAndTime(let columns): try columns.parse(table, missingTokens: missingTokens)
        }
    }
}
