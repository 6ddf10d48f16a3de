import Foundation

/// The calendar input columns of a list of features for any timestamps, past or future: what a
/// forecaster is given beside the target, and regenerates from a model file's column names.
///
/// Each periodic feature becomes two columns, sin and cos of 2π times its position in its cycle
/// (`CalendarFeature.cyclePosition(of:)`); `holiday` becomes one column of 0 and 1. Columns come
/// in the order of `CalendarFeature.allCases`, whatever the order asked for.
///
/// Timestamps are read on a clock `utcOffset` seconds east of UTC (a series' `utcOffset`), so a
/// file written at local midnight is on its own dates. One offset serves all timestamps: across a
/// daylight-saving change the hour read is off by the change, which moves a time of day by an hour
/// and no date of a daily series.
public struct CalendarFeatures: Hashable, Sendable {
    /// The features, in column order.
    public let features: [CalendarFeature]
    /// The holidays `holiday` looks up; nil when it is not asked for.
    public let holidays: HolidayCalendar?
    /// Seconds east of UTC of the clock timestamps are read on.
    public let utcOffset: Int

    /// The columns of `features` (any order; repeats are errors, as in a typed list).
    /// - Throws: `.duplicateFeature` for a feature listed twice; `.holidaysMissing` when `holiday`
    ///   is asked for without `holidays`.
    public init(_ features: [CalendarFeature], holidays: HolidayCalendar? = nil, utcOffset: Int = 0) throws(CalendarFeatureError) {
        for (index, feature) in features.enumerated() where features[..<index].contains(feature) {
            throw .duplicateFeature(feature.rawValue)
        }
        if features.contains(.holiday), holidays == nil { throw .holidaysMissing }
        self.features = CalendarFeature.allCases.filter(features.contains)
        self.holidays = features.contains(.holiday) ? holidays : nil
        self.utcOffset = utcOffset
    }

    /// The features whose columns a model file recorded, regenerated: names without
    /// `CalendarFeature.columnPrefix` are the file's own columns and are skipped; the calendar
    /// names must be exactly the columns of the features they name, in column order.
    /// - Throws: `.unexpectedColumns` otherwise; `.holidaysMissing` as `init(_:holidays:utcOffset:)`.
    public init(columnNames: [String], holidays: HolidayCalendar? = nil, utcOffset: Int = 0) throws(CalendarFeatureError) {
        let found = columnNames.filter { $0.hasPrefix(CalendarFeature.columnPrefix) }
        let named = CalendarFeature.allCases.filter { feature in
            found.contains { $0.dropFirst(CalendarFeature.columnPrefix.count).split(separator: ":").first == Substring(feature.rawValue) }
        }
        let expected = named.flatMap(\.columnNames)
        guard found == expected else { throw .unexpectedColumns(found: found, expected: expected) }
        try self.init(named, holidays: holidays, utcOffset: utcOffset)
    }

    /// The column names, in column order: `calendar:hour-of-day:sin`, …, `calendar:holiday`.
    public var columnNames: [String] { features.flatMap(\.columnNames) }

    /// How many columns `columns(for:)` gives.
    public var columnCount: Int { features.reduce(0) { $0 + ($1.isPeriodic ? 2 : 1) } }

    /// The columns for `timestamps`, one array per name of `columnNames`, each aligned with
    /// `timestamps`.
    public func columns(for timestamps: [Timestamp]) -> [[Double]] {
        var columns = [[Double]](repeating: [], count: columnCount)
        for index in columns.indices { columns[index].reserveCapacity(timestamps.count) }
        for timestamp in timestamps {
            for (index, value) in values(at: timestamp).enumerated() { columns[index].append(value) }
        }
        return columns
    }

    /// The values of every column at one timestamp, in `columnNames` order.
    public func values(at timestamp: Timestamp) -> [Double] {
        let civil = timestamp.civil(utcOffset: utcOffset)
        var values: [Double] = []
        values.reserveCapacity(columnCount)
        for feature in features {
            if let position = feature.cyclePosition(of: civil) {
                let angle = 2 * Double.pi * position
                values.append(sin(angle))
                values.append(cos(angle))
            } else {
                values.append(holidays?.contains(timestamp, utcOffset: utcOffset) == true ? 1 : 0)
            }
        }
        return values
    }
}
