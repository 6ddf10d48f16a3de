import Testing
@testable import ForecastData

/// Intraday bars of a market that closes each day: the session's hours read from the bars, and the
/// bars that follow.
@Suite struct TradingSessionTests {
    /// Bars every `step` minutes from `open` to before `close` (hours and minutes) on each listed day
    /// of 2026 (month, day), read on the wall clock.
    static func bars(days: [(Int, Int)], open: (Int, Int) = (9, 30), close: (Int, Int) = (16, 0), step: Int = 5) -> [Timestamp] {
        days.flatMap { month, day in
            let start = Timestamp(year: 2026, month: month, day: day, hour: open.0, minute: open.1)
            let end = Timestamp(year: 2026, month: month, day: day, hour: close.0, minute: close.1)
            return stride(from: start.secondsSinceEpoch, to: end.secondsSinceEpoch, by: Double(step * 60)).map(Timestamp.init)
        }
    }

    /// Monday 2 to Friday 13 November 2026, ten weekdays.
    static let tenWeekdays = [(11, 2), (11, 3), (11, 4), (11, 5), (11, 6), (11, 9), (11, 10), (11, 11), (11, 12), (11, 13)]

    @Test func theSessionIsTheUsualFirstAndLastBarOfTheDays() throws {
        let session = try #require(TradingSession.infer(from: Self.bars(days: Self.tenWeekdays), frequency: .minutes(5)))
        #expect(session.firstBar == 9 * 3600 + 30 * 60)
        #expect(session.lastBar == 15 * 3600 + 55 * 60)
        #expect(session.barsPerSession == 78)
        #expect(session.weekdaysOnly)
        #expect(session.description == "09:30–15:55")
    }

    /// New York's early closes: bars stop at 13:00 on the day after Thanksgiving (27 November 2026)
    /// and on Christmas Eve (a Thursday in 2026), and the afternoon is neither forecast nor missing.
    @Test func anEarlyCloseEndsTheSessionAt13() throws {
        let session = TradingSession(firstBar: 9 * 3600 + 30 * 60, lastBar: 15 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)
        let newYork = ExchangeCalendar(.XNYS)
        let wednesday = Timestamp(year: 2026, month: 11, day: 25, hour: 15, minute: 55)
        let next = session.timestamps(after: wednesday, count: 43, exchange: newYork)
        #expect(next.first == Timestamp(year: 2026, month: 11, day: 27, hour: 9, minute: 30))
        #expect(next[41] == Timestamp(year: 2026, month: 11, day: 27, hour: 12, minute: 55))   // 42 bars to 13:00
        #expect(next[42] == Timestamp(year: 2026, month: 11, day: 30, hour: 9, minute: 30))
        let lastHalfDayBar = Timestamp(year: 2026, month: 12, day: 24, hour: 12, minute: 55)
        #expect(session.timestamps(after: lastHalfDayBar, count: 1, exchange: newYork) == [Timestamp(year: 2026, month: 12, day: 28, hour: 9, minute: 30)])
        // Without the exchange, or on a clock whose bars do not end at 16:00, the day is whole.
        #expect(session.timestamps(after: lastHalfDayBar, count: 1) == [Timestamp(year: 2026, month: 12, day: 24, hour: 13, minute: 0)])
        let utc = TradingSession(firstBar: 14 * 3600 + 30 * 60, lastBar: 20 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)
        #expect(utc.barTimes(onDay: lastHalfDayBar.dayNumber, exchange: newYork).count == 78)
        // A history with the half day holds no missing bar.
        let history = Self.bars(days: [(11, 25)]) + Self.bars(days: [(11, 27)], close: (13, 0)) + Self.bars(days: [(11, 30)])
        #expect(session.missingBars(in: history, exchange: newYork) == 0)
        #expect(session.missingBars(in: history, exchange: nil) > 0)
        // The rules: 3 July and 24 December from Monday to Thursday only.
        let day = { (year: Int, month: Int, day: Int) in Timestamp(year: year, month: month, day: day).dayNumber }
        #expect(EarlyCloses.close(of: .XNYS, dayNumber: day(2025, 7, 3)) == 13 * 3600)
        #expect(EarlyCloses.close(of: .XNYS, dayNumber: day(2026, 7, 3)) == nil)      // a Friday: the holiday
        #expect(EarlyCloses.close(of: .XNYS, dayNumber: day(2021, 12, 24)) == nil)    // a Friday: the holiday
        #expect(EarlyCloses.close(of: .XNYS, dayNumber: day(2026, 11, 26)) == nil)    // Thanksgiving itself
        #expect(EarlyCloses.close(of: .XFRA, dayNumber: day(2026, 12, 24)) == nil)
        // London: the last session before Christmas Day and before New Year's Day close at 12:30,
        // the Friday before where 24 or 31 December falls on a weekend.
        let halfPastTwelve = 12 * 3600 + 1800
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2025, 12, 24)) == halfPastTwelve)
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2025, 12, 31)) == halfPastTwelve)
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2023, 12, 22)) == halfPastTwelve)   // 24th a Sunday
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2023, 12, 29)) == halfPastTwelve)   // 31st a Sunday
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2022, 12, 23)) == halfPastTwelve)   // 24th a Saturday
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2021, 12, 31)) == halfPastTwelve)   // a Friday
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2023, 12, 21)) == nil)
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2025, 12, 23)) == nil)
        #expect(EarlyCloses.close(of: .XLON, dayNumber: day(2025, 7, 3)) == nil)
        // Hong Kong: the eves of Christmas, the New Year and the Lunar New Year close at 12:00
        // on a weekday (11 February 2021, a Thursday); none is moved off a weekend.
        #expect(EarlyCloses.close(of: .XHKG, dayNumber: day(2021, 2, 11)) == 12 * 3600)
        #expect(EarlyCloses.close(of: .XHKG, dayNumber: day(2021, 12, 24)) == 12 * 3600)
        #expect(EarlyCloses.close(of: .XHKG, dayNumber: day(2021, 12, 31)) == 12 * 3600)
        #expect(EarlyCloses.close(of: .XHKG, dayNumber: day(2021, 2, 10)) == nil)
        #expect(EarlyCloses.close(of: .XHKG, dayNumber: day(2022, 12, 23)) == nil)              // 24th a Saturday
        let london = TradingSession(firstBar: 8 * 3600, lastBar: 16 * 3600 + 25 * 60, step: 300, weekdaysOnly: true)
        #expect(london.barTimes(onDay: day(2025, 12, 24), exchange: ExchangeCalendar(.XLON)).last == 12 * 3600 + 25 * 60)
        #expect(london.barTimes(onDay: day(2025, 12, 23), exchange: ExchangeCalendar(.XLON)).last == 16 * 3600 + 25 * 60)
        // Bars stamped at their end (10:00 … 16:00) keep the one stamped 13:00.
        let endStamped = TradingSession(firstBar: 10 * 3600, lastBar: 16 * 3600, step: 1800, weekdaysOnly: true)
        #expect(endStamped.barTimes(onDay: day(2026, 11, 27), exchange: newYork).last == 13 * 3600)
        #expect(endStamped.barTimes(onDay: day(2026, 11, 25), exchange: newYork).last == 16 * 3600)
    }

    @Test func aHalfDayAndALateFirstBarDoNotMoveTheHours() throws {
        var timestamps = Self.bars(days: Array(Self.tenWeekdays.prefix(8)))
        timestamps += Self.bars(days: [(11, 12)], close: (13, 0))               // a half day
        timestamps += Self.bars(days: [(11, 13)]).dropFirst(3)                  // the first bars missing
        let session = try #require(TradingSession.infer(from: timestamps, frequency: .minutes(5)))
        #expect(session.description == "09:30–15:55")
    }

    @Test func barsAroundTheClockOrOnDaysThatDisagreeHaveNoSession() {
        let allDay = Self.bars(days: Self.tenWeekdays, open: (0, 0), close: (23, 59))
        #expect(TradingSession.infer(from: allDay, frequency: .minutes(5)) == nil)
        // Closed for less than an hour a day: not a session of one day.
        let almostAllDay = Self.bars(days: Self.tenWeekdays, open: (0, 30), close: (23, 59))
        #expect(TradingSession.infer(from: almostAllDay, frequency: .minutes(5)) == nil)
        // Every day opens at another time: no hours agree.
        let drifting = Self.tenWeekdays.enumerated().flatMap { index, day in
            Self.bars(days: [day], open: (1 + index, 0), close: (14 + index / 2, 0))
        }
        #expect(TradingSession.infer(from: drifting, frequency: .minutes(5)) == nil)
        #expect(TradingSession.infer(from: Self.bars(days: [(11, 2)]), frequency: .minutes(5)) == nil)    // one day
        #expect(TradingSession.infer(from: Self.bars(days: [(11, 2)]), frequency: .minutes(5), minimumDays: 1)?.description == "09:30–15:55")
        #expect(TradingSession.infer(from: Self.bars(days: Self.tenWeekdays), frequency: .daily) == nil)
    }

    @Test func aLunchBreakIsNoBarOfTheSession() throws {
        // Tokyo: 09:00 to 11:30 and 12:30 to 15:00, five-minute bars.
        let bars = Self.bars(days: Self.tenWeekdays, open: (9, 0), close: (11, 30)) + Self.bars(days: Self.tenWeekdays, open: (12, 30), close: (15, 0))
        let session = try #require(TradingSession.infer(from: bars.sorted(), frequency: .minutes(5)))
        #expect(session.description == "09:00–11:25, 12:30–14:55")
        #expect(session.barsPerSession == 60)
        #expect(session.missingBars(in: bars.sorted(), exchange: nil) == 0)
        let morning = Timestamp(year: 2026, month: 11, day: 13, hour: 11, minute: 25)
        #expect(session.timestamps(after: morning, count: 2) == [Timestamp(year: 2026, month: 11, day: 13, hour: 12, minute: 30),
                                                                 Timestamp(year: 2026, month: 11, day: 13, hour: 12, minute: 35)])
    }

    @Test func barsWrittenInUTCFollowAChangeOfClockFromItsFirstDay() throws {
        // New York bars in UTC: 14:30–20:55 until Friday 6 March 2026, 13:30–19:55 from Monday 9 March
        // (daylight saving), and the file ends on Tuesday 10 March.
        let winter = Self.bars(days: [(2, 23), (2, 24), (2, 25), (2, 26), (2, 27), (3, 2), (3, 3), (3, 4), (3, 5), (3, 6)],
                               open: (14, 30), close: (21, 0))
        let summer = Self.bars(days: [(3, 9), (3, 10)], open: (13, 30), close: (20, 0))
        let session = try #require(TradingSession.infer(from: winter + summer, frequency: .minutes(5)))
        #expect(session.description == "13:30–19:55")
        let session1 = try #require(TradingSession.infer(from: winter + Self.bars(days: [(3, 9)], open: (13, 30), close: (20, 0)),
                                                         frequency: .minutes(5)))
        #expect(session1.description == "13:30–19:55")
        // A half day at the end moves nothing: its last bar is not an hour off.
        let halfDay = Self.bars(days: [(3, 9)], open: (14, 30), close: (18, 0))
        #expect(TradingSession.infer(from: winter + halfDay, frequency: .minutes(5))?.description == "14:30–20:55")
    }

    @Test func aStrayWeekendBarKeepsSessionsOnWeekdays() throws {
        let bars = Self.bars(days: Self.tenWeekdays) + [Timestamp(year: 2026, month: 11, day: 14, hour: 10)]
        let session = try #require(TradingSession.infer(from: bars, frequency: .minutes(5)))
        #expect(session.weekdaysOnly)
    }

    @Test func barsOnWeekendsMakeEveryDayASession() throws {
        let everyDay = (2...15).map { (11, $0) }
        let session = try #require(TradingSession.infer(from: Self.bars(days: everyDay, open: (8, 0), close: (20, 0)), frequency: .minutes(5)))
        #expect(!session.weekdaysOnly)
        let friday = Timestamp(year: 2026, month: 11, day: 13, hour: 19, minute: 55)
        #expect(session.timestamps(after: friday, count: 1) == [Timestamp(year: 2026, month: 11, day: 14, hour: 8)])
    }

    @Test func theBarAfterTheCloseIsTheNextSessionsFirst() {
        let session = TradingSession(firstBar: 9 * 3600 + 30 * 60, lastBar: 15 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)
        let friday = Timestamp(year: 2026, month: 11, day: 13, hour: 15, minute: 50)
        #expect(session.timestamps(after: friday, count: 3) == [
            Timestamp(year: 2026, month: 11, day: 13, hour: 15, minute: 55),
            Timestamp(year: 2026, month: 11, day: 16, hour: 9, minute: 30),     // Monday
            Timestamp(year: 2026, month: 11, day: 16, hour: 9, minute: 35),
        ])
        // A bar before the open is followed by the open of its own day.
        let early = Timestamp(year: 2026, month: 11, day: 16, hour: 8)
        #expect(session.timestamps(after: early, count: 1) == [Timestamp(year: 2026, month: 11, day: 16, hour: 9, minute: 30)])
        // A bar on a Saturday morning is followed by Monday's open, not by more of Saturday.
        let saturday = Timestamp(year: 2026, month: 11, day: 14, hour: 10)
        #expect(session.timestamps(after: saturday, count: 1) == [Timestamp(year: 2026, month: 11, day: 16, hour: 9, minute: 30)])
        #expect(session.timestamps(after: friday, count: 0).isEmpty)
    }

    @Test func anExchangesHolidayIsSkippedOnTheSourcesClock() {
        // New York bars written at UTC-5: the last bar on the eve of Thanksgiving (26 November 2026)
        // is followed by the open of Friday 27 November, 09:30 in New York, 14:30 UTC.
        let session = TradingSession(firstBar: 9 * 3600 + 30 * 60, lastBar: 15 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)
        let lastBar = Timestamp(year: 2026, month: 11, day: 25, hour: 20, minute: 55)    // 15:55 in New York
        let next = session.timestamps(after: lastBar, count: 2, exchange: ExchangeCalendar(.XNYS), utcOffset: -5 * 3600)
        #expect(next == [Timestamp(year: 2026, month: 11, day: 27, hour: 14, minute: 30),
                         Timestamp(year: 2026, month: 11, day: 27, hour: 14, minute: 35)])
        let plain = session.timestamps(after: lastBar, count: 1, utcOffset: -5 * 3600)
        #expect(plain == [Timestamp(year: 2026, month: 11, day: 26, hour: 14, minute: 30)])
    }

    @Test func missingBarsCountOnlyTheSessionsBars() {
        let session = TradingSession(firstBar: 9 * 3600 + 30 * 60, lastBar: 15 * 3600 + 55 * 60, step: 300, weekdaysOnly: true)
        let full = Self.bars(days: Self.tenWeekdays)
        #expect(session.missingBars(in: full, exchange: nil) == 0)           // nights and a weekend
        var gappy = full
        gappy.remove(at: 100)
        gappy.remove(at: 5)
        #expect(session.missingBars(in: gappy, exchange: nil) == 2)
        let withoutADay = Self.bars(days: Self.tenWeekdays.filter { $0 != (11, 4) })
        #expect(session.missingBars(in: withoutADay, exchange: nil) == 78)
        // Starting and ending within a session counts from the first bar to the last only.
        #expect(session.missingBars(in: Array(full[10 ..< 200]), exchange: nil) == 0)
        // Thanksgiving is no gap on the New York calendar.
        let thanksgivingWeek = Self.bars(days: [(11, 23), (11, 24), (11, 25), (11, 27)])
        #expect(session.missingBars(in: thanksgivingWeek, exchange: nil) == 78)
        #expect(session.missingBars(in: thanksgivingWeek, exchange: ExchangeCalendar(.XNYS)) == 0)
        // A stray bar on a Saturday after the last session is no day of missing bars.
        #expect(session.missingBars(in: full + [Timestamp(year: 2026, month: 11, day: 14, hour: 10)], exchange: nil) == 0)
    }

    @Test func aSeriesWithASessionStepsAndSeasonsByIt() throws {
        let timestamps = Self.bars(days: Self.tenWeekdays, step: 15)
        var series = TimeSeries(name: "close", timestamps: timestamps, values: timestamps.map { _ in 1 })
        #expect(series.frequency == .minutes(15))
        #expect(series.seasonPeriod == 96)                                  // a day of 24 hours
        #expect(series.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 11, day: 13, hour: 16)])
        series.session = try #require(TradingSession.infer(from: timestamps, frequency: series.frequency))
        #expect(series.seasonPeriod == 26)
        #expect(series.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 11, day: 16, hour: 9, minute: 30)])
    }
}
