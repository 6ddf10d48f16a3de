import ForecastData
import ForecastIO
import Testing

/// A table with one series per row and dates as column names is refused, not read down a column.
@Suite struct DatesAcrossColumnsTests {
    static let worldBankStyle = """
        "Country Name","Country Code","2019","2020","2021","2022",
        "Aruba","ABW","3.2","2.1","2.9","3.4",
        "Germany","DEU","3889.7","3887.7","4278.5","4082.5",

        """

    @Test func yearsAcrossTheHeaderStopTheReadingAndSaySo() {
        let error = readError { try SeriesReader.read(memorySource(Self.worldBankStyle), target: "2020") }
        #expect(error == .datesAcrossColumns(file: "memory.csv", first: "2019", last: "2022", count: 4))
        #expect(error?.category == .badData)
        #expect(error?.problem.contains("transpose the table") == true)
        let many = readError { try LongFormatReader.read(memorySource(Self.worldBankStyle), idColumn: "Country Code", target: "2020") }
        #expect(many == .datesAcrossColumns(file: "memory.csv", first: "2019", last: "2022", count: 4))
    }

    @Test func quartersAcrossTheHeaderToo() {
        let text = "geo,2019-Q1,2019-Q2,2019-Q3\nDE,1,2,3\nFR,4,5,6\n"
        #expect(readError { try SeriesReader.read(memorySource(text), target: "2019-Q2") }
                == .datesAcrossColumns(file: "memory.csv", first: "2019-Q1", last: "2019-Q3", count: 3))
    }

    @Test func aFewYearNamesOrADateColumnAreNoSuchTable() throws {
        // Two year columns beside others: amounts by year, read as they are.
        let two = try SeriesReader.read(memorySource("step,2019,2020,other\n1,5,6,7\n2,6,7,8\n3,7,8,9\n"), target: "2020")
        #expect(two.target.values == [6, 7, 8])
        // A date column dates the rows, whatever the other columns are called.
        let dated = try SeriesReader.read(memorySource("Date,2019,2020,2021\n2024-01-01,1,2,3\n2024-01-02,2,3,4\n"), target: "2020")
        #expect(dated.target.values == [2, 3])
        // Out of order, years are labels.
        let shuffled = try SeriesReader.read(memorySource("k,2021,2019,2020\n1,1,2,3\n2,2,3,4\n"), target: "2019")
        #expect(shuffled.target.values == [2, 3])
    }
}
