/// The Gregorian dates of the Chinese-calendar festivals behind Hong Kong's lunar holidays,
/// 1990–2035, before any Sunday substitution: the Chinese calendar depends on new moons and solar
/// terms observed at Beijing time, which is not worth computing here.
///
/// Source: Hong Kong Observatory, "Gregorian-Lunar Calendar Conversion Table"
/// (hko.gov.hk/en/gts/time/conversion.htm); transcribed from the lunisolar tables of the
/// `exchange_calendars` Python package, which are derived from it.
enum ChineseFestivalDates {
    static let firstYear = 1990
    static let lastYear = 2035

    /// Lunar New Year's Day (1st day of the 1st month): (month, day) for each year from `firstYear`.
    static let lunarNewYear: [(Int, Int)] = [
        (1, 27), (2, 15), (2, 4), (1, 23), (2, 10), (1, 31), (2, 19), (2, 7),
        (1, 28), (2, 16), (2, 5), (1, 24), (2, 12), (2, 1), (1, 22), (2, 9),
        (1, 29), (2, 18), (2, 7), (1, 26), (2, 14), (2, 3), (1, 23), (2, 10),
        (1, 31), (2, 19), (2, 8), (1, 28), (2, 16), (2, 5), (1, 25), (2, 12),
        (2, 1), (1, 22), (2, 10), (1, 29), (2, 17), (2, 6), (1, 26), (2, 13),
        (2, 3), (1, 23), (2, 11), (1, 31), (2, 19), (2, 8),
    ]

    /// Ching Ming (the Qingming solar term): (month, day) for each year from `firstYear`.
    static let chingMing: [(Int, Int)] = [
        (4, 5), (4, 5), (4, 4), (4, 5), (4, 5), (4, 5), (4, 4), (4, 5),
        (4, 5), (4, 5), (4, 4), (4, 5), (4, 5), (4, 5), (4, 4), (4, 5),
        (4, 5), (4, 5), (4, 4), (4, 4), (4, 5), (4, 5), (4, 4), (4, 4),
        (4, 5), (4, 5), (4, 4), (4, 4), (4, 5), (4, 5), (4, 4), (4, 4),
        (4, 5), (4, 5), (4, 4), (4, 4), (4, 5), (4, 5), (4, 4), (4, 4),
        (4, 5), (4, 5), (4, 4), (4, 4), (4, 5), (4, 5),
    ]

    /// Buddha's Birthday (8th day of the 4th month): (month, day) for each year from `firstYear`.
    static let buddhasBirthday: [(Int, Int)] = [
        (5, 2), (5, 21), (5, 10), (5, 28), (5, 18), (5, 7), (5, 24), (5, 14),
        (5, 3), (5, 22), (5, 11), (4, 30), (5, 19), (5, 8), (5, 26), (5, 15),
        (5, 5), (5, 24), (5, 12), (5, 2), (5, 21), (5, 10), (4, 28), (5, 17),
        (5, 6), (5, 25), (5, 14), (5, 3), (5, 22), (5, 12), (4, 30), (5, 19),
        (5, 8), (5, 26), (5, 15), (5, 5), (5, 24), (5, 13), (5, 2), (5, 20),
        (5, 9), (5, 28), (5, 16), (5, 6), (4, 26), (5, 15),
    ]

    /// Tuen Ng (5th day of the 5th month): (month, day) for each year from `firstYear`.
    static let tuenNg: [(Int, Int)] = [
        (5, 28), (6, 16), (6, 5), (6, 24), (6, 13), (6, 2), (6, 20), (6, 9),
        (5, 30), (6, 18), (6, 6), (6, 25), (6, 15), (6, 4), (6, 22), (6, 11),
        (5, 31), (6, 19), (6, 8), (5, 28), (6, 16), (6, 6), (6, 23), (6, 12),
        (6, 2), (6, 20), (6, 9), (5, 30), (6, 18), (6, 7), (6, 25), (6, 14),
        (6, 3), (6, 22), (6, 10), (5, 31), (6, 19), (6, 9), (5, 28), (6, 16),
        (6, 5), (6, 24), (6, 12), (6, 1), (5, 22), (6, 10),
    ]

    /// Mid-Autumn Festival (15th day of the 8th month): (month, day) for each year from `firstYear`.
    static let midAutumn: [(Int, Int)] = [
        (10, 3), (9, 22), (9, 11), (9, 30), (9, 20), (9, 9), (9, 27), (9, 16),
        (10, 5), (9, 24), (9, 12), (10, 1), (9, 21), (9, 11), (9, 28), (9, 18),
        (10, 6), (9, 25), (9, 14), (10, 3), (9, 22), (9, 12), (9, 30), (9, 19),
        (9, 8), (9, 27), (9, 15), (10, 4), (9, 24), (9, 13), (10, 1), (9, 21),
        (9, 10), (9, 29), (9, 17), (10, 6), (9, 25), (9, 15), (10, 3), (9, 22),
        (9, 12), (10, 1), (9, 19), (9, 8), (8, 28), (9, 16),
    ]

    /// Chung Yeung (9th day of the 9th month): (month, day) for each year from `firstYear`.
    static let chungYeung: [(Int, Int)] = [
        (10, 26), (10, 16), (10, 4), (10, 23), (10, 13), (11, 1), (10, 20), (10, 10),
        (10, 28), (10, 17), (10, 6), (10, 25), (10, 14), (10, 4), (10, 22), (10, 11),
        (10, 30), (10, 19), (10, 7), (10, 26), (10, 16), (10, 5), (10, 23), (10, 13),
        (10, 2), (10, 21), (10, 9), (10, 28), (10, 17), (10, 7), (10, 25), (10, 14),
        (10, 4), (10, 23), (10, 11), (10, 29), (10, 18), (10, 8), (10, 26), (10, 16),
        (10, 5), (10, 24), (10, 12), (10, 1), (9, 21), (10, 9),
    ]

    /// The festival's day number in `year`, nil outside 1990–2035.
    static func date(_ table: [(Int, Int)], year: Int) -> Int? {
        guard (firstYear...lastYear).contains(year) else { return nil }
        let (month, day) = table[year - firstYear]
        return HolidayRules.day(year, month, day)
    }
}
