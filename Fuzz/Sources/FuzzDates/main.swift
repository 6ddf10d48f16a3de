import ForecastData
import FuzzerEntry

/// The fixed formats tried on every line besides the detected one: every detectable format and a
/// few patterns of the kinds users pass with `--date-format`.
private let fixedFormats: [DateFormat] = DateFormat.detectable + [
    .pattern("%d.%m.%Y %H:%M"), .pattern("%Y-%m-%dT%H:%M:%S%z"), .pattern("%b %e %Y %I:%M %p"),
    .pattern("%j/%y"), .pattern("%s.%f"), .pattern("%a, %d %B %Y %T"),
]

/// One fuzz input: bytes split into lines, as a date column. Detection runs on the lines, then
/// every line is parsed with the detected format(s), each fixed format and, when the first line is
/// a supported strftime pattern, with that pattern. Where a detectable format reads a line, its
/// own formatting of the result must read back to the same text (formatting is a fixed point).
/// Crashes, hangs and sanitizer reports are the findings, as is a broken round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let start, count > 0 else { return 0 }
    let buffer = UnsafeBufferPointer(start: start, count: count)
    let text = String(decoding: buffer, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(256).map { $0 }

    var formats = fixedFormats
    switch DateFormat.detect(in: lines) {
    case .detected(let format):
        formats.insert(format, at: 0)
        // Detection says the format reads every line that is not a missing date.
        if let index = format.firstUnreadableIndex(in: lines) {
            fatalError("detected \(format) but it cannot read line \(index): \(String(reflecting: String(lines[index])))")
        }
    case .ambiguous(let candidates): formats.insert(contentsOf: candidates, at: 0)
    case .none: break
    }
    if let first = lines.first, DateFormat.unsupportedDirective(inPattern: String(first)) == nil {
        formats.append(.pattern(String(first)))
    }
    for format in formats {
        for line in lines {
            guard let timestamp = format.parse(line) else { continue }
            guard case .pattern = format else {
                roundTrip(timestamp, format: format, line: line)
                continue
            }
            _ = format.string(from: timestamp)
        }
        // The raw bytes too, which need not be valid UTF-8.
        _ = format.parse(utf8: buffer)
    }
    return 0
}

/// A timestamp a format read, written by that format, must read back, and writing it again must
/// give the same text.
private func roundTrip(_ timestamp: Timestamp, format: DateFormat, line: Substring) {
    let written = format.string(from: timestamp)
    guard let again = format.parse(written) else {
        fatalError("\(format) read \(String(reflecting: String(line))) but not its own \(String(reflecting: written))")
    }
    let rewritten = format.string(from: again)
    if rewritten != written {
        fatalError("\(format) wrote \(String(reflecting: written)) then \(String(reflecting: rewritten)) for \(String(reflecting: String(line)))")
    }
}
