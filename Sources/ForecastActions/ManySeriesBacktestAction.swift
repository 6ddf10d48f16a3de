import ForecastIO
import ForecastStorage
import Forecasting
import Foundation

/// `tsf backtest FILE --id symbol --column price`: the walk-forward backtest of every series of a
/// long-format file, series in parallel, each series' scores handed over in file order as it
/// finishes, then the aggregate over series (`ManySeriesBacktestSummary`, as the M4 competition
/// scores methods). With `global`, one network trained across all series (`GlobalBacktest`) is
/// scored beside the per-series model and the baselines, on the same cut-offs. With the automatic
/// method and the choice across series (the default, as `tsf forecast --id` forecasts), that choice
/// is backtested beside them (`ManySeriesChoiceBacktest`), so the table scores what the forecast does.
public struct ManySeriesBacktestAction: Sendable {
    public var source: ManySeriesSource
    /// Each series' plan is made by these rules from its own length and frequency.
    public var settings: BacktestSettings
    public var threads: Int
    public var global: Bool
    /// Whether the choice across series is backtested too (when the method is automatic and the
    /// run has no features, static columns or quantile loss, as in `ManySeriesForecastAction`);
    /// per-series keeps to each series' own models, streamed series by series.
    public var choice: ManySeriesChoice.Scope
    /// How the network across series weighed by the choice forecasts past one step.
    public var choiceNetworkStrategy: ForecastStrategy = .recursive
    /// Calendar features each series' model reads (`--calendar LIST`), made from its own dates, as
    /// in `ManySeriesForecastAction`; `.automatic` and `.none` add none.
    public var calendar: CalendarSelection = .none
    /// The holidays of the `holiday` calendar feature: a CSV of dates, and an exchange's closures.
    public var holidaysSource: CSVSource?
    public var holidayExchange: ExchangeCalendar.Code?
    /// Where to write every series' fold forecasts as one CSV table (`BacktestForecastTable`).
    public var forecastsPath: String?

    public init(source: ManySeriesSource, settings: BacktestSettings = BacktestSettings(),
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, global: Bool = false,
                choice: ManySeriesChoice.Scope = .acrossSeries, forecastsPath: String? = nil) {
        self.source = source
        self.settings = settings
        self.threads = threads
        self.global = global
        self.choice = choice
        self.forecastsPath = forecastsPath
    }

    /// Whether this run backtests the choice across series.
    var backtestsChoiceAcrossSeries: Bool {
        !global && settings.includesModel
            && source.choosesAcrossSeries(choice, configuration: settings.configuration, calendar: calendar)
    }

    /// What the run produced once every series is done.
    public struct Outcome: Sendable {
        public let series: ManySeriesOutcome
        /// Methods averaged over the series that succeeded.
        public let summary: ManySeriesBacktestSummary
    }

    /// Backtests every series, calling `deliver` with each series' id and result in input order.
    public func run(reporter: ActionReporter = .silent,
                    deliver: @escaping @Sendable (String, BacktestResult) -> Void) throws -> Outcome {
        try OutputSafety.check(outputs: [forecastsPath], inputs: [source.fileName, holidaysSource?.filePath])
        // Settings no series could take are one error, not one failure per series.
        try IntervalLevelError.check(settings.levels)
        if let horizon = settings.horizon, horizon < 1 { throw BacktestPlanningError.invalidSetting(name: "horizon", value: horizon) }
        var oneThread = self.settings
        oneThread.configuration.threads = 1
        let settings = oneThread
        // Every successful series' result, appended in series order by the thread handing results over.
        let collected = Locked<[(id: String, series: TimeSeries?, result: BacktestResult)]>([])
        let keepsSeries = forecastsPath != nil
        let outcome: ManySeriesOutcome
        if global || backtestsChoiceAcrossSeries {
            outcome = try runWithRowAcrossSeries(settings: settings, reporter: reporter) { id, series, result in
                collected.withLock { $0.append((id, keepsSeries ? series : nil, result)) }
                deliver(id, result)
            }
        } else {
            try source.requireNoStaticFeatures()
            let fileName = source.fileName
            outcome = try source.forEachSeries(threads: threads, reporter: reporter, job: { id, data in
                try data.checkFeaturesVary(file: fileName)
                let series = data.target
                let suite = try settings.suite(for: series, reporter: reporter)
                let columns = try self.calendarColumns(data, settings: settings)
                let entries = try suite.run(on: series.values, columns: columns, threads: 1,
                                            cancellation: reporter.cancellation, progress: nil,
                                            leftOut: Self.leftOut(series: id, file: fileName, reporter: reporter))
                return (series, BacktestResult(series: series, plan: suite.backtest.plan, season: suite.backtest.seasonPeriod, entries: entries))
            }, deliver: { id, item in
                collected.withLock { $0.append((id, keepsSeries ? item.0 : nil, item.1)) }
                deliver(id, item.1)
            })
        }
        try reporter.checkCancellation()
        let all = collected.value
        if let forecastsPath {
            let table = BacktestForecastTable(results: all.compactMap { entry in entry.series.map { (id: entry.id, series: $0, result: entry.result) } })
            try AtomicFile.write(Array(table.csv().utf8), to: forecastsPath)
        }
        let summary = ManySeriesBacktestSummary(scores: all.map { $0.result.models.map(\.score) }, levels: settings.levels)
        if let row = summary.rows.first, row.scaledSeries < row.series {
            reporter.note("the aggregate MASE, relative MASE and OWA average the \(row.scaledSeries) of \(row.series) series every method has a MASE for: a series whose history before a fold is no longer than a season or never changed has no scale for it")
        }
        if !summary.methodsLeftOut.isEmpty {
            let names = summary.methodsLeftOut.joined(separator: ", ")
            reporter.note("\(names) \(summary.methodsLeftOut.count == 1 ? "has" : "have") no aggregate row: left out of some series (see the warnings), \(summary.methodsLeftOut.count == 1 ? "it" : "they") would average other series than the rest")
        }
        return Outcome(series: outcome, summary: summary)
    }

    /// Backtests every series off the caller's actor; cancelling the task stops starting new series.
    public func run(reporter: ActionReporter = .silent,
                    deliver: @escaping @Sendable (String, BacktestResult) -> Void) async throws -> Outcome {
        try await reporter.runOffActor { try run(reporter: $0, deliver: deliver) }
    }

    /// Every series read first, the row made across the series (the global model's, or the choice's)
    /// backtested on each series' own plan, then the per-series backtests in parallel with that row
    /// beside the per-series model's. The global model reads the features and static values; the
    /// per-series model reads the features only (a static value is constant within a series).
    func runWithRowAcrossSeries(settings: BacktestSettings, reporter: ActionReporter,
                                deliver: @escaping @Sendable (String, TimeSeries, BacktestResult) -> Void) throws -> ManySeriesOutcome {
        let (ids, series, readFailures) = try source.readAll(reporter: reporter)
        var failed = readFailures
        var present = zip(ids, global ? WeekdayRunFrequency.harmonised(series) : series).compactMap { id, item in item.map { (id: id, data: $0) } }
        let frequency: Frequency
        if global {
            for item in present where ManySeriesError.hasNoFrequency(item.data.target) {
                reporter.seriesFailed(item.id, ManySeriesError.noFrequency(rows: item.data.target.count))
                failed.append(item.id)
            }
            present.removeAll { ManySeriesError.hasNoFrequency($0.data.target) }
            guard let common = try ManySeriesError.commonFrequency(present.map(\.data.target), file: source.fileName) else {
                throw ManySeriesError.noSeriesRead(file: source.fileName)
            }
            frequency = common
        } else {
            guard let first = present.first else { throw ManySeriesError.noSeriesRead(file: source.fileName) }
            frequency = first.data.target.frequency
        }
        var planned: [(id: String, series: TimeSeries, columns: FeatureColumns, suite: BacktestSuite)] = []
        for item in present {
            do {
                planned.append((item.id, item.data.target, try calendarColumns(item.data, settings: settings),
                                try settings.suite(for: item.data.target, reporter: reporter)))
            } catch {
                reporter.seriesFailed(item.id, error)
                failed.append(item.id)
            }
        }
        var configuration = settings.configuration
        configuration.horizon = settings.horizon ?? frequency.defaultHorizon
        configuration.threads = max(1, threads)
        // A nil fold list: the series chose alone, and its row is its per-series model's.
        let row: (name: String, folds: [Result<[FoldForecast], any Error>?])?
        if global {
            let global = GlobalBacktest(configuration: configuration, frequency: frequency)
            let (folds, report) = global.run(series: planned.map(\.series.values), columns: planned.map(\.columns),
                                             backtests: planned.map(\.suite.backtest),
                                             cancellation: reporter.cancellation, progress: { _, _ in })
            if let first = report.fits.first {
                reporter.note("\(global.name) trained \(report.fits.count) time\(report.fits.count == 1 ? "" : "s") across up to \(report.fits.map(\.series).max() ?? first.series) series, each fit on the rows before each series' own cut-off (first fit: \(first.windows) windows, \(first.epochs) epochs)")
            }
            row = (global.name, folds.map { $0 })
        } else {
            row = choiceRow(planned.map(\.series), backtests: planned.map(\.suite.backtest), configuration: configuration,
                            reporter: reporter)
        }
        try reporter.checkCancellation()
        let ready = planned
        let tally = Locked(ManySeriesOutcome(failed: [], total: 0))
        ManySeriesRunner.run(count: ready.count, threads: max(1, threads), job: { index in
            Result {
                let item = ready[index]
                var columns = item.columns
                columns.constants = []
                var entries = try item.suite.run(on: item.series.values, columns: columns, threads: 1,
                                                 cancellation: reporter.cancellation, progress: nil,
                                                 leftOut: Self.leftOut(series: item.id, file: source.fileName, reporter: reporter))
                if let row {
                    let folds: [FoldForecast]
                    if let made = row.folds[index] {
                        do {
                            folds = try made.get()
                        } catch {
                            throw ManySeriesError.globalModelFailed(name: row.name, reason: error)
                        }
                    } else {
                        folds = entries[0].folds  // the series chose alone: its own model's forecasts
                    }
                    // Beside the per-series model, before the baselines.
                    let entry = BacktestSuite.Entry(name: row.name, folds: folds, score: BacktestScore(method: row.name, folds: folds))
                    entries.insert(entry, at: item.suite.model == nil ? 0 : 1)
                }
                return BacktestResult(series: item.series, plan: item.suite.backtest.plan, season: item.suite.backtest.seasonPeriod, entries: entries)
            }
        }, deliver: { index, result in
            let id = ready[index].id
            switch result {
            case .success(let result):
                tally.count(failed: nil)
                deliver(id, ready[index].series, result)
            case .failure(let error):
                tally.count(failed: id)
                reporter.seriesFailed(id, error)
            }
            return !reporter.isCancelled()
        })
        return ManySeriesOutcome(failed: failed + tally.value.failed, total: ids.count)
    }

    /// The choice across series backtested (`ManySeriesChoiceBacktest`), with a note of what each fold
    /// chose; nil, with a note, when the series are too few to weigh a choice across them:
    /// `tsf forecast --id` then lets each series choose alone, which the per-series model's rows
    /// already score. As there, the choice is made across the series of the most common frequency,
    /// and a series of another chooses alone: its fold list is nil, and its row is its model's.
    func choiceRow(_ series: [TimeSeries], backtests: [WalkForwardBacktest], configuration: ForecasterConfiguration,
                   reporter: ActionReporter) -> (name: String, folds: [Result<[FoldForecast], any Error>?])? {
        let frequencies = series.map(\.frequency)
        guard let common = frequencies.mostCommon else { return nil }
        let across = series.indices.filter { frequencies[$0] == common }
        guard across.count >= ManySeriesChoice.minimumSeries else {
            reporter.note("\(across.count) series\(across.count < series.count ? " of the most common frequency" : "") are too few to weigh a choice across them (\(ManySeriesChoice.minimumSeries) at least): each series chooses its own method, as its model rows score")
            return nil
        }
        if across.count < series.count {
            reporter.note("\(series.count - across.count) series of another frequency than \(common) chose alone in the \(ManySeriesChoiceBacktest.name) row (their model's forecasts); the choice across series weighs the \(across.count) \(common) series")
        }
        var choiceConfiguration = configuration
        choiceConfiguration.horizon = backtests[across[0]].plan.horizon
        let backtest = ManySeriesChoiceBacktest(choice: ManySeriesChoice(
            configuration: choiceConfiguration, threads: threads, networkStrategy: choiceNetworkStrategy))
        let (made, report) = backtest.run(series: across.map { series[$0] }, backtests: across.map { backtests[$0] },
                                          cancellation: reporter.cancellation)
        reporter.note("\(ManySeriesChoiceBacktest.name): the choice made again at every fold on the rows before each series' cut-off chose \(report.summary)")
        var folds = [Result<[FoldForecast], any Error>?](repeating: nil, count: series.count)
        for (position, index) in across.enumerated() { folds[index] = made[position] }
        return (ManySeriesChoiceBacktest.name, folds)
    }

    /// What a series' backtest does with a baseline that cannot forecast its folds (too short for
    /// its window): it is left out of that series' rows with a warning naming the series, as a
    /// single-series backtest leaves it out, where it failed the whole series.
    static func leftOut(series id: String, file: String, reporter: ActionReporter) -> (String, BaselineError) -> Void {
        { name, reason in reporter.warning(CSVWarning("\(file): series \(id): baseline \(name) left out: \(reason)")) }
    }

    /// A series' feature columns with the listed calendar features appended to its known ones,
    /// imposed as in a single series' backtest: each fold reads them up to its cut-off.
    func calendarColumns(_ data: CSVSeriesData, settings: BacktestSettings) throws -> FeatureColumns {
        var columns = data.featureColumns(future: nil)
        if settings.includesModel, calendar.isListed,
           let made = try CalendarFitting.columns(calendar, data: data, steps: 1, horizon: 1,
                                                  holidaysSource: holidaysSource, holidayExchange: holidayExchange) {
            columns.known += made.history
        }
        return columns
    }
}
