import Testing
@testable import ForecastData

/// Civil ↔ timestamp conversions on the proleptic Gregorian calendar.
@Suite struct CivilCalendarTests {
    @Test func unixEpochIsDayZeroAndAThursday() {
        let epoch = Timestamp(year: 1970, month: 1, day: 1)
        #expect(epoch.secondsSinceEpoch == 0)
        #expect(epoch.civil.weekday == 4)
    }

    @Test func knownInstants() {
        // 2000-03-01 is day 11 017 after the epoch (30 years, 7 leap days, Jan + Feb 2000).
        #expect(Timestamp(year: 2000, month: 3, day: 1).secondsSinceEpoch == 11_017 * 86_400)
        // 2001-09-09T01:46:40Z is the well-known 1e9 seconds.
        #expect(Timestamp(year: 2001, month: 9, day: 9, hour: 1, minute: 46, second: 40).secondsSinceEpoch == 1e9)
        // One day before the epoch.
        #expect(Timestamp(year: 1969, month: 12, day: 31).secondsSinceEpoch == -86_400)
    }

    @Test func extremesOfTheSupportedRange() {
        // 0001-01-01 is day -719 162 (the offset between .NET ticks and Unix time).
        let first = Timestamp(year: 1, month: 1, day: 1)
        #expect(first.secondsSinceEpoch == -719_162 * 86_400)
        #expect(first.civil.year == 1 && first.civil.month == 1 && first.civil.day == 1)
        #expect(first.civil.weekday == 1)                          // a Monday, proleptically
        let last = Timestamp(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)
        #expect(last.secondsSinceEpoch == 253_402_300_799)
        let civil = last.civil
        #expect(civil.year == 9999 && civil.month == 12 && civil.day == 31)
        #expect(civil.hour == 23 && civil.minute == 59 && civil.second == 59)
    }

    @Test func everyDayFrom1700To2100RoundTrips() {
        let start = CivilCalendar.days(year: 1700, month: 1, day: 1)
        let end = CivilCalendar.days(year: 2100, month: 12, day: 31)
        var expectedWeekday = Timestamp(year: 1700, month: 1, day: 1).civil.weekday
        var previous = (year: 1699, month: 12, day: 31)
        var failures = 0
        for dayNumber in start...end {
            let date = CivilCalendar.date(fromDays: dayNumber)
            // Inverse of days(year:month:day:), and a real date that follows the previous one.
            if CivilCalendar.days(year: date.year, month: date.month, day: date.day) != dayNumber { failures += 1 }
            if !CivilCalendar.isValid(year: date.year, month: date.month, day: date.day) { failures += 1 }
            let follows = (date.year == previous.year && date.month == previous.month && date.day == previous.day + 1)
                || (date.day == 1 && CivilCalendar.isValid(year: previous.year, month: previous.month, day: previous.day)
                    && previous.day == CivilCalendar.daysInMonth(year: previous.year, month: previous.month))
            if !follows { failures += 1 }
            let timestamp = Timestamp(year: date.year, month: date.month, day: date.day, hour: 13, minute: 5, second: 7.25)
            let civil = timestamp.civil
            if civil.year != date.year || civil.month != date.month || civil.day != date.day
                || civil.hour != 13 || civil.minute != 5 || abs(civil.second - 7.25) > 1e-6 { failures += 1 }
            if civil.weekday != expectedWeekday { failures += 1 }
            if Timestamp(civil) != timestamp { failures += 1 }
            expectedWeekday = expectedWeekday % 7 + 1
            previous = date
        }
        #expect(failures == 0)
        // 401 × 365 days + 97 leap days (101 multiples of 4, minus 1700, 1800, 1900 and 2100).
        #expect(end - start + 1 == 146_462)
    }

    @Test func leapYearRules() {
        #expect(CivilCalendar.isLeapYear(2000))
        #expect(!CivilCalendar.isLeapYear(1900))
        #expect(CivilCalendar.isLeapYear(2024))
        #expect(!CivilCalendar.isLeapYear(2023))
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2100, month: 2) == 28)
    }

    @Test func negativeTimesFallOnTheRightDay() {
        // 1969-12-31T23:59:59.5Z is one half-second before the epoch.
        let civil = Timestamp(secondsSinceEpoch: -0.5).civil
        #expect(civil.year == 1969 && civil.month == 12 && civil.day == 31)
        #expect(civil.hour == 23 && civil.minute == 59 && abs(civil.second - 59.5) < 1e-9)
        #expect(Timestamp(secondsSinceEpoch: -0.5).dayNumber == -1)
    }

    @Test func dayOfYearAndMonthEnd() {
        #expect(Timestamp(year: 2024, month: 12, day: 31).civil.dayOfYear == 366)
        #expect(Timestamp(year: 2023, month: 3, day: 1).civil.dayOfYear == 60)
        #expect(Timestamp(year: 2024, month: 2, day: 29).civil.isLastDayOfMonth)
        #expect(!Timestamp(year: 2024, month: 2, day: 28).civil.isLastDayOfMonth)
    }

    @Test func descriptionIsISO8601() {
        #expect(Timestamp(year: 2021, month: 3, day: 4).description == "2021-03-04")
        let morning = Timestamp(year: 2021, month: 3, day: 4, hour: 5, minute: 6, second: 7.5)
        #expect(morning.description == "2021-03-04T05:06:07.5Z")
    }

    @Test func orderingFollowsTime() {
        let earlier = Timestamp(year: 1999, month: 12, day: 31)
        let later = Timestamp(year: 2000, month: 1, day: 1)
        #expect(earlier < later)
        #expect(earlier.distance(to: later) == 86_400)
        #expect(earlier.advanced(by: 86_400) == later)
    }
}
