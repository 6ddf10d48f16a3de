import Testing
import ForecastData

/// Months, quarters and fiscal years written without a day.
@Suite struct PeriodLayoutTests {
    private func detect(_ values: [String]) -> DateFormatDetection {
        DateFormat.detect(in: values.map { $0[...] })
    }

    private func first(_ year: Int, _ month: Int) -> Timestamp { Timestamp(year: year, month: month, day: 1) }

    @Test(arguments: [
        (["2019-Q1", "2019-q2", "2019-Q4"], PeriodLayout.yearDashQuarter, "2019-Q4"),
        (["2019Q1", "2019Q2", "2019Q4"], .yearQuarter, "2019Q4"),
        (["2019 Q1", "2019  Q2", "2019 Q4"], .yearSpaceQuarter, "2019 Q4"),
        (["Q1 2019", "Q2 2019", "Q4 2019"], .quarterSpaceYear, "Q4 2019"),
        (["Q1-2019", "Q2-2019", "Q4-2019"], .quarterDashYear, "Q4-2019"),
        (["Jan-2019", "February-2019", "Oct-2019"], .monthNameDashYear, "Oct-2019"),
        (["Jan 2019", "Feb. 2019", "October 2019"], .monthNameSpaceYear, "Oct 2019"),
        (["Jan-19", "Feb-19", "Oct-19"], .monthNameDashShortYear, "Oct-19"),
        (["2019M01", "2019M2", "2019M10"], .yearLetterMonth, "2019M10"),
        (["2019/01", "2019/2", "2019/10"], .yearSlashMonth, "2019/10"),
        (["01/2019", "2/2019", "10/2019"], .monthSlashYear, "10/2019"),
        (["01-2019", "2-2019", "10-2019"], .monthDashYear, "10-2019"),
        (["FY2017", "FY 2018", "fy2019"], .fiscalYear, "FY2019"),
        (["FY17", "FY 18", "fy19"], .fiscalShortYear, "FY19"),
    ])
    func eachLayoutIsDetectedAndWritesItsLastValueBack(values: [String], layout: PeriodLayout, written: String) throws {
        #expect(detect(values) == .detected(.period(layout)))
        let last = try #require(DateFormat.period(layout).parse(values[2]))
        #expect(DateFormat.period(layout).string(from: last) == written)
    }

    @Test func periodsAreDatedByTheirFirstDay() {
        #expect(DateFormat.period(.yearDashQuarter).parse("2019-Q3") == first(2019, 7))
        #expect(DateFormat.period(.quarterSpaceYear).parse("Q4 2020") == first(2020, 10))
        #expect(DateFormat.period(.monthNameDashShortYear).parse("Mar-45") == first(1945, 3))
        #expect(DateFormat.period(.monthNameDashShortYear).parse("Mar-29") == first(2029, 3))
        #expect(DateFormat.period(.fiscalYear).parse("FY2015") == first(2015, 1))
        #expect(DateFormat.period(.monthSlashYear).parse("7/2021") == first(2021, 7))
        // A timestamp within a period is written as the period.
        #expect(DateFormat.period(.yearQuarter).string(from: Timestamp(year: 2019, month: 6, day: 30)) == "2019Q2")
    }

    @Test func whatIsNoPeriodIsRefused() {
        for text in ["2019-Q5", "2019-Q0", "2019-Q12", "2019-Q1x", "Q1 19", "2019M13", "2019M00", "2019/13", "13/2019", "00-2019", "1/19", "01/2019/1", "Foo-2019", "FY015", "FYI2015"] {
            #expect(PeriodLayout.allCases.allSatisfy { DateFormat.period($0).parse(text) == nil }, "\(text)")
        }
        // Full dates keep their own formats.
        #expect(detect(["Jan 1, 2000", "Feb 1, 2000"]) == .detected(.monthNameDayYear))
        #expect(detect(["2000/03/01", "2000/03/02"]) == .detected(.yearMonthDaySlashed))
        #expect(detect(["2019-01", "2019-02"]) == .detected(.yearMonth))
        #expect(detect(["01/02/2019", "01/03/2019"]) != .detected(.period(.monthSlashYear)))
        #expect(detect(["2019-Q1", "2019Q2"]) == .none)                    // two layouts in one column
    }

    @Test func twoDigitYearsAreSaidToBeGuessed() {
        #expect(DateFormat.period(.monthNameDashShortYear).hasTwoDigitYear)
        #expect(DateFormat.period(.fiscalShortYear).hasTwoDigitYear)
        #expect(!DateFormat.period(.monthNameDashYear).hasTwoDigitYear)
    }
}
