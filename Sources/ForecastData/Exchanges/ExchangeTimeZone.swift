/// The clock an exchange trades on: its offset from UTC at an instant, with daylight saving where
/// the exchange's city has it. What dates intraday forecasts across a change of clock, when the
/// bars are written in UTC or with offsets.
///
/// Rules: New York, the United States' since 2007 (Energy Policy Act of 2005, §110): UTC−5, and
/// UTC−4 from the second Sunday of March at 02:00 local time to the first Sunday of November at
/// 02:00 local time. London (UTC+0) and Frankfurt (UTC+1), the European Union's since 1996
/// (Directive 2000/84/EC): one hour more from the last Sunday of March to the last Sunday of
/// October, changing at 01:00 UTC. Tokyo (UTC+9) and Hong Kong (UTC+8) keep one offset.
public struct ExchangeTimeZone: Hashable, Sendable {
    enum Rule: Hashable, Sendable { case none, unitedStates, europeanUnion }

    /// Seconds east of UTC outside daylight saving.
    public let standardOffset: Int
    let rule: Rule
    /// The regular close, in seconds after local midnight (New York 16:00, London 16:30, Xetra
    /// 17:30, Tokyo 15:30, Hong Kong 16:00; the exchanges' published trading hours): what tells
    /// bars written in UTC by their hours, and where an early close (`EarlyCloses`) cuts a session.
    public let regularClose: Int

    public init(_ code: ExchangeCalendar.Code) {
        switch code {
        case .XNYS: (standardOffset, rule, regularClose) = (-5 * 3600, .unitedStates, 16 * 3600)
        case .XLON: (standardOffset, rule, regularClose) = (0, .europeanUnion, 16 * 3600 + 1800)
        case .XFRA: (standardOffset, rule, regularClose) = (3600, .europeanUnion, 17 * 3600 + 1800)
        case .XTKS: (standardOffset, rule, regularClose) = (9 * 3600, .none, 15 * 3600 + 1800)
        case .XHKG: (standardOffset, rule, regularClose) = (8 * 3600, .none, 16 * 3600)
        }
    }

    /// The offset from UTC (seconds east) at `instant`.
    public func utcOffset(at instant: Timestamp) -> Int {
        guard let (start, end) = daylightSaving(year: instant.civil.year) else { return standardOffset }
        let seconds = instant.secondsSinceEpoch
        return seconds >= start && seconds < end ? standardOffset + 3600 : standardOffset
    }

    /// `instants` on this zone's clock: `utcOffset(at:)` added to each, with each year's changes of
    /// clock worked out once rather than for every bar.
    public func localTimes(_ instants: [Timestamp]) -> [Timestamp] {
        var year: (range: Range<Double>, daylightSaving: (start: Double, end: Double)?) = (0..<0, nil)
        return instants.map { instant in
            let seconds = instant.secondsSinceEpoch
            if !year.range.contains(seconds) {
                let civilYear = instant.civil.year
                let day = Double(CivilCalendar.secondsPerDay)
                let first = Double(CivilCalendar.days(year: civilYear, month: 1, day: 1)) * day
                let next = Double(CivilCalendar.days(year: civilYear + 1, month: 1, day: 1)) * day
                year = (first..<next, daylightSaving(year: civilYear))
            }
            let summer = year.daylightSaving.map { seconds >= $0.start && seconds < $0.end } ?? false
            return instant.advanced(by: Double(standardOffset + (summer ? 3600 : 0)))
        }
    }

    /// The offset from UTC at the local wall-clock time `wall` (a timestamp read as local time);
    /// in the hour a change of clock skips or repeats, the offset before the change.
    public func utcOffset(atLocal wall: Timestamp) -> Int {
        utcOffset(at: wall.advanced(by: Double(-standardOffset)))
    }

    /// The instants (seconds since 1970, UTC) daylight saving starts and ends in `year`; nil
    /// without daylight saving.
    func daylightSaving(year: Int) -> (start: Double, end: Double)? {
        let day = Double(CivilCalendar.secondsPerDay)
        switch rule {
        case .none:
            return nil
        case .unitedStates:
            guard year >= 2007 else { return nil }
            let start = Double(HolidayRules.nthWeekday(2, 7, year: year, month: 3)) * day + Double(2 * 3600 - standardOffset)
            let end = Double(HolidayRules.nthWeekday(1, 7, year: year, month: 11)) * day + Double(2 * 3600 - standardOffset - 3600)
            return (start, end)
        case .europeanUnion:
            guard year >= 1996 else { return nil }
            let start = Double(HolidayRules.lastWeekday(7, year: year, month: 3)) * day + 3600
            let end = Double(HolidayRules.lastWeekday(7, year: year, month: 10)) * day + 3600
            return (start, end)
        }
    }
}

/// A series' intraday bars read against its exchange's clock (`TimeSeries.exchangeClock`).
struct ExchangeClock {
    let zone: ExchangeTimeZone
    /// The session on the source's clock.
    let session: TradingSession
    /// Seconds from the source's clock to the exchange's at the series' last bar.
    let shift: Int
    /// Whether the source writes the zone's own offsets (each date is then written with its day's).
    let writesZoneOffsets: Bool

    /// The session on the exchange's clock; nil when shifting it would cross midnight.
    var localSession: TradingSession? {
        let times = session.barTimes.map { $0 + shift }
        guard times.allSatisfy({ (0..<CivilCalendar.secondsPerDay).contains($0) }) else { return nil }
        return TradingSession(barTimes: times, weekdaysOnly: session.weekdaysOnly)
    }
}
