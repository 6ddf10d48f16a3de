/// Which exchange's holidays explain the gaps of a daily series of trading days.
///
/// A share-price file has no row on its exchange's holidays, and a row on every other weekday
/// (apart from the odd missing day). So the exchange is the one whose closed weekdays in the
/// series' span best coincide with the weekdays that have no row: the agreement is
/// |missing ∩ closed| / |missing ∪ closed| (the Jaccard index), which falls both for missing days
/// the exchange trades and for holidays that appear as rows.
public enum ExchangeDetection {
    /// The agreement the best exchange must reach.
    public static let minimumAgreement = 0.8
    /// How far ahead of the runner-up the best exchange must be, so that overlapping calendars
    /// (London and Frankfurt share Easter and Christmas) do not decide on too little.
    public static let minimumMargin = 0.2
    /// How many of the best exchange's holidays the span must hold for `minimumAgreement` to
    /// decide; a shorter span (a few months' download) needs exact agreement on at least two:
    /// every weekday without a row is one of its holidays, and every holiday has no row. One gap
    /// alone proves nothing (a sixth of weekdays are some exchange's holiday).
    public static let minimumHolidays = 6

    /// Each exchange's agreement with the gaps of `timestamps` (read by their UTC dates), best first.
    public static func agreements(with timestamps: [Timestamp]) -> [(code: ExchangeCalendar.Code, agreement: Double, holidays: Int)] {
        let rows = Set(timestamps.map(\.dayNumber))
        guard let first = rows.min(), let last = rows.max() else { return [] }
        let missing = Set((first...last).filter { CivilCalendar.weekday(fromDays: $0) <= 5 && !rows.contains($0) })
        let firstYear = CivilCalendar.date(fromDays: first).year
        let lastYear = CivilCalendar.date(fromDays: last).year
        let scored = ExchangeCalendar.Code.allCases.map { code -> (code: ExchangeCalendar.Code, agreement: Double, holidays: Int) in
            let calendar = ExchangeCalendar(code)
            var closed = Set<Int>()
            for year in firstYear...lastYear {
                closed.formUnion(calendar.closedWeekdays(inYear: year).filter { $0 >= first && $0 <= last })
            }
            let union = missing.union(closed).count
            let agreement = union == 0 ? 0 : Double(missing.intersection(closed).count) / Double(union)
            return (code, agreement, closed.count)
        }
        return scored.sorted { $0.agreement > $1.agreement }
    }

    /// The exchange whose holidays explain the missing weekdays of `timestamps`, or nil when none
    /// does clearly: the best must agree at `minimumAgreement` (exactly, with fewer than
    /// `minimumHolidays` holidays in the span, and at least two) and lead the others by
    /// `minimumMargin`. Timestamps on weekends (more than 1 %) mean the series is not of trading
    /// days, and nothing is detected.
    public static func detect(in timestamps: [Timestamp]) -> ExchangeCalendar.Code? {
        let weekendRows = timestamps.lazy.filter { CivilCalendar.weekday(fromDays: $0.dayNumber) >= 6 }.count
        guard Double(weekendRows) <= 0.01 * Double(timestamps.count) else { return nil }
        let ranked = agreements(with: timestamps)
        guard let best = ranked.first, best.holidays >= 2,
              best.holidays >= minimumHolidays ? best.agreement >= minimumAgreement : best.agreement == 1
        else { return nil }
        let runnerUp = ranked.dropFirst().first?.agreement ?? 0
        return best.agreement - runnerUp >= minimumMargin ? best.code : nil
    }
}
