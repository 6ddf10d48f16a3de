import Testing
import ForecastData
import ForecastIO
import _ForecastTestSupport

/// `--holidays FILE`: dates with optional names, and every way such a file goes wrong.
@Suite struct HolidayFileReaderTests {
    private func read(_ text: String) throws(CSVReadError) -> HolidayCalendar {
        try HolidayFileReader.read(memorySource(text))
    }

    private func dates(_ calendar: HolidayCalendar) -> [String] {
        calendar.holidays.map { DateFormat.isoDate.string(from: Timestamp(year: $0.year, month: $0.month, day: $0.day)) }
    }

    @Test func datesAndNamesAreRead() throws {
        let calendar = try read("date,name\n2024-12-25,Christmas Day\n2024-01-01,New Year's Day\n2024-05-01,\n")
        #expect(dates(calendar) == ["2024-01-01", "2024-05-01", "2024-12-25"])
        #expect(calendar.holidays.map(\.name) == ["New Year's Day", nil, "Christmas Day"])
    }

    @Test func theDateColumnIsFoundByNameOrPosition() throws {
        // Prophet's holiday frame: the name first, the date in `ds`.
        let prophet = try read("holiday,ds,lower_window,upper_window\nchristmas,2024-12-25,0,1\n")
        #expect(prophet.holidays.map(\.name) == ["christmas"])
        #expect(dates(prophet) == ["2024-12-25"])
        let unnamed = try read("Day,Label\n25/12/2024,Weihnachten\n26/12/2024,Stephanstag\n")
        #expect(dates(unnamed) == ["2024-12-25", "2024-12-26"])
        #expect(try read("Date\n2024-07-04\n").holidays.map(\.name) == [nil])
        #expect(try read("when,DATE\nsoon,2024-07-04\n").holidays.map(\.name) == ["soon"])
    }

    @Test func blankLinesDuplicatesBOMAndCRLFAreFine() throws {
        let text = "\u{FEFF}date,name\r\n2024-12-25,Christmas\r\n\r\n2024-12-26,Boxing Day\r\n2024-12-25,Noël\r\n\r\n"
        let calendar = try read(text)
        #expect(dates(calendar) == ["2024-12-25", "2024-12-26"])
        #expect(calendar.holidays.map(\.name) == ["Christmas / Noël", "Boxing Day"])
    }

    @Test func datesAreTakenAsWrittenEvenWithAnOffset() throws {
        // 25 December at +01:00 is the 24th in UTC; the holiday is the 25th.
        let calendar = try read("date\n2024-12-25T00:00:00+01:00\n2024-12-26T12:00:00Z\n")
        #expect(dates(calendar) == ["2024-12-25", "2024-12-26"])
        #expect(try HolidayFileReader.read(memorySource("date\n12/25/2024\n"), dateFormat: .monthDayYear(.slash)).count == 1)
    }

    @Test func anEmptyFileOrAHeaderAloneIsAnError() {
        #expect(readError { try read("") } == .emptyFile(file: "memory.csv"))
        #expect(readError { try read("\n\n  \n") } == .emptyFile(file: "memory.csv"))
        #expect(readError { try read("date,name\n") } == .noDataRows(file: "memory.csv"))
        #expect(readError { try read("date,name\n\n\n") } == .noDataRows(file: "memory.csv"))
    }

    @Test func aGarbageDateIsNamedByLineAndColumn() {
        let error = readError { try read("date,name\n2024-01-01,A\n2024-05-01,B\nChristmas,C\n2024-12-26,D\n") }
        #expect(error == .invalidDate(file: "memory.csv", line: 4, column: "date", value: "Christmas",
                                      format: DateFormat.isoDate.description))
        #expect(error?.errorDescription == "memory.csv:4: column \"date\": \"Christmas\" is not a date in the format ISO 8601 date (YYYY-MM-DD).")
        // 30 February is no date either, and a CRLF file counts lines the same way.
        #expect(readError { try read("date\r\n2024-01-01\r\n\r\n2024-02-30\r\n") }?.line == 4)
        #expect(readError { try read("date\nsoon\nlater\n") } == .unknownDateFormat(file: "memory.csv", column: "date", example: "soon"))
        #expect(readError { try read("date,name\n,Nameless\n") } == .missingDate(file: "memory.csv", line: 2, column: "date"))
    }

    @Test func aFileWithoutADateColumnIsRefused() {
        #expect(readError { try read("name,value\nChristmas,1\n") }
                == .unknownColumn(file: "memory.csv", name: "date", available: ["name", "value"]))
        // No header: the first line is a date, which would be lost as a column name.
        #expect(readError { try read("2024-12-25\n2024-12-26\n") }
                == .unknownColumn(file: "memory.csv", name: "date", available: ["2024-12-25"]))
    }

    @Test func ambiguousDayMonthOrderAsksForAFormat() {
        guard case .ambiguousDateFormat(_, let column, _)? = readError({ try read("date\n01/02/2024\n03/04/2024\n") }) else {
            Issue.record("expected an ambiguous date format")
            return
        }
        #expect(column == "date")
    }

    @Test func aMissingFileIsNamed() throws {
        let folder = try ScratchFolder()
        #expect(readError { try HolidayFileReader.read(folder.path("none.csv")) } == .fileNotFound(file: folder.path("none.csv")))
        let path = try folder.write("holidays.csv", "date,name\n2025-01-01,New Year\n")
        #expect(try HolidayFileReader.read(path).contains(year: 2025, month: 1, day: 1))
    }
}
