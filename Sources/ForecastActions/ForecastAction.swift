import ForecastCharts
import ForecastIO
import ForecastStorage
import Forecasting
import Foundation

/// `tsf forecast FILE --column Close`: read a column, fit a forecaster with the configuration,
/// forecast, calibrate intervals, and save the model and the plot when asked — what the command
/// runs, and what an app calls to do the same from a file.
public struct ForecastAction: Sendable {
    public var source: CSVSource
    public var selection: SeriesSelection
    public var readOptions: CSVReadOptions
    /// The fit's settings; its horizon is replaced by `steps`.
    public var configuration: ForecasterConfiguration
    /// Steps to forecast; nil takes the frequency's default (`Frequency.defaultHorizon`).
    public var steps: Int?
    /// Interval levels as fractions, e.g. [0.8, 0.95].
    public var levels: [Double]
    /// Where to save the fitted model (written atomically); nil saves nothing.
    public var modelPath: String?
    /// Where to write the SVG plot (written atomically); nil draws nothing.
    public var plotPath: String?
    /// A separate file of future rows for the known-in-advance features (same time and feature
    /// columns); nil reads them from the rows after the last target value of `source`.
    public var futureSource: CSVSource?
    /// Calendar features generated from the timestamps (`--calendar`); automatic by default.
    public var calendar: CalendarSelection
    /// A CSV of holiday dates for the `holiday` calendar feature (`--holidays`); nil for none.
    public var holidaysSource: CSVSource?
    /// An exchange whose closures (weekdays it is shut) are holidays too (`--holidays XNYS`).
    public var holidayExchange: ExchangeCalendar.Code?

    public init(source: CSVSource, selection: SeriesSelection, readOptions: CSVReadOptions = CSVReadOptions(),
                configuration: ForecasterConfiguration = ForecasterConfiguration(), steps: Int? = nil,
                levels: [Double] = [], modelPath: String? = nil, plotPath: String? = nil,
                futureSource: CSVSource? = nil, calendar: CalendarSelection = .automatic, holidaysSource: CSVSource? = nil,
                holidayExchange: ExchangeCalendar.Code? = nil) {
        self.holidayExchange = holidayExchange
        self.futureSource = futureSource
        self.calendar = calendar
        self.holidaysSource = holidaysSource
        self.source = source
        self.selection = selection
        self.readOptions = readOptions
        self.configuration = configuration
        self.steps = steps
        self.levels = levels
        self.modelPath = modelPath
        self.plotPath = plotPath
    }

    /// What a forecast run produced.
    public struct Outcome: Sendable {
        /// The series as read (its calendar dates the forecasts).
        public let series: TimeSeries
        /// The fitted model; nil when the series was too short for the network (or constant) and
        /// a simple forecast was made instead (see `result.method`).
        public let forecaster: Forecaster?
        public let result: ForecastResult
        /// The SVG and terminal pictures of the forecast.
        public let picture: ForecastPicture
    }

    /// Runs the forecast. Throws the reader's, the forecaster's and the file writer's errors, and
    /// `CancellationError` when the surrounding task is cancelled during training.
    public func run(reporter: ActionReporter = .silent) throws -> Outcome {
        try OutputSafety.check(outputs: [modelPath, plotPath],
                               inputs: [source.filePath, futureSource?.filePath, holidaysSource?.filePath])
        if let steps { try Forecaster.checkSteps(steps) }
        let data = try CSVSeriesLoading.read(source, selection: selection, options: readOptions, reporter: reporter)
        let future = try FutureRowsResolution.resolve(data: data, file: source.displayName, selection: selection, futureSource: futureSource,
                                                      options: readOptions)
        var configuration = self.configuration
        configuration.applyDefaultStrategy(for: data.target.frequency)
        configuration.applySessionSeason(of: data.target)
        let (horizon, steps) = try FutureRowsResolution.horizonAndSteps(
            requested: self.steps, future: future, frequency: data.target.frequency, readsObserved: !selection.features.isEmpty,
            strategy: configuration.strategy, reporter: reporter)
        configuration.horizon = horizon
        let calendarColumns = try CalendarFitting.columns(calendar, data: data, steps: steps, horizon: configuration.stepsPerPass,
                                                          holidaysSource: holidaysSource, holidayExchange: holidayExchange)
        calendarColumns?.constantNote.map(reporter.note)
        let forecaster: Forecaster
        let columns: FeatureColumns
        do {
            (forecaster, columns) = try CalendarFitting.fit(data: data, future: future, calendar: calendarColumns,
                                                            configuration: configuration, reporter: reporter)
        } catch let error as ForecasterError where fallsBackToSimpleForecast(error, configuration: configuration) {
            return try simpleOutcome(data.target, steps: steps, reason: error, reporter: reporter)
        }
        try reporter.checkCancellation()
        reporter.fitted(forecaster)
        let (forecasts, intervals) = try forecaster.forecastWithIntervals(steps: steps, levels: levels, history: data.target.values,
                                                                          columns: columns)
        ExtrapolationWarning.warnings(forecaster: forecaster, columns: columns, historyCount: data.target.values.count, steps: steps,
                                      file: (futureSource ?? source).displayName).forEach(reporter.warning)
        UndefinedIntervals.notes(intervals).forEach(reporter.note)
        if let modelPath { try forecaster.save(to: URL(fileURLWithPath: modelPath)) }
        let result = ForecastResult(series: data.target, forecaster: forecaster, forecasts: forecasts, intervals: intervals)
        let picture = ForecastPicture(series: data.target, forecasts: forecasts, intervals: intervals, modelName: result.methodLabel)
        if let plotPath { try AtomicFile.write(Array(picture.svg().utf8), to: plotPath) }
        return Outcome(series: data.target, forecaster: forecaster, result: result, picture: picture)
    }

    /// Whether a fit that failed with `error` gives way to a simple forecast: for a series too short
    /// for the network, or constant, when the method is automatic, no feature column is read and no
    /// model file is to be saved (a simple forecast has no network to save).
    func fallsBackToSimpleForecast(_ error: ForecasterError, configuration: ForecasterConfiguration) -> Bool {
        configuration.resolvedSelection == .automatic && !selection.hasFeatures && modelPath == nil
            && error.isAnsweredBySimpleForecast
    }

    /// The better of the naive and seasonal-naive forecasts, with a note saying why the network is not used.
    func simpleOutcome(_ series: TimeSeries, steps: Int, reason: ForecasterError, reporter: ActionReporter) throws -> Outcome {
        let simple = try SimpleFallback.forecast(series, steps: steps, levels: levels, reason: reason, subject: "the series",
                                                 reporter: reporter)
        let result = ForecastResult(series: series, simple: simple)
        let picture = ForecastPicture(series: series, forecasts: simple.forecasts, intervals: simple.intervals, modelName: result.methodLabel)
        if let plotPath { try AtomicFile.write(Array(picture.svg().utf8), to: plotPath) }
        return Outcome(series: series, forecaster: nil, result: result, picture: picture)
    }

    /// Runs the forecast off the caller's actor; cancelling the task stops training promptly.
    public func run(reporter: ActionReporter = .silent) async throws -> Outcome {
        try await reporter.runOffActor { try run(reporter: $0) }
    }
}
