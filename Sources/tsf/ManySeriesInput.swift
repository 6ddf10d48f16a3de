import ArgumentParser
import Foundation
import ForecastIO
import Forecasting

/// Reads a long-format file for the commands that work on many series (`--id` without `--series`,
/// or `--series A,B`), reporting the file's warnings, and refuses options that only make sense for
/// one series.
enum ManySeriesInput {
    static func read(file: String, series: SeriesOptions, csv: CSVOptions) throws -> LongFormatFile {
        guard let idColumn = csv.id else { preconditionFailure("many-series input needs --id") }
        if !series.featureNames.isEmpty {
            throw ValidationError("--features is not supported with several series yet; forecast one series with --series, or drop --features.")
        }
        let long = try LongFormatReader.read(
            CSVSource(argument: file), idColumn: idColumn, series: csv.series.map(LongFormatReader.idList),
            target: series.column, options: csv.readOptions)
        DataWarnings.report(long.warnings)
        return long
    }

    /// Series `index` of the file as the model takes it, its warnings reported with its id.
    static func series(_ long: LongFormatFile, at index: Int) throws -> TimeSeries {
        let data = try long.series(at: index).get()
        DataWarnings.report(data.warnings)
        return data.target
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
