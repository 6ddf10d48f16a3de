import Testing
@testable import ForecastData

/// Intraday forecasts across a change of daylight saving, and the zones behind them.
@Suite struct ExchangeClockTests {
    static let newYork = ExchangeCalendar(.XNYS)
    /// 09:30 to 15:55 New York time, every five minutes.
    static let localSession = TradingSession(firstBar: 9 * 3600 + 1800, lastBar: 15 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)

    /// Friday 6 March 2026's bars, the last before daylight saving starts on Sunday 8 March, as
    /// instants (UTC).
    static let friday: [Timestamp] = (0..<78).map {
        Timestamp(year: 2026, month: 3, day: 6, hour: 14, minute: 30, second: 0).advanced(by: Double($0 * 300))
    }

    static func series(utcOffset: Int, session: TradingSession, exchange: ExchangeCalendar? = newYork) -> TimeSeries {
        // Timestamps are instants (UTC) whatever offset the source wrote them with.
        var series = TimeSeries(name: "close", timestamps: friday,
                                values: Array(repeating: 1, count: 78), frequency: .minutes(5), dateFormat: .isoDateTime,
                                exchange: exchange, utcOffset: utcOffset)
        series.session = session
        return series
    }

    /// Bars written with New York's offsets (`-05:00`): Monday opens at 09:30 `-04:00`, 13:30 UTC.
    @Test func barsWithTheExchangesOffsetsFollowItsChangeOfClock() {
        let series = Self.series(utcOffset: -5 * 3600, session: Self.localSession)
        let next = series.futureTimestamps(count: 2)
        #expect(next == [Timestamp(year: 2026, month: 3, day: 9, hour: 13, minute: 30, second: 0),
                         Timestamp(year: 2026, month: 3, day: 9, hour: 13, minute: 35, second: 0)])
        #expect(series.format(next[0]) == "2026-03-09T09:30:00-04:00")
        #expect(series.format(Self.friday[0]) == "2026-03-06T09:30:00-05:00")
    }

    /// Bars written in UTC with New York's hours (14:30 to 20:55 in winter): Monday's open is 13:30 UTC.
    @Test func barsWrittenInUTCFollowTheExchangesChangeOfClock() {
        let utcSession = TradingSession(firstBar: 14 * 3600 + 1800, lastBar: 20 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)
        let series = Self.series(utcOffset: 0, session: utcSession)
        #expect(series.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 3, day: 9, hour: 13, minute: 30, second: 0)])
        // Without the exchange, the clock is unknown and the hours are kept.
        #expect(Self.series(utcOffset: 0, session: utcSession, exchange: nil).futureTimestamps(count: 1)
                == [Timestamp(year: 2026, month: 3, day: 9, hour: 14, minute: 30, second: 0)])
    }

    /// Bars on New York's wall clock without offsets need no change: 09:30 stays 09:30.
    @Test func barsOnALocalClockWithoutOffsetsKeepTheirHours() {
        var series = TimeSeries(name: "close", timestamps: Self.friday.map { $0.advanced(by: -5 * 3600) },
                                values: Array(repeating: 1, count: 78), frequency: .minutes(5), exchange: Self.newYork)
        series.session = Self.localSession
        #expect(series.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 3, day: 9, hour: 9, minute: 30, second: 0)])
    }

    @Test func zones() {
        let newYork = ExchangeTimeZone(.XNYS)
        // 2026: from 8 March 07:00 UTC to 1 November 06:00 UTC.
        #expect(newYork.utcOffset(at: Timestamp(year: 2026, month: 3, day: 8, hour: 6, minute: 59, second: 0)) == -5 * 3600)
        #expect(newYork.utcOffset(at: Timestamp(year: 2026, month: 3, day: 8, hour: 7, minute: 0, second: 0)) == -4 * 3600)
        #expect(newYork.utcOffset(at: Timestamp(year: 2026, month: 11, day: 1, hour: 5, minute: 59, second: 0)) == -4 * 3600)
        #expect(newYork.utcOffset(at: Timestamp(year: 2026, month: 11, day: 1, hour: 6, minute: 0, second: 0)) == -5 * 3600)
        let london = ExchangeTimeZone(.XLON)
        // 2026: from 29 March 01:00 UTC to 25 October 01:00 UTC.
        #expect(london.utcOffset(at: Timestamp(year: 2026, month: 3, day: 29, hour: 0, minute: 59, second: 0)) == 0)
        #expect(london.utcOffset(at: Timestamp(year: 2026, month: 3, day: 29, hour: 1, minute: 0, second: 0)) == 3600)
        #expect(london.utcOffset(at: Timestamp(year: 2026, month: 10, day: 25, hour: 1, minute: 0, second: 0)) == 0)
        #expect(ExchangeTimeZone(.XFRA).utcOffset(atLocal: Timestamp(year: 2026, month: 7, day: 1, hour: 9, minute: 0, second: 0)) == 7200)
        #expect(ExchangeTimeZone(.XTKS).utcOffset(at: Timestamp(year: 2026, month: 7, day: 1)) == 9 * 3600)
    }

    /// An early close on a UTC clock: the day after Thanksgiving ends at 18:00 UTC (13:00 in New York).
    @Test func anEarlyCloseOnAUTCClock() {
        let utcSession = TradingSession(firstBar: 14 * 3600 + 1800, lastBar: 20 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)
        var series = TimeSeries(name: "close", timestamps: (0..<78).map {
            Timestamp(year: 2026, month: 11, day: 25, hour: 14, minute: 30, second: 0).advanced(by: Double($0 * 300))
        }, values: Array(repeating: 1, count: 78), frequency: .minutes(5), exchange: Self.newYork)
        series.session = utcSession
        let next = series.futureTimestamps(count: 43)
        #expect(next[0] == Timestamp(year: 2026, month: 11, day: 27, hour: 14, minute: 30, second: 0))
        #expect(next[41] == Timestamp(year: 2026, month: 11, day: 27, hour: 17, minute: 55, second: 0))
        #expect(next[42] == Timestamp(year: 2026, month: 11, day: 30, hour: 14, minute: 30, second: 0))
    }
}
