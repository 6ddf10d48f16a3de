import ForecastCharts
import ForecastIO
import ForecastStorage
import Forecasting
import Foundation

/// `tsf backtest FILE --column Close`: walk-forward evaluation of the model and the baselines on
/// one column, every method on the same cut-offs, with the plot and the table of every fold's
/// forecasts written when asked.
public struct BacktestAction: Sendable {
    public var source: CSVSource
    public var column: String
    /// Feature columns the model reads (observed and known in advance); the baselines read none.
    /// Each fold cuts the observed ones at its origin and reads the known ones of its forecast steps.
    public var features: SeriesSelection
    public var readOptions: CSVReadOptions
    public var settings: BacktestSettings
    /// Calendar features generated from the timestamps (`--calendar`); automatic by default, which
    /// each fold's fit tries and keeps only when they help it (none with a sliding window).
    public var calendar: CalendarSelection
    /// A CSV of holiday dates for the `holiday` calendar feature; nil for none.
    public var holidaysSource: CSVSource?
    /// An exchange whose closures (weekdays it is shut) are holidays too (`--holidays XNYS`).
    public var holidayExchange: ExchangeCalendar.Code?
    /// Folds run in parallel on this many threads; the results do not depend on it.
    public var threads: Int
    /// Where to draw the actuals and every fold's forecasts (SVG); nil draws nothing.
    public var plotPath: String?
    /// Whether the plot shows the baselines' forecasts too.
    public var plotsBaselines: Bool
    /// Where to write every fold's forecasts as CSV (`BacktestForecastTable`); nil writes nothing.
    public var forecastsPath: String?

    public init(source: CSVSource, column: String, features: [String] = [], knownFeatures: [String] = [],
                readOptions: CSVReadOptions = CSVReadOptions(),
                settings: BacktestSettings = BacktestSettings(), threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                plotPath: String? = nil, plotsBaselines: Bool = false, forecastsPath: String? = nil,
                calendar: CalendarSelection = .automatic, holidaysSource: CSVSource? = nil,
                holidayExchange: ExchangeCalendar.Code? = nil) {
        self.calendar = calendar
        self.holidaysSource = holidaysSource
        self.holidayExchange = holidayExchange
        self.source = source
        self.column = column
        self.features = SeriesSelection(column: column, features: features, knownFeatures: knownFeatures)
        self.readOptions = readOptions
        self.settings = settings
        self.threads = threads
        self.plotPath = plotPath
        self.plotsBaselines = plotsBaselines
        self.forecastsPath = forecastsPath
    }

    public func run(reporter: ActionReporter = .silent) throws -> BacktestResult {
        try OutputSafety.check(outputs: [plotPath, forecastsPath], inputs: [source.filePath, holidaysSource?.filePath])
        var selection = features
        selection.column = column
        let data = try CSVSeriesLoading.read(source, selection: selection, options: readOptions, reporter: reporter)
        let series = data.target
        let suite = try settings.suite(for: series, reporter: reporter)
        var columns = data.featureColumns(future: nil)
        var optional: [[Double]] = []
        var optionalName = ""
        var calendar = self.calendar
        if case .sliding = settings.trainingWindow, calendar == .automatic { calendar = .none }
        if settings.includesModel,
           let found = try CalendarFitting.columns(calendar, data: data, steps: 1, horizon: 1, holidaysSource: holidaysSource, holidayExchange: holidayExchange) {
            if found.optional {
                (optional, optionalName) = (found.history, found.label)
            } else {
                found.constantNote.map(reporter.note)
                columns.known += found.history
            }
        }
        let entries = try suite.run(on: series.values, columns: columns, optionalKnown: optional, optionalName: optionalName,
                                    threads: max(1, threads),
                                    cancellation: reporter.cancellation, progress: reporter.fold,
                                    leftOut: { name, reason in reporter.warning(CSVWarning("\(source.displayName): baseline \(name) left out: \(reason)")) })
        try reporter.checkCancellation()
        let result = BacktestResult(series: series, plan: suite.backtest.plan, season: suite.backtest.seasonPeriod, entries: entries)
        // A fold's scale is its history's seasonal-naive error, the same for every method: none where
        // the history is no longer than a season, zero where it never changed over one.
        if let folds = result.models.first?.folds, case let unscaled = folds.filter({ $0.naiveScale == nil }), !unscaled.isEmpty {
            let plan = suite.backtest.plan, season = suite.backtest.seasonPeriod
            let short = unscaled.filter { plan.historyRows(fold: $0.fold).count <= season }.count
            let flat = unscaled.count - short
            func before(_ count: Int) -> String { "the history before " + (count == 1 ? "one fold" : "\(count) folds") }
            let reasons = [
                short > 0 ? "\(before(short)) holds no more than a season (\(season) row\(season == 1 ? "" : "s")), so there is no seasonal-naive error to scale them" : nil,
                flat > 0 ? "\(before(flat)) never changed over a season, so the seasonal-naive error that scales them is zero there" : nil,
            ].compactMap { $0 }
            reporter.note("MASE, RMSSE, MSIS and sCRPS average \(folds.count - unscaled.count) of \(folds.count) folds: \(reasons.joined(separator: "; ")); MAE and RMSE score every fold")
        }
        // A level no method could calibrate (too few past errors, or errors that overflow) is said so,
        // where its columns would otherwise be missing without a word.
        let scored = Set(result.intervalLevels)
        for level in settings.levels where !scored.contains(level) {
            reporter.note("no \(ForecastStep.percent(level)) % interval could be scored: no method's past errors calibrate one (this level needs at least \(ConformalIntervals.residualsNeeded(level: level)) past errors, more than the folds' histories gave, or the errors were not finite)")
        }
        if let plotPath {
            let models = result.models.filter { plotsBaselines || !settings.includesModel || !$0.isBaseline }
                .map { model in
                    // The legend names what the automatic method chose, fold by fold.
                    let name = model.choiceSummary.map { "\(model.name): \($0)" } ?? model.name
                    return BacktestPicture.Model(name: name, folds: model.folds, isBaseline: model.isBaseline)
                }
            let picture = BacktestPicture(series: series, models: models, plan: suite.backtest.plan)
            try AtomicFile.write(Array(picture.svg().utf8), to: plotPath)
        }
        if let forecastsPath {
            let table = BacktestForecastTable(results: [(id: nil, series: series, result: result)])
            try AtomicFile.write(Array(table.csv().utf8), to: forecastsPath)
        }
        return result
    }

    /// Runs the backtest off the caller's actor; cancelling the task stops it after the fits in flight.
    public func run(reporter: ActionReporter = .silent) async throws -> BacktestResult {
        try await reporter.runOffActor { try run(reporter: $0) }
    }
}
