import ForecastIO
import Testing
import _ForecastTestSupport

/// A fixture as a reader source, and its path as messages name it.
func fixtureSource(_ name: String) -> CSVSource { .file(fixturePath(name)) }
func fixturePath(_ name: String) -> String { IOFixtures.fixture(name).path }
func datasetSource(_ name: String) -> CSVSource { .file(IOFixtures.dataset(name).path) }

/// Bytes in memory as a reader source named `memory.csv`.
func memorySource(_ text: String) -> CSVSource { .bytes(Array(text.utf8), name: "memory.csv") }

/// The error a read throws, or nil when it succeeds.
func readError<T>(_ body: () throws -> T) -> CSVReadError? {
    do {
        _ = try body()
        return nil
    } catch let error as CSVReadError {
        return error
    } catch {
        Issue.record("expected a CSVReadError, got \(error)")
        return nil
    }
}

/// Reads every column of a source as text, for tests of the parsing layer.
func readAllColumns(_ source: CSVSource, delimiter: UInt8? = nil, decimal: UInt8? = nil) throws(CSVReadError) -> CSVTable {
    try CSVTableReader.read(source, delimiter: delimiter, decimalSeparator: decimal) { context in
        CSVColumnPlan(keep: Array(context.header.indices))
    }
}

extension CSVTable {
    /// Column `name` as strings.
    func texts(_ name: String) -> [String] {
        guard let column = column(named: name) else { return [] }
        return (0..<column.count).map(column.text)
    }
}
