import ForecastData
import ForecastIO
import Testing
@testable import ForecastIO

/// Notes above a table's header (a download's source and date, a logger's comments) are skipped,
/// with a warning, rather than taken for the header.
@Suite struct CSVPreambleTests {
    @Test func aWorldBankDownloadIsReadPastItsNotesToItsHeader() {
        let text = """
            "Data Source","World Development Indicators",

            "Last Updated Date","2024-06-28",

            \(DatesAcrossColumnsTests.worldBankStyle)
            """
        // The header is found, so the table's own problem is the one reported.
        let error = readError { try SeriesReader.read(memorySource(text), target: "2020") }
        #expect(error == .datesAcrossColumns(file: "memory.csv", first: "2019", last: "2022", count: 4))
    }

    @Test func aLoggersCommentsAreSkippedAndNamed() throws {
        let text = Self.hourly(rows: 30, notes: ["# station 12", "# sensor: temperature, humidity"])
        let data = try SeriesReader.read(memorySource(text), target: "Temperature")
        #expect(data.target.values.count == 30)
        #expect(data.timeColumn == "Time")
        let warning = try #require(data.warnings.first { $0.message.contains("above the header") })
        #expect(warning.message.contains("the 2 lines above the header (\"# station 12\" …) were read as notes"))
    }

    /// A header a field narrower than its rows (rows that end in a stray delimiter, or R's row
    /// names) stays the header: its rows are a ragged-row error, as they were.
    @Test(arguments: ["Date,Sales\n2024-01-01,10,\n2024-01-02,11,\n2024-01-03,12,\n",
                      "\"Date\",\"Sales\"\n\"1\",2024-01-01,10\n\"2\",2024-01-02,11\n\"3\",2024-01-03,12\n"])
    func aHeaderNarrowerThanItsRowsIsKept(text: String) {
        let error = readError { try TableInspection.inspect(memorySource(text)) }
        guard case .raggedRow(_, 2, 2, 3) = error else {
            Issue.record("expected a ragged row on line 2, got \(String(describing: error))")
            return
        }
    }

    /// A title padded to the table's width, comments as wide as the table, and a one-column table
    /// under a comment: each note is skipped; a column named `#` alone is a header.
    @Test func titlesAndCommentsOfAnyWidthAreNotes() throws {
        let rows = (1...5).map { "2024-01-0\($0),\(10 + $0),\($0)" }.joined(separator: "\n") + "\n"
        let padded = try SeriesReader.read(memorySource("Sales report 2024,,\nDate,Sales,Units\n" + rows), target: "Sales")
        #expect(padded.target.values == [11, 12, 13, 14, 15])
        let comment = try SeriesReader.read(memorySource("# Units: pieces, euros\n# by day,,\nDate,Sales,Units\n" + rows), target: "Units")
        #expect(comment.target.values == [1, 2, 3, 4, 5])
        let single = try TableInspection.inspect(memorySource("# note\nSales\n1\n2\n3\n4\n"))
        #expect(single.columns.map(\.name) == ["Sales"])
        #expect(single.rowCount == 4)
        let hashColumn = try TableInspection.inspect(memorySource("#,Date,Sales\n1,2024-01-01,5\n2,2024-01-02,6\n3,2024-01-03,7\n"))
        #expect(hashColumn.columns.map(\.name) == ["#", "Date", "Sales"])
    }

    /// Notes above a semicolon or tab table do not hide its delimiter.
    @Test(arguments: [("# Logger\n# Units C\nDatum;Menge;Preis\n", ";"), ("Station 12 North\nDatum\tMenge\tPreis\n", "\t")])
    func notesAboveASemicolonOrTabTableKeepItsDelimiter(notes: String, delimiter: String) throws {
        let rows = (1...6).map { ["2024-01-0\($0)", "\(10 + $0)", "\($0),5"].joined(separator: delimiter) }.joined(separator: "\n") + "\n"
        let data = try SeriesReader.read(memorySource(notes + rows), target: "Preis")
        #expect(data.target.values == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5])
        #expect(data.warnings.contains { $0.message.contains("above the header") })
    }

    /// Notes of two fields (`Station;Berlin`) above a semicolon or tab table of four columns: the
    /// delimiter is found past them, where a comma split read one column.
    @Test(arguments: [";", "\t"])
    func notesOfSeveralFieldsAboveASemicolonOrTabTableKeepItsDelimiter(delimiter: String) throws {
        let notes = ["Station", "Berlin Tempelhof"].joined(separator: delimiter) + "\n" + ["Unit", "deg C"].joined(separator: delimiter) + "\n"
        let header = ["Datum", "Temp", "Feuchte", "Wind"].joined(separator: delimiter) + "\n"
        let rows = (1...6).map { ["2024-01-0\($0)", "\($0)\(delimiter == ";" ? "," : ".")5", "\(80 + $0)", "3"].joined(separator: delimiter) }
            .joined(separator: "\n") + "\n"
        let data = try SeriesReader.read(memorySource(notes + header + rows), target: "Temp")
        #expect(data.target.values == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5])
        #expect(data.warnings.contains { $0.message.contains("the 2 lines above the header") })
        #expect(try TableInspection.inspect(memorySource(notes + header + rows)).columns.map(\.name) == ["Datum", "Temp", "Feuchte", "Wind"])
    }

    /// A note one field narrower than a table of names (`Station;Berlin` above `Date;Temp;Rain`), and
    /// a bank export's three lines, two of them as wide as each other, are notes.
    @Test func narrowerNotesAboveAHeaderOfNamesAreSkipped() throws {
        let rows = (1...6).map { "2024-01-0\($0);\($0),5;\($0),25" }.joined(separator: "\n") + "\n"
        let station = try SeriesReader.read(memorySource("Station;Berlin\nDate;Temp;Rain\n" + rows), target: "Rain")
        #expect(station.target.values == [1.25, 2.25, 3.25, 4.25, 5.25, 6.25])
        let tab = try TableInspection.inspect(memorySource("Station\tBerlin\nDate\tTemp\tRain\n" + rows.replacingOccurrences(of: ";", with: "\t")))
        #expect(tab.columns.map(\.name) == ["Date", "Temp", "Rain"])
        let bank = "Exported from MyBank\nAccount;DE12 3456\nPeriod;01.01.2024 - 31.01.2024\nDate;A;B;C\n"
            + (1...6).map { "2024-01-0\($0);\($0),5;\($0);1" }.joined(separator: "\n") + "\n"
        let exported = try SeriesReader.read(memorySource(bank), target: "A")
        #expect(exported.target.values == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5])
        #expect(exported.warnings.contains { $0.message.contains("the 3 lines above the header") })
        #expect(station.warnings.contains { $0.message.contains("the line above the header (\"Station;Berlin\")") })
        // Above a first row of values, a narrower record is the header of a ragged table.
        #expect(readError { try SeriesReader.read(memorySource("Date;Temp\n" + rows), target: "Temp") } != nil)
    }

    /// A semicolon file whose rows hold more commas than semicolons (times to the millisecond after
    /// a decimal comma, notes with commas) is no comma file whose header is a title: the header
    /// line fits the semicolon exactly. Rows with a stray semicolon at the end are a ragged-row
    /// error, not a comma reading.
    @Test func commasInsideASemicolonTableDoNotMakeItACommaTable() throws {
        let milliseconds = "Zeit;Wert\n" + (1...6).map { "1\($0).01.2024 09:00:00,000;100,0\($0)" }.joined(separator: "\n") + "\n"
        let data = try SeriesReader.read(memorySource(milliseconds), target: "Wert")
        #expect(data.target.values == [100.01, 100.02, 100.03, 100.04, 100.05, 100.06])
        #expect(data.timeColumn == "Zeit")
        let notes = "Date;Value;Note\n" + (1...6).map { "2024-01-0\($0);\($0),5;a, b, c" }.joined(separator: "\n") + "\n"
        #expect(try SeriesReader.read(memorySource(notes), target: "Value").target.values == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5])
        let stray = "Date;A;B\n" + (1...6).map { "2024-01-0\($0);\($0),5;\($0),25;" }.joined(separator: "\n") + "\n"
        let error = readError { try SeriesReader.read(memorySource(stray), target: "A") }
        #expect(error?.errorDescription?.contains("the row has 4 fields but the header has 3") == true, "\(String(describing: error))")
    }

    /// Where two delimiters both split the file into a table, the one whose fields read as values
    /// wins: a semicolon (or tab) file with decimal commas whose names hold commas
    /// (`Datum;Temperatur, °C`) split at its commas leaves fields such as `01.01.2024;-3`. A title
    /// that holds the other delimiter is still a title.
    @Test func theSplitWhoseFieldsAreValuesWins() throws {
        let rows = (1...6).map { "1\($0).01.2024;-\($0),5;\($0),25" }.joined(separator: "\n") + "\n"
        for text in ["Datum;Temperatur, °C;Niederschlag, mm\n" + rows,
                     "Datum;Preis, EUR;Menge, kg\n" + rows,
                     "Wetterstation Berlin, Tempelhof\nDatum;Temperatur, °C;Niederschlag, mm\n" + rows] {
            let inspection = try TableInspection.inspect(memorySource(text))
            #expect(inspection.dialect.delimiter == UInt8(ascii: ";"), "\(text.prefix(40))")
            #expect(inspection.columns.count == 3)
        }
        let tabs = try TableInspection.inspect(memorySource(("Datum;Preis, EUR;Menge, kg\n" + rows).replacingOccurrences(of: ";", with: "\t")))
        #expect(tabs.dialect.delimiter == 0x09)
        let comma = "Source: ECB (EUR/USD; daily)\nDate,Rate\n" + (1...6).map { "2024-01-0\($0),1.09\($0)" }.joined(separator: "\n") + "\n"
        #expect(try SeriesReader.read(memorySource(comma), target: "Rate").target.values == [1.091, 1.092, 1.093, 1.094, 1.095, 1.096])
    }

    /// A title above rows of values has no header of names under it: it is the header, and the rows
    /// a ragged-row error rather than a first row taken for the header; a one-column table of
    /// decimal commas under its name is that column. A first line of values alone draws a warning
    /// that it was taken for the header.
    @Test func aRecordAboveValuesIsTheHeaderNotANote() throws {
        let titled = "EURUSD daily\n" + (1...6).map { "2024-01-0\($0),1.0\($0)" }.joined(separator: "\n") + "\n"
        #expect(readError { try TableInspection.inspect(memorySource(titled)) } != nil)
        let oneColumn = "Wert\n" + (1...6).map { "\($0),5" }.joined(separator: "\n") + "\n"
        #expect(try SeriesReader.read(memorySource(oneColumn), target: "Wert").target.values == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5])
        let headless = (1...6).map { "2024-01-0\($0),1.0\($0)" }.joined(separator: "\n") + "\n"
        let inspection = try TableInspection.inspect(memorySource(headless))
        #expect(inspection.warnings.contains { $0.message.contains("the first line (2024-01-01, 1.01) reads as values, not column names") })
        // Years as names are names.
        let years = try TableInspection.inspect(memorySource("2020,2021\n1,2\n3,4\n"))
        #expect(!years.warnings.contains { $0.message.contains("reads as values") })
    }

    /// A title as wide as the table is a note where the record under it names a time column and
    /// it names none (`Prices, daily close` above `Date,Close`; Excel's `Exportiert am;16.01.2024;`
    /// above `Datum;Umsatz;Stück`). A header naming the time column stays the header above a row of
    /// units.
    @Test func aTitleAsWideAsAHeaderThatNamesTheTimeIsANote() throws {
        let rows = (1...6).map { "2024-01-0\($0),1\($0).5" }.joined(separator: "\n") + "\n"
        let prices = try SeriesReader.read(memorySource("Prices, daily close\nDate,Close\n" + rows), target: "Close")
        #expect(prices.timeColumn == "Date")
        #expect(prices.target.values.count == 6)
        let excel = "Exportiert am;16.01.2024;\nDatum;Umsatz;Stück\n" + (1...6).map { "1\($0).01.2024;1\($0),5;\($0)" }.joined(separator: "\n") + "\n"
        #expect(try TableInspection.inspect(memorySource(excel)).columns.map(\.name) == ["Datum", "Umsatz", "Stück"])
        let units = "Date,Temp,Rain\n,C,mm\n" + (1...6).map { "2024-01-0\($0),\($0),0" }.joined(separator: "\n") + "\n"
        // The units row is then the first data row, and its empty date is named as such.
        #expect(readError { try TableInspection.inspect(memorySource(units)) } == .missingDate(file: "memory.csv", line: 2, column: "Date"))
    }

    /// Without notes, a semicolon table whose numbers have decimal commas keeps its delimiter.
    @Test func aSemicolonTableWithDecimalCommasIsNoCommaTable() throws {
        let text = "Datum;Menge;Preis\n" + (1...6).map { "2024-01-0\($0);\(10 + $0),5;\($0),25" }.joined(separator: "\n") + "\n"
        let data = try SeriesReader.read(memorySource(text), target: "Preis")
        #expect(data.target.values == [1.25, 2.25, 3.25, 4.25, 5.25, 6.25])
    }

    @Test func aTableWithoutNotesHasNoPreamble() {
        #expect(CSVDialect.preambleRecords([["Date", "Close", "Volume"], ["2024-01-02", "1", "2"], ["2024-01-03", "1", "2"], ["2024-01-04", "1", "2"]]) == 0)
        // A short row inside the table is a ragged row, not a preamble.
        #expect(CSVDialect.preambleRecords([["Date", "Close", "Volume"], ["x"], ["2024-01-03", "1", "2"], ["2024-01-04", "1", "2"]]) == 0)
        // A table no wider than its first record has no notes above it.
        #expect(CSVDialect.preambleRecords([["Close", "Volume", "x", "y"], ["2024-01-02", "1", "2"], ["2024-01-03", "1", "2"], ["2024-01-04", "1", "2"]]) == 0)
        #expect(CSVDialect.preambleRecords([["notes"], ["Date", "Close", "Volume"], ["2024-01-03", "1", "2"], ["2024-01-04", "1", "2"], ["2024-01"]]) == 1)
    }

    /// Hourly rows of a temperature and a humidity under `notes` lines.
    static func hourly(rows: Int, notes: [String]) -> String {
        var text = notes.map { $0 + "\n" }.joined() + "Time,Temperature,Humidity\n"
        let start = Timestamp(year: 2024, month: 1, day: 1)
        for row in 0..<rows {
            text += DateFormat.isoDateTime.string(from: start.advanced(by: Double(row * 3600)), like: "2024-01-01 00:00")
            text += String(format: ",%.1f,%d\n", 5 + Double(row) / 10, 60 + row % 5)
        }
        return text
    }
}
