extension CivilCalendar {
    /// The ISO 8601 week of a day count: weeks start on Monday, and week 1 is the one holding the
    /// year's first Thursday, so a week belongs wholly to one week-numbering `year` (29 December
    /// 2025 is in week 1 of 2026; 1 January 2021 in week 53 of 2020).
    static func isoWeek(fromDays days: Int) -> (year: Int, week: Int) {
        let thursday = days - weekday(fromDays: days) + 4
        let year = date(fromDays: thursday).year
        return (year, (thursday - self.days(year: year, month: 1, day: 1)) / 7 + 1)
    }

    /// 52 or 53: the week of 28 December, which is always in the year's last ISO week.
    static func isoWeeksInYear(_ year: Int) -> Int {
        isoWeek(fromDays: days(year: year, month: 12, day: 28)).week
    }
}
