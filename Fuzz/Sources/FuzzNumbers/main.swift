import ForecastData
import FuzzerEntry
import ForecastIO

/// The separator configurations `tsf` accepts: decimal `.` or `,`, with no thousands separator or
/// one of those `--thousands` allows.
private let separators: [(decimal: UInt8, thousands: UInt8?)] = [
    (UInt8(ascii: "."), nil), (UInt8(ascii: "."), UInt8(ascii: ",")), (UInt8(ascii: "."), UInt8(ascii: "'")),
    (UInt8(ascii: "."), UInt8(ascii: " ")), (UInt8(ascii: ","), nil), (UInt8(ascii: ","), UInt8(ascii: ".")),
    (UInt8(ascii: ","), UInt8(ascii: " ")), (UInt8(ascii: ","), UInt8(ascii: "'")),
]

/// One fuzz input: the first byte picks the separator configuration, the rest is split into lines,
/// each of them one quoted field of a one-column table (`NumberParsing` is internal to the
/// package, so it is reached as `tsf` reaches it: through the reader of a column). A value that
/// reads must be finite; anything else must be reported as an error, never read as a number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let start, count > 1 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let configuration = separators[Int(bytes[0]) % separators.count]
    var options = CSVReadOptions(delimiter: UInt8(ascii: "\t"), decimalSeparator: configuration.decimal,
                                 thousandsSeparator: configuration.thousands)
    options.missingPolicy = .error
    let fields = bytes[1...].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).prefix(64)
    for field in fields {
        // One quoted field (quotes doubled), so tabs, quotes and line ends stay inside the value.
        var table = Array("value\n\"".utf8)
        for byte in field {
            if byte == UInt8(ascii: "\"") { table.append(byte) }
            table.append(byte)
        }
        table.append(contentsOf: Array("\"\n".utf8))
        guard let read = try? SeriesReader.read(.bytes(table, name: "fuzz.csv"), target: "value", options: options) else {
            continue
        }
        for value in read.target.values where !value.isFinite {
            fatalError("read \(String(reflecting: String(decoding: field, as: UTF8.self))) as \(value)")
        }
    }
    return 0
}
