import ForecastData
import FuzzCSVInput
import FuzzerEntry
import ForecastIO

/// One fuzz input: CSV bytes read the three ways `tsf` reads covariates. The target is the first
/// numeric column `tsf inspect` reports; the other numeric columns with no missing value are known
/// in advance (they can fill the rows after the target's last value), the rest observed. The first
/// byte picks the missing-value policy, and its high bit (never set in a header of ASCII text, so
/// the fuzzer's to flip) makes the first complete column observed instead. The file is read as a
/// series with those features (its rows after the last target value become future rows); as a
/// `--future` file of the known columns, whole and cut to the header and the future rows, each then
/// checked to continue the series; and as a `--holidays` file. Errors are expected; crashes, hangs
/// and sanitizer reports are the findings, as are rows that come back misaligned or a future value
/// that is missing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCovariates(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let input = FuzzCSVInput(start, count) else { return 0 }
    let (bytes, options, source) = (input.bytes, input.options, input.source)

    if let holidays = try? HolidayFileReader.read(source) {
        checkHolidays(holidays)
    }

    guard let inspection = try? TableInspection.inspect(source, options: options) else { return 0 }
    let time = inspection.time?.column
    let numeric = inspection.columns.filter { $0.kind == .numeric && $0.name != time }
    guard let target = numeric.first?.name else { return 0 }
    var observed = numeric.dropFirst().filter { $0.missing > 0 }.map(\.name)
    var known = numeric.dropFirst().filter { $0.missing == 0 }.map(\.name)
    if bytes[0] & 0x80 != 0, !known.isEmpty {
        observed.insert(known.removeFirst(), at: 0)
    }

    guard let data = try? SeriesReader.read(source, target: target, features: observed, knownFeatures: known,
                                            options: options) else { return 0 }
    checkAligned(data, observed: observed.count, known: known.count)
    guard !known.isEmpty else { return 0 }
    var separateFiles = [source]
    if let future = data.future {
        checkRows(future, known: known.count, from: "the series' own future rows")
        separateFiles.append(.bytes(futureFile(of: bytes, rows: future), name: "future.csv"))
    }
    for file in separateFiles {
        guard let rows = try? FutureRows.read(file, knownFeatures: known, options: options) else { continue }
        checkRows(rows, known: known.count, from: "the --future file \(file.displayName)")
        _ = try? rows.checkContinues(data.target, timeColumn: data.timeColumn ?? "")
    }
    return 0
}

/// The header line and the physical lines of `rows`: the `--future` file a user would cut from the
/// series' file (most often one that continues the series; not always, as a record may span lines).
private func futureFile(of bytes: [UInt8], rows: FutureRows) -> [UInt8] {
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var file = Array(lines.first ?? [])
    for line in rows.lines where lines.indices.contains(line - 1) {
        file.append(UInt8(ascii: "\n"))
        file += lines[line - 1]
    }
    return file
}

/// Every feature the reader returns covers the target's rows, one line number per row.
private func checkAligned(_ data: CSVSeriesData, observed: Int, known: Int) {
    let rows = data.target.count
    guard data.features.count == observed, data.knownFeatures.count == known,
          (data.features + data.knownFeatures).allSatisfy({ $0.count == rows }), data.lines.count == rows else {
        fatalError("\(rows) target rows, features of \(data.features.map(\.count)) and \(data.knownFeatures.map(\.count)) rows, \(data.lines.count) lines")
    }
}

/// Future rows hold one value per known column and row, none missing, and a timestamp per row
/// when they have any.
private func checkRows(_ rows: FutureRows, known: Int, from origin: String) {
    guard rows.values.count == known, rows.values.allSatisfy({ $0.count == rows.count }),
          rows.timestamps.map({ $0.count == rows.count }) ?? true else {
        fatalError("\(origin): \(rows.count) lines, values of \(rows.values.map(\.count)), \(rows.timestamps?.count ?? -1) timestamps")
    }
    if rows.values.contains(where: { $0.contains(where: \.isNaN) }) {
        fatalError("\(origin): a missing value among \(rows.values)")
    }
}

/// Every holiday read is a calendar day that the calendar then contains.
private func checkHolidays(_ calendar: HolidayCalendar) {
    for holiday in calendar.holidays {
        guard (1...12).contains(holiday.month), (1...31).contains(holiday.day),
              calendar.contains(year: holiday.year, month: holiday.month, day: holiday.day) else {
            fatalError("holiday \(holiday.year)-\(holiday.month)-\(holiday.day) read but not a day of its calendar")
        }
    }
}
