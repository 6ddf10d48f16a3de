import ForecastData
import ForecastIO
import Testing

/// Known-in-advance columns: the rows after the last target value are the future, read whole and
/// checked; the history is what the missing-value policy sees.
@Suite struct FutureRowsReadingTests {
    /// Hourly rows: history to 03:00, then two future rows with the target empty.
    static let file = """
        time,load,temp,plan
        2024-01-01T00:00,10,1,5
        2024-01-01T01:00,11,2,6
        2024-01-01T02:00,,3,7
        2024-01-01T03:00,13,4,8
        2024-01-01T04:00,,,9
        2024-01-01T05:00,,,10

        """

    @Test func rowsAfterTheLastTargetValueAreTheFuture() throws {
        let data = try SeriesReader.read(memorySource(Self.file), target: "load", features: ["temp"], knownFeatures: ["plan"])
        #expect(data.target.values == [10, 11, 12, 13])  // the interior gap is interpolated
        #expect(data.features.map(\.name) == ["temp"])
        #expect(data.knownFeatures.map(\.name) == ["plan"])
        #expect(data.knownFeatures[0].values == [5, 6, 7, 8])
        let future = try #require(data.future)
        #expect(future.values == [[9, 10]])
        #expect(future.lines == [6, 7])
        #expect(future.timestamps == [Timestamp(year: 2024, month: 1, day: 1, hour: 4), Timestamp(year: 2024, month: 1, day: 1, hour: 5)])
    }

    @Test func withoutKnownFeaturesTrailingEmptyTargetsAreDroppedAsBefore() throws {
        let data = try SeriesReader.read(memorySource(Self.file), target: "load", features: ["plan"])
        #expect(data.target.values == [10, 11, 12, 13])
        #expect(data.future == nil)
    }

    @Test func aFutureRowWithoutItsKnownValueNamesLineAndColumn() {
        let text = Self.file.replacingOccurrences(of: "2024-01-01T05:00,,,10", with: "2024-01-01T05:00,,,")
        let error = readError { try SeriesReader.read(memorySource(text), target: "load", knownFeatures: ["plan"]) }
        #expect(error == .missingFutureValue(file: "memory.csv", line: 7, column: "plan"))
        #expect(error?.category == .badData)
    }

    @Test func aGapInTheFutureRowsIsAnError() {
        let text = Self.file.replacingOccurrences(of: "2024-01-01T04:00,,,9\n", with: "")
        let error = readError { try SeriesReader.read(memorySource(text), target: "load", knownFeatures: ["plan"]) }
        guard case let .futureRowOffCalendar(file, line, column, found, expected) = error else {
            Issue.record("expected an off-calendar error, got \(String(describing: error))")
            return
        }
        #expect(file == "memory.csv" && line == 6 && column == "time")
        #expect(found.hasPrefix("2024-01-01T05:00") && expected.hasPrefix("2024-01-01T04:00"))
    }

    @Test func aConstantFeatureIsRefusedByName() {
        let text = "t,y,c\n1,1,7\n2,3,7\n3,2,7\n4,5,7\n"
        let error = readError { try SeriesReader.read(memorySource(text), target: "y", knownFeatures: ["c"]) }
        #expect(error == .constantFeature(file: "memory.csv", column: "c", value: 7))
    }

    @Test func aColumnNamedAsObservedAndKnownIsAUsageError() {
        let error = readError {
            try SeriesReader.read(memorySource(Self.file), target: "load", features: ["plan"], knownFeatures: ["plan"])
        }
        #expect(error == .invalidOption(.columnNamedTwice(column: "plan")))
        #expect(error?.category == .usage)
    }

    @Test func aSeparateFutureFileIsReadWholeAndChecked() throws {
        let history = try SeriesReader.read(memorySource(Self.file), target: "load", knownFeatures: ["plan"])
        let future = try FutureRows.read(memorySource("time,plan\n2024-01-01T04:00,9\n2024-01-01T05:00,10\n"),
                                         knownFeatures: ["plan"])
        #expect(future.values == [[9, 10]])
        try future.checkContinues(history.target, timeColumn: "time")
        let late = try FutureRows.read(memorySource("time,plan\n2024-01-01T06:00,9\n"), knownFeatures: ["plan"])
        #expect(throws: CSVReadError.self) { try late.checkContinues(history.target, timeColumn: "time") }
        let empty = readError { try FutureRows.read(memorySource("time,plan\n2024-01-01T04:00,\n"), knownFeatures: ["plan"]) }
        #expect(empty == .missingFutureValue(file: "memory.csv", line: 2, column: "plan"))
        // Commas that can only group thousands read in a future file as in the history.
        let grouped = try FutureRows.read(memorySource("time,plan\n2024-01-01T04:00,\"1,204.5\"\n"), knownFeatures: ["plan"])
        #expect(grouped.values == [[1204.5]])
    }
}
