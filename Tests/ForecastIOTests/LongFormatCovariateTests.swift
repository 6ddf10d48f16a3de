import ForecastData
import ForecastIO
import Testing

/// Covariates of a long-format file: each series carries its observed and known-in-advance
/// features, its own future rows (checked as a single series' are), and its static values, read the
/// same whether the file is read whole or streamed.
@Suite struct LongFormatCovariateTests {
    /// Two hourly series, interleaved lines kept grouped: A has two future rows (target empty), B none;
    /// `size` is static (one value per series), `temp` observed, `plan` known in advance.
    static let file = """
        id,time,load,temp,plan,size
        A,2024-01-01T00:00,10,1,5,100
        A,2024-01-01T01:00,11,2,6,100
        A,2024-01-01T02:00,12,3,7,100
        A,2024-01-01T03:00,,,8,100
        A,2024-01-01T04:00,,,9,
        B,2024-01-01T00:00,20,4,1,250
        B,2024-01-01T01:00,21,5,2,250
        B,2024-01-01T02:00,23,6,3,250

        """

    static func whole(_ text: String) throws -> [Result<CSVSeriesData, any Error>] {
        let file = try LongFormatReader.read(.bytes(Array(text.utf8), name: "memory.csv"), idColumn: "id", target: "load",
                                             features: ["temp"], knownFeatures: ["plan"], staticFeatures: ["size"])
        return file.ids.indices.map(file.series(at:))
    }

    static func streamed(_ text: String) throws -> [Result<CSVSeriesData, any Error>] {
        let stream = try LongFormatStream(.bytes(Array(text.utf8), name: "memory.csv"), idColumn: "id", target: "load",
                                          features: ["temp"], knownFeatures: ["plan"], staticFeatures: ["size"])
        var results: [Result<CSVSeriesData, any Error>] = []
        while let entry = try stream.next() { results.append(entry.data()) }
        return results
    }

    @Test(arguments: [false, true])
    func eachSeriesCarriesItsFeaturesFutureAndStaticValues(streamed: Bool) throws {
        let series = try streamed ? Self.streamed(Self.file) : Self.whole(Self.file)
        let a = try series[0].get(), b = try series[1].get()
        #expect(a.target.values == [10, 11, 12])
        #expect(a.features.map(\.values) == [[1, 2, 3]])
        #expect(a.knownFeatures.map(\.values) == [[5, 6, 7]])
        #expect(a.future?.values == [[8, 9]])
        #expect(a.future?.lines == [5, 6])
        #expect(a.future?.timestamps == [Timestamp(year: 2024, month: 1, day: 1, hour: 3), Timestamp(year: 2024, month: 1, day: 1, hour: 4)])
        // A static value missing on some rows is the one the others hold.
        #expect(a.staticNames == ["size"] && a.staticValues == [100])
        #expect(b.target.values == [20, 21, 23] && b.knownFeatures.map(\.values) == [[1, 2, 3]])
        #expect(b.future == nil)
        #expect(b.staticValues == [250])
    }

    /// The future-row rules are those of a single series, and a broken series fails alone.
    @Test(arguments: [false, true])
    func aBrokenFutureFailsItsSeriesAlone(streamed: Bool) throws {
        let gap = Self.file.replacingOccurrences(of: "A,2024-01-01T03:00,,,8,100\n", with: "")
        let empty = Self.file.replacingOccurrences(of: "A,2024-01-01T04:00,,,9,", with: "A,2024-01-01T04:00,,,,")
        for (text, expected) in [(gap, "futureRowOffCalendar"), (empty, "missingFutureValue")] {
            let series = try streamed ? Self.streamed(text) : Self.whole(text)
            #expect(throws: Never.self) { try series[1].get() }
            let error = try #require(series[0].failure as? CSVReadError)
            switch error {
            case let .futureRowOffCalendar(file, line, _, _, _):
                #expect(expected == "futureRowOffCalendar" && file == "memory.csv" && line == 5)
            case let .missingFutureValue(file, line, column):
                #expect(expected == "missingFutureValue" && file == "memory.csv" && line == 6 && column == "plan")
            default:
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test(arguments: [false, true])
    func aStaticValueThatChangesNamesFileLineColumnAndSeries(streamed: Bool) throws {
        let text = Self.file.replacingOccurrences(of: "B,2024-01-01T02:00,23,6,3,250", with: "B,2024-01-01T02:00,23,6,3,260")
        let series = try streamed ? Self.streamed(text) : Self.whole(text)
        #expect(throws: Never.self) { try series[0].get() }
        let error = try #require(series[1].failure as? CSVReadError)
        #expect(error == .staticValueChanges(file: "memory.csv", line: 9, column: "size", series: "B", value: 260, first: 250, firstLine: 7))
        #expect(error.category == .badData && error.line == 9)
        #expect(error.errorDescription?.contains("memory.csv:9: static column \"size\" holds 260 for series \"B\", which holds 250 on line 7") == true)
    }

    @Test func aStaticColumnEmptyForAWholeSeriesIsAMissingValue() throws {
        let text = Self.file.replacingOccurrences(of: ",250\n", with: ",\n")
        let error = try #require(try Self.whole(text)[1].failure as? CSVReadError)
        #expect(error == .missingValue(file: "memory.csv", line: 7, column: "size"))
    }
}

extension Result {
    /// The error of a failure; nil for a success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
