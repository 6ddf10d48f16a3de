import ForecastIO
import Forecasting
import Foundation

/// `tsf predict --model model.safetensors FILE`: forecast with a saved model, conditioned on the
/// latest rows of a file, reading the columns the model records unless others are named.
public struct PredictAction: Sendable {
    public var modelPath: String
    public var source: CSVSource
    /// The column to forecast; nil takes the one the model file records.
    public var column: String?
    /// Feature columns in the model's order (observed, then known in advance); nil takes those the
    /// model file records.
    public var features: [String]?
    /// A separate file of future rows for a model with known-in-advance features; nil reads them
    /// from the rows after the last target value.
    public var futureSource: CSVSource?
    /// A CSV of holiday dates, for a model trained with the `holiday` calendar feature.
    public var holidaysSource: CSVSource?
    /// An exchange whose closures (weekdays it is shut) are holidays too (`--holidays XNYS`).
    public var holidayExchange: ExchangeCalendar.Code?
    public var readOptions: CSVReadOptions
    /// Steps to forecast; nil takes the model's `forecastSteps` (the horizon it was fitted for;
    /// more continue recursively for a model without features).
    public var steps: Int?
    /// Interval levels as fractions, calibrated split-conformally on the file's own rows (models
    /// without feature columns).
    public var levels: [Double]

    public init(modelPath: String, source: CSVSource, column: String? = nil, features: [String]? = nil,
                readOptions: CSVReadOptions = CSVReadOptions(), steps: Int? = nil, levels: [Double] = [],
                futureSource: CSVSource? = nil, holidaysSource: CSVSource? = nil,
                holidayExchange: ExchangeCalendar.Code? = nil) {
        self.holidaysSource = holidaysSource
        self.holidayExchange = holidayExchange
        self.futureSource = futureSource
        self.modelPath = modelPath
        self.source = source
        self.column = column
        self.features = features
        self.readOptions = readOptions
        self.steps = steps
        self.levels = levels
    }

    /// Runs the prediction off the caller's actor, as the other actions' `async` runs do.
    public func run(reporter: ActionReporter = .silent) async throws -> ForecastResult {
        try await reporter.runOffActor { try run(reporter: $0) }
    }

    public func run(reporter: ActionReporter = .silent) throws -> ForecastResult {
        if let steps { try Forecaster.checkSteps(steps) }
        try IntervalLevelError.check(levels)
        var forecaster = try Forecaster(contentsOf: URL(fileURLWithPath: modelPath))
        let selection = try resolveColumns(of: forecaster, reporter: reporter)
        var data = try CSVSeriesLoading.read(source, selection: selection, options: readOptions, reporter: reporter)
        // The exchange the model was fitted on dates the forecast when the file shows none (it was
        // asked for in training) and no other is asked for now; one the file shows wins.
        if readOptions.exchange == nil, data.target.exchange == nil, let recorded = forecaster.exchange,
           ExchangeCalendar.applies(to: data.target.frequency, session: data.target.session) {
            data.target.exchange = ExchangeCalendar(recorded)
        }
        PredictionInputCheck.warnings(forecaster: forecaster, series: data.target, file: source.displayName).forEach(reporter.warning)
        let future = try FutureRowsResolution.resolve(data: data, file: source.displayName, selection: selection,
                                                      futureSource: futureSource, options: readOptions)
        var steps = self.steps ?? forecaster.forecastSteps
        if let future, self.steps == nil, forecaster.observedFeatureCount == 0 {
            // As far as the future rows reach, in whole passes of the network (its horizon).
            steps = max(forecaster.forecastSteps, future.count / forecaster.horizon * forecaster.horizon)
        }
        // Calendar columns the model was trained with are regenerated from the dates.
        let holidays = try CalendarFitting.holidays(source: holidaysSource, exchange: holidayExchange, series: data.target)
        let calendar = try CalendarColumns.regenerate(
            for: forecaster.columnNames, series: data.target,
            futureTimestamps: data.target.futureTimestamps(count: forecaster.knownFutureNeeded(steps: steps)), holidays: holidays)
        var columns = data.featureColumns(future: future)
        if let calendar { columns.known += calendar.whole }
        let bound = forecaster.lowerBound
        try forecaster.condition(on: data.target.values, features: data.featureValues,
                                 knownFeatures: data.knownFeatureValues + (calendar?.history ?? []))
        if let bound, forecaster.lowerBound == nil, let below = data.target.values.min() {
            reporter.note("the model kept its forecasts at \(bound.tidied) or above (its series never went below); \(source.displayName) goes down to \(below.tidied), so the forecasts are no longer kept there")
        }
        let (forecasts, intervals) = try forecaster.forecastWithIntervals(steps: steps, levels: levels, history: data.target.values,
                                                                          columns: columns)
        ExtrapolationWarning.warnings(forecaster: forecaster, columns: columns, historyCount: data.target.values.count, steps: steps,
                                      file: (futureSource ?? source).displayName).forEach(reporter.warning)
        UndefinedIntervals.notes(intervals).forEach(reporter.note)
        return ForecastResult(series: data.target, forecaster: forecaster, forecasts: forecasts, intervals: intervals)
    }

    /// The columns to read: those given, else those the model file records. A model trained with
    /// features needs as many feature columns; its calendar columns are not read but regenerated.
    func resolveColumns(of forecaster: Forecaster, reporter: ActionReporter) throws -> SeriesSelection {
        let recorded = forecaster.columnNames.filter { !$0.hasPrefix(CalendarFeature.columnPrefix) }
        let calendarCount = forecaster.columnNames.count - recorded.count
        let fileFeatures = forecaster.featureCount - calendarCount
        guard let target = column ?? recorded.first else { throw ModelInputError.columnNotRecorded(path: modelPath) }
        let features = self.features ?? Array(recorded.dropFirst())
        guard features.count == fileFeatures else {
            throw ModelInputError.featureCountMismatch(path: modelPath, expected: fileFeatures,
                                                       given: features, recorded: recorded)
        }
        if !recorded.isEmpty, [target] + features != recorded {
            reporter.warning(CSVWarning("the model was trained on \(recorded.joined(separator: ", ")); forecasting \(([target] + features).joined(separator: ", ")) with it."))
        }
        let known = forecaster.knownFeatureCount - calendarCount
        return SeriesSelection(column: target, features: Array(features.prefix(features.count - known)),
                               knownFeatures: Array(features.suffix(known)))
    }
}

/// The data given to a saved model does not match what it was trained with.
public enum ModelInputError: LocalizedError, Hashable, Sendable {
    /// The model file records no column name, and none was given.
    case columnNotRecorded(path: String)
    /// The model reads `expected` feature columns; `given` were named (`recorded` are those it was
    /// trained on, when the file says).
    case featureCountMismatch(path: String, expected: Int, given: [String], recorded: [String])

    public var errorDescription: String? {
        switch self {
        case let .columnNotRecorded(path):
            return "\(path): the model file does not record its column; name the column to forecast."
        case let .featureCountMismatch(path, expected, given, recorded):
            let trained = recorded.isEmpty ? "" : " (\(recorded.joined(separator: ", ")))"
            return "\(path): the model was trained with \(expected) feature column\(expected == 1 ? "" : "s")\(trained) but \(given.count) were given; name them in the same order."
        }
    }
}
