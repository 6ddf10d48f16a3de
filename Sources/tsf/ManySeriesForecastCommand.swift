import ArgumentParser
import Foundation
import Forecasting

/// `tsf forecast FILE --id symbol --column price`: every series of a long-format file (or those
/// named by `--series A,B`), each with its own model, series in parallel on `--threads`, results
/// streamed to stdout in file order as each series finishes (and, for a file grouped by id, as the
/// file is read: see `ManySeriesInput`). A series that fails is reported on
/// stderr with its id; the others go on, and the exit code is then 65.
enum ManySeriesForecastCommand {
    static func run(_ command: Forecast) throws {
        if command.out != nil || command.plot != nil {
            throw ValidationError("--out and --plot save one series' model or chart; with several series pick one with --series.")
        }
        let input = try ManySeriesInput.open(file: command.file, series: command.series, csv: command.csv)
        if command.global { return try ManySeriesGlobalForecast.run(command, input: input) }
        let levels = try IntervalLevels.parse(command.level)
        var configuration = command.model.configuration(horizon: command.horizon ?? 1)
        configuration.threads = 1
        let job = ManySeriesForecast(configuration: configuration, steps: command.horizon, levels: levels)
        let rows = ManySeriesForecastRows(format: command.format, levels: levels)
        if let header = rows.header { StreamedOutput.write(header) }
        let outcome = try ManySeriesInput.forEachSeries(in: input, threads: ManySeriesInput.threads(command.model), job: { series in
            try job.forecast(series)
        }, deliver: { id, output in
            StreamedOutput.write(rows.render(id: id, output))
        })
        let code = ManySeriesInput.finish(failed: outcome.failed, total: outcome.total)
        if code != .success { throw code }
    }
}

/// The ids of the series that failed, appended from the thread that hands results over.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ id: String) { lock.withLock { stored.append(id) } }
    var ids: [String] { lock.withLock { stored } }
}
