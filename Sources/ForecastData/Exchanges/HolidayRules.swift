/// The building blocks of holiday rules, on day numbers (days since 1970-01-01), and the choice of
/// each exchange's rule set.
enum HolidayRules {
    /// Every closure the exchange's rules give for `year` (weekends included; the cache drops them).
    static func closures(of code: ExchangeCalendar.Code, year: Int) -> [Int] {
        switch code {
        case .XNYS: return NewYorkHolidays.closures(year: year)
        case .XLON: return LondonHolidays.closures(year: year)
        case .XTKS: return TokyoHolidays.closures(year: year)
        case .XHKG: return HongKongHolidays.closures(year: year)
        case .XFRA: return FrankfurtHolidays.closures(year: year)
        }
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    /// ISO weekday, 1 = Monday … 7 = Sunday.
    static func weekday(_ day: Int) -> Int {
        CivilCalendar.weekday(fromDays: day)
    }

    /// The `n`th `weekday` (ISO) of a month; `n` from 1.
    static func nthWeekday(_ n: Int, _ weekday: Int, year: Int, month: Int) -> Int {
        let first = day(year, month, 1)
        let offset = (weekday - self.weekday(first) + 7) % 7
        return first + offset + 7 * (n - 1)
    }

    /// The last `weekday` (ISO) of a month.
    static func lastWeekday(_ weekday: Int, year: Int, month: Int) -> Int {
        let last = day(year, month, CivilCalendar.daysInMonth(year: year, month: month))
        return last - (self.weekday(last) - weekday + 7) % 7
    }

    /// Saturday → Friday before, Sunday → Monday after: the US federal observance.
    static func nearestWeekday(_ day: Int) -> Int {
        switch weekday(day) {
        case 6: return day - 1
        case 7: return day + 1
        default: return day
        }
    }

    /// Saturday or Sunday → the Monday after.
    static func nextMonday(ifWeekend day: Int) -> Int {
        switch weekday(day) {
        case 6: return day + 2
        case 7: return day + 1
        default: return day
        }
    }

    /// Easter Sunday of the Gregorian calendar, by the anonymous ("Meeus/Jones/Butcher") computus.
    static func easterSunday(year: Int) -> Int {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return day(year, month, dayOfMonth)
    }

    /// The listed dates that fall in `year`.
    static func listed(_ dates: [(Int, Int, Int)], year: Int) -> [Int] {
        dates.lazy.filter { $0.0 == year }.map { day($0.0, $0.1, $0.2) }
    }
}
