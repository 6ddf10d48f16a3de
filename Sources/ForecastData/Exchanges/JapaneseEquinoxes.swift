/// The days of Japan's equinox holidays, which the Cabinet fixes each February from the National
/// Astronomical Observatory of Japan's ephemeris.
///
/// The approximation used is the widely published one for 1980–2099: day =
/// ⌊C + 0.242194 (y − 1980) − ⌊(y − 1980) / 4⌋⌋ with C = 20.8431 (March) and 23.2488 (September),
/// which follows the mean tropical year (0.242194 days past 365) and the leap-year reset.
enum JapaneseEquinoxes {
    static func vernal(year: Int) -> Int {
        HolidayRules.day(year, 3, dayOfMonth(year: year, constant: 20.8431))
    }

    static func autumnal(year: Int) -> Int {
        HolidayRules.day(year, 9, dayOfMonth(year: year, constant: 23.2488))
    }

    private static func dayOfMonth(year: Int, constant: Double) -> Int {
        let elapsed = year - 1980
        let leapResets = CivilCalendar.floorDivide(elapsed, 4)
        return Int((constant + 0.242194 * Double(elapsed) - Double(leapResets)).rounded(.down))
    }
}
