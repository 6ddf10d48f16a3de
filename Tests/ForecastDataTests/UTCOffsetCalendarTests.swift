import Testing
@testable import ForecastData

/// Sessions, calendar steps and written dates on the clock a source wrote its dates on.
@Suite struct UTCOffsetCalendarTests {
    private let nyse = ExchangeCalendar(.XNYS)

    @Test func sessionsAreCountedOnTheSourcesDates() {
        // Monday 31 December 2018 at midnight, +01:00: 30 December 23:00 UTC.
        let last = Timestamp(year: 2018, month: 12, day: 30, hour: 23)
        #expect(!nyse.isSession(last))                                    // Sunday in UTC
        #expect(nyse.isSession(last, utcOffset: 3600))
        #expect(nyse.sessions(after: last, count: 2, utcOffset: 3600)
                == [Timestamp(year: 2019, month: 1, day: 1, hour: 23), Timestamp(year: 2019, month: 1, day: 2, hour: 23)])
        // In UTC the same instant is followed by 31 December, a session there.
        #expect(nyse.sessions(after: last, count: 1) == [Timestamp(year: 2018, month: 12, day: 31, hour: 23)])
    }

    @Test func calendarStepsUseTheSourcesWeekdaysAndMonths() {
        // Friday 4 January 2019 at +09:00 is Thursday 15:00 UTC: the next trading day is Monday.
        let friday = Timestamp(year: 2019, month: 1, day: 3, hour: 15)
        #expect(Frequency.tradingDays.timestamps(after: friday, count: 1, utcOffset: 32_400)
                == [Timestamp(year: 2019, month: 1, day: 6, hour: 15)])
        #expect(Frequency.tradingDays.timestamps(after: friday, count: 1) == [Timestamp(year: 2019, month: 1, day: 4, hour: 15)])
        // The 1st of each month at +01:00 stays the 1st.
        let first = Timestamp(year: 2019, month: 1, day: 31, hour: 23)
        #expect(Frequency.monthly.timestamps(after: first, count: 2, utcOffset: 3600)
                == [Timestamp(year: 2019, month: 2, day: 28, hour: 23), Timestamp(year: 2019, month: 3, day: 31, hour: 23)])
    }

    @Test func datesAreWrittenWithTheSourcesOffset() {
        let instant = Timestamp(year: 2019, month: 1, day: 1, hour: 23)
        #expect(DateFormat.isoDateTime.string(from: instant, utcOffset: 3600) == "2019-01-02T00:00:00+01:00")
        #expect(DateFormat.isoDateTime.string(from: instant, utcOffset: -16_200) == "2019-01-01T18:30:00-04:30")
        #expect(DateFormat.isoDateTime.string(from: instant, utcOffset: 0) == "2019-01-01T23:00:00Z")
        #expect(DateFormat.pattern("%d.%m.%Y %H:%M %z").string(from: instant, utcOffset: 3600) == "02.01.2019 00:00 +0100")
        #expect(DateFormat.isoDate.string(from: instant, utcOffset: 3600) == "2019-01-02")
        #expect(DateFormat.epochSeconds.string(from: instant, utcOffset: 3600) == DateFormat.epochSeconds.string(from: instant))
    }

    @Test func theWrittenOffsetIsReportedByTheParser() {
        func written(_ format: DateFormat, _ text: String) -> Int?? {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer -> Int?? in
                var offset: Int? = nil
                guard format.parse(utf8: UnsafeBufferPointer(buffer), writtenOffset: &offset) != nil else { return .none }
                return .some(offset)
            }
        }
        #expect(written(.isoDateTime, "2019-01-02T00:00:00+01:00") == .some(3600))
        #expect(written(.isoDateTime, "2019-01-02 00:00 -0530") == .some(-19_800))
        #expect(written(.isoDateTime, "2019-01-02T00:00:00Z") == .some(0))
        #expect(written(.isoDateTime, "2019-01-02T00:00:00") == .some(nil))
        #expect(written(.isoDateTime, "2019-01-02") == .some(nil))
        #expect(written(.dayMonthYear(.dot), "02.01.2019 00:00 +01:00") == .some(3600))
        #expect(written(.pattern("%Y%m%d %H%M %z"), "20190102 0000 +0900") == .some(32_400))
        #expect(written(.isoDateTime, "2019-01-02T00:00:00+25:00") == .none)
    }
}
