/// Frankfurt Stock Exchange holidays (the Xetra and floor trading calendar of Deutsche Börse).
///
/// Sources: Deutsche Börse's published trading calendars (deutsche-boerse.com, "Trading
/// calendar"), which since 2000 close on New Year's Day, Good Friday, Easter Monday, Labour Day
/// and 24–26 and 31 December; Whit Monday and German Unity Day as listed there for 2007 and
/// 2014–2021; Reformation Day for its 500th anniversary (2017).
enum FrankfurtHolidays {
    static func closures(year: Int) -> [Int] {
        typealias R = HolidayRules
        let easter = R.easterSunday(year: year)
        var days: [Int] = [
            R.day(year, 1, 1),
            easter - 2,                                          // Good Friday
            easter + 1,                                          // Easter Monday
            R.day(year, 5, 1),                                   // Labour Day
            R.day(year, 12, 24), R.day(year, 12, 25), R.day(year, 12, 26), R.day(year, 12, 31),
        ]
        if year == 2007 || (2015...2021).contains(year) { days.append(easter + 50) }   // Whit Monday
        if (2014...2021).contains(year) { days.append(R.day(year, 10, 3)) }            // German Unity Day
        if year == 2017 { days.append(R.day(2017, 10, 31)) }                           // Reformation Day
        return days
    }
}
