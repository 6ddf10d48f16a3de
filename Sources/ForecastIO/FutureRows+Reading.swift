import ForecastData

extension FutureRows {
    /// Reads a separate file of future rows (`--future FILE`): the same time column and the
    /// known-in-advance columns, one row per step to forecast, every value present.
    public static func read(
        _ source: CSVSource, knownFeatures: [String], options: CSVReadOptions = CSVReadOptions()
    ) throws(CSVReadError) -> FutureRows {
        precondition(!knownFeatures.isEmpty, "future rows hold at least one known-in-advance column")
        try options.validate()
        var timeIndex: Int? = nil
        var splitDate: SplitDateColumns? = nil
        var valueIndices: [Int] = []
        var table = try CSVTableReader.read(
            source, delimiter: options.delimiter, decimalSeparator: options.decimalSeparator,
            thousandsSeparator: options.thousandsSeparator
        ) { context throws(CSVReadError) in
            let columns = try SeriesColumns.locate(in: context, options: options, idColumn: nil,
                                                   target: knownFeatures[0], features: Array(knownFeatures.dropFirst()))
            timeIndex = columns.time
            splitDate = columns.splitDate
            valueIndices = columns.values
            return CSVColumnPlan(keep: columns.keep, seriesFilter: nil)
        }
        if table.rowCount == 0 { throw .noDataRows(file: table.fileName) }
        table.weighThousandsOnEveryRow(of: valueIndices, options: options)
        var timestamps: [Timestamp]? = nil
        if let parsed = try TimeColumn.parse(in: table, at: timeIndex, splitDate: splitDate, format: options.dateFormat,
                                             missingTokens: options.missingTokens) {
            let (ordered, _) = try TimeColumn.orderRows(of: &table, time: parsed, rule: .error, longFormatHint: nil)
            timestamps = ordered.timestamps
        }
        var values: [[Double]] = []
        for index in valueIndices {
            guard let column = table.columns.first(where: { $0.fileIndex == index }) else {
                preconditionFailure("the column plan keeps every value column")
            }
            let (numbers, _) = try column.numbers(in: table, missingTokens: options.missingTokens)
            if let row = numbers.firstIndex(where: \.isNaN) {
                throw .missingFutureValue(file: table.fileName, line: table.lines[row], column: column.name)
            }
            values.append(numbers)
        }
        return FutureRows(file: table.fileName, timestamps: timestamps, values: values, lines: table.lines)
    }
}
