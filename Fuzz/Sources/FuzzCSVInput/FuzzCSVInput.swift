import ForecastData
import ForecastIO

/// One fuzz input read as a CSV file, as the table-reading targets share it: the bytes, read options
/// whose missing-value policy the first byte picks, and the bytes as a source named `fuzz.csv`.
public struct FuzzCSVInput {
    public let bytes: [UInt8]
    public let options: CSVReadOptions
    public let source: CSVSource

    /// nil for an empty input, which no target reads.
    public init?(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        guard let start, count > 0 else { return nil }
        bytes = Array(UnsafeBufferPointer(start: start, count: count))
        let policies: [MissingValuePolicy] = [.error, .drop, .ffill, .linear]
        var options = CSVReadOptions()
        options.missingPolicy = policies[Int(bytes[0]) % policies.count]
        self.options = options
        source = CSVSource.bytes(bytes, name: "fuzz.csv")
    }
}
