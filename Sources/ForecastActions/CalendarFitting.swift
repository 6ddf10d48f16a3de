import ForecastData
import ForecastIO
import Forecasting

extension CalendarFitting {
    /// The holidays of a file of dates and of an exchange's closures (over the series' years and the
    /// next two, which any forecast reaches), merged; nil when neither is given.
    static func holidays(source: CSVSource?, exchange: ExchangeCalendar.Code?, series: TimeSeries) throws -> HolidayCalendar? {
        var holidays = try source.map { source throws(CSVReadError) in try HolidayFileReader.read(source) }
        if let exchange, let timestamps = series.timestamps, let first = timestamps.first, let last = timestamps.last {
            let years = first.civil(utcOffset: series.utcOffset).year ... last.civil(utcOffset: series.utcOffset).year + 2
            let closures = HolidayCalendar(exchange: ExchangeCalendar(exchange), years: years)
            holidays = holidays.map { $0.merging(closures) } ?? closures
        }
        return holidays
    }
}

/// Fitting a forecaster on a file's series with its calendar columns: imposed (`--calendar LIST`),
/// tried and kept only when they help (`--calendar auto`), or none. Shared by forecast and train.
enum CalendarFitting {
    /// The fitted forecaster, with the series' exchange (which its model file records), and the
    /// series' feature columns as it reads them (the calendar's appended to the known-in-advance
    /// ones when it was kept).
    static func fit(
        data: CSVSeriesData, future: FutureRows?, calendar: CalendarColumns?, configuration: ForecasterConfiguration,
        startingFrom start: Forecaster? = nil, reporter: ActionReporter
    ) throws -> (forecaster: Forecaster, columns: FeatureColumns) {
        var (forecaster, columns) = try fitWithCalendar(data: data, future: future, calendar: calendar, configuration: configuration,
                                                        startingFrom: start, reporter: reporter)
        forecaster.exchange = data.target.exchange?.code
        return (forecaster, columns)
    }

    private static func fitWithCalendar(
        data: CSVSeriesData, future: FutureRows?, calendar: CalendarColumns?, configuration: ForecasterConfiguration,
        startingFrom start: Forecaster?, reporter: ActionReporter
    ) throws -> (forecaster: Forecaster, columns: FeatureColumns) {
        var columns = data.featureColumns(future: future)
        guard let calendar else {
            let forecaster = try Forecaster.fit(
                values: data.target.values, features: data.featureValues, knownFeatures: data.knownFeatureValues,
                frequency: data.target.frequency, columnNames: data.columnNames, configuration: configuration,
                startingFrom: start, progress: reporter.trainingDecision)
            return (forecaster, columns)
        }
        let forecaster: Forecaster
        let kept: Bool
        if calendar.optional, start == nil {
            (forecaster, kept) = try Forecaster.fit(
                values: data.target.values, features: data.featureValues, knownFeatures: data.knownFeatureValues,
                optional: calendar.history, optionalName: calendar.label, frequency: data.target.frequency,
                columnNames: data.columnNames, optionalColumnNames: calendar.names, configuration: configuration,
                progress: reporter.trainingDecision)
        } else {
            forecaster = try Forecaster.fit(
                values: data.target.values, features: data.featureValues, knownFeatures: data.knownFeatureValues + calendar.history,
                frequency: data.target.frequency, columnNames: data.columnNames + calendar.names, configuration: configuration,
                startingFrom: start, progress: reporter.trainingDecision)
            kept = true
        }
        if kept { columns.known += calendar.whole }
        return (forecaster, columns)
    }

    /// The calendar columns `selection` asks for over `data`'s history and the `steps` after it
    /// (in whole blocks of `horizon`, as far as a forecast reads known values).
    static func columns(_ selection: CalendarSelection, data: CSVSeriesData, steps: Int, horizon: Int,
                        holidaysSource: CSVSource?, holidayExchange: ExchangeCalendar.Code? = nil) throws -> CalendarColumns? {
        let holidays = try Self.holidays(source: holidaysSource, exchange: holidayExchange, series: data.target)
        let reach = (steps + horizon - 1) / horizon * horizon
        return try CalendarColumns.make(selection, series: data.target, futureTimestamps: data.target.futureTimestamps(count: reach),
                                        holidays: holidays)
    }
}
