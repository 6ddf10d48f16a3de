import ForecastData
@testable import ForecastIO
import Testing

/// Rows dated by a year column and a month or quarter column together (`Year,Month,Value`,
/// `Jahr;Monat;Wert`, `Year,Quarter,Sales`) read as one time column; a value that is no year, month
/// or quarter names its line and column.
@Suite struct YearPeriodColumnsTests {
    /// `header` then one row per month from January 2022, the month written by `month`.
    static func monthlyText(_ header: String, rows: Int = 24, delimiter: String = ",",
                            month: (Int) -> String = { String($0) }) -> String {
        var text = header + "\n"
        for row in 0..<rows { text += ["\(2022 + row / 12)", month(row % 12 + 1), "\(100 + row)"].joined(separator: delimiter) + "\n" }
        return text
    }

    /// The first day of each month of `count` months from January 2022.
    static func months(_ count: Int, every step: Int = 1) -> [Timestamp] {
        (0..<count).map { Timestamp(year: 2022 + $0 * step / 12, month: $0 * step % 12 + 1, day: 1) }
    }

    @Test func yearAndMonthNumbersAreOneMonthlyTimeColumn() throws {
        let data = try SeriesReader.read(memorySource(Self.monthlyText("Year,Month,Value")), target: "Value")
        #expect(data.timeColumn == "Year and Month")
        #expect(data.target.timestamps == Self.months(24))
        #expect(data.target.frequency == .monthly)
        #expect(data.target.values == (0..<24).map { Double(100 + $0) })
        #expect(data.target.dateFormat == .yearMonth)
        #expect(data.warnings.map(\.message) == [
            "memory.csv: rows are dated by \"Year\" and \"Month\" together, read as one date column of months, written YYYY-MM (March 2024 as 2024-03).",
        ])
    }

    /// Month names in the languages whose headers are recognised, abbreviated or whole, with or
    /// without accents, capitals and a final dot.
    @Test(arguments: [
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["Jan.", "Feb.", "Mrz.", "Apr.", "Mai", "Jun.", "Jul.", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["enero", "feb", "mar", "abr", "may", "jun", "jul", "ago", "setiembre", "oct", "nov", "dic"],
        ["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0", "11.0", "12.0"],
        ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
        ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        ["JAN", "FÉVRIER", "MÄRZ", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
    ])
    func monthNamesAreMonths(names: [String]) throws {
        let text = Self.monthlyText("Year,Month,Value") { names[$0 - 1] }
        let data = try SeriesReader.read(memorySource(text), target: "Value")
        #expect(data.target.timestamps == Self.months(24))
    }

    /// A prefix that begins names of two months (`jui`: juin, juillet) is none, and words that
    /// only look like a month are not read as one.
    @Test(arguments: ["jui", "ju", "m", "Total", "13", "0", "1.5", "13.0", "0.0", ".0", "Q1", ""])
    func textsThatNameNoMonthAreNone(text: String) {
        #expect(YearPeriodColumns.Unit.month.firstMonth(of: text) == nil)
    }

    @Test(arguments: [("1", 1), ("2", 4), ("Q3", 7), ("q4", 10), ("04", 10)])
    func quartersStartAtTheirFirstMonth(text: String, month: Int) {
        #expect(YearPeriodColumns.Unit.quarter.firstMonth(of: text) == month)
    }

    @Test(arguments: [["1", "2", "3", "4"], ["Q1", "Q2", "Q3", "Q4"]])
    func yearAndQuarterAreOneQuarterlyTimeColumn(quarters: [String]) throws {
        var text = "Year,Quarter,Sales\n"
        for row in 0..<12 { text += "\(2022 + row / 4),\(quarters[row % 4]),\(200 + row)\n" }
        let data = try SeriesReader.read(memorySource(text), target: "Sales")
        #expect(data.timeColumn == "Year and Quarter")
        #expect(data.target.timestamps == Self.months(12, every: 3))
        #expect(data.target.frequency == .quarterly)
        #expect(data.warnings.first?.message.contains("quarters, written YYYY-Qn (the second quarter of 2024 as 2024-Q2)") == true)
        #expect(data.target.dateFormat.map { $0.string(from: Timestamp(year: 2024, month: 4, day: 1)) } == "2024-Q2")
    }

    /// A German export: `;` between fields, decimal commas, German headers and month names.
    @Test func aGermanFileWithDecimalCommasIsRead() throws {
        let names = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        var text = "Jahr;Monat;Wert\n"
        for row in 0..<24 { text += "\(2022 + row / 12);\(names[row % 12]);\(100 + row),5\n" }
        let data = try SeriesReader.read(memorySource(text), target: "Wert")
        #expect(data.timeColumn == "Jahr and Monat")
        #expect(data.target.timestamps == Self.months(24))
        #expect(data.target.values == (0..<24).map { Double(100 + $0) + 0.5 })
        #expect(data.target.frequency == .monthly)
    }

    /// Rows out of order are sorted by the two columns, with the usual warning.
    @Test func rowsOutOfOrderAreSorted() throws {
        let lines = Self.monthlyText("Year,Month,Value").split(separator: "\n")
        let text = ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n"
        let data = try SeriesReader.read(memorySource(text), target: "Value")
        #expect(data.target.timestamps == Self.months(24))
        #expect(data.target.values.first == 100)
        #expect(data.warnings.contains { $0.message.contains("sorted by \"Year and Month\"") })
    }

    /// A value that is not a month, quarter or year, or none at all, stops the read at its line
    /// and column, wherever it is: the rows are never dated by the year alone.
    @Test(arguments: [
        ("Month", 14, "13", CSVReadError.invalidDatePart(file: "memory.csv", line: 14, column: "Month", value: "13",
                                                        expected: YearPeriodColumns.Unit.month.expected)),
        ("Month", 5, "Mon", .invalidDatePart(file: "memory.csv", line: 5, column: "Month", value: "Mon",
                                             expected: YearPeriodColumns.Unit.month.expected)),
        ("Month", 9, "", .missingDate(file: "memory.csv", line: 9, column: "Month")),
        ("Year", 20, "20x3", .invalidDatePart(file: "memory.csv", line: 20, column: "Year", value: "20x3", expected: "year (four digits)")),
        ("Year", 2, "", .missingDate(file: "memory.csv", line: 2, column: "Year")),
    ])
    func aBadValueIsNamedByLineAndColumn(column: String, line: Int, value: String, expected: CSVReadError) {
        var rows = Self.monthlyText("Year,Month,Value").split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        rows[line - 1][column == "Year" ? 0 : 1] = value
        let text = rows.map { $0.joined(separator: ",") }.joined(separator: "\n")
        let error = readError { try SeriesReader.read(memorySource(text), target: "Value") }
        #expect(error == expected)
        #expect(error?.line == line)
    }

    @Test func aBadQuarterIsNamed() {
        let text = "Jahr;Quartal;Umsatz\n2022;Q1;1\n2022;Q2;2\n2022;Q5;3\n"
        let error = readError { try SeriesReader.read(memorySource(text), target: "Umsatz") }
        #expect(error?.errorDescription == "memory.csv:4: column \"Quartal\": \"Q5\" is not a quarter (1 to 4, or Q1 to Q4).")
    }

    /// A (year, month) pair that comes back is a repeated timestamp like any other: an error that
    /// offers the duplicate rule (not the two columns, which are already read together), or the
    /// rule's choice of row.
    @Test func aRepeatedMonthIsADuplicateTimestamp() throws {
        let text = "Year,Month,Value\n2022,1,1\n2022,2,2\n2022,2,5\n2022,3,3\n"
        let error = readError { try SeriesReader.read(memorySource(text), target: "Value") }
        #expect(error == .duplicateTimestamp(file: "memory.csv", timestamp: "2022-02", firstLine: 3, secondLine: 4, longFormat: nil))
        #expect(error?.remedies == [.chooseDuplicateRule])
        let kept = try SeriesReader.read(memorySource(text), target: "Value", options: CSVReadOptions(duplicates: .last))
        #expect(kept.target.values == [1, 5, 3])
        #expect(kept.target.timestamps == Self.months(3))
    }

    /// Month names are no series ids: a long-format hint looks past them to the id column.
    @Test func aRepeatedMonthInALongFileOffersItsIDColumn() {
        var text = "Year,Month,store,sales\n"
        for store in ["north", "south"] {
            for month in ["Jan", "Feb", "Mar"] { text += "2022,\(month),\(store),1\n" }
        }
        let error = readError { try SeriesReader.read(memorySource(text), target: "sales") }
        #expect(error?.remedies == [.chooseDuplicateRule, .pickSeries(idColumn: "store", series: "north")])
    }

    /// A date column or a date format given says how one column reads: the two are then not read
    /// together, and the repeated years say how to have them read so. Years beside weeks, which
    /// years number in more than one way, are not read together either.
    @Test(arguments: [
        (CSVReadOptions(dateColumn: "Year"), "Month", CSVReadError.Remedy.readDateColumnsTogether(first: "Year", second: "Month")),
        (CSVReadOptions(dateFormat: .pattern("%Y")), "Monat", .readDateColumnsTogether(first: "Year", second: "Monat")),
        (CSVReadOptions(), "Week", .combineDateColumns(first: "Year", second: "Week")),
    ])
    func namedOptionsOrWeeksKeepOneColumn(options: CSVReadOptions, period: String, remedy: CSVReadError.Remedy) {
        let text = Self.monthlyText("Year,\(period),Value")
        let error = readError { try SeriesReader.read(memorySource(text), target: "Value", options: options) }
        #expect(error == .duplicateTimestamp(file: "memory.csv", timestamp: "2022", firstLine: 2, secondLine: 3, longFormat: remedy))
        #expect(error?.remedies == [remedy])
        #expect(error?.errorDescription?.contains("--") == false)
    }

    /// A day column beside them makes the rows days: two columns would read them as months, keeping
    /// one row a month, so the file is refused with the advice to write one date column.
    @Test func aDayColumnKeepsYearAndMonthApart() {
        let text = "Year,Month,Day,Value\n2024,1,1,5\n2024,1,2,6\n2024,1,3,7\n2024,2,1,8\n"
        let error = readError { try SeriesReader.read(memorySource(text), target: "Value") }
        #expect(error?.remedies == [.combineDateColumns(first: "Year", second: "Month")], "\(String(describing: error))")
        #expect((try? TableInspection.inspect(memorySource(text))) == nil)
    }

    /// The month column dates the rows: it is not a value column too.
    @Test func theMonthColumnIsNoValueColumn() {
        let text = Self.monthlyText("Year,Month,Value")
        #expect(readError { try SeriesReader.read(memorySource(text), target: "Value", features: ["Month"]) }
            == .invalidOption(.columnInTwoRoles(column: "Month", role: .time, otherRole: .value)))
    }

    /// `tsf inspect`'s summary: both columns are the date, and the calendar is the months'.
    @Test func inspectionShowsBothColumnsAsTheDate() throws {
        let inspection = try TableInspection.inspect(memorySource(Self.monthlyText("Year,Month,Value")))
        #expect(inspection.columns.map(\.kind) == [.date, .date, .numeric])
        let time = try #require(inspection.time)
        #expect(time.column == "Year and Month")
        #expect(time.frequency == .monthly)
        #expect((time.first, time.last) == ("2022-01", "2023-12"))
        #expect(time.missingSteps == 0)
        #expect(inspection.warnings.count == 1)
    }

    /// In long format, read whole or streamed, each series is dated by the two columns, and the
    /// file (not each series) says so once.
    @Test(arguments: [false, true])
    func longFormatSeriesAreDatedByBoth(streamed: Bool) throws {
        var text = "store;Jahr;Monat;Umsatz\n"
        for store in ["north", "south"] {
            for row in 0..<18 { text += "\(store);\(2022 + row / 12);\(row % 12 + 1);\(row),5\n" }
        }
        var series: [CSVSeriesData] = []
        let fileWarnings: [CSVWarning]
        if streamed {
            let stream = try LongFormatStream(memorySource(text), idColumn: "store", target: "Umsatz")
            while let next = try stream.next() { series.append(try next.data().get()) }
            fileWarnings = stream.warnings
        } else {
            let file = try LongFormatReader.read(memorySource(text), idColumn: "store", target: "Umsatz")
            series = try file.ids.indices.map { try file.series(at: $0).get() }
            fileWarnings = file.warnings
        }
        #expect(series.count == 2)
        for data in series {
            #expect(data.target.timestamps == Self.months(18))
            #expect(data.target.frequency == .monthly)
            #expect(data.warnings.isEmpty)
        }
        #expect(fileWarnings.filter { $0.message.contains("rows are dated by \"Jahr\" and \"Monat\"") }.count == 1)
    }
}
