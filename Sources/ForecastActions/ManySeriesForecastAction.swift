import ForecastCharts
import ForecastIO
import ForecastStorage
import Forecasting
import Foundation

/// `tsf forecast FILE --id symbol --column price`: every series of a long-format file, each with its
/// own model on one thread (series in parallel), or with one network trained across all of them
/// (`global`). Results are handed over in file order as each series finishes, so they can stream.
public struct ManySeriesForecastAction: Sendable {
    public var source: ManySeriesSource
    /// The fit's settings; its horizon is set from `steps`.
    public var configuration: ForecasterConfiguration
    /// Steps to forecast; nil takes each series' own default from its frequency (the shared
    /// frequency's, for a global model).
    public var steps: Int?
    public var levels: [Double]
    /// Series forecast in parallel (per-series models), or threads splitting each mini-batch (global).
    public var threads: Int
    /// Train one network on every series, each scaled on its own (`GlobalForecaster`).
    public var global: Bool
    /// A folder to save each series' model in, as `<id>.safetensors` (created when missing).
    public var modelFolder: String?
    /// A folder to draw each series' forecast in, as `<id>.svg` (created when missing).
    public var plotFolder: String?

    public init(source: ManySeriesSource, configuration: ForecasterConfiguration = ForecasterConfiguration(),
                steps: Int? = nil, levels: [Double] = [], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                global: Bool = false, modelFolder: String? = nil, plotFolder: String? = nil) {
        self.source = source
        self.modelFolder = modelFolder
        self.plotFolder = plotFolder
        self.configuration = configuration
        self.steps = steps
        self.levels = levels
        self.threads = threads
        self.global = global
    }

    /// Forecasts every series, calling `deliver` with each series' id and result in input order.
    public func run(reporter: ActionReporter = .silent,
                    deliver: @escaping @Sendable (String, ForecastResult) -> Void) throws -> ManySeriesOutcome {
        let files = try SeriesFiles(models: modelFolder.map { try SeriesFolder(path: $0, fileExtension: "safetensors") },
                                    plots: plotFolder.map { try SeriesFolder(path: $0, fileExtension: "svg") })
        if global { return try runGlobal(reporter: reporter, files: files, deliver: deliver) }
        var configuration = self.configuration
        configuration.threads = 1
        let job = ManySeriesForecast(configuration: configuration, steps: steps, levels: levels)
        let cancellation = reporter.cancellation
        return try source.forEachSeries(threads: threads, reporter: reporter, job: { id, series in
            let output = try job.forecast(series, cancellation: cancellation)
            return try files.save(id: id, series: series, forecaster: output.forecaster,
                                  forecasts: output.forecasts, intervals: output.intervals)
        }, deliver: { id, item in deliver(id, item) })
    }

    /// Forecasts every series off the caller's actor; cancelling the task stops starting new series.
    public func run(reporter: ActionReporter = .silent,
                    deliver: @escaping @Sendable (String, ForecastResult) -> Void) async throws -> ManySeriesOutcome {
        try await reporter.runOffActor { try run(reporter: $0, deliver: deliver) }
    }

    func runGlobal(reporter: ActionReporter, files: SeriesFiles, deliver: @Sendable (String, ForecastResult) -> Void) throws -> ManySeriesOutcome {
        let (ids, series, readFailures) = try source.readAll(reporter: reporter)
        var failed = readFailures
        let present = series.compactMap { $0 }
        guard let frequency = try ManySeriesError.commonFrequency(present, file: source.fileName) else {
            throw ManySeriesError.noSeriesRead(file: source.fileName)
        }
        let steps = self.steps ?? frequency.defaultHorizon
        var configuration = self.configuration
        configuration.horizon = steps
        configuration.threads = max(1, threads)
        let global = try GlobalForecaster.fit(series: present.map(\.values), names: present.map(\.name), frequency: frequency,
                                              configuration: configuration, progress: reporter.trainingDecision)
        try reporter.checkCancellation()
        for decision in global.fitReport.decisions { reporter.note(decision) }
        reporter.note("trained one \(configuration.cell.rawValue) on \(global.fitReport.trainingWindows) windows of \(present.count) series for \(global.fitReport.trainingLosses.count) epochs")
        var member = 0
        for (index, item) in series.enumerated() {
            guard let item else { continue }
            defer { member += 1 }
            do {
                let forecaster = try global.members[member].get()
                let forecasts = try forecaster.forecast(steps: steps)
                let intervals = try forecaster.intervals(levels: levels, steps: steps, history: item.values)
                deliver(ids[index], try files.save(id: ids[index], series: item, forecaster: forecaster,
                                                   forecasts: forecasts, intervals: intervals))
            } catch {
                reporter.seriesFailed(ids[index], error)
                failed.append(ids[index])
            }
        }
        return ManySeriesOutcome(failed: failed, total: ids.count)
    }
}

/// Where a many-series forecast saves each series' model and plot, if anywhere.
struct SeriesFiles: Sendable {
    let models: SeriesFolder?
    let plots: SeriesFolder?

    /// The series' result, after saving its model and drawing its plot where asked.
    func save(id: String, series: TimeSeries, forecaster: Forecaster, forecasts: [Double],
              intervals: [IntervalForecast]) throws -> ForecastResult {
        let result = ForecastResult(series: series, forecaster: forecaster, forecasts: forecasts, intervals: intervals)
        if let models { try forecaster.save(to: URL(fileURLWithPath: models.file(for: id))) }
        if let plots {
            let picture = ForecastPicture(series: series, forecasts: forecasts, intervals: intervals, modelName: result.methodLabel)
            try AtomicFile.write(Array(picture.svg().utf8), to: plots.file(for: id))
        }
        return result
    }
}
