/// The columns a series reader keeps: the time column (named, or found by name or content), the id
/// column of a long-format file, and the value columns in the order asked for. One helper, so that
/// the single-series and long-format readers find and refuse columns alike.
struct SeriesColumns {
    /// Header position of the time column; nil when the file has none. The years, when the rows
    /// are dated by them and the column of `splitDate` together.
    let time: Int?
    /// The year and month (or quarter) columns, when they date the rows together.
    let splitDate: SplitDateColumns?
    /// Header position of the id column; nil when none was asked for.
    let id: Int?
    /// Header positions of the target, then each feature.
    let values: [Int]
    /// Header positions to keep, in table order: time (one column or two), id, then each value
    /// column once.
    let keep: [Int]

    /// - Throws: `CSVReadError.unknownColumn` for a name the header lacks, `.invalidOption` when the
    ///   id or a value column is a time column, or a value column is the id column.
    static func locate(
        in context: CSVHeaderContext, options: CSVReadOptions, idColumn: String?, target: String, features: [String]
    ) throws(CSVReadError) -> SeriesColumns {
        let (time, splitDate, timeIndices) = try SplitDateColumns.locateTime(in: context, options: options)
        if timeIndices.isEmpty, let across = DatesAcrossColumns(header: context.header) {
            throw .datesAcrossColumns(file: context.fileName, first: across.first, last: across.last, count: across.count)
        }
        var keep = timeIndices
        var id: Int? = nil
        if let idColumn {
            let index = try context.index(of: idColumn)
            if timeIndices.contains(index) {
                throw .invalidOption(.columnInTwoRoles(column: context.header[index], role: .time, otherRole: .id))
            }
            keep.append(index)
            id = index
        }
        var values: [Int] = []
        for name in [target] + features {
            let index = try context.index(of: name)
            if timeIndices.contains(index) || index == id {
                throw .invalidOption(.columnInTwoRoles(column: context.header[index], role: index == id ? .id : .time, otherRole: .value))
            }
            if values.contains(index) { throw .invalidOption(.columnNamedTwice(column: context.header[index])) }
            if !keep.contains(index) { keep.append(index) }
            values.append(index)
        }
        return SeriesColumns(time: time, splitDate: splitDate, id: id, values: values, keep: keep)
    }
}

extension CSVReadOptions {
    /// The options as the long-format readers use them: their own `idColumn`/`series` (the
    /// single-series selection) cleared, the rest checked.
    func forLongFormat() throws(CSVReadError) -> CSVReadOptions {
        var options = self
        options.idColumn = nil
        options.series = nil
        try options.validate()
        return options
    }
}

extension CSVTableStream {
    /// Opens a long-format source whose runs of equal ids are groups, planned by `SeriesColumns`
    /// (keeping only the id column when `idOnly`), and reads on until the header is planned.
    static func groupedByID(
        _ source: CSVSource, options: CSVReadOptions, idColumn: String, target: String, features: [String], idOnly: Bool
    ) throws(CSVReadError) -> (stream: CSVTableStream, columns: SeriesColumns, idName: String, unreadDates: CSVWarning?) {
        let planned = PlanBox()
        let stream = try CSVTableStream(
            source, delimiter: options.delimiter, decimalSeparator: options.decimalSeparator,
            thousandsSeparator: options.thousandsSeparator
        ) { context throws(CSVReadError) in
            let columns = try SeriesColumns.locate(in: context, options: options, idColumn: idColumn, target: target, features: features)
            planned.columns = columns
            planned.idName = context.header[columns.id ?? 0]
            if columns.time == nil {
                planned.unreadDates = TimeColumn.unreadDateColumnWarning(in: context, options: options, file: source.displayName)
            }
            let keep = idOnly ? (columns.id.map { [$0] } ?? []) : columns.keep
            return CSVColumnPlan(keep: keep, groupBy: columns.id)
        }
        // The header is normally in the first chunk; a longer one takes more.
        while planned.columns == nil, try stream.advance() {}
        guard let columns = planned.columns else { throw .emptyFile(file: source.displayName) }
        return (stream, columns, planned.idName, planned.unreadDates)
    }
}

/// What the column plan found, kept for after the header is read.
private final class PlanBox {
    var columns: SeriesColumns?
    var idName = ""
    var unreadDates: CSVWarning?
}
