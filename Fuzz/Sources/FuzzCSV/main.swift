import ForecastData
import FuzzerEntry
import ForecastIO

/// One fuzz input: CSV bytes, inspected as `tsf inspect` does, then read as a series under the
/// missing-value policy picked by the first byte, with the first numeric column as the target.
/// Errors are expected; crashes, hangs and sanitizer reports are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let start, count > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let policies: [MissingValuePolicy] = [.error, .drop, .ffill, .linear]
    var options = CSVReadOptions()
    options.missingPolicy = policies[Int(bytes[0]) % policies.count]
    let source = CSVSource.bytes(bytes, name: "fuzz.csv")
    guard let inspection = try? TableInspection.inspect(source, options: options) else { return 0 }
    guard let target = inspection.columns.first(where: { $0.kind == .numeric && $0.name != inspection.time?.column }) else {
        return 0
    }
    _ = try? SeriesReader.read(source, target: target.name, options: options)
    return 0
}
