/// The sessions an exchange ends early, on its own clock: a forecast of intraday bars stops at the
/// early close on those days and goes on at the next open, where it would fill a closed afternoon.
///
/// New York only, for the years of the current rules (2013 on): the NYSE closes at 13:00 instead of
/// 16:00 on the day after Thanksgiving, on 24 December when it falls on Monday to Thursday, and on
/// 3 July when it falls on Monday to Thursday (Independence Day then comes on a weekday after it).
/// Source: NYSE Rule 7.2 and the NYSE's published holiday and hours calendars
/// (nyse.com/markets/hours-calendars, "early close at 1:00 p.m."). The other exchanges' shortened
/// days are not listed: their sessions are forecast in full.
public enum EarlyCloses {
    /// The early close of `code`'s session on `dayNumber` (days since 1970-01-01), in seconds after
    /// local midnight, when that session ends early; nil otherwise. The regular close is
    /// `ExchangeTimeZone.regularClose`.
    public static func close(of code: ExchangeCalendar.Code, dayNumber: Int) -> Int? {
        guard code == .XNYS else { return nil }
        let date = CivilCalendar.date(fromDays: dayNumber)
        guard date.year >= 2013 else { return nil }
        let weekday = CivilCalendar.weekday(fromDays: dayNumber)
        let thanksgiving = HolidayRules.nthWeekday(4, 4, year: date.year, month: 11)
        let early = dayNumber == thanksgiving + 1
            || (date.month == 12 && date.day == 24 && weekday <= 4)
            || (date.month == 7 && date.day == 3 && weekday <= 4)
        return early ? 13 * 3600 : nil
    }
}
