import Testing
@testable import ForecastData

/// Bars around the clock that stop for the weekend (currencies, futures): the week's hours read
/// from the bars, and the bars that follow.
@Suite struct WeeklyHoursTests {
    /// Hourly bars from `start` to `end` (inclusive) that `open` lets through.
    static func hourly(from start: Timestamp, to end: Timestamp, open: (Timestamp) -> Bool) -> [Timestamp] {
        stride(from: start.secondsSinceEpoch, through: end.secondsSinceEpoch, by: 3600).map(Timestamp.init).filter(open)
    }

    /// A currency pair in UTC: Sunday 22:00 to Friday 21:00 (the last bar starts at 21:00).
    static func currencyOpen(_ time: Timestamp) -> Bool {
        let weekday = CivilCalendar.weekday(fromDays: time.dayNumber)
        let hour = time.civil.hour
        return weekday <= 4 || (weekday == 5 && hour <= 21) || (weekday == 7 && hour >= 22)
    }

    /// Sunday 7 January to Friday 1 March 2024, eight weeks.
    static let currency = hourly(from: Timestamp(year: 2024, month: 1, day: 7, hour: 22),
                                 to: Timestamp(year: 2024, month: 3, day: 1, hour: 21), open: currencyOpen)

    @Test func aCurrencyWeekRunsFromSundayEveningToFridayEvening() throws {
        let hours = try #require(WeeklyHours.infer(from: Self.currency, frequency: .hourly))
        #expect(hours.barTimes.count == 24 * 5)
        #expect(WeeklyHours.seasonPeriod(of: .hourly, in: hours) == 24)
        #expect(hours.dailyPause == nil)
        #expect(hours.description == "Sunday 22:00 to Friday 21:00")
        let friday = Timestamp(year: 2024, month: 3, day: 1, hour: 21)
        #expect(hours.timestamps(after: friday, count: 3) == [Timestamp(year: 2024, month: 3, day: 3, hour: 22),
                                                               Timestamp(year: 2024, month: 3, day: 3, hour: 23),
                                                               Timestamp(year: 2024, month: 3, day: 4)])
        // Mid-week the next bar is the next hour, across midnight.
        let tuesday = Timestamp(year: 2024, month: 2, day: 27, hour: 23)
        #expect(hours.timestamps(after: tuesday, count: 1) == [Timestamp(year: 2024, month: 2, day: 28)])
        #expect(hours.missingBars(in: Self.currency) == 0)
    }

    @Test func futuresThatPauseEachDayAndAcrossMidnightKeepThePause() throws {
        // 18:00 to 17:00 the next day, closed 17:00–18:00, Sunday evening to Friday 16:00.
        let bars = Self.hourly(from: Timestamp(year: 2024, month: 1, day: 7, hour: 18), to: Timestamp(year: 2024, month: 2, day: 2, hour: 16)) { time in
            let weekday = CivilCalendar.weekday(fromDays: time.dayNumber)
            let hour = time.civil.hour
            return hour != 17 && (weekday <= 4 || (weekday == 5 && hour <= 16) || (weekday == 7 && hour >= 18))
        }
        let hours = try #require(WeeklyHours.infer(from: bars, frequency: .hourly))
        #expect(hours.description == "Sunday 18:00 to Friday 16:00, paused 17:00–18:00 daily")
        #expect(hours.dailyPause?.start == 17 * 3600 && hours.dailyPause?.end == 18 * 3600)
        #expect(hours.barsPerDay == 23)
        #expect(WeeklyHours.seasonPeriod(of: .hourly, in: hours) == 23)
        let wednesday = Timestamp(year: 2024, month: 1, day: 31, hour: 16)
        #expect(hours.timestamps(after: wednesday, count: 1) == [Timestamp(year: 2024, month: 1, day: 31, hour: 18)])
        let friday = Timestamp(year: 2024, month: 2, day: 2, hour: 16)
        #expect(hours.timestamps(after: friday, count: 1) == [Timestamp(year: 2024, month: 2, day: 4, hour: 18)])
    }

    @Test func barsEveryHourOfEveryDayHaveNoWeeklyHours() {
        let crypto = Self.hourly(from: Timestamp(year: 2024, month: 1, day: 1), to: Timestamp(year: 2024, month: 2, day: 1)) { _ in true }
        #expect(WeeklyHours.infer(from: crypto, frequency: .hourly) == nil)
        // Gaps shorter than a day are missing bars, not a weekend.
        let gappy = crypto.filter { CivilCalendar.weekday(fromDays: $0.dayNumber) != 6 || $0.civil.hour < 12 }
        #expect(WeeklyHours.infer(from: gappy, frequency: .hourly) == nil)
    }

    @Test func oneWeekOrDailyBarsAreNotEnough() {
        let oneWeek = Array(Self.currency.prefix(24 * 5))
        #expect(WeeklyHours.infer(from: oneWeek, frequency: .hourly) == nil)
        #expect(WeeklyHours.infer(from: Self.currency, frequency: .daily) == nil)
    }

    @Test func aHolidayOrAMissingBarLeavesTheHoursAndCountsAsMissing() throws {
        // Christmas Day 2023 (a Monday) and one bar on 10 January 2024 have no row.
        let start = Timestamp(year: 2023, month: 12, day: 10, hour: 22)
        let missingBar = Timestamp(year: 2024, month: 1, day: 10, hour: 13)
        let bars = Self.hourly(from: start, to: Timestamp(year: 2024, month: 1, day: 26, hour: 21), open: Self.currencyOpen)
            .filter { !($0.civil.month == 12 && $0.civil.day == 25) && $0 != missingBar }
        let hours = try #require(WeeklyHours.infer(from: bars, frequency: .hourly))
        #expect(hours.barTimes.count == 120)
        #expect(hours.missingBars(in: bars) == 25)
    }

    /// A bar missing at the same time of the week in every week a short file holds (Wednesday
    /// 12:00 in both) is a hole the hours keep, not a pause: a pause recurs on most days.
    @Test func aBarMissingInEveryWeekOfAShortFileIsNoPause() throws {
        let bars = Self.hourly(from: Timestamp(year: 2024, month: 1, day: 7, hour: 22), to: Timestamp(year: 2024, month: 1, day: 24, hour: 15)) { time in
            Self.currencyOpen(time) && !(CivilCalendar.weekday(fromDays: time.dayNumber) == 3 && time.civil.hour == 12)
        }
        let hours = try #require(WeeklyHours.infer(from: bars, frequency: .hourly))
        #expect(hours.barTimes.count == 120)
        #expect(hours.barsPerDay == 24)
        let wednesday = Timestamp(year: 2024, month: 1, day: 31, hour: 11)
        #expect(hours.timestamps(after: wednesday, count: 1) == [Timestamp(year: 2024, month: 1, day: 31, hour: 12)])
        // A time absent on most days stays out: a daily pause.
        let pause = WeeklyHours.withHolesFilled(Array(stride(from: 0, to: 5 * 86_400, by: 3600)).filter { $0 % 86_400 != 17 * 3600 }, step: 3600)
        #expect(pause.count == 115)
    }

    /// Currency bars in UTC across New York's change of clock on 10 March 2024: the week opens at
    /// 22:00 UTC before and 21:00 after, Sunday 17:00 in New York throughout. Read on New York's
    /// clock, the week keeps its hours, and forecasts follow the change.
    @Test func currencyBarsInUTCFollowNewYorksChangeOfClock() throws {
        let newYork = ExchangeTimeZone(.XNYS)
        let instants = Self.hourly(from: Timestamp(year: 2024, month: 2, day: 4, hour: 21), to: Timestamp(year: 2024, month: 3, day: 22, hour: 20)) { time in
            // Sunday 17:00 to Friday 16:00 (the last bar's start) in New York.
            let local = time.advanced(by: Double(newYork.utcOffset(at: time)))
            let weekday = CivilCalendar.weekday(fromDays: local.dayNumber)
            return weekday <= 4 || (weekday == 5 && local.civil.hour <= 16) || (weekday == 7 && local.civil.hour >= 17)
        }
        let hours = try #require(WeeklyHours.infer(wallClock: instants, instants: instants, frequency: .hourly))
        #expect(hours.zone == newYork)
        #expect(hours.description == "Sunday 17:00 to Friday 16:00 New York time")
        #expect(hours.barTimes.count == 120)
        let fridayClose = Timestamp(year: 2024, month: 3, day: 22, hour: 20)
        #expect(hours.timestamps(after: fridayClose, count: 2) == [Timestamp(year: 2024, month: 3, day: 24, hour: 21),
                                                                    Timestamp(year: 2024, month: 3, day: 24, hour: 22)])
        // Read on its own clock alone, the week keeps the winter's hours, which most weeks held.
        #expect(WeeklyHours.infer(from: instants, frequency: .hourly)?.description == "Sunday 22:00 to Friday 21:00")
        // A winter of bars keeps the source's clock: nothing tells the two apart.
        let winter = try #require(WeeklyHours.infer(wallClock: Self.currency, instants: Self.currency, frequency: .hourly))
        #expect(winter.zone == nil)
        #expect(winter.description == "Sunday 22:00 to Friday 21:00")
    }

    @Test func barsOnAClockEastOfUTCAreForecastOnIt() throws {
        // The same week read on a clock two hours east: Monday 00:00 to Friday 23:00 local.
        let hours = WeeklyHours(barTimes: Array(stride(from: 0, to: 5 * 86_400, by: 3600)))
        let lastLocalFriday = Timestamp(year: 2024, month: 3, day: 1, hour: 23)
        let lastUTC = lastLocalFriday.advanced(by: -7200)
        #expect(hours.timestamps(after: lastUTC, count: 1, utcOffset: 7200) == [Timestamp(year: 2024, month: 3, day: 3, hour: 22)])
    }
}
