/// Hong Kong Exchanges holidays: Hong Kong's general holidays, on which the exchange is closed,
/// and whole days lost to typhoons.
///
/// Sources: the General Holidays Ordinance (Cap. 149) and its schedules as amended in 1997
/// (reunification), 1998 (Labour Day and Buddha's Birthday from 1999) and 2011 (substitution of
/// holidays falling on a Sunday); the Government Gazette's yearly lists of general holidays
/// (gov.hk/en/about/abouthk/holiday); HKEX's market notices for typhoon closures. Lunar dates are
/// data (`ChineseFestivalDates`), so lunar holidays are known for 1990–2035 only.
enum HongKongHolidays {
    static func closures(year: Int) -> [Int] {
        let R = HolidayRules.self
        let easter = R.easterSunday(year: year)
        var days: Set<Int> = [
            sundayToMonday(R.day(year, 1, 1)),
            easter - 2,                                              // Good Friday
            easter + 1,                                              // Easter Monday
        ]
        days.formUnion(christmas(year: year))
        if year >= 1997 {
            days.insert(sundayToMonday(R.day(year, 7, 1)))           // HKSAR Establishment Day
            days.insert(sundayToMonday(R.day(year, 10, 1)))          // National Day
        }
        if year <= 1998 && year >= 1997 {
            days.insert(R.day(year, 10, 2))                          // Day after National Day
            days.insert(R.nthWeekday(3, 1, year: year, month: 8))    // Sino-Japanese War Victory Day
        }
        if year >= 1999 {
            days.insert(sundayToMonday(R.day(year, 5, 1)))           // Labour Day
        }
        if year <= 1996 {
            days.insert(R.lastWeekday(1, year: year, month: 8))      // Liberation Day
        }
        days.formUnion(lunarHolidays(year: year, easterMonday: easter + 1, taken: days))
        if year <= 1996, let birthday = queensBirthday(year: year, taken: days) {
            days.insert(birthday)
        }
        return Array(days) + R.listed(oneOffClosures, year: year)
    }

    /// Sunday → Monday, the substitution Cap. 149 gives every general holiday.
    static func sundayToMonday(_ day: Int) -> Int {
        HolidayRules.weekday(day) == 7 ? day + 1 : day
    }

    /// Christmas Day and the first weekday after it (Saturday counts as a weekday); a Christmas
    /// on Sunday is made up on the Monday, pushing the second day to Tuesday.
    static func christmas(year: Int) -> [Int] {
        let christmas = HolidayRules.day(year, 12, 25)
        switch HolidayRules.weekday(christmas) {
        case 5: return [christmas, christmas + 1]
        case 6: return [christmas, christmas + 2]
        case 7: return [christmas + 1, christmas + 2]
        default: return [christmas, christmas + 1]
        }
    }

    /// The holidays set by the Chinese calendar, with Hong Kong's substitutions.
    static func lunarHolidays(year: Int, easterMonday: Int, taken: Set<Int>) -> [Int] {
        typealias F = ChineseFestivalDates
        var days: [Int] = []
        if let newYear = F.date(F.lunarNewYear, year: year) {
            days += [newYear, newYear + 1, newYear + 2]
            if year < 2013 {
                // Before the 2011 amendment took effect, a first day on Saturday closed the eve.
                if HolidayRules.weekday(newYear) == 6 { days.append(newYear - 1) }
            } else if (newYear...newYear + 2).contains(where: { HolidayRules.weekday($0) == 7 }) {
                days.append(newYear + 3)                             // the fourth day in lieu
            }
        }
        if let chingMing = F.date(F.chingMing, year: year) {
            let observed = sundayToMonday(chingMing)
            days.append(observed == easterMonday ? observed + 1 : observed)
        }
        if year >= 1999, let buddha = F.date(F.buddhasBirthday, year: year) {
            days.append(sundayToMonday(buddha))
        }
        if let tuenNg = F.date(F.tuenNg, year: year) { days.append(sundayToMonday(tuenNg)) }
        if let midAutumn = F.date(F.midAutumn, year: year) {
            // The day following the festival; from 2012 a Sunday moves to Monday, and a clash
            // with National Day to the day after.
            var following = midAutumn + 1
            if year >= 2012 { following = sundayToMonday(following) }
            if following == HolidayRules.day(year, 10, 1) { following += 1 }
            days.append(following)
        }
        if let chungYeung = F.date(F.chungYeung, year: year) { days.append(sundayToMonday(chungYeung)) }
        return days
    }

    /// The Queen's official birthday until 1996: the Monday after the first Saturday from 11 June,
    /// or the next free day when another holiday has it.
    static func queensBirthday(year: Int, taken: Set<Int>) -> Int? {
        var monday = HolidayRules.nthWeekday(1, 6, year: year, month: 6)
        while monday < HolidayRules.day(year, 6, 11) { monday += 7 }
        monday += 2
        while taken.contains(monday) { monday += 1 }
        return monday
    }

    /// Closures of a single year: typhoon signal No. 8 or black rainstorm all day, the
    /// handover of 1997, the millennium, and the 70th anniversary of the war's end.
    static let oneOffClosures: [(Int, Int, Int)] = [
        (1992, 7, 22), (1993, 9, 17),                        // typhoons Cary, Becky
        (1997, 6, 30), (1997, 7, 2),                         // handover: Queen's Birthday moved; day after
        (1999, 9, 16),                                       // typhoon York
        (1999, 12, 31),                                      // millennium
        (2001, 7, 6), (2001, 7, 25),                         // typhoons Utor, Yutu
        (2008, 8, 6), (2008, 8, 22),                         // typhoons Kammuri, Nuri
        (2011, 9, 29),                                       // typhoon Nesat
        (2013, 8, 14),                                       // typhoon Utor
        (2015, 9, 3),                                        // 70th anniversary of the War of Resistance
        (2016, 8, 2), (2016, 10, 21),                        // typhoons Nida, Haima
        (2017, 8, 23),                                       // typhoon Hato
        (2020, 10, 13),                                      // typhoon Nangka
        (2021, 10, 13),                                      // typhoon Kompasu
        (2023, 7, 17),                                       // typhoon Talim
        (2024, 9, 6),                                        // typhoon Yagi
    ]
}
