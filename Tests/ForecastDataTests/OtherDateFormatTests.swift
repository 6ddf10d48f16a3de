import Testing
import ForecastData

/// Compact, numeric day/month, slashed and month-name layouts.
@Suite struct OtherDateFormatTests {
    @Test func compactDate() {
        #expect(DateFormat.compactDate.parse("20210314") == Timestamp(year: 2021, month: 3, day: 14))
        for bad in ["20210230", "2021031", "202103140", "20211301", "2021-03-14", "20210314x"] {
            #expect(DateFormat.compactDate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func monthDayYearWithEachSeparator() {
        let expected = Timestamp(year: 2021, month: 3, day: 14)
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021") == expected)
        #expect(DateFormat.monthDayYear(.slash).parse("03/14/2021") == expected)
        #expect(DateFormat.monthDayYear(.dash).parse("03-14-2021") == expected)
        #expect(DateFormat.monthDayYear(.dot).parse("3.14.2021") == expected)
        #expect(DateFormat.monthDayYear(.slash).parse("3-14-2021") == nil)       // wrong separator
        #expect(DateFormat.monthDayYear(.slash).parse("14/3/2021") == nil)       // month 14
        #expect(DateFormat.monthDayYear(.slash).parse("13/13/2020") == nil)
        #expect(DateFormat.monthDayYear(.slash).parse("2/30/2020") == nil)
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/21") == nil)         // two-digit year
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021 junk") == nil)
    }

    @Test func dayMonthYearWithEachSeparator() {
        let expected = Timestamp(year: 2021, month: 3, day: 14)
        #expect(DateFormat.dayMonthYear(.slash).parse("14/3/2021") == expected)
        #expect(DateFormat.dayMonthYear(.dot).parse("14.03.2021") == expected)
        #expect(DateFormat.dayMonthYear(.dash).parse("14-03-2021") == expected)
        #expect(DateFormat.dayMonthYear(.slash).parse("13/13/2020") == nil)
        #expect(DateFormat.dayMonthYear(.slash).parse("31/4/2020") == nil)
    }

    @Test func numericDatesAcceptATimeOfDay() {
        let expected = Timestamp(year: 2021, month: 3, day: 14, hour: 9, minute: 5, second: 0)
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021 9:05") == expected)
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021 09:05:00") == expected)
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021 9:05 AM") == expected)
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021 9:05 PM") == expected.advanced(by: 12 * 3600))
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021 12:00 AM") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.monthDayYear(.slash).parse("3/14/2021 13:00 PM") == nil)
        #expect(DateFormat.dayMonthYear(.dot).parse("14.03.2021 09:05") == expected)
    }

    @Test func slashedYearMonthDay() {
        #expect(DateFormat.yearMonthDaySlashed.parse("2021/03/14") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.yearMonthDaySlashed.parse("2021/3/4") == Timestamp(year: 2021, month: 3, day: 4))
        #expect(DateFormat.yearMonthDaySlashed.parse("2021/02/29") == nil)
        #expect(DateFormat.yearMonthDaySlashed.parse("2021-03-14") == nil)
    }

    @Test func monthNameDayYear() {
        let expected = Timestamp(year: 2000, month: 1, day: 1)
        for text in ["Jan 1 2000", "Jan 1, 2000", "jan 01 2000", "JAN 1,2000", "January 1, 2000", "Jan. 1, 2000"] {
            #expect(DateFormat.monthNameDayYear.parse(text) == expected, "\(text)")
        }
        #expect(DateFormat.monthNameDayYear.parse("Sept 30, 2019") == Timestamp(year: 2019, month: 9, day: 30))
        #expect(DateFormat.monthNameDayYear.parse("September 30 2019") == Timestamp(year: 2019, month: 9, day: 30))
        for bad in ["Jan 32 2000", "Feb 30, 2000", "Janu 1 2000", "Foo 1 2000", "Jan1 2000", "Jan 1 2000x", "1 Jan 2000"] {
            #expect(DateFormat.monthNameDayYear.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func dayMonthNameYear() {
        let expected = Timestamp(year: 2021, month: 3, day: 14)
        for text in ["14 Mar 2021", "14-Mar-2021", "14 March 2021", "14  mar  2021", "14 Mar. 2021"] {
            #expect(DateFormat.dayMonthNameYear.parse(text) == expected, "\(text)")
        }
        for bad in ["31 Apr 2021", "14 Mar 21", "14Mar2021", "Mar 14 2021", "14 Mars 2021"] {
            #expect(DateFormat.dayMonthNameYear.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func lineBreaksAndTabsAroundAValueAreIgnored() {
        #expect(DateFormat.isoDate.parse("2021-03-14\r") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.isoDate.parse("\t2021-03-14 ") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.isoDate.parse("2021-03-\r14") == nil)
    }

    @Test func epochSeconds() throws {
        #expect(DateFormat.epochSeconds.parse("1000000000")
                == Timestamp(year: 2001, month: 9, day: 9, hour: 1, minute: 46, second: 40))
        #expect(DateFormat.epochSeconds.parse("0")?.secondsSinceEpoch == 0)
        #expect(DateFormat.epochSeconds.parse("-86400") == Timestamp(year: 1969, month: 12, day: 31))
        let fractional = try #require(DateFormat.epochSeconds.parse("1600000000.75"))
        #expect(abs(fractional.secondsSinceEpoch - 1_600_000_000.75) < 1e-6)
        for bad in ["16e8", "1600000000.", "1600000000x", "1 600 000 000", "", "-", "999999999999999"] {
            #expect(DateFormat.epochSeconds.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func epochMilliseconds() throws {
        let parsed = try #require(DateFormat.epochMilliseconds.parse("1600000000750"))
        #expect(abs(parsed.secondsSinceEpoch - 1_600_000_000.75) < 1e-6)
        #expect(DateFormat.epochMilliseconds.string(from: parsed) == "1600000000750")
    }

    @Test func descriptionsNameTheLayout() {
        #expect(DateFormat.isoDate.description == "ISO 8601 date (YYYY-MM-DD)")
        #expect(DateFormat.dayMonthYear(.dot).description == "day/month/year (D.M.YYYY)")
        #expect(DateFormat.pattern("%d %b %Y").description == "pattern %d %b %Y")
    }
}
