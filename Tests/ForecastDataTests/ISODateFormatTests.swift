import Testing
import ForecastData

/// ISO 8601 layouts: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and date-times with fractions and offsets.
@Suite struct ISODateFormatTests {
    @Test func yearIsFirstOfJanuary() {
        #expect(DateFormat.year.parse("1700") == Timestamp(year: 1700, month: 1, day: 1))
        #expect(DateFormat.year.parse(" 2008 ") == Timestamp(year: 2008, month: 1, day: 1))
        #expect(DateFormat.year.parse("1700.0") == Timestamp(year: 1700, month: 1, day: 1))
        for bad in ["170", "17000", "0000", "2008x", "", "20a8", "1700.5", "1700."] {
            #expect(DateFormat.year.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func yearMonthIsFirstOfMonth() {
        #expect(DateFormat.yearMonth.parse("1949-02") == Timestamp(year: 1949, month: 2, day: 1))
        for bad in ["1949-13", "1949-00", "1949-2", "1949-02-01", "1949/02", "1949-02-"] {
            #expect(DateFormat.yearMonth.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func isoDateValidAndInvalid() {
        #expect(DateFormat.isoDate.parse("2024-02-29") == Timestamp(year: 2024, month: 2, day: 29))
        #expect(DateFormat.isoDate.parse("0001-01-01") == Timestamp(year: 1, month: 1, day: 1))
        #expect(DateFormat.isoDate.parse("9999-12-31") == Timestamp(year: 9999, month: 12, day: 31))
        let invalid = ["2021-02-30", "2023-02-29", "1900-02-29", "2021-04-31", "2021-13-01", "2021-00-10",
                       "2021-01-00", "2021-1-5", "2021-01-05x", "2021-01-05T10:00", "21-01-05", "2021_01_05"]
        for bad in invalid {
            #expect(DateFormat.isoDate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func isoDateTimeSeparatorsAndPrecision() throws {
        let expected = Timestamp(year: 2020, month: 6, day: 1, hour: 13, minute: 45, second: 0)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T13:45") == expected)
        #expect(DateFormat.isoDateTime.parse("2020-06-01 13:45") == expected)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T13:45:00") == expected)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T13:45:30") == expected.advanced(by: 30))
        #expect(DateFormat.isoDateTime.parse("2020-06-01") == Timestamp(year: 2020, month: 6, day: 1))
    }

    @Test func fractionalSeconds() throws {
        let base = Timestamp(year: 2020, month: 6, day: 1, hour: 13, minute: 45, second: 30)
        let cases: [(String, Double)] = [
            ("2020-06-01T13:45:30.5", 0.5), ("2020-06-01T13:45:30.250", 0.25),
            ("2020-06-01T13:45:30,125", 0.125), ("2020-06-01T13:45:30.123456789", 0.123456789),
        ]
        for (text, fraction) in cases {
            let parsed = try #require(DateFormat.isoDateTime.parse(text), "\(text)")
            // Doubles near 1.6e9 resolve about 2.4e-7 s.
            #expect(abs(parsed.secondsSinceEpoch - base.secondsSinceEpoch - fraction) < 1e-6, "\(text)")
        }
        #expect(DateFormat.isoDateTime.parse("2020-06-01T13:45:30.") == nil)
    }

    @Test func offsetsAreConvertedToUTC() {
        let utc = Timestamp(year: 2020, month: 6, day: 1, hour: 12, minute: 0, second: 0)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T12:00:00Z") == utc)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T12:00:00z") == utc)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T14:00:00+02:00") == utc)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T14:00:00+0200") == utc)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T14:00+02") == utc)
        #expect(DateFormat.isoDateTime.parse("2020-06-01T06:30:00-05:30") == utc)
        // An offset can move the instant into the previous day.
        #expect(DateFormat.isoDateTime.parse("2020-06-01T01:00:00+05:00")
                == Timestamp(year: 2020, month: 5, day: 31, hour: 20, minute: 0, second: 0))
    }

    @Test func invalidDateTimes() {
        let invalid = ["2020-06-01T24:00", "2020-06-01T12:60", "2020-06-01T12:00:60", "2020-06-01T1:00",
                       "2020-06-01T12", "2020-06-01T12:00+2", "2020-06-01T12:00+25:00", "2020-06-01T12:00:00Zjunk",
                       "2020-06-31T12:00", "2020-06-01X12:00"]
        for bad in invalid {
            #expect(DateFormat.isoDateTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func parsesFromRawUTF8Bytes() {
        let bytes = Array("2001-09-09T01:46:40Z".utf8)
        let parsed = bytes.withUnsafeBufferPointer { DateFormat.isoDateTime.parse(utf8: $0) }
        #expect(parsed?.secondsSinceEpoch == 1e9)
    }
}
