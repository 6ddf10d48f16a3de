import ForecastData
import FuzzCSVInput
import FuzzerEntry
import ForecastIO

/// One fuzz input: CSV bytes as a long-format file (one row per series and time). The id column is
/// the first column that is neither the time column nor the target, the target the first numeric
/// column (as `tsf inspect` reports them); without an inspection, the names `id` and `value`.
/// The file is read both ways `tsf` reads it: all at once (`LongFormatReader.read`, which regroups
/// interleaved ids) and streamed (`LongFormatStream`, series by series), and every series is
/// assembled. The first byte picks the missing-value policy. Errors are expected; crashes, hangs
/// and sanitizer reports are the findings, as is a stream that hands over more series than the
/// file has rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLongFormat(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let input = FuzzCSVInput(start, count) else { return 0 }
    let (options, source) = (input.options, input.source)

    var idColumn = "id"
    var target = "value"
    if let inspection = try? TableInspection.inspect(source, options: options) {
        let time = inspection.time?.column
        if let numeric = inspection.columns.first(where: { $0.kind == .numeric && $0.name != time }) {
            target = numeric.name
        }
        if let id = inspection.columns.first(where: { $0.name != time && $0.name != target }) {
            idColumn = id.name
        }
    }

    if let file = try? LongFormatReader.read(source, idColumn: idColumn, target: target, options: options) {
        for index in file.ids.indices {
            _ = file.series(at: index)
        }
        // A selection of the first and last ids (the last twice) reads too.
        if let first = file.ids.first, let last = file.ids.last {
            _ = try? LongFormatReader.read(source, idColumn: idColumn, series: [last, first, last], target: target, options: options)
        }
    }

    guard let stream = try? LongFormatStream(source, idColumn: idColumn, target: target, options: options) else { return 0 }
    var handedOver = 0
    while let series = try? stream.next() {
        handedOver += 1
        if handedOver > count { fatalError("the stream handed over \(handedOver) series from \(count) bytes") }
        _ = series.data()
    }
    return 0
}
