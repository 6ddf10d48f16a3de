import ForecastData
import ForecastIO
import Testing
import _ForecastTestSupport

/// Reading every series of a long-format file: grouping, selection, interleaved ids, and problems
/// that belong to one series or to the whole file.
@Suite struct LongFormatReaderTests {
    private func read(_ text: String, series: [String]? = nil, options: CSVReadOptions = CSVReadOptions()) throws(CSVReadError) -> LongFormatFile {
        try LongFormatReader.read(memorySource(text), idColumn: "id", series: series, target: "v", options: options)
    }

    @Test func bundledStocksFileHoldsFiveSeriesInFileOrder() throws {
        let file = try LongFormatReader.read(datasetSource("stocks_monthly.csv"), idColumn: "symbol", target: "price")
        #expect(file.ids == ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"])
        #expect(file.warnings.isEmpty)
        // Each series matches reading it alone with --id/--series.
        for (index, id) in file.ids.enumerated() {
            let alone = try SeriesReader.read(datasetSource("stocks_monthly.csv"), target: "price",
                                              options: CSVReadOptions(idColumn: "symbol", series: id))
            let grouped = try file.series(at: index).get()
            #expect(grouped.target.values == alone.target.values)
            #expect(grouped.target.timestamps == alone.target.timestamps)
            #expect(grouped.target.frequency == .monthly)
        }
        #expect(file.rowCounts == [123, 123, 123, 68, 123])
    }

    @Test func selectionKeepsTheOrderGivenAndDropsRepeats() throws {
        let file = try read("id,date,v\nA,2020-01-01,1\nA,2020-01-02,2\nB,2020-01-01,3\nC,2020-01-01,4\n", series: ["C", "A", "C"])
        #expect(file.ids == ["C", "A"])
        #expect(try file.series(at: 1).get().target.values == [1, 2])
    }

    @Test func unknownSeriesIsRefusedNamingTheAvailableOnes() {
        let error = readError { try read("id,date,v\nA,2020-01-01,1\n", series: ["Z"]) }
        guard case .seriesNotFound(_, let column, let series, let available)? = error else {
            Issue.record("expected seriesNotFound, got \(String(describing: error))")
            return
        }
        #expect(column == "id" && series == "Z" && available == ["A"])
    }

    @Test func missingIDIsRefusedWithItsLine() {
        let error = readError { try read("id,date,v\nA,2020-01-01,1\n,2020-01-02,2\n") }
        guard case .missingID(_, let line, let column)? = error else {
            Issue.record("expected missingID, got \(String(describing: error))")
            return
        }
        #expect(line == 3 && column == "id")
        #expect(error?.errorDescription?.contains("memory.csv:3") == true)
    }

    @Test func interleavedIDsAreGroupedSayingWhere() throws {
        let interleaved = try read("id,date,v\nA,2020-01-01,1\nB,2020-01-01,5\nA,2020-01-02,2\nB,2020-01-02,6\n")
        let grouped = try read("id,date,v\nA,2020-01-01,1\nA,2020-01-02,2\nB,2020-01-01,5\nB,2020-01-02,6\n")
        #expect(interleaved.ids == grouped.ids)
        for index in 0..<2 {
            #expect(try interleaved.series(at: index).get().target.values == grouped.series(at: index).get().target.values)
        }
        #expect(grouped.warnings.isEmpty && grouped.regrouping == nil)
        #expect(interleaved.warnings.isEmpty)
        let regrouping = try #require(interleaved.regrouping)
        #expect(regrouping == IDReappearance(file: "memory.csv", line: 4, id: "A"))
        #expect(regrouping.note == "memory.csv is not grouped by id (id A reappears at line 4); reading it whole to group it")
    }

    @Test func oneSeriesWithNoUsableRowIsItsOwnFailure() throws {
        let file = try read("id,date,v\nA,2020-01-01,1\nA,2020-01-02,2\nB,2020-01-01,NA\nB,2020-01-02,NA\n",
                            options: CSVReadOptions(missingPolicy: .drop))
        #expect(try file.series(at: 0).get().target.values == [1, 2])
        guard case .failure(let error) = file.series(at: 1), let empty = error as? LongFormatEmptySeries else {
            Issue.record("expected series B to fail with no rows")
            return
        }
        #expect(empty.id == "B" && empty.rows == 2)
        #expect(empty.errorDescription == "none of the 2 rows of series \"B\" in memory.csv is left after the missing-value policy drop.")
    }

    @Test func eachSeriesKeepsItsOwnFrequencyAndOrder() throws {
        let text = "id,date,v\nM,2020-03-01,3\nM,2020-01-01,1\nM,2020-02-01,2\nM,2020-04-01,4\n"
            + "D,2020-01-06,1\nD,2020-01-07,2\nD,2020-01-08,3\nD,2020-01-09,4\nD,2020-01-10,5\nD,2020-01-13,6\n"
        let file = try read(text)
        let monthly = try file.series(at: 0).get()
        #expect(monthly.target.values == [1, 2, 3, 4])
        #expect(monthly.warnings.contains { $0.message.hasPrefix("series M:") && $0.message.contains("not in time order") })
        let daily = try file.series(at: 1).get()
        #expect(monthly.target.frequency == .monthly)
        #expect(daily.target.frequency != .monthly)
        #expect(daily.target.count == 6)
    }

    @Test func duplicateDateInsideOneSeriesFailsThatSeriesOnly() throws {
        let file = try read("id,date,v\nA,2020-01-01,1\nA,2020-01-01,2\nB,2020-01-01,3\nB,2020-01-02,4\n")
        guard case .failure(let error) = file.series(at: 0), case .duplicateTimestamp? = error as? CSVReadError else {
            Issue.record("expected a duplicate timestamp in series A")
            return
        }
        #expect(try file.series(at: 1).get().target.values == [3, 4])
    }

    @Test func idListReadsCommaSeparatedNames() {
        #expect(LongFormatReader.idList(" MSFT, AAPL ,,IBM") == ["MSFT", "AAPL", "IBM"])
        #expect(LongFormatReader.idList(",").isEmpty)
        // An id with a comma is quoted, as in the file; a doubled quote inside is one quote.
        #expect(LongFormatReader.idList(#""Store, North",South"#) == ["Store, North", "South"])
        #expect(LongFormatReader.idList(#" "Say ""hi"", then", x"#) == [#"Say "hi", then"#, "x"])
    }
}
