import ForecastIO
import Forecasting
import Foundation

/// `tsf train FILE --column Close --out model.safetensors`: fit a forecaster on a column, perhaps
/// continuing a saved model, and save it atomically.
public struct TrainAction: Sendable {
    public var source: CSVSource
    public var selection: SeriesSelection
    public var readOptions: CSVReadOptions
    /// The fit's settings; its horizon is replaced by `steps`.
    public var configuration: ForecasterConfiguration
    /// Steps the model forecasts at once; nil keeps the starting model's, else the frequency's default.
    public var horizon: Int?
    /// A model file to continue training from (its architecture, lookback, horizon, transform and
    /// scalers are kept).
    public var startingModelPath: String?
    /// Where the model is saved.
    public var modelPath: String
    /// Calendar features generated from the timestamps (`--calendar`); automatic by default. A
    /// continued model keeps the calendar features it was trained with.
    public var calendar: CalendarSelection
    /// A CSV of holiday dates for the `holiday` calendar feature; nil for none.
    public var holidaysSource: CSVSource?
    /// An exchange whose closures (weekdays it is shut) are holidays too (`--holidays XNYS`).
    public var holidayExchange: ExchangeCalendar.Code?

    public init(source: CSVSource, selection: SeriesSelection, readOptions: CSVReadOptions = CSVReadOptions(),
                configuration: ForecasterConfiguration = ForecasterConfiguration(), horizon: Int? = nil,
                startingModelPath: String? = nil, modelPath: String, calendar: CalendarSelection = .automatic,
                holidaysSource: CSVSource? = nil,
                holidayExchange: ExchangeCalendar.Code? = nil) {
        self.calendar = calendar
        self.holidaysSource = holidaysSource
        self.holidayExchange = holidayExchange
        self.source = source
        self.selection = selection
        self.readOptions = readOptions
        self.configuration = configuration
        self.horizon = horizon
        self.startingModelPath = startingModelPath
        self.modelPath = modelPath
    }

    /// Fits and saves; returns what was saved and how training went.
    public func run(reporter: ActionReporter = .silent) throws -> TrainingResult {
        // The starting model may be replaced by its refined self: it is read whole before the write.
        try OutputSafety.check(outputs: [modelPath], inputs: [source.filePath, holidaysSource?.filePath])
        let start = try startingModelPath.map { try Forecaster(contentsOf: URL(fileURLWithPath: $0)) }
        let data = try CSVSeriesLoading.read(source, selection: selection, options: readOptions, reporter: reporter)
        var configuration = self.configuration
        configuration.horizon = horizon ?? start?.horizon ?? data.target.frequency.defaultHorizon
        configuration.applySessionSeason(of: data.target)
        let calendarColumns: CalendarColumns?
        if let start {
            // A model continued on a series unlike its own is trained all the same, with a warning.
            PredictionInputCheck.warnings(forecaster: start, series: data.target, file: source.displayName).forEach(reporter.warning)
            let holidays = try CalendarFitting.holidays(source: holidaysSource, exchange: holidayExchange, series: data.target)
            calendarColumns = try CalendarColumns.regenerate(for: start.columnNames, series: data.target, futureTimestamps: [],
                                                             holidays: holidays)
        } else {
            calendarColumns = try CalendarFitting.columns(calendar, data: data, steps: configuration.horizon,
                                                          horizon: configuration.horizon, holidaysSource: holidaysSource, holidayExchange: holidayExchange)
            calendarColumns?.constantNote.map(reporter.note)
        }
        let (forecaster, _) = try CalendarFitting.fit(data: data, future: nil, calendar: calendarColumns,
                                                      configuration: configuration, startingFrom: start, reporter: reporter)
        try reporter.checkCancellation()
        reporter.fitted(forecaster)
        try forecaster.save(to: URL(fileURLWithPath: modelPath))
        return TrainingResult(forecaster: forecaster, path: modelPath)
    }

    /// Fits and saves off the caller's actor; cancelling the task stops training promptly.
    public func run(reporter: ActionReporter = .silent) async throws -> TrainingResult {
        try await reporter.runOffActor { try run(reporter: $0) }
    }
}
