import ForecastData
import ForecastIO
import Testing
import _ForecastTestSupport

/// Streaming a long-format file grouped by id: the same series as reading it whole, handed over
/// before the input is read to its end, and clear refusals when the ids are not grouped.
@Suite struct LongFormatStreamTests {
    private func stream(_ text: String, series: [String]? = nil) throws(CSVReadError) -> LongFormatStream {
        try LongFormatStream(memorySource(text), idColumn: "id", series: series, target: "v")
    }

    /// Every series the stream hands over, in order.
    private func drain(_ stream: LongFormatStream) throws -> [LongFormatSeries] {
        var all: [LongFormatSeries] = []
        while let next = try stream.next() { all.append(next) }
        return all
    }

    @Test func streamedSeriesEqualTheWholeFilesSeries() throws {
        let whole = try LongFormatReader.read(datasetSource("stocks_monthly.csv"), idColumn: "symbol", target: "price")
        let streamed = try drain(LongFormatStream(datasetSource("stocks_monthly.csv"), idColumn: "symbol", target: "price"))
        #expect(streamed.map(\.id) == whole.ids)
        #expect(streamed.map(\.rowCount) == whole.rowCounts)
        for (index, entry) in streamed.enumerated() {
            let a = try entry.data().get()
            let b = try whole.series(at: index).get()
            #expect(a.target.values == b.target.values)
            #expect(a.target.timestamps == b.target.timestamps)
            #expect(a.target.frequency == b.target.frequency)
            #expect(a.lines == b.lines)
            #expect(a.warnings == b.warnings)
        }
    }

    @Test func theFirstSeriesIsHandedOverBeforeTheInputIsReadToItsEnd() throws {
        // Four series of 100,000 rows: about 2.4 MB, more than two of the stream's 1 MiB chunks.
        let ids = ["A", "B", "C", "D"]
        let perSeries = 100_000
        var text = "id,v\n"
        for id in ids {
            for row in 0..<perSeries { text += "\(id),\(row % 10).5\n" }
        }
        let stream = try stream(text)
        let first = try #require(try stream.next())
        #expect(first.id == "A")
        #expect(stream.rowsRead < ids.count * perSeries, "the stream read \(stream.rowsRead) rows before handing over the first series")
        let rest = try drain(stream)
        #expect(rest.map(\.id) == ["B", "C", "D"])
        #expect(stream.rowsRead == ids.count * perSeries)
        // Groups split across chunk boundaries come out whole.
        for entry in [first] + rest {
            let values = try entry.data().get().target.values
            #expect(values.count == perSeries)
            #expect(values.reduce(0, +) == Double(perSeries / 10 * 50))
        }
    }

    @Test func anIDThatComesBackStopsTheStreamNamingItsLine() throws {
        let stream = try stream("id,date,v\nA,2020-01-01,1\nA,2020-01-02,2\nB,2020-01-01,3\nA,2020-01-03,4\n")
        #expect(try stream.next()?.id == "A")
        #expect(try stream.next()?.id == "B")
        let error = readError { try stream.next() }
        #expect(error == .idNotGrouped(file: "memory.csv", line: 5, column: "id", id: "A"))
        #expect(error?.category == .badData)
        let message = error?.errorDescription ?? ""
        #expect(message.hasPrefix("memory.csv:5: series \"A\"") && message.contains("sort"))
        #expect(try stream.next() == nil)
    }

    /// An empty id places its row in no series: the error gives its line and offers no missing-value
    /// policy (none would help). "NA" is an id like any other (Namibia's country code), not a gap.
    @Test func anEmptyIDGivesItsLineAndNAIsAnID() throws {
        let stream = try stream("id,date,v\nA,2020-01-01,1\n,2020-01-02,2\nB,2020-01-01,3\n")
        #expect(try stream.next()?.id == "A")
        let error = readError { try stream.next() }
        #expect(error == .missingID(file: "memory.csv", line: 3, column: "id"))
        #expect(error?.remedies == [])
        #expect(error?.errorDescription?.contains("every row needs its series' id") == true)
        let countries = try self.stream("id,date,v\nNA,2020-01-01,1\nNA,2020-01-02,2\nZA,2020-01-01,3\n")
        #expect(try countries.next()?.id == "NA")
        #expect(try countries.next()?.id == "ZA")
    }

    @Test func selectionComesInTheOrderGivenAndAnUnknownIDIsRefused() throws {
        let text = "id,date,v\nA,2020-01-01,1\nB,2020-01-01,2\nC,2020-01-01,3\nC,2020-01-02,4\n"
        #expect(try drain(stream(text, series: ["C", "A", "C"])).map(\.id) == ["C", "A"])
        let picked = try stream(text, series: ["B", "Z"])
        #expect(try picked.next()?.id == "B")
        let error = readError { try picked.next() }
        #expect(error == .seriesNotFound(file: "memory.csv", idColumn: "id", series: "Z", available: ["A", "B", "C"]))
    }

    @Test func aDateTheFirstSeriesFormatCannotReadFailsItsSeriesOnly() throws {
        let text = "id,date,v\nA,2020-01-01,1\nA,2020-01-02,2\nB,2020-01-01,3\nB,next week,4\nC,2020-01-01,5\n"
        let stream = try LongFormatStream(memorySource(text), idColumn: "id", target: "v", options: CSVReadOptions(dateColumn: "date"))
        let all = try drain(stream)
        #expect(all.map(\.id) == ["A", "B", "C"])
        guard case .failure(let error) = all[1].data(), case .invalidDate(_, let line, _, _, _)? = error as? CSVReadError else {
            Issue.record("expected series B to fail on its date")
            return
        }
        #expect(line == 5)
        #expect(try all[2].data().get().target.values == [5])
    }

    @Test func firstReappearanceTellsGroupedFromInterleavedFiles() throws {
        func check(_ text: String, series: [String]? = nil) throws(CSVReadError) -> IDReappearance? {
            try LongFormatReader.firstReappearance(in: memorySource(text), idColumn: "id", series: series, target: "v")
        }
        #expect(try check("id,v\nA,1\nA,2\nB,3\n") == nil)
        let text = "id,v\nA,1\nB,2\nB,3\nA,4\nC,5\n"
        #expect(try check(text) == IDReappearance(file: "memory.csv", line: 5, id: "A"))
        // Only the series asked for need to be grouped.
        #expect(try check(text, series: ["B", "C"]) == nil)
        #expect(readError { try check("id,v\nA,1\n,2\n") } == .missingID(file: "memory.csv", line: 3, column: "id"))
        #expect(readError { try check(text, series: ["Z"]) } == .seriesNotFound(file: "memory.csv", idColumn: "id", series: "Z", available: ["A", "B", "C"]))
    }
}
