import Testing
@testable import ForecastData

@Suite struct ExchangeCalendarTests {
    let nyse = ExchangeCalendar(.XNYS)

    @Test func weekendsAndHolidaysAreNotSessions() {
        #expect(nyse.isSession(year: 2018, month: 12, day: 31))
        #expect(!nyse.isSession(year: 2019, month: 1, day: 1))        // New Year's Day
        #expect(!nyse.isSession(year: 2019, month: 1, day: 5))        // Saturday
        #expect(!nyse.isSession(year: 2019, month: 2, day: 30))       // no such date
        #expect(!nyse.isSession(year: 2001, month: 9, day: 12))       // one-off closure
        #expect(nyse.isSession(year: 2001, month: 9, day: 17))
    }

    @Test func observanceShiftsFollowEachExchange() {
        // New Year's Day 2022 on a Saturday: the NYSE does not close on Friday 31 December 2021,
        // London closes on Monday 3 January.
        #expect(nyse.isSession(year: 2021, month: 12, day: 31))
        #expect(nyse.isSession(year: 2022, month: 1, day: 3))
        #expect(!ExchangeCalendar(.XLON).isSession(year: 2022, month: 1, day: 3))
        // Independence Day 2020 on a Saturday is observed on Friday 3 July.
        #expect(!nyse.isSession(year: 2020, month: 7, day: 3))
    }

    @Test func sessionsAfterSkipHolidaysAndKeepTheTimeOfDay() {
        let last = Timestamp(year: 2018, month: 12, day: 31, hour: 16)
        let next = nyse.sessions(after: last, count: 3)
        #expect(next == [
            Timestamp(year: 2019, month: 1, day: 2, hour: 16),
            Timestamp(year: 2019, month: 1, day: 3, hour: 16),
            Timestamp(year: 2019, month: 1, day: 4, hour: 16),
        ])
        #expect(nyse.sessions(after: last, count: 0).isEmpty)
    }

    @Test func holidaysOfAYearAreTheClosedWeekdaysInOrder() {
        let dates = nyse.holidays(inYear: 2019).map { "\($0.civil.month)-\($0.civil.day)" }
        #expect(dates == ["1-1", "1-21", "2-18", "4-19", "5-27", "7-4", "9-2", "11-28", "12-25"])
    }

    @Test func missingSessionsCountGapsButNotHolidays() {
        let rows = [(2018, 12, 28), (2018, 12, 31), (2019, 1, 3)].map { Timestamp(year: $0.0, month: $0.1, day: $0.2) }
        #expect(nyse.missingSessions(in: rows) == 1)                   // 2 January, not New Year's Day
        #expect(nyse.missingSessions(in: []) == 0)
    }

    @Test func easterByComputus() {
        let easter = [2000: (4, 23), 2008: (3, 23), 2011: (4, 24), 2019: (4, 21), 2038: (4, 25)]
        for (year, (month, day)) in easter {
            #expect(HolidayRules.easterSunday(year: year) == CivilCalendar.days(year: year, month: month, day: day))
        }
    }

    @Test func japaneseEquinoxesFromTheFormula() {
        #expect(JapaneseEquinoxes.vernal(year: 2024) == CivilCalendar.days(year: 2024, month: 3, day: 20))
        #expect(JapaneseEquinoxes.autumnal(year: 2012) == CivilCalendar.days(year: 2012, month: 9, day: 22))
        #expect(JapaneseEquinoxes.autumnal(year: 2023) == CivilCalendar.days(year: 2023, month: 9, day: 23))
    }

    @Test func tokyoSubstituteAndCitizensHolidays() {
        let tokyo = ExchangeCalendar(.XTKS)
        #expect(!tokyo.isSession(year: 2009, month: 5, day: 6))       // Constitution Day on Sunday
        #expect(!tokyo.isSession(year: 2015, month: 9, day: 22))      // between two holidays
        #expect(tokyo.isSession(year: 1998, month: 5, day: 6))
    }

    @Test func hongKongLunarHolidays() {
        let hongKong = ExchangeCalendar(.XHKG)
        #expect(!hongKong.isSession(year: 2024, month: 2, day: 12))   // Lunar New Year, third day
        #expect(!hongKong.isSession(year: 2024, month: 2, day: 13))   // fourth day in lieu of Sunday
        #expect(!hongKong.isSession(year: 2015, month: 4, day: 7))    // Ching Ming after Easter Monday
    }

    @Test func codesParseCaseInsensitively() {
        #expect(ExchangeCalendar.Code(code: "xnys") == .XNYS)
        #expect(ExchangeCalendar.Code(code: "NASDAQ") == nil)
    }
}
