import ArgumentParser
import Foundation
import Forecasting

/// `tsf forecast FILE --id symbol --column price`: every series of a long-format file (or those
/// named by `--series A,B`), each with its own model, series in parallel on `--threads`, results
/// streamed to stdout in file order as each series finishes. A series that fails is reported on
/// stderr with its id; the others go on, and the exit code is then 65.
enum ManySeriesForecastCommand {
    static func run(_ command: Forecast) throws {
        if command.out != nil || command.plot != nil {
            throw ValidationError("--out and --plot save one series' model or chart; with several series pick one with --series.")
        }
        let long = try ManySeriesInput.read(file: command.file, series: command.series, csv: command.csv)
        if command.global { return try ManySeriesGlobalForecast.run(command, long: long) }
        let levels = try IntervalLevels.parse(command.level)
        var configuration = command.model.configuration(horizon: command.horizon ?? 1)
        configuration.threads = 1
        let job = ManySeriesForecast(configuration: configuration, steps: command.horizon, levels: levels)
        let rows = ManySeriesForecastRows(format: command.format, levels: levels)
        if let header = rows.header { StreamedOutput.write(header) }
        let failures = FailureList()
        job.run(count: long.ids.count, threads: ManySeriesInput.threads(command.model), series: { index in
            try ManySeriesInput.series(long, at: index)
        }, deliver: { index, result in
            let id = long.ids[index]
            switch result {
            case .success(let output):
                StreamedOutput.write(rows.render(id: id, output))
            case .failure(let error):
                ToolFailure.printError("series \(id): \(ToolFailure.sentence(for: error))")
                failures.append(id)
            }
            return true
        })
        let code = ManySeriesInput.finish(failed: failures.ids, total: long.ids.count)
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
