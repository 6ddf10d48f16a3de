/// Tokyo Stock Exchange holidays: Japan's national holidays, their substitutes, and the exchange's
/// own year-end closure (31 December to 3 January).
///
/// Sources: the Act on National Holidays (国民の祝日に関する法律) and its amendments (Happy Monday
/// System from 2000 and 2003, Showa Day from 2007, Mountain Day from 2016, the Emperor's Birthday
/// moving in 2019, the Olympic moves of 2020 and 2021), the Cabinet Office's holiday lists
/// (cao.go.jp), and JPX's market holiday page for the exchange's own closures.
enum TokyoHolidays {
    static func closures(year: Int) -> [Int] {
        let R = HolidayRules.self
        let national = nationalHolidays(year: year)
        var days = Set(national)
        // Substitute holiday: a holiday on a Sunday gives the next day that is not a holiday
        // (before 2007 only the Monday, which no other holiday then shared).
        for holiday in national where R.weekday(holiday) == 7 {
            var substitute = holiday + 1
            while days.contains(substitute) { substitute += 1 }
            days.insert(substitute)
        }
        // Citizens' holiday: a weekday between two national holidays (from 1985).
        for holiday in national where national.contains(holiday + 2) && !days.contains(holiday + 1) {
            if R.weekday(holiday + 1) != 7 { days.insert(holiday + 1) }
        }
        days.formUnion([R.day(year, 1, 2), R.day(year, 1, 3), R.day(year, 12, 31)])
        return Array(days) + R.listed(exchangeClosures, year: year)
    }

    /// The holidays the act names for `year`, on their own dates.
    static func nationalHolidays(year: Int) -> [Int] {
        let R = HolidayRules.self
        var days: [Int] = [
            R.day(year, 1, 1),
            year < 2000 ? R.day(year, 1, 15) : R.nthWeekday(2, 1, year: year, month: 1),  // Coming of Age
            R.day(year, 2, 11),                                                           // Foundation Day
            JapaneseEquinoxes.vernal(year: year),
            R.day(year, 4, 29),                                                           // Greenery/Showa Day
            R.day(year, 5, 3), R.day(year, 5, 5),
            year < 2003 ? R.day(year, 9, 15) : R.nthWeekday(3, 1, year: year, month: 9),  // Respect for the Aged
            JapaneseEquinoxes.autumnal(year: year),
            R.day(year, 11, 3), R.day(year, 11, 23),
        ]
        if year >= 2007 { days.append(R.day(year, 5, 4)) }            // Greenery Day
        if let marine = marineDay(year: year) { days.append(marine) }
        if let mountain = mountainDay(year: year) { days.append(mountain) }
        days.append(sportsDay(year: year))
        if (1989...2018).contains(year) { days.append(R.day(year, 12, 23)) }           // Emperor Akihito
        if year >= 2020 { days.append(R.day(year, 2, 23)) }                            // Emperor Naruhito
        return days + R.listed(oneOffHolidays, year: year)
    }

    static func marineDay(year: Int) -> Int? {
        switch year {
        case ..<1996: return nil
        case 1996..<2003: return HolidayRules.day(year, 7, 20)
        case 2020: return HolidayRules.day(2020, 7, 23)
        case 2021: return HolidayRules.day(2021, 7, 22)
        default: return HolidayRules.nthWeekday(3, 1, year: year, month: 7)
        }
    }

    static func mountainDay(year: Int) -> Int? {
        switch year {
        case ..<2016: return nil
        case 2020: return HolidayRules.day(2020, 8, 10)
        case 2021: return HolidayRules.day(2021, 8, 8)
        default: return HolidayRules.day(year, 8, 11)
        }
    }

    /// Health and Sports Day (Sports Day from 2020).
    static func sportsDay(year: Int) -> Int {
        switch year {
        case ..<2000: return HolidayRules.day(year, 10, 10)
        case 2020: return HolidayRules.day(2020, 7, 24)
        case 2021: return HolidayRules.day(2021, 7, 23)
        default: return HolidayRules.nthWeekday(2, 1, year: year, month: 10)
        }
    }

    /// Days the exchange alone was closed: the equity trading system failure of 1 October 2020
    /// (JPX news release, 19 October 2020).
    static let exchangeClosures: [(Int, Int, Int)] = [(2020, 10, 1)]

    /// Holidays enacted for one imperial event each (Cabinet Office).
    static let oneOffHolidays: [(Int, Int, Int)] = [
        (1990, 11, 12),                  // Enthronement ceremony of Emperor Akihito
        (1993, 6, 9),                    // Wedding of Crown Prince Naruhito
        (2019, 4, 30), (2019, 5, 1),     // Abdication of Akihito; accession of Naruhito
        (2019, 10, 22),                  // Enthronement ceremony of Emperor Naruhito
    ]
}
