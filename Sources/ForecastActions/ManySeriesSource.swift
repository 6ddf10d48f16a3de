import ForecastIO
import Forecasting
import Foundation

/// The series of a long-format input, handed over one at a time to the runner's workers: streamed
/// from the input as they are read when the file is grouped by id, or taken from the whole file
/// grouped in memory when its ids interleave.
///
/// A file grouped by id (every id's rows together) is streamed: series go to the workers as they
/// are read, so the first results appear at once and memory holds only the series in flight. One
/// cheap pass over the id column tells whether a file is grouped; one that is not is read whole and
/// grouped in memory, with a note. Standard input (or a pipe named by a path) cannot be read twice,
/// so it is streamed, and an id that comes back after its rows ended stops the run with an error
/// naming the line.
public final class ManySeriesSource: @unchecked Sendable {
    private enum Storage {
        case streamed(LongFormatStream)
        case whole(LongFormatFile)
    }

    private let storage: Storage
    private let lock = NSLock()
    private var position = 0
    /// Whether a run has taken the series: a source is read once, so a second run (a retry after
    /// a cancelled one, say) fails instead of silently forecasting only the series left.
    private let taken = Locked(false)

    /// Marks the source as read by a run; throws if one already read it.
    func take() throws {
        let first = taken.withLock { taken -> Bool in
            defer { taken = true }
            return !taken
        }
        guard first else { throw ManySeriesError.sourceAlreadyRead(file: fileName) }
    }

    /// The columns every series' model reads: the target, observed and known-in-advance features.
    public let selection: SeriesSelection
    /// Columns holding one value per series (`CSVSeriesData.staticValues`), read by a global model
    /// as constant known-in-advance inputs.
    public let staticFeatures: [String]

    /// The column naming each row's series, and how the input was read: a separate file of future
    /// rows (`FutureRows.readLongFormat`) is read the same way.
    public let idColumn: String
    public let readOptions: CSVReadOptions

    private init(_ storage: Storage, selection: SeriesSelection, staticFeatures: [String], idColumn: String,
                 readOptions: CSVReadOptions) {
        self.storage = storage
        self.selection = selection
        self.staticFeatures = staticFeatures
        self.idColumn = idColumn
        self.readOptions = readOptions
    }

    /// Opens the series of `target` in a long-format source whose `idColumn` names each row's series,
    /// keeping only `series` when given.
    ///
    /// - Parameters:
    ///   - features: observed covariates, read in each series' lookback.
    ///   - knownFeatures: covariates known in advance; each series' rows after its last target
    ///     value are its future rows, which a forecast reads.
    ///   - staticFeatures: columns with one value per series (a store's size), for a global model.
    public static func open(
        _ source: CSVSource, idColumn: String, series: [String]? = nil, target: String,
        features: [String] = [], knownFeatures: [String] = [], staticFeatures: [String] = [],
        options: CSVReadOptions = CSVReadOptions(), reporter: ActionReporter = .silent
    ) throws -> ManySeriesSource {
        let selection = SeriesSelection(column: target, features: features, knownFeatures: knownFeatures)
        // Only a regular file can be read twice: a pipe named by a path (`/dev/stdin`, `<(zcat …)`)
        // is streamed like standard input.
        if case .file(let path) = source, isRegularFile(path),
           let reappearance = try LongFormatReader.firstReappearance(
               in: source, idColumn: idColumn, series: series, target: target, features: features, knownFeatures: knownFeatures,
               staticFeatures: staticFeatures, options: options) {
            reporter.note(reappearance.note)
            let long = try LongFormatReader.read(source, idColumn: idColumn, series: series, target: target, features: features,
                                                 knownFeatures: knownFeatures, staticFeatures: staticFeatures, options: options)
            for warning in long.warnings { reporter.warning(warning) }
            return ManySeriesSource(.whole(long), selection: selection, staticFeatures: staticFeatures, idColumn: idColumn,
                                    readOptions: options)
        }
        let stream = try LongFormatStream(source, idColumn: idColumn, series: series, target: target, features: features,
                                          knownFeatures: knownFeatures, staticFeatures: staticFeatures, options: options)
        return ManySeriesSource(.streamed(stream), selection: selection, staticFeatures: staticFeatures, idColumn: idColumn,
                                readOptions: options)
    }

    /// Throws `ManySeriesError.staticFeaturesNeedGlobal` when static columns were named: what a
    /// run of one model per series checks.
    func requireNoStaticFeatures() throws {
        if !staticFeatures.isEmpty { throw ManySeriesError.staticFeaturesNeedGlobal(columns: staticFeatures) }
    }

    /// Whether a run of one model per series (not `--global`) over this source weighs its method
    /// across the series: only with the choice across series asked for, the automatic method, and
    /// nothing a series' own model reads that the candidates across series do not (feature or
    /// static columns, a listed calendar, quantiles). `tsf forecast --id` and its backtest share it.
    func choosesAcrossSeries(_ scope: ManySeriesChoice.Scope, configuration: ForecasterConfiguration,
                             calendar: CalendarSelection) -> Bool {
        scope == .acrossSeries && configuration.resolvedSelection == .automatic && !calendar.isListed
            && configuration.loss.quantileLevels.isEmpty && !selection.hasFeatures && staticFeatures.isEmpty
    }

    static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }

    /// The file name messages use.
    public var fileName: String {
        switch storage {
        case .streamed(let stream): stream.fileName
        case .whole(let file): file.fileName
        }
    }

    /// The next series, in output order; nil at the end.
    public func next() throws(CSVReadError) -> LongFormatSeries? {
        switch storage {
        case .streamed(let stream):
            return try stream.next()
        case .whole(let file):
            return lock.withLock {
                guard position < file.ids.count else { return nil }
                defer { position += 1 }
                return file.entry(at: position)
            }
        }
    }

    /// Warnings about the whole input that are known only once it was read to the end (records
    /// skipped in a stream); a whole file's were reported when it was read.
    public var closingWarnings: [CSVWarning] {
        if case .streamed(let stream) = storage { return stream.warnings }
        return []
    }
}

extension ManySeriesSource {
    /// Runs `job` on every series on `threads` threads, in parallel, and hands each result to
    /// `deliver` in input order as soon as it is ready; a series that fails is reported through
    /// `reporter.seriesFailed` and the others go on. Stops starting series once the surrounding
    /// task is cancelled. An error reading the input is thrown once the series read before it are
    /// all handed over.
    /// - Returns: the ids of the series that failed, and the number of series.
    public func forEachSeries<Output: Sendable>(
        threads: Int, reporter: ActionReporter,
        job: @escaping @Sendable (_ id: String, _ series: CSVSeriesData) throws -> Output,
        deliver: @escaping @Sendable (String, Output) -> Void
    ) throws -> ManySeriesOutcome {
        try take()
        let tally = Locked(ManySeriesOutcome(failed: [], total: 0))
        try ManySeriesRunner.run(threads: max(1, threads), next: { () throws(CSVReadError) in
            reporter.isCancelled() ? nil : try self.next()
        }, job: { _, entry in
            (id: entry.id, result: Result { try job(entry.id, Self.series(entry, reporter: reporter)) })
        }, deliver: { _, item in
            switch item.result {
            case .success(let output):
                tally.count(failed: nil)
                deliver(item.id, output)
            case .failure(let error):
                tally.count(failed: item.id)
                reporter.seriesFailed(item.id, error)
            }
            return true
        })
        for warning in closingWarnings { reporter.warning(warning) }
        return tally.value
    }

    /// A series with its feature columns, its warnings reported.
    static func series(_ entry: LongFormatSeries, reporter: ActionReporter) throws -> CSVSeriesData {
        let data = try entry.data().get()
        for warning in data.warnings { reporter.warning(warning) }
        return data
    }

    /// Every series of the input (nil for one that could not be read, reported with its id), for
    /// a global model, which learns from all of them at once.
    func readAll(reporter: ActionReporter) throws -> (ids: [String], series: [CSVSeriesData?], failed: [String]) {
        try take()
        var ids: [String] = [], series: [CSVSeriesData?] = [], failed: [String] = []
        while let entry = try next() {
            ids.append(entry.id)
            do {
                series.append(try Self.series(entry, reporter: reporter))
            } catch {
                reporter.seriesFailed(entry.id, error)
                failed.append(entry.id)
                series.append(nil)
            }
        }
        for warning in closingWarnings { reporter.warning(warning) }
        return (ids, series, failed)
    }
}

/// How a many-series run ended: the series that failed (reported one by one as they did) among all.
public struct ManySeriesOutcome: Sendable, Hashable {
    /// Ids of the series that failed, in input order.
    public var failed: [String]
    /// Series read.
    public var total: Int

    public init(failed: [String], total: Int) {
        self.failed = failed
        self.total = total
    }
}

extension Locked where Value == ManySeriesOutcome {
    /// Counts one series handed over, and its id when it failed.
    func count(failed id: String?) {
        withLock { outcome in
            outcome.total += 1
            if let id { outcome.failed.append(id) }
        }
    }
}
