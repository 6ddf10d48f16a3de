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
        #expect(warning.message.contains("the 2 lines above the header (\"# station 12\" …)"))
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
