/// New York Stock Exchange holidays.
///
/// Sources: NYSE Rule 7.2 ("Holidays") and the NYSE's published holiday calendars
/// (nyse.com/markets/hours-calendars); one-off closures from the NYSE's historical closings list.
enum NewYorkHolidays {
    static func closures(year: Int) -> [Int] {
        typealias R = HolidayRules
        let easter = R.easterSunday(year: year)
        var days: [Int] = [
            newYearsDay(year: year),
            R.nthWeekday(3, 1, year: year, month: 2),            // Washington's Birthday
            easter - 2,                                          // Good Friday
            R.lastWeekday(1, year: year, month: 5),              // Memorial Day
            R.nearestWeekday(R.day(year, 7, 4)),                 // Independence Day
            R.nthWeekday(1, 1, year: year, month: 9),            // Labor Day
            R.nthWeekday(4, 4, year: year, month: 11),           // Thanksgiving
            R.nearestWeekday(R.day(year, 12, 25)),               // Christmas
        ]
        // Martin Luther King Jr. Day: the NYSE first closed for it in 1998.
        if year >= 1998 { days.append(R.nthWeekday(3, 1, year: year, month: 1)) }
        // Juneteenth: a federal holiday from 2021, an NYSE holiday from 2022.
        if year >= 2022 { days.append(R.nearestWeekday(R.day(year, 6, 19))) }
        return days + R.listed(oneOffClosures, year: year)
    }

    /// New Year's Day on a Sunday moves to Monday; on a Saturday it is not made up (NYSE Rule 7.2:
    /// the Friday before would end the previous year's accounting period).
    static func newYearsDay(year: Int) -> Int {
        let day = HolidayRules.day(year, 1, 1)
        return HolidayRules.weekday(day) == 7 ? day + 1 : day
    }

    /// Unscheduled closures: national days of mourning for former presidents, the attacks of
    /// 11 September 2001, and Hurricane Sandy (NYSE historical closings; presidential
    /// proclamations of national days of mourning).
    static let oneOffClosures: [(Int, Int, Int)] = [
        (1994, 4, 27),                                       // Richard Nixon
        (2001, 9, 11), (2001, 9, 12), (2001, 9, 13), (2001, 9, 14),
        (2004, 6, 11),                                       // Ronald Reagan
        (2007, 1, 2),                                        // Gerald Ford
        (2012, 10, 29), (2012, 10, 30),                      // Hurricane Sandy
        (2018, 12, 5),                                       // George H. W. Bush
        (2025, 1, 9),                                        // Jimmy Carter
    ]
}
