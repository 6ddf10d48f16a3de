import Testing
@testable import ForecastData

/// Holiday sets: explicit dates, exchange closures, merging, and lookups on a local clock.
@Suite struct HolidayCalendarTests {
    @Test func explicitDatesAreLookedUpOnTheirLocalDate() {
        let calendar = HolidayCalendar([.init(year: 2024, month: 5, day: 1, name: "Labour Day")])
        #expect(calendar.contains(year: 2024, month: 5, day: 1))
        #expect(!calendar.contains(year: 2024, month: 5, day: 2))
        #expect(!calendar.contains(year: 2024, month: 2, day: 30))
        // Any time of the day is on the holiday; 22:30Z on 30 April is 1 May at +02:00.
        #expect(calendar.contains(Timestamp(year: 2024, month: 5, day: 1, hour: 17, minute: 45)))
        let eve = Timestamp(year: 2024, month: 4, day: 30, hour: 22, minute: 30)
        #expect(!calendar.contains(eve))
        #expect(calendar.contains(eve, utcOffset: 7200))
        #expect(calendar.holiday(on: eve, utcOffset: 7200)?.name == "Labour Day")
    }

    @Test func aDateListedTwiceIsOneHolidayWithBothNames() {
        let calendar = HolidayCalendar([
            .init(year: 2024, month: 1, day: 1, name: "New Year's Day"),
            .init(year: 2023, month: 12, day: 25),
            .init(year: 2024, month: 1, day: 1, name: "Neujahr"),
            .init(year: 2024, month: 1, day: 1, name: "Neujahr"),
        ])
        #expect(calendar.count == 2)
        #expect(calendar.holidays.map(\.name) == [nil, "New Year's Day / Neujahr"])
        #expect(calendar.holidays.map(\.day) == [25, 1])
    }

    @Test func anExchangesClosuresOverYears() {
        let nyse = HolidayCalendar(exchange: ExchangeCalendar(.XNYS), years: 2019...2020)
        #expect(nyse.count == 18)                                              // 9 weekday closures a year
        #expect(nyse.contains(year: 2019, month: 1, day: 1))
        #expect(nyse.contains(year: 2020, month: 11, day: 26))                 // Thanksgiving
        #expect(!nyse.contains(year: 2021, month: 1, day: 1))                  // outside the years
        #expect(nyse.holidays.map { Timestamp(year: $0.year, month: $0.month, day: $0.day) }
                == ExchangeCalendar(.XNYS).holidays(inYear: 2019) + ExchangeCalendar(.XNYS).holidays(inYear: 2020))
        let merged = nyse.merging(HolidayCalendar([.init(year: 2019, month: 12, day: 24, name: "Christmas Eve")]))
        #expect(merged.count == 19)
        #expect(merged.contains(year: 2019, month: 12, day: 24))
    }
}
