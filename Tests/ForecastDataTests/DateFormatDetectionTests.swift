import Testing
import ForecastData

/// Detection decides from the whole column.
@Suite struct DateFormatDetectionTests {
    private func detect(_ values: [String]) -> DateFormatDetection {
        DateFormat.detect(in: values.map { $0[...] })
    }

    @Test func isoLayouts() {
        #expect(detect(["2000-03-01", "2000-03-02", ""]) == .detected(.isoDate))
        #expect(detect(["1949-01", "1949-02"]) == .detected(.yearMonth))
        #expect(detect(["2020-01-01T10:00:00Z", "2020-01-01T11:00:00+01:00"]) == .detected(.isoDateTime))
        // A column mixing bare dates and date-times needs the date-time reader.
        #expect(detect(["2020-01-01", "2020-01-01 10:00"]) == .detected(.isoDateTime))
        #expect(detect(["2000/03/01", "2000/03/02"]) == .detected(.yearMonthDaySlashed))
        #expect(detect(["2024.01.02", "2024.01.03 09:30"]) == .detected(.yearMonthDayDotted))
        #expect(DateFormat.yearMonthDayDotted.parse("2024.01.03 09:30") == Timestamp(year: 2024, month: 1, day: 3, hour: 9, minute: 30, second: 0))
        #expect(detect(["02.01.2024", "03.01.2024"]) != .detected(.yearMonthDayDotted))
        #expect(detect(["Jan 1, 2000", "Feb 1, 2000"]) == .detected(.monthNameDayYear))
    }

    @Test func oneBadValueRulesAFormatOut() {
        #expect(detect(["2021-02-27", "2021-02-28", "2021-02-30"]) == .none)
        #expect(detect(["2021-02-27", "2021-02-28x"]) == .none)
        #expect(detect(["2021-02-27", "13/13/2020"]) == .none)
    }

    @Test func dayMonthOrderFromTheWholeColumn() {
        // Only the last value has a day above 12 in first place: day-first.
        #expect(detect(["01/02/2020", "03/04/2020", "25/04/2020"]) == .detected(.dayMonthYear(.slash)))
        // A second part above 12: month-first.
        #expect(detect(["01/02/2020", "03/04/2020", "04/25/2020"]) == .detected(.monthDayYear(.slash)))
        // Nothing decisive: ambiguous, month-first listed first.
        #expect(detect(["01/02/2020", "03/04/2020"]) == .ambiguous([.monthDayYear(.slash), .dayMonthYear(.slash)]))
        // Both orders contradicted: no format reads the column.
        #expect(detect(["25/04/2020", "04/25/2020"]) == .none)
        #expect(detect(["13/13/2020"]) == .none)
        #expect(detect(["14.03.2021", "15.03.2021"]) == .detected(.dayMonthYear(.dot)))
        #expect(detect(["03-14-2021", "03-15-2021"]) == .detected(.monthDayYear(.dash)))
    }

    /// Spreadsheet short dates: day and month ordered as with four-digit years, the century in
    /// 1930–2029; four-digit years are never read as two.
    @Test func twoDigitYears() {
        #expect(detect(["1/4/21", "1/5/21", "12/31/21"]) == .detected(.monthDayShortYear(.slash)))
        #expect(detect(["04.01.21", "31.12.45"]) == .detected(.dayMonthShortYear(.dot)))
        // Year first reads too where every part fits (`31.12.21` is 21 December 1931): one more
        // candidate, which the calendar or the user settles.
        #expect(detect(["04.01.21", "31.12.21"]) == .ambiguous([.dayMonthShortYear(.dot), .pattern("%y.%m.%d")]))
        #expect(detect(["01-02-21", "03-04-21"]) == .ambiguous([.monthDayShortYear(.dash), .dayMonthShortYear(.dash), .pattern("%y-%m-%d")]))
        #expect(detect(["21.01.04", "21.01.05", "21.01.29"]) == .ambiguous([.dayMonthShortYear(.dot), .pattern("%y.%m.%d")]))
        #expect(detect(["4-Jan-21", "05-Jan-21", "6 Jan 21"]) == .detected(.dayMonthNameShortYear))
        #expect(detect(["1/4/2021", "12/31/2021"]) == .detected(.monthDayYear(.slash)))
        #expect(detect(["1/4/21", "1/5/2021"]) == .none)                   // mixed widths
        #expect(detect(["1/4/212"]) == .none)
        #expect(DateFormat.monthDayShortYear(.slash).parse("1/4/29") == Timestamp(year: 2029, month: 1, day: 4))
        #expect(DateFormat.monthDayShortYear(.slash).parse("1/4/30") == Timestamp(year: 1930, month: 1, day: 4))
        #expect(DateFormat.dayMonthShortYear(.slash).parse("29/2/00") == Timestamp(year: 2000, month: 2, day: 29))
        #expect(DateFormat.dayMonthShortYear(.slash).parse("29/2/99") == nil)   // 1999 is no leap year
        #expect(DateFormat.monthDayShortYear(.slash).parse("1/4/21 9:30") == Timestamp(year: 2021, month: 1, day: 4, hour: 9, minute: 30, second: 0))
        #expect(DateFormat.monthDayShortYear(.slash).strftimePattern == "%m/%d/%y")
        #expect(DateFormat.monthDayShortYear(.slash).hasTwoDigitYear && !DateFormat.monthDayYear(.slash).hasTwoDigitYear)
    }

    @Test func plainIntegers() {
        #expect(detect(["1700", "1701", "2008"]) == .detected(.year))
        #expect(detect(["1700.0", "1701.0"]) == .detected(.year))
        #expect(detect(["1700.5", "1701.0"]) == .none)
        #expect(detect(["3000", "3001"]) == .none)                          // not plausible years
        #expect(detect(["20210314", "20210315"]) == .detected(.compactDate))
        #expect(detect(["20211314"]) == .none)                              // 8 digits, not a date
        #expect(detect(["999999999", "1600000000"]) == .detected(.epochSeconds))
        #expect(detect(["1600000000.5", "1600000001"]) == .detected(.epochSeconds))
        #expect(detect(["1600000000000", "1600000001000"]) == .detected(.epochMilliseconds))
        // Spreadsheet day numbers, with a time as a fraction (rounded to the second).
        #expect(detect(["45293", "45294.5", "45295"]) == .detected(.spreadsheetSerial))
        #expect(DateFormat.spreadsheetSerial.parse("45293") == Timestamp(year: 2024, month: 1, day: 2))
        #expect(DateFormat.spreadsheetSerial.parse("45293.395833") == Timestamp(year: 2024, month: 1, day: 2, hour: 9, minute: 30, second: 0))
        #expect(DateFormat.spreadsheetSerial.parse("25569") == Timestamp(secondsSinceEpoch: 0))
        #expect(detect(["12345", "12346"]) == .none)                       // 1933: not a spreadsheet's dates
        #expect(detect(["99999", "99998"]) == .none)                       // 2173
        #expect(detect(["12", "13"]) == .none)
        #expect(detect(["1999", "20200101"]) == .none)                       // mixed shapes
    }

    @Test func missingDateTokensAreSkipped() {
        #expect(detect(["2000-03-01", "NA", "", "NaT", "n/a", "null", " None ", "2000-03-03"]) == .detected(.isoDate))
        #expect(detect(["NA", "NaN"]) == .none)
        #expect(DateFormat.isMissingDate("  NA\r"))
        #expect(!DateFormat.isMissingDate("NAN1"))
        #expect(!DateFormat.isMissingDate("2000"))
        // A value that is neither a date nor a missing token still rules a format out.
        #expect(detect(["2000-03-01", "unknown"]) == .none)
    }

    @Test func dayFirstMonthNames() {
        #expect(detect(["14-Mar-2021", "15-Mar-2021"]) == .detected(.dayMonthNameYear))
    }

    @Test func stringColumnsDetectLikeSubstrings() {
        #expect(DateFormat.detect(in: ["03/04/2020", "25/04/2020"] as [String]) == .detected(.dayMonthYear(.slash)))
    }

    @Test func emptyColumnsDetectNothing() {
        #expect(detect([]) == .none)
        #expect(detect(["", "  "]) == .none)
    }

    @Test func firstUnreadableValueIsReported() {
        let values = ["2021-02-27", "", "2021-02-30", "junk"].map { $0[...] }
        #expect(DateFormat.isoDate.firstUnreadableIndex(in: values) == 2)
        #expect(DateFormat.isoDate.firstUnreadableIndex(in: values.prefix(2)) == nil)
    }
}
