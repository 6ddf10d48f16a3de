import Testing
import ForecastData

/// Frequency inference on the bundled real series and on synthetic ones.
@Suite struct FrequencyInferenceTests {
    @Test(arguments: [
        ("aapl_daily.csv", Frequency.tradingDays, DateFormat.isoDate),
        ("msft_daily.csv", .tradingDays, .isoDate),
        ("sp500_daily.csv", .tradingDays, .isoDate),
        ("co2_weekly.csv", .weekly, .isoDate),
        ("airpassengers_monthly.csv", .monthly, .yearMonth),
        ("sunspots_monthly.csv", .monthly, .yearMonth),
        ("macrodata_quarterly.csv", .quarterly, .isoDate),
        ("sunspots_yearly.csv", .yearly, .year),
        ("seattle_weather_daily.csv", .daily, .isoDate),
    ])
    func realDatasets(file: String, frequency: Frequency, format: DateFormat) throws {
        let (detected, timestamps) = try DatasetDates.timestamps(of: file)
        #expect(detected == format, "\(file)")
        #expect(Frequency.infer(from: timestamps) == frequency, "\(file)")
    }

    @Test func shareHolidaysAreMissingTradingDays() throws {
        let (_, timestamps) = try DatasetDates.timestamps(of: "aapl_daily.csv")
        let missing = Frequency.tradingDays.missingSteps(in: timestamps)
        // About nine exchange holidays a year over 13 years, and no more than a dozen a year.
        #expect(missing > 9 * 12 && missing < 12 * 14)
        #expect(Frequency.weekly.missingSteps(in: try DatasetDates.timestamps(of: "co2_weekly.csv").timestamps) == 0)
    }

    @Test func co2WithMissingRowsDroppedIsStillWeekly() throws {
        let rows = try DatasetDates.rows(of: "co2_weekly.csv")
        let observed = rows.filter { $0.count > 1 && !$0[1].isEmpty }
        #expect(rows.count - observed.count == 59)                         // the file's empty co2 fields
        let timestamps = observed.compactMap { DateFormat.isoDate.parse($0[0]) }
        #expect(timestamps.count == observed.count)
        #expect(Frequency.infer(from: timestamps) == .weekly)
        #expect(Frequency.weekly.missingSteps(in: timestamps) == 59)
    }

    @Test func monthEndsAndLastBusinessDaysAreMonthly() {
        let monthEnds = (0..<36).map { step -> Timestamp in
            let month = step % 12 + 1
            let year = 2000 + step / 12
            return Timestamp(year: year, month: month, day: monthLength(year: year, month: month))
        }
        #expect(Frequency.infer(from: monthEnds) == .monthly)
        // Last weekday of each month: days of month between 26 and 31.
        let lastBusinessDays = monthEnds.map { end -> Timestamp in
            var day = end
            while day.civil.weekday >= 6 { day = day.advanced(by: -86_400) }
            return day
        }
        #expect(Frequency.infer(from: lastBusinessDays) == .monthly)
        #expect(Frequency.monthly.missingSteps(in: lastBusinessDays) == 0)
    }

    @Test func monthlyWithAFewMissingMonths() {
        var months = (0..<60).map { Timestamp(year: 2000 + $0 / 12, month: $0 % 12 + 1, day: 1) }
        months.remove(at: 30)
        months.remove(at: 10)
        #expect(Frequency.infer(from: months) == .monthly)
        #expect(Frequency.monthly.missingSteps(in: months) == 2)
    }

    @Test func weeklyWithGaps() {
        var weeks = (0..<100).map { Timestamp(year: 2020, month: 1, day: 4).advanced(by: Double($0) * 7 * 86_400) }
        weeks.removeSubrange(40..<43)
        #expect(Frequency.infer(from: weeks) == .weekly)
    }

    @Test func subDailyFrequencies() {
        let start = Timestamp(year: 2021, month: 1, day: 1)
        let hourly = (0..<200).map { start.advanced(by: Double($0) * 3600) }
        #expect(Frequency.infer(from: hourly) == .hourly)
        var quarterHours = (0..<200).map { start.advanced(by: Double($0) * 900) }
        quarterHours.remove(at: 50)
        #expect(Frequency.infer(from: quarterHours) == .minutes(15))
        // Hourly bars of trading sessions (10:00 … 16:00 on weekdays): six of seven steps are an hour.
        let sessions = (0..<20).flatMap { day -> [Timestamp] in
            let date = Timestamp(year: 2021, month: 3, day: 1).advanced(by: Double(day) * 86_400)
            guard date.civil.weekday <= 5 else { return [] }
            return (10...16).map { date.advanced(by: Double($0) * 3600) }
        }
        #expect(Frequency.infer(from: sessions) == .hourly)
        let tenSeconds = (0..<50).map { start.advanced(by: Double($0) * 10) }
        #expect(Frequency.infer(from: tenSeconds) == .seconds(10))
        // Ticks 500 ms or 1.5 s apart are no calendar of whole seconds.
        let nine = Timestamp(year: 2024, month: 1, day: 13, hour: 9)
        #expect(Frequency.infer(from: (0..<40).map { nine.advanced(by: Double($0) * 0.5) }) == .irregular)
        #expect(Frequency.infer(from: (0..<40).map { nine.advanced(by: Double($0) * 1.5) }) == .irregular)
        #expect(Frequency.infer(from: (0..<40).map { nine.advanced(by: Double($0) + 0.25) }) == .seconds(1))
    }

    @Test func messySeriesAreIrregular() {
        // Gaps from a fixed pseudo-random sequence between half a day and five days.
        var state: UInt64 = 42
        var current = Timestamp(year: 2021, month: 1, day: 1)
        var messy: [Timestamp] = []
        for _ in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let fraction = Double(state >> 11) / Double(1 << 53)
            current = current.advanced(by: 43_200 + fraction * 4.5 * 86_400)
            messy.append(current)
        }
        #expect(Frequency.infer(from: messy) == .irregular)
        // Median gap of one day, but only half the steps are one day: not daily.
        var halfDaily: [Timestamp] = []
        current = Timestamp(year: 2021, month: 1, day: 1)
        for index in 0..<300 {
            current = current.advanced(by: Double(index % 2 == 0 ? 1 : 1 + index % 5) * 86_400)
            halfDaily.append(current)
        }
        #expect(Frequency.infer(from: halfDaily) == .irregular)
        // Minutes with no dominant step.
        let minutes = [0, 60, 180, 300, 420, 660, 900, 1080, 1440, 1500]
            .map { Timestamp(secondsSinceEpoch: Double($0 * 60)) }
        #expect(Frequency.infer(from: minutes) == .irregular)
    }

    @Test func degenerateInputsAreIrregular() {
        let day = Timestamp(year: 2021, month: 1, day: 1)
        #expect(Frequency.infer(from: []) == .irregular)
        #expect(Frequency.infer(from: [day]) == .irregular)
        #expect(Frequency.infer(from: [day, day, day.advanced(by: 86_400)]) == .irregular)   // duplicate
        #expect(Frequency.infer(from: [day.advanced(by: 86_400), day]) == .irregular)         // unsorted
    }

    @Test func calendarDaysWithWeekendsAreDailyAndWeekdaysOnlyAreTradingDays() {
        let start = Timestamp(year: 2021, month: 1, day: 4)                                    // a Monday
        let everyDay = (0..<60).map { start.advanced(by: Double($0) * 86_400) }
        #expect(Frequency.infer(from: everyDay) == .daily)
        let weekdays = everyDay.filter { $0.civil.weekday <= 5 }
        #expect(Frequency.infer(from: weekdays) == .tradingDays)
    }

    @Test func seasonPeriodsAndCodes() {
        #expect(Frequency.monthly.seasonPeriod == 12)
        #expect(Frequency.quarterly.seasonPeriod == 4)
        #expect(Frequency.tradingDays.seasonPeriod == 5)
        #expect(Frequency.minutes(15).seasonPeriod == 96)
        #expect(Frequency.minutes(7).seasonPeriod == 1)
        #expect(Frequency(code: "B") == .tradingDays)
        #expect(Frequency(code: "15min") == .minutes(15))
        #expect(Frequency(code: "30s") == .seconds(30))
        #expect(Frequency(code: "M") == .monthly)
        #expect(Frequency(code: "fortnightly") == nil)
        #expect(Frequency(code: "0min") == nil)
        #expect(Frequency(code: "60min") == .hourly)
        #expect(Frequency(code: "120s") == .minutes(2))
        #expect(Frequency.minutes(120).description == "every 2 hours")
        #expect(Frequency.minutes(15).description == "every 15 minutes")
    }

    private func monthLength(year: Int, month: Int) -> Int {
        let next = month == 12
            ? Timestamp(year: year + 1, month: 1, day: 1)
            : Timestamp(year: year, month: month + 1, day: 1)
        return next.advanced(by: -86_400).civil.day
    }

    /// A daily series never open on some weekdays names them; one absent on another weekday too,
    /// or with no absent day, or not daily, names none.
    @Test func closedWeekdaysAreThoseNeverOpen() {
        // 2026-06-01 is a Monday.
        let start = Timestamp(year: 2026, month: 6, day: 1)
        let days = (0..<70).map { start.advanced(by: Double($0 * 86_400)) }
        let noSundays = days.enumerated().filter { $0.offset % 7 != 6 }.map(\.element)
        #expect(Frequency.daily.closedWeekdays(in: noSundays) == [7])
        let weekdaysAndSaturdays = days.enumerated().filter { $0.offset % 7 != 6 && $0.offset % 7 != 2 }.map(\.element)
        #expect(Frequency.daily.closedWeekdays(in: weekdaysAndSaturdays) == [3, 7])
        var alsoAMonday = noSundays
        alsoAMonday.remove(at: 12)
        #expect(Frequency.daily.closedWeekdays(in: alsoAMonday) == nil)
        #expect(Frequency.daily.closedWeekdays(in: days) == nil)
        #expect(Frequency.weekly.closedWeekdays(in: noSundays) == nil)
    }
}

/// Intraday bars of a market that closes each day: the nights are no steps.
@Suite struct SessionFrequencyInferenceTests {
    /// Bars at `times` (hours, minutes) on the weekdays of 2 to 13 November 2026, UTC.
    static func bars(_ times: [(Int, Int)]) -> [Timestamp] {
        (2...13).filter { Timestamp(year: 2026, month: 11, day: $0).civil.weekday <= 5 }.flatMap { day in
            times.map { Timestamp(year: 2026, month: 11, day: day, hour: $0.0, minute: $0.1) }
        }
    }

    @Test func twoHourBarsOfASessionAreEveryTwoHours() {
        #expect(Frequency.infer(from: Self.bars([(9, 30), (11, 30), (13, 30), (15, 30)])) == .minutes(120))
    }

    @Test func hourlyBarsAfterAHalfHourOpenAreHourly() {
        // 09:30, then on the hour to 15:00, as some brokers export them.
        #expect(Frequency.infer(from: Self.bars([(9, 30), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0)])) == .hourly)
    }
}
