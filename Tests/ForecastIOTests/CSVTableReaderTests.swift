import ForecastIO
import Testing
import _ForecastTestSupport

/// The parsing layer: quoting, line ends, blank lines, header cleaning, text checks, line numbers.
@Suite struct CSVTableReaderTests {
    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        let table = try readAllColumns(fixtureSource("quoted.csv"))
        #expect(table.header == ["Date", "Name", "Close"])
        #expect(table.texts("Name") == ["Acme, Inc.", "He said \"buy\"", "two\nlines", "plain"])
        #expect(table.texts("Close") == ["10.5", "11.25", "12", "13.5"])
        // The quoted line break makes the record after it start on line 6, not 5.
        #expect(table.lines == [2, 3, 4, 6])
    }

    @Test func crlfLineEndsCountOneLineEach() throws {
        let table = try readAllColumns(fixtureSource("crlf.csv"))
        #expect(table.texts("Close") == ["10.5", "11", "x"])
        #expect(table.lines == [2, 3, 4])
    }

    @Test func crLineEndsCountOneLineEach() throws {
        let table = try readAllColumns(fixtureSource("cr.csv"))
        #expect(table.texts("Close") == ["10.5", "11", "x"])
        #expect(table.lines == [2, 3, 4])
    }

    @Test func quotedCRLFInsideAFieldCountsOnce() throws {
        let table = try readAllColumns(memorySource("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n"))
        #expect(table.texts("b") == ["x\r\ny", "z"])
        #expect(table.lines == [2, 4])
    }

    @Test func byteOrderMarkIsRemovedFromTheFirstHeaderName() throws {
        let table = try readAllColumns(fixtureSource("bom.csv"))
        #expect(table.header == ["Date", "Close"])
    }

    @Test func headerNamesAndValuesAreTrimmedButKeepInnerSpaces() throws {
        let table = try readAllColumns(fixtureSource("spaces.csv"))
        #expect(table.header == ["Date", "Adj Close", "Volume"])
        #expect(table.texts("Date") == ["2021-01-04", "2021-01-05"])
        #expect(table.texts("Adj Close") == ["1.5", "2.5"])
        #expect(table.texts("Volume") == ["100", "200"])
    }

    @Test func blankWhitespaceAndEmptyRecordsAreSkippedWithTrueLineNumbers() throws {
        let table = try readAllColumns(fixtureSource("blank_lines.csv"))
        #expect(table.header == ["Date", "Close"])
        #expect(table.texts("Close") == ["1", "2", "x"])
        #expect(table.lines == [4, 7, 10])
        #expect(table.emptyRecordsSkipped == 1)
    }

    @Test func lastRecordWithoutLineBreakIsRead() throws {
        let table = try readAllColumns(memorySource("a,b\n1,2\n3,4"))
        #expect(table.texts("b") == ["2", "4"])
        #expect(table.lines == [2, 3])
    }

    @Test func raggedRowIsAnErrorNamingItsLine() {
        let error = readError { try readAllColumns(fixtureSource("ragged.csv")) }
        #expect(error == CSVReadError.raggedRow(file: fixturePath("ragged.csv"), line: 4, expected: 3, found: 2))
        #expect(error?.category == .badData)
    }

    /// A byte that is not UTF-8 in the first megabyte makes the file Windows-1252 (`caf\u{E9}` is
    /// café, `SourceEncodingTests`); one after it, once the file was taken for UTF-8, is an error
    /// naming its line.
    @Test func invalidUTF8IsAnErrorNamingItsLine() throws {
        let early = try readAllColumns(fixtureSource("invalid_utf8.csv"))
        #expect(early.columns.first { $0.name == "Name" }?.text(1) == "café")
        let rows = 70_000
        let late = Array("Date,Name,Close\n".utf8) + Array(String(repeating: "2021-01-04,ok,1\n", count: rows).utf8)
            + Array("2021-01-05,caf".utf8) + [0xE9] + Array(",2\n".utf8)
        #expect(late.count > 1 << 20)                                     // past the first chunk read
        let error = readError { try readAllColumns(.bytes(late, name: "late.csv")) }
        #expect(error == CSVReadError.invalidUTF8(file: "late.csv", line: rows + 2))
        #expect(error?.category == .badData)
    }

    @Test func binaryFileIsRefused() {
        let error = readError { try readAllColumns(fixtureSource("binary.csv")) }
        #expect(error == CSVReadError.binaryFile(file: fixturePath("binary.csv"), line: 3))
    }

    @Test func nulByteBeyondTheSampleIsRefusedToo() {
        // Past the first 64 KiB, the per-field check catches it.
        var text = "a,b\n"
        for row in 0..<8000 { text += "\(row),\(row)\n" }
        let lineOfNul = 8000 + 2
        let bytes = Array(text.utf8) + [0x31, 0x2C, 0x00, 0x0A]
        let error = readError { try readAllColumns(.bytes(bytes, name: "nul.csv")) }
        #expect(error == CSVReadError.binaryFile(file: "nul.csv", line: lineOfNul))
    }

    @Test func emptyFileAndHeaderOnlyAreErrors() {
        #expect(readError { try readAllColumns(fixtureSource("empty.csv")) } == CSVReadError.emptyFile(file: fixturePath("empty.csv")))
        #expect(readError { try readAllColumns(fixtureSource("header_only.csv")) } == CSVReadError.noDataRows(file: fixturePath("header_only.csv")))
    }

    @Test func unclosedQuoteIsMalformedQuoting() {
        let error = readError { try readAllColumns(fixtureSource("unclosed_quote.csv")) }
        guard case .malformedQuoting(let file, let line) = error else {
            Issue.record("expected malformed quoting, got \(String(describing: error))")
            return
        }
        #expect(file == fixturePath("unclosed_quote.csv"))
        #expect(line == 3)
    }

    @Test func missingFileAndDirectoryAreInputErrors() {
        let missing = readError { try readAllColumns(.file("/nonexistent/prices.csv")) }
        #expect(missing == .fileNotFound(file: "/nonexistent/prices.csv"))
        #expect(missing?.category == .inputUnavailable)
        let directory = readError { try readAllColumns(.file(IOFixtures.fixture("").path)) }
        guard case .isDirectory = directory else {
            Issue.record("expected a directory error, got \(String(describing: directory))")
            return
        }
        #expect(directory?.category == .inputUnavailable)
    }

    @Test func columnPlanKeepsOnlyTheAskedColumns() throws {
        let table = try CSVTableReader.read(fixtureSource("good_prices.csv")) { (context) throws(CSVReadError) in
            CSVColumnPlan(keep: [try context.index(of: "Close"), try context.index(of: "Date")])
        }
        #expect(table.columns.map(\.name) == ["Close", "Date"])
        #expect(table.texts("Close").first == "129.41")
        #expect(table.rowCount == 6)
    }

    @Test func aColumnNamedWithTheSpacesOfItsHeaderIsFound() throws {
        // The header's "Close " is read as "Close"; the name as written in the file finds it too.
        let table = try CSVTableReader.read(memorySource("Date ,Close \n2021-01-04,1.5\n")) { (context) throws(CSVReadError) in
            CSVColumnPlan(keep: [try context.index(of: "Close "), try context.index(of: " date")])
        }
        #expect(table.columns.map(\.name) == ["Close", "Date"])
        #expect(table.texts("Close") == ["1.5"])
    }

    @Test func unknownColumnListsTheAvailableOnes() {
        let error = readError {
            try CSVTableReader.read(fixtureSource("good_prices.csv")) { (context) throws(CSVReadError) in
                CSVColumnPlan(keep: [try context.index(of: "Adj Close")])
            }
        }
        #expect(error == CSVReadError.unknownColumn(file: fixturePath("good_prices.csv"), name: "Adj Close",
                                        available: ["Date", "Open", "High", "Low", "Close", "Volume"]))
        #expect(error?.errorDescription?.contains("\"Close\"") == true)
        #expect(error?.category == .usage)
    }

    @Test func largeInputAcrossManyChunksKeepsEveryRow() throws {
        // Over 1 MiB, so records are split across reads and libcsv calls.
        var text = "Date,Close\n"
        for row in 0..<60_000 { text += "2021-01-01,\(row).25\n" }
        let table = try readAllColumns(memorySource(text))
        #expect(table.rowCount == 60_000)
        #expect(table.texts("Close")[59_999] == "59999.25")
        #expect(table.lines[59_999] == 60_001)
    }

    @Test func strayQuoteInAnUnquotedFieldIsMalformedQuotingOnItsLine() {
        let error = readError { try readAllColumns(memorySource("a,b\n1,2\n3,x\"y\n")) }
        #expect(error == CSVReadError.malformedQuoting(file: "memory.csv", line: 3))
    }

    @Test func unnamedColumnsGetANameAndDuplicateNamesAreRefused() throws {
        let table = try readAllColumns(memorySource(",Close\n0,1\n"))
        #expect(table.header == ["column 1", "Close"])
        let error = readError { try readAllColumns(memorySource("Close,Close\n1,2\n")) }
        #expect(error == CSVReadError.duplicateColumnName(file: "memory.csv", name: "Close"))
    }
}
