/// Day arithmetic on the proleptic Gregorian calendar, done with integers so that it is exact and
/// fast for every date from year 1 to 9999 (and beyond, in both directions).
///
/// The formulas are the "days from civil" and "civil from days" algorithms described by Howard
/// Hinnant in "chrono-Compatible Low-Level Date Algorithms": shift the year so that it starts on
/// 1 March (the leap day then falls at the end of a year), split it into 400-year eras of 146 097
/// days, and count days inside the era with the 153-day five-month cycle of month lengths.
enum CivilCalendar {
    /// Days in a 400-year Gregorian era.
    static let daysPerEra = 146_097
    /// Days from 0000-03-01 to 1970-01-01, so that day 0 is the Unix epoch.
    static let epochShift = 719_468
    /// Seconds in a civil day (UTC has no daylight-saving shifts).
    static let secondsPerDay = 86_400

    /// Days from 1970-01-01 to the given date; negative before 1970.
    /// `day` may run past the month's end: the count is linear in `day`.
    @inline(__always)
    static func days(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400                          // 0 ... 399
        let marchMonth = month > 2 ? month - 3 : month + 9             // March = 0 ... February = 11
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1           // 0 ... 365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * daysPerEra + dayOfEra - epochShift
    }

    /// The civil date of a day count from 1970-01-01.
    @inline(__always)
    static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + epochShift
        let era = (shifted >= 0 ? shifted : shifted - (daysPerEra - 1)) / daysPerEra
        let dayOfEra = shifted - era * daysPerEra                                          // 0 ... 146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)     // 0 ... 365
        let marchMonth = (5 * dayOfYear + 2) / 153                                         // 0 ... 11
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// ISO weekday of a day count: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    @inline(__always)
    static func weekday(fromDays days: Int) -> Int {
        let sinceMonday = ((days % 7) + 7 + 3) % 7
        return sinceMonday + 1
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether the fields name a real date (no 30 February, no month 13).
    @inline(__always)
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Floor division, so that times before 1970 fall on the day they belong to.
    @inline(__always)
    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
