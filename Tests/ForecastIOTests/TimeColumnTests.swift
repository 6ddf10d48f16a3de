import ForecastData
import ForecastIO
import Testing
import _ForecastTestSupport

/// Finding, parsing, sorting and de-duplicating the time column, through `SeriesReader`.
@Suite struct TimeColumnTests {
    private func read(_ name: String, target: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVReadError) -> CSVSeriesData {
        try SeriesReader.read(fixtureSource(name), target: target, options: options)
    }

    private func day(_ year: Int, _ month: Int, _ day: Int) -> Timestamp {
        Timestamp(year: year, month: month, day: day)
    }

    @Test func isoDateTimesWithOffsetsBecomeUTC() throws {
        let data = try read("iso_datetime.csv", target: "load")
        #expect(data.timeColumn == "timestamp")
        let hours = (0..<4).map { Timestamp(year: 2021, month: 3, day: 1, hour: $0) }
        // 04:00+01:00 is 03:00 UTC.
        #expect(data.target.timestamps == hours)
        #expect(data.target.frequency == .hourly)
    }

    @Test func monthFirstDatesAreDetectedFromADayAbove12() throws {
        let data = try read("us_dates.csv", target: "Close")
        #expect(data.target.timestamps == [day(2020, 12, 30), day(2020, 12, 31), day(2021, 1, 4), day(2021, 1, 5)])
        #expect(data.target.dateFormat == .monthDayYear(.slash))
    }

    @Test func dayFirstDatesAreDetectedFromADayAbove12() throws {
        let data = try read("eu_dates.csv", target: "Close")
        #expect(data.target.timestamps == [day(2020, 12, 30), day(2020, 12, 31), day(2021, 1, 4), day(2021, 1, 5)])
        #expect(data.target.dateFormat == .dayMonthYear(.slash))
    }

    @Test func ambiguousDatesAskForAFormat() throws {
        let error = readError { try read("ambiguous_dates.csv", target: "Close") }
        guard case .ambiguousDateFormat(_, let column, let candidates) = error else {
            Issue.record("expected ambiguity, got \(String(describing: error))")
            return
        }
        #expect(column == "Date")
        #expect(candidates.count == 2)
        #expect(candidates == ["%m/%d/%Y", "%d/%m/%Y"])
        #expect(error?.remedies == [.chooseDateFormat(patterns: candidates)])
        #expect(error?.errorDescription?.contains("choose the date format: %m/%d/%Y reads 03/04/2020 as 4 March, %d/%m/%Y as 3 April") == true)
    }

    /// A long-format file repeats each timestamp once per series: the calendar still decides.
    @Test func theCalendarDecidesInALongFormatFile() throws {
        let folder = try ScratchFolder()
        var lines = ["id,Date,Close"]
        for id in ["A", "B"] {
            for month in 0..<36 { lines.append("\(id),\(month % 12 + 1)/1/\(2018 + month / 12),\(100 + month)") }
        }
        let path = try folder.write("long.csv", lines.joined(separator: "\n") + "\n")
        let file = try LongFormatReader.read(.file(path), idColumn: "id", target: "Close")
        let series = try file.series(at: 1).get()
        #expect(series.target.dateFormat == .monthDayYear(.slash))
        #expect(series.target.frequency == .monthly)
    }

    /// Monthly data on the 1st reads both ways; only month-first puts it on a regular calendar.
    @Test func theCalendarDecidesBetweenDayFirstAndMonthFirst() throws {
        let folder = try ScratchFolder()
        var lines = ["Date,Close"]
        for month in 0..<36 { lines.append("\(month % 12 + 1)/1/\(2018 + month / 12),\(100 + month)") }
        let path = try folder.write("monthly.csv", lines.joined(separator: "\n") + "\n")
        let data = try SeriesReader.read(.file(path), target: "Close", features: [], options: CSVReadOptions())
        #expect(data.target.dateFormat == .monthDayYear(.slash))
        #expect(data.target.frequency == .monthly)
        let warning = try #require(data.warnings.first { !$0.remedies.isEmpty })
        #expect(warning.remedies == [.confirmDateFormat(chosen: "%m/%d/%Y", other: "%d/%m/%Y")])
        #expect(warning.message.contains("reads as month/day/year (M/D/YYYY) (calendar monthly)"))
    }

    /// A spreadsheet's short dates are read, and the century guessed for them is said; a pattern
    /// with `%y` asks for it, so it reads the same dates without the warning.
    @Test func twoDigitYearsAreReadWithAWarning() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("short.csv", "Date,Close\n12/30/49,1\n12/31/49,2\n1/3/50,3\n1/4/50,4\n")
        let data = try SeriesReader.read(.file(path), target: "Close", features: [], options: CSVReadOptions())
        #expect(data.target.timestamps == [day(1949, 12, 30), day(1949, 12, 31), day(1950, 1, 3), day(1950, 1, 4)])
        #expect(data.target.dateFormat == .monthDayShortYear(.slash))
        #expect(data.warnings.map(\.message).contains {
            $0.contains("column \"Date\" writes years with two digits, read as 1930–2029") && $0.contains("\"12/30/49\" is 1949-12-30")
        }, "\(data.warnings)")
        let given = try SeriesReader.read(.file(path), target: "Close", features: [],
                                          options: CSVReadOptions(dateFormat: .pattern("%m/%d/%y")))
        #expect(given.target.timestamps == data.target.timestamps)
        #expect(!given.warnings.contains { $0.message.contains("two digits") })
    }

    /// Day numbers under a date header are read as a spreadsheet counts them, and said so; under
    /// another header they are amounts.
    @Test func spreadsheetDayNumbersUnderADateHeaderAreDates() throws {
        let text = "Date,Units\n45293,20100\n45294,20200\n45295,20300\n"
        let data = try SeriesReader.read(memorySource(text), target: "Units")
        #expect(data.target.timestamps == [day(2024, 1, 2), day(2024, 1, 3), day(2024, 1, 4)])
        #expect(data.warnings.map(\.message).contains { $0.contains("holds day numbers, read as a spreadsheet's days since 1899-12-30 (\"45293\" is 2024-01-02)") })
        let amounts = try SeriesReader.read(memorySource("Sold,Units\n45293,1\n45294,2\n45295,3\n"), target: "Units")
        #expect(amounts.timeColumn == nil)
    }

    /// `21.01.04` (year, month, day) also reads as 21 January 2004: the calendar picks the reading
    /// whose days follow one another, and says so; with too few rows to tell, the error shows what
    /// each reading makes of one date.
    @Test func yearFirstTwoDigitDatesAreReadByTheirCalendar() throws {
        // 4 January to 12 February 2021 (read day first, 21 January of 2004 … 2031, then 21 February
        // of 2001 …: no calendar).
        var text = "Date,Value\n"
        for offset in 0..<40 {
            let date = Timestamp(year: 2021, month: 1, day: 4).advanced(by: Double(offset * 86_400)).civil
            text += "21.\(date.month < 10 ? "0" : "")\(date.month).\(date.day < 10 ? "0" : "")\(date.day),\(offset)\n"
        }
        let data = try SeriesReader.read(memorySource(text), target: "Value")
        #expect(data.target.timestamps?.first == day(2021, 1, 4))
        #expect(data.target.frequency == .daily)
        #expect(data.warnings.contains { $0.remedies == [.confirmDateFormat(chosen: "%y.%m.%d", other: "%d.%m.%y")] })
        let error = readError { try SeriesReader.read(memorySource("Date,Value\n21.01.04,1\n21.01.05,2\n"), target: "Value") }
        guard case .ambiguousDateFormat(_, _, let candidates) = error else {
            Issue.record("expected ambiguity, got \(String(describing: error))")
            return
        }
        #expect(candidates == ["%d.%m.%y", "%y.%m.%d"])
        #expect(DateReadings.describe(candidates) == "%d.%m.%y reads 03.04.20 as 3 April, %y.%m.%d as 20 April 2003")
    }

    @Test func givenPatternResolvesAmbiguity() throws {
        let data = try read("ambiguous_dates.csv", target: "Close", options: CSVReadOptions(dateFormat: .pattern("%d/%m/%Y")))
        #expect(data.target.timestamps == [day(2021, 2, 1), day(2021, 3, 1), day(2021, 4, 1)])
        #expect(data.target.frequency == .monthly)
    }

    @Test func valueNotFittingTheGivenPatternNamesLineAndValue() {
        let error = readError { try read("us_dates.csv", target: "Close", options: CSVReadOptions(dateFormat: .pattern("%d/%m/%Y"))) }
        #expect(error == CSVReadError.invalidDate(file: fixturePath("us_dates.csv"), line: 2, column: "Date", value: "12/30/2020",
                                      format: DateFormat.pattern("%d/%m/%Y").description))
    }

    @Test func compactMonthNameEpochYearlyAndMonthlyFormats() throws {
        let compact = try read("compact_dates.csv", target: "value")
        #expect(compact.target.timestamps?.first == day(2021, 1, 4))
        let named = try read("month_name_dates.csv", target: "Close")
        #expect(named.target.timestamps == [day(2021, 1, 4), day(2021, 1, 5), day(2021, 1, 6)])
        let epoch = try read("epoch.csv", target: "value")
        #expect(epoch.target.timestamps?.first == Timestamp(secondsSinceEpoch: 1_609_459_200))
        #expect(epoch.target.frequency == .hourly)
        let yearly = try read("yearly.csv", target: "count")
        #expect(yearly.target.timestamps?.first == day(2001, 1, 1))
        #expect(yearly.target.frequency == .yearly)
        let monthly = try read("monthly.csv", target: "sales")
        #expect(monthly.target.timestamps?.last == day(2021, 1, 1))
        #expect(monthly.target.frequency == .monthly)
    }

    @Test func decimalCommaFileWithDottedDayFirstDates() throws {
        let data = try read("semicolon_decimal_comma.csv", target: "Schluss")
        #expect(data.timeColumn == "Datum")
        #expect(data.target.values == [130.31, -1.5, 0.25])
        #expect(data.target.timestamps?.first == day(2020, 12, 28))
    }

    @Test func timeColumnFoundByContentOrAbsent() throws {
        let byContent = try read("date_by_content.csv", target: "value")
        #expect(byContent.timeColumn == "when it happened")
        let none = try read("no_time_column.csv", target: "b")
        #expect(none.timeColumn == nil)
        #expect(none.target.timestamps == nil)
        #expect(none.target.frequency == .irregular)
        #expect(none.target.values == [2, 4])
    }

    @Test func dateColumnOptionChoosesTheColumn() throws {
        let data = try read("long_format.csv", target: "price",
                            options: CSVReadOptions(dateColumn: "date", idColumn: "symbol", series: "BBB"))
        #expect(data.timeColumn == "date")
        #expect(data.target.values == [10, 20, 30])
    }

    @Test func unsortedRowsAreSortedWithAWarning() throws {
        let data = try read("unsorted.csv", target: "Close")
        #expect(data.target.values == [1, 2, 3])
        #expect(data.target.timestamps == [day(2021, 1, 4), day(2021, 1, 5), day(2021, 1, 6)])
        #expect(data.lines == [3, 4, 2])
        #expect(data.warnings.contains { $0.message.contains("not in time order") })
    }

    @Test func duplicateTimestampIsAnErrorNamingBothLines() {
        let error = readError { try read("duplicates.csv", target: "Close") }
        #expect(error == CSVReadError.duplicateTimestamp(file: fixturePath("duplicates.csv"), timestamp: "2021-01-05",
                                             firstLine: 3, secondLine: 4, longFormat: nil))
    }

    @Test func duplicatesFirstAndLastKeepTheChosenRow() throws {
        let first = try read("duplicates.csv", target: "Close", options: CSVReadOptions(duplicates: .first))
        #expect(first.target.values == [1, 2, 3])
        let last = try read("duplicates.csv", target: "Close", options: CSVReadOptions(duplicates: .last))
        #expect(last.target.values == [1, 2.5, 3])
        #expect(last.warnings.contains { $0.message.contains("1 row with a repeated timestamp") })
    }

    @Test func longFormatPicksOneSeries() throws {
        let data = try read("long_format.csv", target: "price", options: CSVReadOptions(idColumn: "symbol", series: "AAA"))
        #expect(data.target.values == [1, 2, 3])
        #expect(data.lines == [2, 4, 6])
    }

    @Test func longFormatWithoutIdSuggestsIt() {
        let error = readError { try read("long_format.csv", target: "price") }
        guard case .duplicateTimestamp(_, _, let first, let second, let longFormat) = error else {
            Issue.record("expected a duplicate timestamp, got \(String(describing: error))")
            return
        }
        #expect(first == 2 && second == 3)
        #expect(longFormat == .pickSeries(idColumn: "symbol", series: "AAA"))
        #expect(error?.remedies == [.chooseDuplicateRule, .pickSeries(idColumn: "symbol", series: "AAA")])
    }

    @Test func unknownSeriesListsTheSeriesPresent() {
        let error = readError { try read("long_format.csv", target: "price", options: CSVReadOptions(idColumn: "symbol", series: "CCC")) }
        #expect(error == CSVReadError.seriesNotFound(file: fixturePath("long_format.csv"), idColumn: "symbol", series: "CCC", available: ["AAA", "BBB"]))
        #expect(error?.category == .usage)
    }

    /// A date column with one impossible date, or with rows in a second format: found by name, it is
    /// not taken (the file reads, without dates, as a fiscal `2019-13` must), but a warning says so;
    /// named as the date column, reading it names the first bad row (it said "no known format").
    @Test(arguments: [("2021-02-30", 5, "2021-02-30"), ("mixed", 3, "02/01/2021")])
    func aDateColumnWithBadDatesIsWarnedAboutOrNamesTheFirstBadRow(kind: String, line: Int, value: String) throws {
        var text = "date,value\n"
        for day in 1...20 {
            let written = kind == "mixed" && day.isMultiple(of: 2) ? String(format: "%02d/01/2021", day)
                : String(format: "2021-01-%02d", day)
            text += "\(day == 4 && kind != "mixed" ? kind : written),\(day)\n"
        }
        let data = try SeriesReader.read(memorySource(text), target: "value")
        #expect(data.timeColumn == nil)
        let warning = try #require(data.warnings.first { $0.message.contains("looks like dates") })
        #expect(warning.message.contains("\"\(value)\" is not one"), "\(warning.message)")
        #expect(warning.remedies == [.nameDateColumn])
        var named = CSVReadOptions()
        named.dateColumn = "date"
        let error = readError { try SeriesReader.read(memorySource(text), target: "value", options: named) }
        #expect(error == CSVReadError.invalidDate(file: "memory.csv", line: line, column: "date", value: value,
                                                  format: DateFormat.isoDate.description))
    }

    /// A spreadsheet's summary rows under its dates (`Total`, `Average`) stop the read at the first
    /// of them, where the column used to be passed over and the total read as the latest value.
    @Test(arguments: [["Total"], ["Total", "Average"]])
    func summaryRowsAfterTheDatesAreNamed(footers: [String]) {
        var text = "Date,Sales\n"
        for month in 1...12 { text += String(format: "01/%02d/2024,%d\n", month, 100 + month) }
        for footer in footers { text += "\(footer),1278\n" }
        let error = readError { try SeriesReader.read(memorySource(text), target: "Sales") }
        guard case .invalidDate(_, let line, let column, let value, _) = error else {
            Issue.record("expected an invalid date, got \(String(describing: error))")
            return
        }
        #expect(line == 14 && column == "Date" && value == "Total")
    }

    /// Summary rows after years, compact dates or epoch times, or under a header no list holds,
    /// also stop the read at the first of them (they were read as the latest value).
    @Test(arguments: [("Year", ["2019", "2020", "2021", "2022"]), ("Date", ["20240101", "20240102", "20240103", "20240104"]),
                      ("Stichtag", ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]),
                      ("Data", ["15/01/2024", "15/02/2024", "15/03/2024", "15/04/2024"])])
    func summaryRowsAfterAnyDatesAreNamed(header: String, dates: [String]) {
        let text = "\(header),Sales\n" + dates.enumerated().map { "\($1),\(100 + $0)" }.joined(separator: "\n") + "\nTotal,406\n"
        let error = readError { try SeriesReader.read(memorySource(text), target: "Sales") }
        guard case .invalidDate(_, let line, let column, let value, _) = error else {
            Issue.record("expected an invalid date, got \(String(describing: error))")
            return
        }
        #expect(line == 6 && column == header && value == "Total")
    }

    /// A column whose dates read two ways is taken only after any column whose format is clear,
    /// and a date format alone does not take amounts under other names for years.
    @Test func clearDatesComeFirstAndAmountsAreNoYears() throws {
        var text = "ref;when;v\n"
        for month in 1...6 { text += String(format: "01.%02d.2020;2020-%02d-15T10:00:00Z;%d\n", month, month, month) }
        #expect(try SeriesReader.read(memorySource(text), target: "v").timeColumn == "when")
        var options = CSVReadOptions()
        options.dateFormat = .pattern("%Y")
        let amounts = "Umsatz;Kosten;Geschaeftsjahr\n1500;700;2019\n1620;710;2020\n1710;720;2021\n"
        #expect(readError { try SeriesReader.read(memorySource(amounts), target: "Kosten", options: options) }
            == .invalidOption(.dateFormatReadsNoColumn(format: "%Y")))
        let named = "Umsatz;Kosten;Jahr\n1500;700;2019\n1620;710;2020\n1710;720;2021\n"
        #expect(try SeriesReader.read(memorySource(named), target: "Kosten", options: options).timeColumn == "Jahr")
    }

    /// Years beside a month column repeat once per month: the two are read together as the time
    /// column (see `YearPeriodColumnsTests`). Beside a week column they are not, and the error says
    /// the two date the rows together, without offering to keep one row per year, which would be
    /// no remedy.
    @Test(arguments: [("Year", "Month"), ("Jahr", "Monat"), ("Jahr", "Woche")])
    func yearsBesideMonthsAreReadTogether(year: String, period: String) throws {
        var text = "\(year);\(period);Wert\n"
        for row in 0..<24 { text += "\(2022 + row / 12);\(row % 12 + 1);\(100 + row)\n" }
        if period == "Woche" {
            let error = readError { try SeriesReader.read(memorySource(text), target: "Wert") }
            #expect(error?.remedies == [.combineDateColumns(first: year, second: period)], "\(String(describing: error))")
        } else {
            let data = try SeriesReader.read(memorySource(text), target: "Wert")
            #expect(data.timeColumn == "\(year) and \(period)")
            #expect(data.target.frequency == .monthly)
        }
    }

    /// A date format given without naming the column finds the column it reads, whatever its name;
    /// one that reads no column names the time-like column's first value, or says it fits no column.
    @Test func aDateFormatAloneFindsItsColumn() throws {
        var options = CSVReadOptions()
        options.dateFormat = .pattern("%b-%y")
        let months = ["Jan-19", "Feb-19", "Mar-19", "Apr-19", "May-19", "Jun-19"]
        for header in ["Month", "Periode"] {
            let text = "\(header),Sales\n" + months.enumerated().map { "\($1),\($0 + 10)" }.joined(separator: "\n") + "\n"
            let data = try SeriesReader.read(memorySource(text), target: "Sales", options: options)
            #expect(data.timeColumn == header)
            #expect(data.target.frequency == .monthly)
        }
        options.dateFormat = .pattern("%Y-%m")
        let named = "Month,Sales\n" + months.map { "\($0),1" }.joined(separator: "\n") + "\n"
        #expect(readError { try SeriesReader.read(memorySource(named), target: "Sales", options: options) }
            == .invalidDate(file: "memory.csv", line: 2, column: "Month", value: "Jan-19", format: DateFormat.pattern("%Y-%m").description))
        let unnamed = "Label,Sales\n" + months.map { "\($0),1" }.joined(separator: "\n") + "\n"
        #expect(readError { try SeriesReader.read(memorySource(unnamed), target: "Sales", options: options) }
            == .invalidOption(.dateFormatReadsNoColumn(format: "%Y-%m")))
    }

    /// Day-first dates on the first of each month, which read either way round (the calendar
    /// decides: month-first, two years of them are the first twelve days of January twice), are the time column
    /// under a German, French or Spanish header, or under any header when nothing else is a date
    /// (they used to be taken for text, and the series read without dates).
    @Test(arguments: ["Datum", "Monat", "Mois", "Fecha", "Stichtag"])
    func firstOfMonthDatesAreFoundUnderOtherHeaders(header: String) throws {
        var text = "\(header);Umsatz\n"
        for year in [2023, 2024] {
            for month in 1...12 { text += String(format: "01.%02d.%d;%d\n", month, year, 100 + month) }
        }
        let data = try SeriesReader.read(memorySource(text), target: "Umsatz")
        #expect(data.timeColumn == header)
        #expect(data.target.frequency == .monthly)
    }

    /// In long format too, read whole or streamed: a fiscal period column is passed over with the
    /// warning a single series gets, not in silence.
    @Test(arguments: [false, true])
    func aLongFormatPeriodColumnThatIsNotAllDatesIsWarnedAbout(streamed: Bool) throws {
        var text = "id,period,v\n"
        for id in ["a", "b"] {
            for period in 1...13 { text += "\(id),2019-\(String(format: "%02d", period)),\(period)\n" }
        }
        let warnings: [CSVWarning]
        if streamed {
            let stream = try LongFormatStream(memorySource(text), idColumn: "id", target: "v")
            while try stream.next() != nil {}
            warnings = stream.warnings
        } else {
            warnings = try LongFormatReader.read(memorySource(text), idColumn: "id", target: "v").warnings
        }
        let warning = try #require(warnings.first { $0.message.contains("looks like dates") }, "\(warnings)")
        #expect(warning.message.contains("column \"period\"") && warning.message.contains("\"2019-13\" is not one"), "\(warning.message)")
        #expect(warning.remedies == [.nameDateColumn])
    }

    /// A target or feature column empty on every row is named with its row count, where the reader
    /// once said the file had no data rows.
    @Test(arguments: ["value", "other"])
    func aColumnMissingOnEveryRowIsNamed(empty: String) {
        var text = "date,value,other\n"
        for day in 1...6 { text += String(format: "2021-01-%02d,%@,%@\n", day, empty == "value" ? "" : "\(day)", empty == "other" ? "NA" : "\(day)") }
        var options = CSVReadOptions()
        options.missingPolicy = .linear
        let error = readError { try SeriesReader.read(memorySource(text), target: "value", features: ["other"], options: options) }
        #expect(error == .noValues(file: "memory.csv", column: empty, rows: 6))
        #expect(error?.errorDescription == "memory.csv: column \"\(empty)\" has no values: it is missing on all 6 rows.")
        // Under the error policy an empty target's first row is the error, with known-in-advance
        // columns read too.
        if empty == "value" {
            var strictOptions = CSVReadOptions()
            strictOptions.missingPolicy = .error
            let strict = readError {
                try SeriesReader.read(memorySource(text), target: "value", knownFeatures: ["other"], options: strictOptions)
            }
            #expect(strict == .missingValue(file: "memory.csv", line: 2, column: "value"), "\(String(describing: strict))")
        }
    }

    @Test func mostlyReadByNeedsTheShareAndFiveValues() {
        let dates: [Substring] = ["2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04", "x"]
        #expect(DateFormat.mostlyReadBy(dates, share: 0.5) == .isoDate)
        #expect(DateFormat.mostlyReadBy(dates, share: 0.9) == nil)          // 4 of 5
        #expect(DateFormat.mostlyReadBy(Array(dates.prefix(4)) + ["x"], share: 0.5) == .isoDate)
        #expect(DateFormat.mostlyReadBy(Array(dates.prefix(3)) + ["x"], share: 0.5) == nil)  // four values
        #expect(DateFormat.mostlyReadBy(Array(dates.prefix(4)) + ["2021-01-05"], share: 0.5) == nil)  // all read
        #expect(DateFormat.mostlyReadBy(["1", "2", "3", "4", "5", "6"] as [Substring], share: 0.5) == nil)
    }

    @Test func timeLikeNameHoldingNoDatesIsPassedOver() throws {
        let text = "quarter,when,value\n1,2021-01-04,5\n2,2021-01-05,6\n"
        let data = try SeriesReader.read(memorySource(text), target: "value")
        #expect(data.timeColumn == "when")
    }
}
