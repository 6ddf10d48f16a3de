import ForecastData
import Foundation

/// Reads a long-format file grouped by id (the rows of each series contiguous) and hands its series
/// over one at a time as they are read, so the first series can be forecast before the file is read
/// to the end and memory holds a chunk of input and the series in flight, not the file.
///
/// Input is read in chunks of a megabyte; each call of `next()` returns the next series (of those
/// asked for) once its last row has been read. An id that comes back after its rows ended stops the
/// stream with `CSVReadError.idNotGrouped`, since its series was already handed over: sort the input
/// by id, or read a file with `LongFormatReader.read`, which groups in memory.
///
/// The time column's format is detected on the first series (unless given); every later series
/// is read with it, and a value it cannot read fails that series alone. Each series is otherwise
/// assembled exactly as `LongFormatReader` assembles it, so a grouped file gives the same series
/// either way.
///
/// `next()` may be called from any thread; calls are serialised by a lock.
public final class LongFormatStream: @unchecked Sendable {
    /// The file name messages use.
    public let fileName: String
    private let lock = NSLock()
    private let table: CSVTableStream
    private let columns: SeriesColumns
    private let layout: LongFormatValueLayout
    private let options: CSVReadOptions
    private let idName: String
    /// The warning for a time-like column that is mostly dates but not all (`TimeColumn.unreadDateColumnWarning`).
    private let unreadDates: CSVWarning?
    private let selection: [String]?
    /// Finished groups not yet handed over (those of the last chunk read).
    private var ready: [CSVTable] = []
    private var readyPosition = 0
    /// Series of the selection read before their turn (the selection's order is the output order).
    private var early: [String: LongFormatSeries] = [:]
    private var nextWanted = 0
    /// Every id met so far, to notice one that comes back.
    private var seen: Set<String> = []
    /// The first ids met, for a message about an id the file lacks.
    private var firstIDs: [String] = []
    private var timeFormat: DateFormat?
    private var finished = false

    /// Opens the source and reads its header.
    ///
    /// - Parameters:
    ///   - source: the file or standard input.
    ///   - idColumn: the column naming each row's series.
    ///   - selection: the ids to keep (`series:`), in the order given (series read before their
    ///     turn wait in memory); nil keeps every series, in file order.
    ///   - target: the column to forecast.
    ///   - features: further columns to read beside the target, as observed covariates.
    ///   - knownFeatures: covariates known in advance, with each series' future rows (see
    ///     `LongFormatReader.read`).
    ///   - staticFeatures: columns holding one value per series.
    ///   - options: read options; their own `idColumn`/`series` are ignored.
    public init(
        _ source: CSVSource,
        idColumn: String,
        series selection: [String]? = nil,
        target: String,
        features: [String] = [],
        knownFeatures: [String] = [],
        staticFeatures: [String] = [],
        options: CSVReadOptions = CSVReadOptions()
    ) throws(CSVReadError) {
        let options = try options.forLongFormat()
        let opened = try CSVTableStream.groupedByID(
            source, options: options, idColumn: idColumn, target: target,
            features: LongFormatValueLayout.featureNames(features: features, knownFeatures: knownFeatures, staticFeatures: staticFeatures),
            idOnly: false)
        table = opened.stream
        let columns = opened.columns
        layout = LongFormatValueLayout(indices: columns.values, knownCount: knownFeatures.count, staticCount: staticFeatures.count)
        fileName = source.displayName
        self.columns = columns
        self.options = options
        idName = opened.idName
        unreadDates = opened.unreadDates
        self.selection = selection.map { $0.reduce(into: []) { kept, id in if !kept.contains(id) { kept.append(id) } } }
        timeFormat = options.dateFormat
    }

    /// The next series, in file order (or the selection's order); nil once every series was handed over.
    ///
    /// - Throws: `CSVReadError` for a problem with the file (a malformed record, a missing id, an id
    ///   that comes back, an unknown `series`), after which the stream hands nothing more over.
    public func next() throws(CSVReadError) -> LongFormatSeries? {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return nil }
        do throws(CSVReadError) {
            let series = try advance()
            if series == nil { finished = true }
            return series
        } catch {
            finished = true
            throw error
        }
    }

    /// Data rows read so far, over every series (those not asked for included): how far into the
    /// input the stream is.
    public var rowsRead: Int { lock.withLock { table.rowsRead } }

    /// Warnings about the whole file (a dot read between thousands, a time-like column read without
    /// dates, skipped records);
    /// complete once `next()` returned nil.
    public var warnings: [CSVWarning] {
        let (skipped, dialect) = lock.withLock { (table.emptyRecordsSkipped, table.dialect) }
        return dialect.detectionWarnings(file: fileName) + (unreadDates.map { [$0] } ?? [])
            + (columns.splitDate?.warning(file: fileName).map { [$0] } ?? [])
            + (skipped > 0 ? [CSVWarning("\(fileName): \(skipped) record\(skipped == 1 ? "" : "s") with no value skipped.")] : [])
    }

    private func advance() throws(CSVReadError) -> LongFormatSeries? {
        while true {
            if let selection {
                guard nextWanted < selection.count else { return nil }
                if let waiting = early.removeValue(forKey: selection[nextWanted]) {
                    nextWanted += 1
                    return waiting
                }
            }
            guard let group = try nextGroup() else {
                if table.rowsRead == 0 { throw .noDataRows(file: fileName) }
                if let selection, nextWanted < selection.count {
                    throw .seriesNotFound(file: fileName, idColumn: idName, series: selection[nextWanted], available: firstIDs)
                }
                return nil
            }
            let id = try checkedID(of: group)
            guard let selection else { return try series(id: id, group: group) }
            if id == selection[nextWanted] {
                nextWanted += 1
                return try series(id: id, group: group)
            }
            if selection.contains(id) { early[id] = try series(id: id, group: group) }
        }
    }

    /// The next finished group of rows, reading more input as needed; nil at the end.
    private func nextGroup() throws(CSVReadError) -> CSVTable? {
        while readyPosition == ready.count {
            let more = try table.advance()
            ready = table.takeGroups()
            readyPosition = 0
            if !more && ready.isEmpty { return nil }
        }
        defer { readyPosition += 1 }
        return ready[readyPosition]
    }

    /// The group's id, refused when missing or when it was seen before.
    private func checkedID(of group: CSVTable) throws(CSVReadError) -> String {
        guard let ids = group.columns.first(where: { $0.fileIndex == columns.id }) else {
            preconditionFailure("the column plan keeps the id column")
        }
        let id = ids.text(0)
        if id.isEmpty {
            throw .missingID(file: fileName, line: group.lines[0], column: ids.name)
        }
        let wanted = selection?.contains(id) ?? true
        if !seen.insert(id).inserted, wanted {
            throw .idNotGrouped(file: fileName, line: group.lines[0], column: ids.name, id: id)
        }
        if firstIDs.count < 20, !firstIDs.contains(id) { firstIDs.append(id) }
        return id
    }

    /// The group as a series to assemble later; the first one fixes the time column's format.
    private func series(id: String, group: CSVTable) throws(CSVReadError) -> LongFormatSeries {
        let (timeIndex, splitDate) = (columns.time, columns.splitDate)
        if timeFormat == nil, splitDate == nil,
           let first = try TimeColumn.parse(in: group, at: timeIndex, splitDate: nil, format: nil, missingTokens: options.missingTokens) {
            timeFormat = first.format
        }
        let format = timeFormat
        let options = options
        let layout = layout
        let fileName = fileName
        return LongFormatSeries(id: id, rowCount: group.rowCount) {
            LongFormatReader.seriesResult(id: id, rowCount: group.rowCount, fileName: fileName, options: options) { () throws(CSVReadError) in
                let time = try TimeColumn.parse(in: group, at: timeIndex, splitDate: splitDate, format: format,
                                                missingTokens: options.missingTokens)
                return try LongFormatReader.seriesData(id: id, part: group, time: time, layout: layout, options: options)
            }
        }
    }
}
