import ArgumentParser
import ForecastIO
import Foundation
import Forecasting

/// `tsf forecast FILE --id symbol --column price --global`: one network trained on every series
/// (each scaled on its own, see `GlobalForecaster`), then each series forecast with it, printed in
/// the same long format as per-series forecasts. Every series is read before training, since the
/// network learns from all of them at once.
enum ManySeriesGlobalForecast {
    static func run(_ command: Forecast, input: ManySeriesSource) throws {
        let levels = try IntervalLevels.parse(command.level)
        let rows = ManySeriesForecastRows(format: command.format, levels: levels)
        let (ids, series, failures) = try readAll(input)
        var failed = failures
        let present = series.compactMap { $0 }
        guard let frequency = try commonFrequency(present) else {
            throw ManySeriesFailure("no series of \(input.fileName) could be read, so there is nothing to train a global model on.")
        }
        let steps = command.horizon ?? frequency.defaultHorizon
        var configuration = command.model.configuration(horizon: steps)
        configuration.threads = ManySeriesInput.threads(command.model)
        let progress = TrainingProgress(epochs: configuration.epochs)
        let global = try GlobalForecaster.fit(series: present.map(\.values), names: present.map(\.name), frequency: frequency,
                                              configuration: configuration, progress: progress.handle)
        progress.finish()
        for decision in global.fitReport.decisions { ToolFailure.printError("note: \(decision)") }
        ToolFailure.printError("note: trained one \(configuration.cell.rawValue) on \(global.fitReport.trainingWindows) windows of \(present.count) series for \(global.fitReport.trainingLosses.count) epochs")

        if let header = rows.header { StreamedOutput.write(header) }
        var member = 0
        for (index, item) in series.enumerated() {
            guard let item else { continue }
            defer { member += 1 }
            do {
                let forecaster = try global.members[member].get()
                let forecasts = try forecaster.forecast(steps: steps)
                let intervals = try forecaster.intervals(levels: levels, steps: steps, history: item.values)
                StreamedOutput.write(rows.render(id: ids[index], ManySeriesForecast.Output(
                    series: item, forecasts: forecasts, intervals: intervals, method: forecaster.method)))
            } catch {
                ToolFailure.printError("series \(ids[index]): \(ToolFailure.sentence(for: error))")
                failed.append(ids[index])
            }
        }
        let code = ManySeriesInput.finish(failed: failed, total: ids.count)
        if code != ExitCode.success { throw code }
    }

    /// Every series of the input (nil for one that could not be read, reported with its id), since
    /// the network learns from all of them at once.
    static func readAll(_ input: ManySeriesSource) throws -> (ids: [String], series: [TimeSeries?], failed: [String]) {
        var ids: [String] = [], series: [TimeSeries?] = [], failed: [String] = []
        while let entry = try input.next() {
            ids.append(entry.id)
            do {
                series.append(try ManySeriesInput.series(entry))
            } catch {
                ToolFailure.printError("series \(entry.id): \(ToolFailure.sentence(for: error))")
                failed.append(entry.id)
                series.append(nil)
            }
        }
        DataWarnings.report(input.closingWarnings)
        return (ids, series, failed)
    }

    /// The frequency every series shares; one network reads windows of one calendar, so series of
    /// different frequencies are refused.
    static func commonFrequency(_ series: [TimeSeries]) throws -> Frequency? {
        guard let first = series.first else { return nil }
        let counts = Dictionary(grouping: series, by: \.frequency).mapValues(\.count)
        guard counts.count == 1 else {
            let list = counts.sorted { $0.value > $1.value }.map { "\($0.key) (\($0.value) series)" }.joined(separator: ", ")
            throw ManySeriesFailure("--global trains one model on series of one frequency, but the file mixes \(list); forecast them without --global, or pick one frequency with --series.")
        }
        return first.frequency
    }
}

/// A many-series run that cannot go on (bad data, exit code 65).
struct ManySeriesFailure: LocalizedError {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
