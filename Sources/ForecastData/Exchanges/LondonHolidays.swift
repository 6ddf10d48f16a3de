/// London Stock Exchange holidays: the bank holidays of England and Wales, when the exchange is
/// closed.
///
/// Sources: the Banking and Financial Dealings Act 1971 and the royal proclamations moving or adding
/// bank holidays (gov.uk/bank-holidays); the LSE's trading calendars for the millennium closure.
enum LondonHolidays {
    static func closures(year: Int) -> [Int] {
        typealias R = HolidayRules
        let easter = R.easterSunday(year: year)
        var days: [Int] = [
            R.nextMonday(ifWeekend: R.day(year, 1, 1)),          // New Year's Day
            easter - 2,                                          // Good Friday
            easter + 1,                                          // Easter Monday
            earlyMay(year: year),
            spring(year: year),
            R.lastWeekday(1, year: year, month: 8),              // Summer bank holiday
        ]
        days += christmasAndBoxingDay(year: year)
        return days + R.listed(oneOffClosures, year: year)
    }

    /// First Monday of May, moved to 8 May (VE Day) for its 50th and 75th anniversaries.
    static func earlyMay(year: Int) -> Int {
        if year == 1995 || year == 2020 { return HolidayRules.day(year, 5, 8) }
        return HolidayRules.nthWeekday(1, 1, year: year, month: 5)
    }

    /// Last Monday of May, moved next to the jubilees of 2002, 2012 and 2022.
    static func spring(year: Int) -> Int {
        switch year {
        case 2002: return HolidayRules.day(2002, 6, 4)
        case 2012: return HolidayRules.day(2012, 6, 4)
        case 2022: return HolidayRules.day(2022, 6, 2)
        default: return HolidayRules.lastWeekday(1, year: year, month: 5)
        }
    }

    /// 25 and 26 December; either on a weekend moves to the next free weekday.
    static func christmasAndBoxingDay(year: Int) -> [Int] {
        let christmas = HolidayRules.day(year, 12, 25)
        switch HolidayRules.weekday(christmas) {
        case 5: return [christmas, christmas + 3]            // Friday: Boxing Day Saturday → Monday
        case 6: return [christmas + 2, christmas + 3]        // Saturday: Monday and Tuesday
        case 7: return [christmas + 1, christmas + 2]        // Sunday: Monday and Tuesday
        default: return [christmas, christmas + 1]
        }
    }

    /// The millennium, royal weddings, jubilees, a state funeral and a coronation.
    static let oneOffClosures: [(Int, Int, Int)] = [
        (1999, 12, 31),                                      // Millennium celebrations
        (2002, 6, 3),                                        // Golden Jubilee
        (2011, 4, 29),                                       // Wedding of Prince William
        (2012, 6, 5),                                        // Diamond Jubilee
        (2022, 6, 3),                                        // Platinum Jubilee
        (2022, 9, 19),                                       // State funeral of Queen Elizabeth II
        (2023, 5, 8),                                        // Coronation of King Charles III
    ]
}
