/// A UTC date and time split into the fields people read: what `Timestamp.civil` returns.
///
/// The calendar is the proleptic Gregorian one (Gregorian rules extended before 1582), the same as
/// ISO 8601 and every spreadsheet, so dates round-trip with the files users bring.
public struct CivilDateTime: Hashable, Sendable {
    public var year: Int
    /// 1 = January … 12 = December.
    public var month: Int
    /// 1 … 31.
    public var day: Int
    /// 0 … 23.
    public var hour: Int
    /// 0 … 59.
    public var minute: Int
    /// 0 ..< 60, with the fraction of the second.
    public var second: Double
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, weekday: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.weekday = weekday
    }

    /// Whether the day is Saturday or Sunday, the days exchanges are closed.
    public var isWeekend: Bool { weekday >= 6 }

    /// Whether the day is the last of its month (month-end series keep this when extended).
    public var isLastDayOfMonth: Bool { day == CivilCalendar.daysInMonth(year: year, month: month) }

    /// Day of the year, 1 … 366.
    public var dayOfYear: Int {
        CivilCalendar.days(year: year, month: month, day: day) - CivilCalendar.days(year: year, month: 1, day: 1) + 1
    }

    /// Whether the time of day is exactly midnight (the value names a whole day).
    public var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 }
}
