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
    /// Steps to forecast, and the network's horizon; nil takes each series' own default from its
    /// frequency (the shared frequency's, for a global model). With known-in-advance features each
    /// series is forecast as far as its future rows reach, in whole passes of the network.
    public var steps: Int?
    public var levels: [Double]
    /// Series forecast in parallel (per-series models), or threads splitting each mini-batch (global).
    public var threads: Int
    /// Train one network on every series, each scaled on its own (`GlobalForecaster`).
    public var global: Bool
    /// Where the automatic method is chosen: across the series (`ManySeriesChoice`, which reads
    /// every series first) or per series (streamed). Only an automatic method without feature
    /// columns is chosen across series; the rest is per series whatever this says.
    public var choice: ManySeriesChoice.Scope
    /// How the network across series weighed by the choice forecasts past one step (see
    /// `ManySeriesChoice.networkStrategy`); the per-series models follow `configuration`.
    public var choiceNetworkStrategy: ForecastStrategy = .recursive
    /// Calendar features each series' model reads (`--calendar LIST`), made from its own dates and
    /// continued past its end; `.automatic` and `.none` add none here (trying them costs a second fit
    /// of every series). Any listed feature fits each series alone, as feature columns do.
    public var calendar: CalendarSelection = .none
    /// The holidays of the `holiday` calendar feature: a CSV of dates, and an exchange's closures.
    public var holidaysSource: CSVSource?
    public var holidayExchange: ExchangeCalendar.Code?
    /// A separate long-format file of future rows (`--future FILE`): the id column, the time column
    /// and the known-in-advance columns, for series whose own rows stop at their last target value.
    public var futureSource: CSVSource?
    /// A folder to save each series' model in, as `<id>.safetensors` (created when missing).
    public var modelFolder: String?
    /// A folder to draw each series' forecast in, as `<id>.svg` (created when missing).
    public var plotFolder: String?

    public init(source: ManySeriesSource, configuration: ForecasterConfiguration = ForecasterConfiguration(),
                steps: Int? = nil, levels: [Double] = [], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                global: Bool = false, choice: ManySeriesChoice.Scope = .acrossSeries, modelFolder: String? = nil,
                plotFolder: String? = nil) {
        self.source = source
        self.modelFolder = modelFolder
        self.plotFolder = plotFolder
        self.configuration = configuration
        self.steps = steps
        self.levels = levels
        self.threads = threads
        self.global = global
        self.choice = choice
    }

    /// Whether this run weighs its candidates across the series.
    var choosesAcrossSeries: Bool {
        !global && source.choosesAcrossSeries(choice, configuration: configuration, calendar: calendar)
    }

    /// Forecasts every series, calling `deliver` with each series' id and result in input order.
    ///
    /// With feature columns (`source.selection`), each series is fitted and forecast with its own
    /// as a single-series forecast is: the known-in-advance ones continued by the series' own future
    /// rows (a series without any fails alone), as far as they reach.
    public func run(reporter: ActionReporter = .silent,
                    deliver: @escaping @Sendable (String, ForecastResult) -> Void) throws -> ManySeriesOutcome {
        // Settings no series could take are one error, not one failure per series.
        if let steps { try Forecaster.checkSteps(steps) }
        try IntervalLevelError.check(levels)
        let files = try SeriesFiles(models: modelFolder.map { try SeriesFolder(path: $0, fileExtension: "safetensors") },
                                    plots: plotFolder.map { try SeriesFolder(path: $0, fileExtension: "svg") })
        if global {
            return try runGlobal(reporter: reporter, files: files, deliver: deliver)
        }
        if choosesAcrossSeries { return try runChoosingAcrossSeries(reporter: reporter, files: files, deliver: deliver) }
        try source.requireNoStaticFeatures()
        var configuration = self.configuration
        configuration.threads = 1
        let job = ManySeriesForecast(configuration: configuration, steps: steps, levels: levels)
        let cancellation = reporter.cancellation
        let (source, requested, settings) = (self.source, steps, configuration)
        let (calendar, holidaysSource, holidayExchange) = (self.calendar, self.holidaysSource, self.holidayExchange)
        let separate = try separateFutureRows()
        let futureFile = futureSource?.displayName
        let simpleFallback = SimpleFallback(action: self, files: files)
        return try source.forEachSeries(threads: threads, reporter: reporter, job: { id, data in
            try data.checkFeaturesVary(file: source.fileName)
            let (future, horizon, steps) = try FutureRowsResolution.resolve(
                series: data, id: id, file: source.fileName, selection: source.selection, requested: requested,
                strategy: settings.strategy(for: data.target.frequency), separate: separate, futureFile: futureFile,
                idColumn: source.idColumn, reporter: reporter)
            var columns = data.featureColumns(future: future), columnNames = data.columnNames
            if calendar.isListed {
                var configured = settings
                configured.horizon = horizon
                configured.applyDefaultStrategy(for: data.target.frequency)
                if let made = try CalendarFitting.columns(calendar, data: data, steps: steps, horizon: configured.stepsPerPass,
                                                          holidaysSource: holidaysSource, holidayExchange: holidayExchange) {
                    columns.known += made.whole
                    columnNames += made.names
                }
            }
            let output: ManySeriesForecast.Output
            do {
                output = try job.forecast(data.target, columns: columns, columnNames: columnNames,
                                          horizon: horizon, steps: steps, cancellation: cancellation)
            } catch let error as ForecasterError where simpleFallback.allows(error) {
                return try simpleFallback.result(id: id, series: data.target, steps: steps, reason: error, reporter: reporter)
            }
            ExtrapolationWarning.warnings(forecaster: output.forecaster, columns: columns, historyCount: data.target.values.count,
                                          steps: steps, file: futureFileLabel(series: id))
                .forEach(reporter.warning)
            return try files.save(id: id, output: output)
        }, deliver: { id, item in deliver(id, item) })
    }

    /// Forecasts every series off the caller's actor; cancelling the task stops starting new series.
    public func run(reporter: ActionReporter = .silent,
                    deliver: @escaping @Sendable (String, ForecastResult) -> Void) async throws -> ManySeriesOutcome {
        try await reporter.runOffActor { try run(reporter: $0, deliver: deliver) }
    }

    /// Every series read first, the candidates weighed on their held-out ends (`ManySeriesChoice`),
    /// then every series forecast by the winner and handed over in input order. Series of several
    /// frequencies cannot share a network: each then chooses its own method, as said in a note.
    func runChoosingAcrossSeries(reporter: ActionReporter, files: SeriesFiles,
                                 deliver: @Sendable (String, ForecastResult) -> Void) throws -> ManySeriesOutcome {
        let (ids, series, readFailures) = try source.readAll(reporter: reporter)
        let present = zip(ids, series).compactMap { id, item in item.map { (id: id, series: $0.target) } }
        guard !present.isEmpty else { throw ManySeriesError.noSeriesRead(file: source.fileName) }
        let choice = acrossSeriesChoice
        // One network reads one calendar: the choice is made across the series of the most common
        // frequency, and a series of another (a one-row series has none to speak of) chooses alone.
        let frequencies = present.map(\.series.frequency)
        let common = frequencies.mostCommon!  // present is not empty
        let across = present.indices.filter { frequencies[$0] == common }
        let alone = present.indices.filter { frequencies[$0] != common }
        if !alone.isEmpty {
            reporter.note("\(alone.count) series of another frequency than \(common) (\(alone.prefix(3).map { present[$0].id }.joined(separator: ", "))\(alone.count > 3 ? ", …" : "")) \(alone.count == 1 ? "chose its own method" : "chose their own methods"); the choice across series weighs the \(across.count) \(common) series")
        }
        var outputs = Array(repeating: Result<ManySeriesForecast.Output, any Error>.failure(CancellationError()), count: present.count)
        for (index, output) in zip(alone, choice.forecastEach(alone.map { present[$0].series }, cancellation: reporter.cancellation)) {
            outputs[index] = output
        }
        let outcome = try choice.run(across.map { present[$0].series }, cancellation: reporter.cancellation)
        try reporter.checkCancellation()
        reporter.note(outcome.explanation)
        if outcome.fellBack > 0 {
            reporter.note("\(outcome.fellBack) series the choice could not forecast (too short for the network across series, or a model that does not fit them) used their own method")
        }
        for (index, output) in zip(across, outcome.outputs) { outputs[index] = output }
        return try handOver(outputs, ids: present.map(\.id), series: present.map(\.series), readFailures: readFailures, total: ids.count,
                            reporter: reporter, files: files, deliver: deliver)
    }

    /// The choice across series this run makes. A saved model forecasts alone: the blend of a series'
    /// own model with the network across series needs two, so it is not weighed when each series'
    /// model is saved.
    var acrossSeriesChoice: ManySeriesChoice {
        var choice = ManySeriesChoice(configuration: configuration, steps: steps, levels: levels, threads: threads,
                                      networkStrategy: choiceNetworkStrategy)
        choice.averagesOwnChoice = modelFolder == nil
        return choice
    }

    /// How warnings about a series' future values name where they come from: the separate future
    /// file, else the series' own, and the series.
    func futureFileLabel(series id: String) -> String {
        "\(futureSource?.displayName ?? source.fileName): series \(id)"
    }

    /// Each series' rows of the separate future file, read as the series' own file was; nil without one.
    private func separateFutureRows() throws -> [String: FutureRows]? {
        try futureSource.map { future in
            try FutureRows.readLongFormat(future, idColumn: source.idColumn, knownFeatures: source.selection.knownFeatures,
                                          options: source.readOptions)
        }
    }

    /// Saves and delivers each output in order, reporting the failures.
    private func handOver(_ outputs: [Result<ManySeriesForecast.Output, any Error>], ids: [String], series: [TimeSeries],
                          readFailures: [String], total: Int, reporter: ActionReporter, files: SeriesFiles,
                          deliver: @Sendable (String, ForecastResult) -> Void) throws -> ManySeriesOutcome {
        try reporter.checkCancellation()
        var failed = readFailures
        let simpleFallback = SimpleFallback(action: self, files: files)
        for (index, (id, output)) in zip(ids, outputs).enumerated() {
            do {
                do {
                    let output = try output.get()
                    deliver(id, try files.save(id: id, output: output))
                } catch let error as ForecasterError where simpleFallback.allows(error) {
                    let steps = self.steps ?? series[index].frequency.defaultHorizon
                    deliver(id, try simpleFallback.result(id: id, series: series[index], steps: steps, reason: error, reporter: reporter))
                }
            } catch {
                reporter.seriesFailed(id, error)
                failed.append(id)
            }
        }
        return ManySeriesOutcome(failed: failed, total: total)
    }

    /// One network on every series (its features and static values included), then each series
    /// forecast in turn by its member. The horizon is one for all: the one asked for, else the
    /// frequency's default, at most the fewest future rows of any series when known-in-advance
    /// features are read. A series without future rows still trains the network, and fails alone.
    func runGlobal(reporter: ActionReporter, files: SeriesFiles, deliver: @Sendable (String, ForecastResult) -> Void) throws -> ManySeriesOutcome {
        let (ids, read, readFailures) = try source.readAll(reporter: reporter)
        var failed = readFailures
        var series = WeekdayRunFrequency.harmonised(read)
        /// A series that cannot take part fails alone, before the network is fitted.
        func leaveOut(_ index: Int, _ error: any Error) {
            reporter.seriesFailed(ids[index], error)
            failed.append(ids[index])
            series[index] = nil
        }
        if let futureSource, let separate = try separateFutureRows() {
            // Each series' rows of the separate future file, as the per-series models take them.
            for index in series.indices {
                guard var item = series[index] else { continue }
                do {
                    let (future, _, _) = try FutureRowsResolution.resolve(
                        series: item, id: ids[index], file: source.fileName, selection: source.selection, requested: steps,
                        strategy: configuration.strategy(for: item.target.frequency), separate: separate,
                        futureFile: futureSource.displayName, idColumn: source.idColumn, reporter: .silent)
                    item.future = future
                    series[index] = item
                } catch {
                    leaveOut(index, error)
                }
            }
        }
        for index in series.indices {
            if let item = series[index], ManySeriesError.hasNoFrequency(item.target) {
                leaveOut(index, ManySeriesError.noFrequency(rows: item.target.count))
            }
        }
        var present = series.compactMap { $0 }
        guard let frequency = try ManySeriesError.commonFrequency(present.map(\.target), file: source.fileName) else {
            throw ManySeriesError.noSeriesRead(file: source.fileName)
        }
        var horizon = self.steps ?? frequency.defaultHorizon
        if self.steps == nil, !source.selection.knownFeatures.isEmpty,
           let shortest = present.compactMap(\.future).min(by: { $0.count < $1.count }), shortest.count < horizon {
            horizon = shortest.count
            reporter.note("horizon \(horizon): the fewest future rows of any series")
        }
        var configuration = self.configuration
        configuration.horizon = horizon
        configuration.threads = max(1, threads)
        // Each series' listed calendar from its own dates, as far as its forecast reaches; a series
        // without dates cannot take part.
        var calendars: [Int: CalendarColumns] = [:]
        if calendar.isListed {
            var passes = configuration
            passes.applyDefaultStrategy(for: frequency)
            for index in series.indices {
                guard let item = series[index] else { continue }
                do {
                    calendars[index] = try CalendarFitting.columns(
                        calendar, data: item, steps: max(horizon, item.future?.count ?? 0), horizon: passes.stepsPerPass,
                        holidaysSource: holidaysSource, holidayExchange: holidayExchange)
                } catch {
                    leaveOut(index, error)
                }
            }
            present = series.compactMap { $0 }
            guard !present.isEmpty else { return ManySeriesOutcome(failed: failed, total: ids.count) }
        }
        let columns = series.indices.compactMap { index in
            series[index].map { item in
                var entry = item.featureColumns(future: item.future)
                entry.known += calendars[index]?.whole ?? []
                return entry
            }
        }
        let featureNames = Array(present[0].columnNames.dropFirst()) + (calendars.values.first?.names ?? [])
        let simpleFallback = SimpleFallback(action: self, files: files)
        let members: [Result<Forecaster, ForecasterError>]
        do {
            let global = try GlobalForecaster.fit(series: present.map(\.target.values), features: columns, names: present.map(\.target.name),
                                                  featureNames: featureNames, frequency: frequency,
                                                  configuration: configuration, progress: reporter.trainingDecision)
            try reporter.checkCancellation()
            for decision in global.fitReport.decisions { reporter.note(decision) }
            reporter.note("trained one \(configuration.cell.rawValue) on \(global.fitReport.trainingWindows) windows of \(present.count) series for \(global.fitReport.trainingLosses.count) epochs")
            members = global.members
        } catch let ForecasterError.noSeriesLongEnough(lookback, horizon) where simpleFallback.applies {
            // No series can train the network: each fails for its own reason, which the simple
            // forecast answers below, as the per-series run would.
            members = present.map { .failure(.reasonNoNetwork(for: $0.target.values, lookback: lookback, horizon: horizon)) }
        }
        var member = 0
        for (index, item) in series.enumerated() {
            guard let item else { continue }
            defer { member += 1 }
            do {
                do {
                    let forecaster = try members[member].get()
                    let (_, _, steps) = try FutureRowsResolution.resolve(
                        series: item, id: ids[index], file: source.fileName, selection: source.selection, requested: horizon,
                        strategy: configuration.strategy(for: frequency), reporter: reporter)
                    let (forecasts, intervals) = try forecaster.forecastWithIntervals(steps: steps, levels: levels, history: item.target.values,
                                                                                      columns: columns[member])
                    ExtrapolationWarning.warnings(forecaster: forecaster, columns: columns[member], historyCount: item.target.values.count,
                                                  steps: steps, file: futureFileLabel(series: ids[index]))
                        .forEach(reporter.warning)
                    deliver(ids[index], try files.save(id: ids[index], series: item.target, forecaster: forecaster,
                                                       forecasts: forecasts, intervals: intervals))
                } catch let error as ForecasterError where simpleFallback.allows(error) {
                    // A constant or too short series has no member; it is forecast as the per-series run would.
                    deliver(ids[index], try simpleFallback.result(id: ids[index], series: item.target, steps: horizon, reason: error,
                                                                  reporter: reporter))
                }
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

    /// One series' output, saved as `save(id:series:forecaster:forecasts:intervals:)` does; a blend
    /// of its own choice with the network across series is reported as that blend, and has no model file.
    func save(id: String, output: ManySeriesForecast.Output) throws -> ForecastResult {
        guard output.method.isSingleModel || models == nil else { throw ManySeriesError.blendHasNoModelFile(id: id) }
        return try save(id: id, result: ForecastResult(output: output), series: output.series, forecaster: output.forecaster,
                        forecasts: output.forecasts, intervals: output.intervals)
    }

    /// The series' result, after saving its model and drawing its plot where asked.
    func save(id: String, series: TimeSeries, forecaster: Forecaster, forecasts: [Double],
              intervals: [IntervalForecast]) throws -> ForecastResult {
        try save(id: id, result: ForecastResult(series: series, forecaster: forecaster, forecasts: forecasts, intervals: intervals),
                 series: series, forecaster: forecaster, forecasts: forecasts, intervals: intervals)
    }

    private func save(id: String, result: ForecastResult, series: TimeSeries, forecaster: Forecaster, forecasts: [Double],
                      intervals: [IntervalForecast]) throws -> ForecastResult {
        if let models { try forecaster.save(to: URL(fileURLWithPath: models.file(for: id))) }
        if let plots {
            let picture = ForecastPicture(series: series, forecasts: forecasts, intervals: intervals, modelName: result.methodLabel)
            try AtomicFile.write(Array(picture.svg().utf8), to: plots.file(for: id))
        }
        return result
    }
}
