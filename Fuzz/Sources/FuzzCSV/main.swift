import ForecastData
import FuzzCSVInput
import FuzzerEntry
import ForecastIO

/// One fuzz input: CSV bytes, inspected as `tsf inspect` does, then read as a series under the
/// missing-value policy picked by the first byte, with the first numeric column as the target.
/// Errors are expected; crashes, hangs and sanitizer reports are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let input = FuzzCSVInput(start, count) else { return 0 }
    let (options, source) = (input.options, input.source)
    guard let inspection = try? TableInspection.inspect(source, options: options) else { return 0 }
    guard let target = inspection.columns.first(where: { $0.kind == .numeric && $0.name != inspection.time?.column }) else {
        return 0
    }
    _ = try? SeriesReader.read(source, target: target.name, options: options)
    return 0
}
