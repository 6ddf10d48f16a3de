import ForecastData

extension FutureRows {
    /// Reads a separate file of future rows for many series (`--future FILE` with `--id`): the id
    /// column, the time column and the known-in-advance columns, each series' rows ordered by time
    /// as its history is, every value present. Returns each id's rows.
    ///
    /// Read as a long-format file whose first known column stands in for the target, so that ids,
    /// dates, order and duplicates follow exactly the rules of the series' own file; a value left
    /// empty there (which would read as a row past the end) is refused like any other.
    public static func readLongFormat(
        _ source: CSVSource, idColumn: String, knownFeatures: [String], options: CSVReadOptions = CSVReadOptions()
    ) throws -> [String: FutureRows] {
        precondition(!knownFeatures.isEmpty, "future rows hold at least one known-in-advance column")
        var strict = options
        strict.missingPolicy = .error
        do {
            return try read(source, idColumn: idColumn, knownFeatures: knownFeatures, options: strict)
        } catch CSVReadError.missingValue(let file, let line, let column) {
            // Every future value is needed: no missing-value policy applies here.
            throw CSVReadError.missingFutureValue(file: file, line: line, column: column)
        }
    }

    private static func read(_ source: CSVSource, idColumn: String, knownFeatures: [String],
                             options: CSVReadOptions) throws -> [String: FutureRows] {
        let file = try LongFormatReader.read(source, idColumn: idColumn, target: knownFeatures[0],
                                             features: Array(knownFeatures.dropFirst()), options: options)
        var rows: [String: FutureRows] = [:]
        for index in file.ids.indices {
            let entry = file.entry(at: index)
            let data = try entry.data().get()
            if let empty = data.future {
                throw CSVReadError.missingFutureValue(file: file.fileName, line: empty.lines[0], column: knownFeatures[0])
            }
            rows[entry.id] = FutureRows(file: file.fileName, timestamps: data.target.timestamps,
                                        values: [data.target.values] + data.features.map(\.values), lines: data.lines)
        }
        return rows
    }
}
