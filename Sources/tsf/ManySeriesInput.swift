import ArgumentParser
import Foundation
import ForecastIO
import Forecasting

/// Opens a long-format input for the commands that work on many series (`--id` without `--series`,
/// or `--series A,B`), and refuses options that only make sense for one series.
///
/// A file grouped by id (every id's rows together) is streamed: series go to the workers as they
/// are read, so the first results appear at once and memory holds only the series in flight. One
/// cheap pass over the id column tells whether a file is grouped; one that is not is read whole and
/// grouped in memory, with a note. Standard input (or a pipe named by a path) cannot be read twice,
/// so it is streamed, and an id that comes back after its rows ended stops the run with an error
/// naming the line.
enum ManySeriesInput {
    static func open(file: String, series: SeriesOptions, csv: CSVOptions) throws -> ManySeriesSource {
        guard let idColumn = csv.id else { preconditionFailure("many-series input needs --id") }
        if !series.featureNames.isEmpty {
            throw ValidationError("--features is not supported with several series yet; forecast one series with --series, or drop --features.")
        }
        let source = CSVSource(argument: file)
        let selection = csv.series.map(LongFormatReader.idList)
        // Only a regular file can be read twice: a pipe named by a path (`/dev/stdin`, `<(zcat …)`)
        // is streamed like standard input.
        if case .file(let path) = source, isRegularFile(path),
           let reappearance = try LongFormatReader.firstReappearance(
               in: source, idColumn: idColumn, series: selection, target: series.column, options: csv.readOptions) {
            ToolFailure.printError("note: \(reappearance.note)")
            let long = try LongFormatReader.read(source, idColumn: idColumn, series: selection, target: series.column, options: csv.readOptions)
            DataWarnings.report(long.warnings)
            return ManySeriesSource(whole: long)
        }
        return ManySeriesSource(stream: try LongFormatStream(
            source, idColumn: idColumn, series: selection, target: series.column, options: csv.readOptions))
    }

    static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }

    /// A series as the model takes it, its warnings reported with its id.
    static func series(_ entry: LongFormatSeries) throws -> TimeSeries {
        let data = try entry.data().get()
        DataWarnings.report(data.warnings)
        return data.target
    }

    /// Runs `job` on every series of `input` on the command's threads, in parallel, and hands each
    /// result over in input order as soon as it is ready: printed by `deliver` or, for a series that
    /// failed, reported with its id. Returns the failed ids and the number of series, after reporting
    /// the input's closing warnings; an error reading the input is thrown once the series read before
    /// it are all handed over.
    static func forEachSeries<Output: Sendable>(
        in input: ManySeriesSource, threads: Int,
        job: @escaping @Sendable (TimeSeries) throws -> Output,
        deliver: @escaping @Sendable (String, Output) -> Void
    ) throws -> (failed: [String], total: Int) {
        let failures = FailureList()
        let total = Counter()
        try ManySeriesRunner.run(threads: threads, next: { () throws(CSVReadError) in try input.next() }, job: { _, entry in
            (id: entry.id, result: Result { try job(series(entry)) })
        }, deliver: { _, item in
            total.increment()
            switch item.result {
            case .success(let output):
                deliver(item.id, output)
            case .failure(let error):
                ToolFailure.printError("series \(item.id): \(ToolFailure.sentence(for: error))")
                failures.append(item.id)
            }
            return true
        })
        DataWarnings.report(input.closingWarnings)
        return (failures.ids, total.value)
    }

    /// Threads for series in parallel: `--threads`, or every core.
    static func threads(_ model: ModelOptions) -> Int {
        max(1, model.threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Says how many series failed and returns the exit code: 0 when none did, 65 (bad data) when
    /// any did, whether or not others succeeded, so scripts notice a partial result.
    static func finish(failed: [String], total: Int) -> ExitCode {
        guard !failed.isEmpty else { return .success }
        let names = failed.prefix(10).joined(separator: ", ") + (failed.count > 10 ? ", …" : "")
        let others = failed.count == total ? "no result was produced" : "the others' results are complete"
        ToolFailure.printError("\(failed.count) of \(total) series failed (\(names)); \(others).")
        return .badData
    }
}

/// Counts the series handed over, from whichever thread hands them over.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
