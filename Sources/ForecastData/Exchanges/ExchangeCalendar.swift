/// The trading sessions of one stock exchange: which weekdays it is closed, so that forecasts of a
/// share price are dated on days the exchange trades.
///
/// Holidays are computed from each exchange's rules (see `docs/exchange-calendars.md`) for any
/// year; one-off closures and the lunar dates of Hong Kong are data covering 1990–2035. Half days
/// are sessions. Dates are civil dates in the exchange's own time zone: a timestamp's UTC date (the
/// convention of daily CSV files), or its date on the clock a source wrote (`utcOffset`, seconds
/// east of UTC), since `2019-01-02T00:00:00+01:00` is a session of 2 January, not of 1 January.
public struct ExchangeCalendar: Hashable, Sendable, CustomStringConvertible {
    /// ISO 10383 market identifier codes of the exchanges known here.
    public enum Code: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// New York Stock Exchange.
        case XNYS
        /// London Stock Exchange.
        case XLON
        /// Tokyo Stock Exchange.
        case XTKS
        /// Hong Kong Exchanges and Clearing.
        case XHKG
        /// Frankfurt Stock Exchange (Xetra's calendar).
        case XFRA

        public var description: String { rawValue }

        /// The exchange's name, for messages.
        public var exchangeName: String {
            switch self {
            case .XNYS: return "New York Stock Exchange"
            case .XLON: return "London Stock Exchange"
            case .XTKS: return "Tokyo Stock Exchange"
            case .XHKG: return "Hong Kong Exchanges"
            case .XFRA: return "Frankfurt Stock Exchange"
            }
        }

        /// A code as users type it, case-insensitive; nil when unknown.
        public init?(code: String) {
            self.init(rawValue: code.uppercased())
        }
    }

    public let code: Code

    public init(_ code: Code) {
        self.code = code
    }

    public var description: String { code.rawValue }

    /// Whether a series at `frequency` steps through an exchange's sessions, so that its holidays
    /// apply: trading days, or intraday bars in a `session`. Other frequencies have no sessions an
    /// exchange closes.
    public static func applies(to frequency: Frequency, session: TradingSession?) -> Bool {
        frequency == .tradingDays || (frequency.isSubDaily && session != nil)
    }

    /// The first and last years whose one-off closures and data-listed dates are known.
    public static let coveredYears = 1990...2035

    /// The weekday closures of `year`, in date order, as days since 1970-01-01.
    func closedWeekdays(inYear year: Int) -> [Int] {
        HolidayCache.shared.closedWeekdays(of: code, year: year)
    }

    /// Whether the day `dayNumber` (days since 1970-01-01) is a session.
    public func isSession(dayNumber: Int) -> Bool {
        guard CivilCalendar.weekday(fromDays: dayNumber) <= 5 else { return false }
        let year = CivilCalendar.date(fromDays: dayNumber).year
        return !HolidayCache.shared.isClosedWeekday(dayNumber, of: code, year: year)
    }

    /// Whether the civil date is a session (`false` for an invalid date).
    public func isSession(year: Int, month: Int, day: Int) -> Bool {
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return false }
        return isSession(dayNumber: CivilCalendar.days(year: year, month: month, day: day))
    }

    /// Whether the date of `timestamp` on a clock `utcOffset` seconds east of UTC is a session.
    public func isSession(_ timestamp: Timestamp, utcOffset: Int = 0) -> Bool {
        isSession(dayNumber: timestamp.dayNumber(utcOffset: utcOffset))
    }

    /// The `count` sessions after `timestamp`'s date on a clock `utcOffset` seconds east of UTC,
    /// each keeping its time of day on that clock.
    /// - Precondition: `count >= 0`.
    public func sessions(after timestamp: Timestamp, count: Int, utcOffset: Int = 0) -> [Timestamp] {
        precondition(count >= 0, "count of sessions must not be negative, got \(count)")
        var result: [Timestamp] = []
        result.reserveCapacity(count)
        let day = Double(CivilCalendar.secondsPerDay)
        var current = timestamp
        while result.count < count {
            current = current.advanced(by: day)
            if isSession(current, utcOffset: utcOffset) { result.append(current) }
        }
        return result
    }

    /// The weekdays of `year` the exchange is closed, at midnight UTC, in date order. Holidays that
    /// fall on a weekend without a weekday in lieu do not close the exchange and are not listed.
    public func holidays(inYear year: Int) -> [Timestamp] {
        closedWeekdays(inYear: year).map { Timestamp(secondsSinceEpoch: Double($0 * CivilCalendar.secondsPerDay)) }
    }
}
