import ForecastData
import ForecastIO
import Forecasting

/// The calendar columns of one series: over its history rows and over the steps it forecasts,
/// with the names a model file records for them.
struct CalendarColumns {
    let names: [String]
    let history: [[Double]]
    let future: [[Double]]
    /// Whether the columns are tried (automatic) rather than imposed.
    let optional: Bool
    /// How notes name them: "calendar features hour-of-day, day-of-week".
    let label: String

    /// Each column over the history, then the future steps: how `FeatureColumns.known` holds it.
    var whole: [[Double]] { zip(history, future).map { $0 + $1 } }

    /// The note for imposed columns that never change over the history (an hour of day on a daily
    /// series, a holiday flag on an exchange's sessions): the model reads them but can learn nothing
    /// from them. Nil when every imposed column varies, and for tried ones, which the fit keeps only
    /// when they help.
    var constantNote: String? {
        guard !optional else { return nil }
        let constant = zip(names, history).filter { _, column in column.dropFirst().allSatisfy { $0 == column.first } }.map(\.0)
        guard !constant.isEmpty else { return nil }
        return "\(constant.joined(separator: ", ")) never change\(constant.count == 1 ? "s" : "") over the series: the model reads \(constant.count == 1 ? "it" : "them") but can learn nothing from \(constant.count == 1 ? "it" : "them")"
    }

    /// The columns `selection` asks for, or nil when none apply (no time column, or automatic with
    /// no candidate for the frequency).
    /// - Throws: `CalendarFeatureError` for features that cannot be made (a holiday flag without
    ///   holidays), and `.needsTimeColumn` when features were named for a series without dates.
    static func make(_ selection: CalendarSelection, series: TimeSeries, futureTimestamps: [Timestamp],
                     holidays: HolidayCalendar?) throws -> CalendarColumns? {
        let features: [CalendarFeature]
        switch selection {
        case .none: return nil
        case let .features(list):
            guard series.timestamps != nil else { throw CalendarSelectionError.needsTimeColumn(series: series.name) }
            features = list
        case .automatic:
            guard series.timestamps != nil, series.frequency != .tradingDays else { return nil }
            features = CalendarFeature.candidates(for: series.frequency, hasHolidays: holidays != nil)
        }
        guard !features.isEmpty, let timestamps = series.timestamps else { return nil }
        let calendar = try CalendarFeatures(features, holidays: holidays, utcOffset: series.utcOffset)
        return CalendarColumns(
            names: calendar.columnNames, history: calendar.columns(for: timestamps),
            future: calendar.columns(for: futureTimestamps), optional: selection == .automatic,
            label: "calendar features " + calendar.features.map(\.rawValue).joined(separator: ", "))
    }

    /// The columns a model file records, regenerated for a history and its future steps (`tsf predict`).
    static func regenerate(for columnNames: [String], series: TimeSeries, futureTimestamps: [Timestamp],
                           holidays: HolidayCalendar?) throws -> CalendarColumns? {
        guard columnNames.contains(where: { $0.hasPrefix(CalendarFeature.columnPrefix) }) else { return nil }
        guard let timestamps = series.timestamps else { throw CalendarSelectionError.needsTimeColumn(series: series.name) }
        let calendar = try CalendarFeatures(columnNames: columnNames, holidays: holidays, utcOffset: series.utcOffset)
        return CalendarColumns(names: calendar.columnNames, history: calendar.columns(for: timestamps),
                               future: calendar.columns(for: futureTimestamps), optional: false, label: "")
    }
}

/// Calendar features asked for where they cannot be made.
public enum CalendarSelectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The series has no time column to read the calendar from.
    case needsTimeColumn(series: String)

    public var description: String {
        switch self {
        case let .needsTimeColumn(series):
            "Calendar features are read from the dates, and the series \"\(series)\" has no time column; leave the calendar out."
        }
    }
}
