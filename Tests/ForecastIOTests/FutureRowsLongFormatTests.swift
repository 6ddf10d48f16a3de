import ForecastData
import ForecastIO
import Testing

/// A separate future file for many series (`--future FILE` with `--id`): each id's rows, in time
/// order whatever the file's order, every value present.
@Suite struct FutureRowsLongFormatTests {
    static let file = """
        id,time,plan,price
        B,2024-01-01T05:00,20,1.5
        A,2024-01-01T04:00,9,1.0
        B,2024-01-01T04:00,19,1.4
        A,2024-01-01T05:00,10,1.1

        """

    @Test func eachIDGetsItsRowsInTimeOrder() throws {
        let rows = try FutureRows.readLongFormat(memorySource(Self.file), idColumn: "id", knownFeatures: ["plan", "price"])
        #expect(Set(rows.keys) == ["A", "B"])
        let a = try #require(rows["A"]), b = try #require(rows["B"])
        #expect(a.values == [[9, 10], [1.0, 1.1]])
        #expect(b.values == [[19, 20], [1.4, 1.5]])
        #expect(b.timestamps == [Timestamp(year: 2024, month: 1, day: 1, hour: 4), Timestamp(year: 2024, month: 1, day: 1, hour: 5)])
        #expect(b.lines == [4, 2])
        #expect(a.file == "memory.csv")
    }

    @Test func aMissingValueNamesItsLineAndColumnWhateverThePolicy() {
        let text = Self.file.replacingOccurrences(of: "A,2024-01-01T05:00,10,1.1", with: "A,2024-01-01T05:00,10,")
        var options = CSVReadOptions()
        options.missingPolicy = .linear
        let error = readError { try FutureRows.readLongFormat(memorySource(text), idColumn: "id", knownFeatures: ["plan", "price"], options: options) }
        #expect(error == .missingFutureValue(file: "memory.csv", line: 5, column: "price"))
        let firstColumn = Self.file.replacingOccurrences(of: "B,2024-01-01T05:00,20,1.5", with: "B,2024-01-01T05:00,,1.5")
        let error2 = readError { try FutureRows.readLongFormat(memorySource(firstColumn), idColumn: "id", knownFeatures: ["plan", "price"]) }
        #expect(error2 == .missingFutureValue(file: "memory.csv", line: 2, column: "plan"))
        // A series whose column is empty on every future row is named the same way, not as a
        // series the missing-value policy emptied.
        let emptyB = Self.file.replacingOccurrences(of: "B,2024-01-01T05:00,20,1.5", with: "B,2024-01-01T05:00,20,")
            .replacingOccurrences(of: "B,2024-01-01T04:00,19,1.4", with: "B,2024-01-01T04:00,19,")
        let error3 = readError { try FutureRows.readLongFormat(memorySource(emptyB), idColumn: "id", knownFeatures: ["plan", "price"]) }
        #expect(error3 == .missingFutureValue(file: "memory.csv", line: 4, column: "price"))
    }
}
