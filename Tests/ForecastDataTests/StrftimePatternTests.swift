import Testing
import ForecastData

/// `DateFormat.pattern`: strptime-style reading and strftime-style writing.
@Suite struct StrftimePatternTests {
    @Test func commonPatterns() {
        let expected = Timestamp(year: 2021, month: 3, day: 14, hour: 9, minute: 5, second: 7)
        #expect(DateFormat.pattern("%d.%m.%Y %H:%M:%S").parse("14.03.2021 09:05:07") == expected)
        #expect(DateFormat.pattern("%Y%m%d%H%M%S").parse("20210314090507") == expected)
        #expect(DateFormat.pattern("%d %b %Y").parse("14 Mar 2021") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.pattern("%B %d, %Y").parse("March 14, 2021") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.pattern("%a %d %b %Y").parse("Sun 14 Mar 2021") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.pattern("%F %T").parse("2021-03-14 09:05:07") == expected)
        #expect(DateFormat.pattern("%D").parse("03/14/21") == Timestamp(year: 2021, month: 3, day: 14))
        #expect(DateFormat.pattern("%I:%M %p %m/%d/%Y").parse("09:05 PM 03/14/2021")
                == Timestamp(year: 2021, month: 3, day: 14, hour: 21, minute: 5, second: 0))
        #expect(DateFormat.pattern("100%% %Y").parse("100% 2021") == Timestamp(year: 2021, month: 1, day: 1))
    }

    /// As spreadsheets read them, and as detected columns are read: 1930–2029.
    @Test func twoDigitYearsFallIn1930To2029() {
        #expect(DateFormat.pattern("%y").parse("29") == Timestamp(year: 2029, month: 1, day: 1))
        #expect(DateFormat.pattern("%y").parse("30") == Timestamp(year: 1930, month: 1, day: 1))
        #expect(DateFormat.pattern("%y").parse("68") == Timestamp(year: 1968, month: 1, day: 1))
        #expect(DateFormat.pattern("%y").parse("00") == Timestamp(year: 2000, month: 1, day: 1))
        #expect(DateFormat.pattern("%y").parse("99") == Timestamp(year: 1999, month: 1, day: 1))
        // Written back with two digits inside the window, four outside it.
        #expect(DateFormat.pattern("%m/%d/%y").string(from: Timestamp(year: 2029, month: 1, day: 15)) == "01/15/29")
        #expect(DateFormat.pattern("%m/%d/%y").string(from: Timestamp(year: 2030, month: 1, day: 15)) == "01/15/2030")
    }

    @Test func dayOfYear() {
        #expect(DateFormat.pattern("%Y-%j").parse("2024-060") == Timestamp(year: 2024, month: 2, day: 29))
        #expect(DateFormat.pattern("%Y-%j").parse("2023-060") == Timestamp(year: 2023, month: 3, day: 1))
        #expect(DateFormat.pattern("%Y-%j").parse("2023-366") == nil)
    }

    @Test func fractionAndOffset() throws {
        let parsed = try #require(DateFormat.pattern("%Y-%m-%d %H:%M:%S.%f%z").parse("2021-03-14 09:05:07.250+0100"))
        let expected = Timestamp(year: 2021, month: 3, day: 14, hour: 8, minute: 5, second: 7.25)
        #expect(abs(parsed.secondsSinceEpoch - expected.secondsSinceEpoch) < 1e-6)
    }

    @Test func epochDirective() {
        #expect(DateFormat.pattern("@%s").parse("@1000000000")?.secondsSinceEpoch == 1e9)
    }

    @Test func rejectsMismatchesAndInvalidDates() {
        let format = DateFormat.pattern("%d/%m/%Y")
        for bad in ["30/02/2021", "14/13/2021", "14-03-2021", "14/03/2021 extra", "14/03/21", ""] {
            #expect(format.parse(bad) == nil, "\(bad)")
        }
        #expect(DateFormat.pattern("%Q %Y").parse("x 2021") == nil)           // unsupported directive
        #expect(DateFormat.pattern("%Y %").parse("2021 %") == nil)            // dangling percent
    }

    @Test func reportsUnsupportedDirectives() {
        #expect(DateFormat.unsupportedDirective(inPattern: "%Y-%m-%d") == nil)
        #expect(DateFormat.unsupportedDirective(inPattern: "%Y-%Q") == "%Q")
        #expect(DateFormat.unsupportedDirective(inPattern: "%Y-%") == "%")
    }

    @Test func writesWithThePattern() {
        let timestamp = Timestamp(year: 2021, month: 3, day: 4, hour: 21, minute: 5, second: 7.25)
        #expect(DateFormat.pattern("%d.%m.%Y %H:%M:%S").string(from: timestamp) == "04.03.2021 21:05:07")
        #expect(DateFormat.pattern("%a %e %b %Y, %I %p, %j, %f, %%").string(from: timestamp)
                == "Thu  4 Mar 2021, 09 PM, 063, 250000, %")
        #expect(DateFormat.pattern("%B %y %z").string(from: timestamp) == "March 21 +0000")
    }
}
