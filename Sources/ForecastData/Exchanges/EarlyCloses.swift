/// The sessions an exchange ends early, on its own clock: a forecast of intraday bars stops at the
/// early close on those days and goes on at the next open, where it would fill a closed afternoon.
///
/// - New York, for the years of the current rules (2013 on): the NYSE closes at 13:00 instead of
///   16:00 on the day after Thanksgiving, on 24 December when it falls on Monday to Thursday, and on
///   3 July when it falls on Monday to Thursday (Independence Day then comes on a weekday after it).
///   Source: NYSE Rule 7.2 and the NYSE's published holiday and hours calendars
///   (nyse.com/markets/hours-calendars, "early close at 1:00 p.m.").
/// - London, 2007 on: the market's closing process starts at 12:30 instead of 16:30 on the last
///   session before Christmas Day and the last before New Year's Day (24 and 31 December, or the
///   Friday before when they fall on a weekend: 22 and 29 December 2023). Source: the London Stock
///   Exchange's business-days calendar (lseg.com, "Markets closing process commences from 12:30
///   London time") and its Christmas service notices since 2007.
/// - Hong Kong, 2011 on (years of today's 09:30–12:00 and 13:00–16:00 sessions): no afternoon
///   session, a close at 12:00, on the eves of Christmas, the New Year and the Lunar New Year when
///   they fall on a session day. Source: HKEX's trading calendars, as brokers publish them ("half-day
///   trading (i.e. no afternoon session)": 11 February, 24 and 31 December 2021). Where an eve falls
///   on a weekend, no other day is listed.
///
/// The other exchanges' shortened days are not listed: their sessions are forecast in full.
public enum EarlyCloses {
    /// The early close of `code`'s session on `dayNumber` (days since 1970-01-01), in seconds after
    /// local midnight, when that session ends early; nil otherwise. The regular close is
    /// `ExchangeTimeZone.regularClose`.
    public static func close(of code: ExchangeCalendar.Code, dayNumber: Int) -> Int? {
        let date = CivilCalendar.date(fromDays: dayNumber)
        let weekday = CivilCalendar.weekday(fromDays: dayNumber)
        switch code {
        case .XNYS:
            guard date.year >= 2013 else { return nil }
            let thanksgiving = HolidayRules.nthWeekday(4, 4, year: date.year, month: 11)
            let early = dayNumber == thanksgiving + 1
                || (date.month == 12 && date.day == 24 && weekday <= 4)
                || (date.month == 7 && date.day == 3 && weekday <= 4)
            return early ? 13 * 3600 : nil
        case .XLON:
            guard date.year >= 2007, date.month == 12, weekday <= 5 else { return nil }
            // The last weekday before 25 December or before 1 January (London's 24 and 31 December
            // are never holidays).
            let christmas = CivilCalendar.days(year: date.year, month: 12, day: 25)
            let newYear = CivilCalendar.days(year: date.year + 1, month: 1, day: 1)
            return dayNumber == lastWeekday(before: christmas) || dayNumber == lastWeekday(before: newYear) ? 12 * 3600 + 1800 : nil
        case .XHKG:
            guard date.year >= 2011, weekday <= 5 else { return nil }
            let lunarEve = ChineseFestivalDates.date(ChineseFestivalDates.lunarNewYear, year: date.year).map { $0 - 1 }
            let eve = (date.month == 12 && (date.day == 24 || date.day == 31)) || dayNumber == lunarEve
            return eve ? 12 * 3600 : nil
        case .XFRA, .XTKS:
            return nil
        }
    }

    /// The last Monday-to-Friday day before `dayNumber`.
    static func lastWeekday(before dayNumber: Int) -> Int {
        var day = dayNumber - 1
        while CivilCalendar.weekday(fromDays: day) > 5 { day -= 1 }
        return day
    }
}
