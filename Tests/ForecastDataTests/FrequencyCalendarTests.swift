import Testing
import ForecastData

/// Timestamps of future steps.
@Suite struct FrequencyCalendarTests {
    private func dates(_ frequency: Frequency, after last: Timestamp, count: Int) -> [String] {
        frequency.timestamps(after: last, count: count).map { DateFormat.isoDate.string(from: $0) }
    }

    @Test func tradingDaysAfterAFridaySkipTheWeekend() {
        let friday = Timestamp(year: 2021, month: 3, day: 5)
        #expect(friday.civil.weekday == 5)
        #expect(dates(.tradingDays, after: friday, count: 6)
                == ["2021-03-08", "2021-03-09", "2021-03-10", "2021-03-11", "2021-03-12", "2021-03-15"])
        let saturday = Timestamp(year: 2021, month: 3, day: 6)
        #expect(dates(.tradingDays, after: saturday, count: 1) == ["2021-03-08"])
    }

    @Test func monthEndsStayMonthEnds() {
        let january31 = Timestamp(year: 2024, month: 1, day: 31)
        #expect(dates(.monthly, after: january31, count: 4) == ["2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"])
        let november30 = Timestamp(year: 2023, month: 11, day: 30)
        #expect(dates(.monthly, after: november30, count: 3) == ["2023-12-31", "2024-01-31", "2024-02-29"])
    }

    @Test func otherDaysOfMonthAreKeptOrClamped() {
        let january30 = Timestamp(year: 2023, month: 1, day: 30)
        #expect(dates(.monthly, after: january30, count: 3) == ["2023-02-28", "2023-03-30", "2023-04-30"])
        let first = Timestamp(year: 1960, month: 12, day: 1)
        #expect(dates(.monthly, after: first, count: 2) == ["1961-01-01", "1961-02-01"])
    }

    @Test func quartersAndYears() {
        #expect(dates(.quarterly, after: Timestamp(year: 2009, month: 7, day: 1), count: 3)
                == ["2009-10-01", "2010-01-01", "2010-04-01"])
        #expect(dates(.yearly, after: Timestamp(year: 2008, month: 1, day: 1), count: 2) == ["2009-01-01", "2010-01-01"])
        #expect(dates(.yearly, after: Timestamp(year: 2020, month: 2, day: 29), count: 4)
                == ["2021-02-28", "2022-02-28", "2023-02-28", "2024-02-29"])
    }

    @Test func fixedSteps() {
        let start = Timestamp(year: 2001, month: 12, day: 29, hour: 6, minute: 30, second: 0)
        #expect(Frequency.weekly.timestamps(after: start, count: 1)
                == [Timestamp(year: 2002, month: 1, day: 5, hour: 6, minute: 30, second: 0)])
        #expect(Frequency.daily.timestamps(after: start, count: 3).last == start.advanced(by: 3 * 86_400))
        #expect(Frequency.hourly.timestamps(after: start, count: 2) == [start.advanced(by: 3600), start.advanced(by: 7200)])
        #expect(Frequency.minutes(15).timestamps(after: start, count: 1) == [start.advanced(by: 900)])
        #expect(Frequency.seconds(5).timestamps(after: start, count: 1) == [start.advanced(by: 5)])
    }

    @Test func timeOfDayIsKeptAcrossMonths() {
        let start = Timestamp(year: 2021, month: 1, day: 31, hour: 16, minute: 0, second: 0)
        #expect(Frequency.monthly.timestamps(after: start, count: 1)
                == [Timestamp(year: 2021, month: 2, day: 28, hour: 16, minute: 0, second: 0)])
    }

    @Test func irregularAndZeroCountGiveNothing() {
        let start = Timestamp(year: 2021, month: 1, day: 1)
        #expect(Frequency.irregular.timestamps(after: start, count: 5).isEmpty)
        #expect(Frequency.daily.timestamps(after: start, count: 0).isEmpty)
    }

    @Test func datesBeforeYearOne() {
        // Month arithmetic uses floor division, so it stays right for negative years too.
        let start = Timestamp(year: -1, month: 12, day: 31)
        #expect(Frequency.monthly.timestamps(after: start, count: 1).first?.civil.month == 1)
        #expect(Frequency.monthly.timestamps(after: start, count: 1).first?.civil.year == 0)
    }
}
