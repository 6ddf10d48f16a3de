/// A fact about a timestamp's place on the calendar, known for every future step: an input a
/// recurrent forecaster can be given beside the target.
///
/// The order of `allCases` is the fixed order of the columns (`CalendarFeatures` sorts any list
/// into it), so a model trained on `month,day-of-week` and one on `day-of-week,month` have the
/// same inputs, and a model file's column names regenerate them.
public enum CalendarFeature: String, CaseIterable, Sendable, Codable {
    /// The time of day (hour and minute) in the daily cycle.
    case hourOfDay = "hour-of-day"
    /// Monday = 0 … Sunday = 6 in the weekly cycle.
    case dayOfWeek = "day-of-week"
    /// The day in its month's cycle (28 … 31 days).
    case dayOfMonth = "day-of-month"
    /// The day in its year's cycle (365 or 366 days).
    case dayOfYear = "day-of-year"
    /// The month in the yearly cycle of 12.
    case month
    /// The ISO 8601 week in its week-numbering year (52 or 53 weeks).
    case weekOfYear = "week-of-year"
    /// 1 on a holiday, 0 otherwise.
    case holiday

    /// The prefix of every calendar column name, which keeps them apart from a file's columns.
    public static let columnPrefix = "calendar:"

    /// Whether the feature is a position in a cycle, given as a sine and cosine pair: the pair makes
    /// the cycle's end meet its start (23:00 is next to 00:00), which one number cannot.
    public var isPeriodic: Bool { self != .holiday }

    /// The feature's column names: `calendar:<name>:sin` and `:cos` for a cycle, `calendar:holiday`.
    public var columnNames: [String] {
        let base = Self.columnPrefix + rawValue
        return isPeriodic ? [base + ":sin", base + ":cos"] : [base]
    }

    /// Where `civil` lies in the feature's cycle, as a fraction of it in [0, 1): the angle is
    /// 2π times this. nil for `holiday`, which is no cycle.
    ///
    /// Days count from 0 (the 1st of a month is 0, Monday is 0), so each cycle starts at angle 0.
    /// Only `hourOfDay` has a fraction within its unit (minutes and seconds): the other cycles are
    /// of whole days, weeks or months, the steps calendars are written in.
    public func cyclePosition(of civil: CivilDateTime) -> Double? {
        switch self {
        case .hourOfDay:
            return (Double(civil.hour) + Double(civil.minute) / 60 + civil.second / 3600) / 24
        case .dayOfWeek:
            return Double(civil.weekday - 1) / 7
        case .dayOfMonth:
            return Double(civil.day - 1) / Double(CivilCalendar.daysInMonth(year: civil.year, month: civil.month))
        case .dayOfYear:
            return Double(civil.dayOfYear - 1) / Double(CivilCalendar.isLeapYear(civil.year) ? 366 : 365)
        case .month:
            return Double(civil.month - 1) / 12
        case .weekOfYear:
            let week = CivilCalendar.isoWeek(fromDays: CivilCalendar.days(year: civil.year, month: civil.month, day: civil.day))
            return Double(week.week - 1) / Double(CivilCalendar.isoWeeksInYear(week.year))
        case .holiday:
            return nil
        }
    }
}
