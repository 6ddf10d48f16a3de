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
/// and `LongFormatFile.regrouping` says where, since that usually means an export went wrong.
///
/// A file grouped by id need not be held whole: `LongFormatStream` hands its series over one by one
/// as they are read, and `firstReappearance(in:…)` tells, in one cheap pass over the id column,
/// whether a file is grouped.
public enum LongFormatReader {
    /// Reads every series of a long-format file at once, grouping interleaved rows in memory.
    ///
    /// - Parameters:
    ///   - source: the file or standard input.
    ///   - idColumn: the column naming each row's series.
    ///   - selection: the ids to keep (`series:`), in the order given; nil keeps every series, in
    ///     order of first appearance in the file.
    ///   - target: the column to forecast.
    ///   - features: further columns to read beside the target, as observed covariates.
    ///   - knownFeatures: covariates known in advance: each series' rows after its last target value
    ///     are its future rows (`CSVSeriesData.future`), read as `SeriesReader.read` reads them.
    ///   - staticFeatures: columns holding one value per series (`CSVSeriesData.staticValues`); a
    ///     series whose value changes fails with `CSVReadError.staticValueChanges`.
    ///   - options: read options; their own `idColumn`/`series` are ignored.
    public static func read(
        _ source: CSVSource,
        idColumn: String,
        series selection: [String]? = nil,
        target: String,
        features: [String] = [],
        knownFeatures: [String] = [],
        staticFeatures: [String] = [],
        options: CSVReadOptions = CSVReadOptions()
    ) throws(CSVReadError) -> LongFormatFile {
        let options = try options.forLongFormat()
        var plan: SeriesColumns? = nil
        var unreadDates: CSVWarning? = nil
        var table = try CSVTableReader.read(
            source, delimiter: options.delimiter, decimalSeparator: options.decimalSeparator,
            thousandsSeparator: options.thousandsSeparator
        ) { context throws(CSVReadError) in
            let columns = try SeriesColumns.locate(
                in: context, options: options, idColumn: idColumn, target: target,
                features: LongFormatValueLayout.featureNames(features: features, knownFeatures: knownFeatures, staticFeatures: staticFeatures))
            plan = columns
            if columns.time == nil {
                unreadDates = TimeColumn.unreadDateColumnWarning(in: context, options: options, file: source.displayName)
            }
            return CSVColumnPlan(keep: columns.keep)
        }
        guard let plan, let idIndex = plan.id else { preconditionFailure("the plan is made once the header is read") }
        guard let ids = table.columns.first(where: { $0.fileIndex == idIndex }) else {
            preconditionFailure("the column plan keeps the id column")
        }
        table.weighThousandsOnEveryRow(of: plan.values, options: options)
        var warnings: [CSVWarning] = table.dialect.detectionWarnings(file: table.fileName) + (unreadDates.map { [$0] } ?? [])
            + (plan.splitDate?.warning(file: table.fileName).map { [$0] } ?? [])
        if table.emptyRecordsSkipped > 0 {
            warnings.append(CSVWarning("\(table.fileName): \(table.emptyRecordsSkipped) record\(table.emptyRecordsSkipped == 1 ? "" : "s") with no value skipped."))
        }
        if table.rowCount == 0 { throw .noDataRows(file: table.fileName) }

        // Group rows by id, in order of first appearance; an id with no text cannot be placed.
        var rowsByID: [String: [Int]] = [:]
        var order: [String] = []
        var previous: String? = nil
        var interleavedAt: IDReappearance? = nil
        for row in 0..<table.rowCount {
            let id = Self.trimmed(ids.text(row))
            if id.isEmpty {
                throw .missingID(file: table.fileName, line: table.lines[row], column: ids.name)
            }
            if rowsByID[id] == nil {
                order.append(id)
            } else if id != previous, interleavedAt == nil {
                interleavedAt = IDReappearance(file: table.fileName, line: table.lines[row], id: id)
            }
            rowsByID[id, default: []].append(row)
            previous = id
        }

        var chosen = order
        if let selection {
            for id in selection where rowsByID[id] == nil {
                throw .seriesNotFound(file: table.fileName, idColumn: ids.name, series: id, available: Array(order.prefix(20)))
            }
            chosen = selection.reduce(into: []) { kept, id in if !kept.contains(id) { kept.append(id) } }
        }

        let time = try TimeColumn.parse(in: table, at: plan.time, splitDate: plan.splitDate, format: options.dateFormat,
                                        missingTokens: options.missingTokens)
        return LongFormatFile(
            fileName: table.fileName, idColumn: ids.name, ids: chosen, rows: chosen.map { rowsByID[$0]! },
            table: table, time: time,
            layout: LongFormatValueLayout(indices: plan.values, knownCount: knownFeatures.count, staticCount: staticFeatures.count),
            options: options, warnings: warnings,
            regrouping: interleavedAt)
    }

    /// Reads a comma-separated list of ids as users type it (`--series MSFT,AAPL`); an id that holds
    /// a comma is written in double quotes, as a CSV field is (`"Store, North",South`).
    public static func idList(_ text: String) -> [String] {
        var ids: [String] = []
        var current = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            switch character {
            case "\"" where quoted:
                // A doubled quote inside quotes is one quote.
                if let next = characters.next() {
                    if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                } else {
                    quoted = false
                }
            case "\"" where trimmed(current).isEmpty:
                current = ""
                quoted = true
            case "," where !quoted:
                ids.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        ids.append(current)
        return ids.map { trimmed($0) }.filter { !$0.isEmpty }
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
    let layout: LongFormatValueLayout
    let options: CSVReadOptions
    /// Warnings about the whole file (skipped records).
    public let warnings: [CSVWarning]
    /// Where an id first came back after another series had started, when the ids interleave and
    /// the rows were grouped by id in memory; nil for a file grouped by id.
    public let regrouping: IDReappearance?

    /// Rows of each series in the file, before sorting, duplicates and missing values are handled.
    public var rowCounts: [Int] { rows.map(\.count) }

    /// Series `index` of `ids`: its rows put in time order, duplicates and missing values handled as
    /// the options say, its frequency inferred from its own timestamps. A problem with one series
    /// (all values missing, a duplicate date) is returned as that series' error, so the others can
    /// go on. The warnings of the result name the series.
    public func series(at index: Int) -> Result<CSVSeriesData, any Error> {
        precondition(ids.indices.contains(index), "series index \(index) out of 0..<\(ids.count)")
        let rows = rows[index]
        return LongFormatReader.seriesResult(id: ids[index], rowCount: rows.count, fileName: fileName, options: options) { () throws(CSVReadError) in
            var part = table
            part.reorderRows(rows)
            let partTime = time.map { $0.selecting(rows) }
            return try LongFormatReader.seriesData(id: ids[index], part: part, time: partTime, layout: layout, options: options)
        }
    }

    /// Series `index` of `ids` as an entry that assembles it on request (`LongFormatSeries.data()`),
    /// the same kind a `LongFormatStream` hands over.
    public func entry(at index: Int) -> LongFormatSeries {
        precondition(ids.indices.contains(index), "series index \(index) out of 0..<\(ids.count)")
        return LongFormatSeries(id: ids[index], rowCount: rows[index].count) { series(at: index) }
    }
}

/// Where a long-format file's id first comes back after another series started: what makes the file
/// "not grouped by id".
public struct IDReappearance: Sendable, Hashable {
    public let file: String
    /// The physical line of the row where the id comes back.
    public let line: Int
    public let id: String

    public init(file: String, line: Int, id: String) {
        self.file = file
        self.line = line
        self.id = id
    }

    /// What a command says when it groups such a file in memory.
    public var note: String {
        "\(file) is not grouped by id (id \(id) reappears at line \(line)); reading it whole to group it"
    }
}

extension LongFormatReader {
    /// One series' rows (in file order) as series data: put in time order, duplicates handled, the
    /// missing-value policy applied, future rows of the known-in-advance columns and static values
    /// read, warnings naming the series. Shared by the whole-file reader and the stream.
    static func seriesData(
        id: String, part: CSVTable, time: TimeColumn?, layout: LongFormatValueLayout, options: CSVReadOptions
    ) throws(CSVReadError) -> CSVSeriesData {
        var part = part
        var warnings: [CSVWarning] = []
        var partTime: TimeColumn? = nil
        if let time {
            let (ordered, orderWarnings) = try TimeColumn.orderRows(of: &part, time: time, rule: options.duplicates, longFormatHint: nil)
            partTime = ordered
            warnings += orderWarnings
        }
        let statics = try staticValues(id: id, part: part, layout: layout, options: options)
        var data = try SeriesReader.assemble(table: part, time: partTime, valueIndices: layout.seriesIndices,
                                             knownCount: layout.knownCount, options: options, warnings: warnings)
        data.staticNames = statics.names
        data.staticValues = statics.values
        data.warnings = data.warnings.map { CSVWarning(before: "series \(id): " + $0.before, remedies: $0.remedies, after: $0.after) }
        return data
    }

    /// A series' data or its own failure: a problem with one series (all values missing, a duplicate
    /// date) is returned as that series' error, so the others can go on.
    static func seriesResult(
        id: String, rowCount: Int, fileName: String, options: CSVReadOptions,
        _ body: () throws(CSVReadError) -> CSVSeriesData
    ) -> Result<CSVSeriesData, any Error> {
        do throws(CSVReadError) {
            return .success(try body())
        } catch .noDataRows, .noValues {
            // Every row of this series fell to the missing-value policy: say so in its own terms.
            return .failure(LongFormatEmptySeries(file: fileName, id: id, rows: rowCount, policy: options.missingPolicy))
        } catch {
            return .failure(error)
        }
    }
}
