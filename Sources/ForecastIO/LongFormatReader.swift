import ForecastData

/// Reads a long-format file (one row per series and timestamp, an id column naming the series)
/// into every series it holds, or the ones asked for.
///
/// The file is read once, keeping only the id, time, target and feature columns as compact text.
/// The time column is parsed over the whole file (so every series shares one detected format); each
/// series is then assembled only when asked for (`LongFormatFile.series(at:)`), so a caller that
/// works through the series a few at a time holds only those few as numbers.
///
/// Rows whose ids interleave (a series that comes back after another started) are grouped by id,
/// and a warning says so, since that usually means an export went wrong.
public enum LongFormatReader {
    /// - Parameters:
    ///   - idColumn: the column naming each row's series.
    ///   - series: the ids to keep, in the order given; nil keeps every series, in order of first
    ///     appearance in the file.
    ///   - options: read options; their own `idColumn`/`series` are ignored.
    public static func read(
        _ source: CSVSource,
        idColumn: String,
        series selection: [String]? = nil,
        target: String,
        features: [String] = [],
        options: CSVReadOptions = CSVReadOptions()
    ) throws(CSVReadError) -> LongFormatFile {
        var options = options
        options.idColumn = nil
        options.series = nil
        try options.validate()
        var timeIndex: Int? = nil
        var idIndex = 0
        var valueIndices: [Int] = []
        let table = try CSVTableReader.read(
            source, delimiter: options.delimiter, decimalSeparator: options.decimalSeparator,
            thousandsSeparator: options.thousandsSeparator
        ) { context throws(CSVReadError) in
            var keep: [Int] = []
            let time = try TimeColumn.locate(in: context, options: options)
            if let time { keep.append(time) }
            timeIndex = time
            idIndex = try context.index(of: idColumn)
            if idIndex == time {
                throw CSVReadError.invalidOption("Column \"\(context.header[idIndex])\" is the time column; it cannot also be the id column.")
            }
            keep.append(idIndex)
            for name in [target] + features {
                let index = try context.index(of: name)
                if index == time || index == idIndex {
                    throw CSVReadError.invalidOption("Column \"\(context.header[index])\" is the \(index == time ? "time" : "id") column; it cannot also be a value column.")
                }
                if !keep.contains(index) { keep.append(index) }
                valueIndices.append(index)
            }
            return CSVColumnPlan(keep: keep)
        }
        guard let ids = table.columns.first(where: { $0.fileIndex == idIndex }) else {
            preconditionFailure("the column plan keeps the id column")
        }
        var warnings: [CSVWarning] = []
        if table.emptyRecordsSkipped > 0 {
            warnings.append(CSVWarning("\(table.fileName): \(table.emptyRecordsSkipped) record\(table.emptyRecordsSkipped == 1 ? "" : "s") with no value skipped."))
        }
        if table.rowCount == 0 { throw .noDataRows(file: table.fileName) }

        // Group rows by id, in order of first appearance; an id with no text cannot be placed.
        var rowsByID: [String: [Int]] = [:]
        var order: [String] = []
        var previous: String? = nil
        var interleavedAt: (line: Int, id: String)? = nil
        for row in 0..<table.rowCount {
            let id = Self.trimmed(ids.text(row))
            if id.isEmpty || options.missingTokens.isMissing(id) {
                throw .missingValue(file: table.fileName, line: table.lines[row], column: ids.name)
            }
            if rowsByID[id] == nil {
                order.append(id)
            } else if id != previous, interleavedAt == nil {
                interleavedAt = (table.lines[row], id)
            }
            rowsByID[id, default: []].append(row)
            previous = id
        }
        if let interleavedAt {
            warnings.append(CSVWarning("\(table.fileName):\(interleavedAt.line): the ids in \"\(ids.name)\" interleave (\"\(interleavedAt.id)\" comes back after another series); the rows were grouped by id in memory."))
        }

        var chosen = order
        if let selection {
            for id in selection where rowsByID[id] == nil {
                throw .seriesNotFound(file: table.fileName, idColumn: ids.name, series: id, available: Array(order.prefix(20)))
            }
            chosen = selection.reduce(into: []) { kept, id in if !kept.contains(id) { kept.append(id) } }
        }

        var time: TimeColumn? = nil
        if let timeIndex, let column = table.columns.first(where: { $0.fileIndex == timeIndex }) {
            time = try TimeColumn.parse(column, table: table, format: options.dateFormat, missingTokens: options.missingTokens)
        }
        return LongFormatFile(
            fileName: table.fileName, idColumn: ids.name, ids: chosen, rows: chosen.map { rowsByID[$0]! },
            table: table, time: time, valueIndices: valueIndices, options: options, warnings: warnings)
    }

    /// Reads a comma-separated list of ids as users type it (`--series MSFT,AAPL`).
    public static func idList(_ text: String) -> [String] {
        text.split(separator: ",").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }
}

extension LongFormatReader {
    /// `text` without leading and trailing spaces and tabs (ForecastIO does not import Foundation).
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

/// A long-format file read by `LongFormatReader`: its series ids and, on request, each series.
public struct LongFormatFile: Sendable {
    /// The file name messages use.
    public let fileName: String
    /// The id column's header name.
    public let idColumn: String
    /// The series ids, in output order.
    public let ids: [String]
    /// Data rows of each id, in file order.
    let rows: [[Int]]
    let table: CSVTable
    let time: TimeColumn?
    let valueIndices: [Int]
    let options: CSVReadOptions
    /// Warnings about the whole file (interleaved ids, skipped records).
    public let warnings: [CSVWarning]

    /// Rows of each series in the file, before sorting, duplicates and missing values are handled.
    public var rowCounts: [Int] { rows.map(\.count) }

    /// Series `index` of `ids`: its rows put in time order, duplicates and missing values handled as
    /// the options say, its frequency inferred from its own timestamps. A problem with one series
    /// (all values missing, a duplicate date) is returned as that series' error, so the others can
    /// go on. The warnings of the result name the series.
    public func series(at index: Int) -> Result<CSVSeriesData, any Error> {
        precondition(ids.indices.contains(index), "series index \(index) out of 0..<\(ids.count)")
        var part = table
        part.reorderRows(rows[index])
        do throws(CSVReadError) {
            var warnings: [CSVWarning] = []
            var partTime: TimeColumn? = nil
            if let time {
                let subset = TimeColumn(name: time.name, format: time.format, timestamps: rows[index].map { time.timestamps[$0] })
                let (ordered, orderWarnings) = try TimeColumn.orderRows(of: &part, time: subset, rule: options.duplicates, longFormatHint: nil)
                partTime = ordered
                warnings += orderWarnings
            }
            var data = try SeriesReader.assemble(table: part, time: partTime, valueIndices: valueIndices, options: options, warnings: warnings)
            data.warnings = data.warnings.map { CSVWarning("series \(ids[index]): \($0.message)") }
            return .success(data)
        } catch .noDataRows {
            // Every row of this series fell to the missing-value policy: say so in its own terms.
            return .failure(LongFormatEmptySeries(file: fileName, id: ids[index], rows: rows[index].count, policy: options.missingPolicy))
        } catch {
            return .failure(error)
        }
    }
}
