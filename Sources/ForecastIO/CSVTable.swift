/// The bytes of a column's fields end to end, and where each field ends. Immutable once built,
/// owned by this object, freed with it; the reader hands its buffers over without copying.
@usableFromInline
final class CSVColumnStorage: @unchecked Sendable {
    @usableFromInline let bytes: UnsafeMutablePointer<UInt8>
    @usableFromInline let byteCount: Int
    /// `ends[i]` is where field `i` ends in `bytes`; it starts where field `i - 1` ends.
    @usableFromInline let ends: UnsafeMutablePointer<Int>
    @usableFromInline let count: Int

    init(bytes: GrowableBuffer<UInt8>, ends: GrowableBuffer<Int>) {
        self.bytes = bytes.base
        byteCount = bytes.count
        self.ends = ends.base
        count = ends.count
    }

    deinit {
        // Allocated by `GrowableBuffer`, which owns the allocator choice.
        GrowableBuffer<UInt8>.release(bytes)
        GrowableBuffer<Int>.release(ends)
    }
}

/// The text of one column, kept as the bytes of its fields end to end, so that a large file costs one
/// buffer per column used rather than one String per field.
package struct CSVColumn: Sendable {
    /// The header name, trimmed, without a byte-order mark.
    package let name: String
    /// Position in the file's header (0-based).
    package let fileIndex: Int
    @usableFromInline let storage: CSVColumnStorage

    init(name: String, fileIndex: Int, storage: CSVColumnStorage) {
        self.name = name
        self.fileIndex = fileIndex
        self.storage = storage
    }

    package var count: Int { storage.count }

    /// The bytes of field `row` (valid while the column is alive).
    @inlinable
    func field(_ row: Int) -> UnsafeRawBufferPointer {
        let start = row == 0 ? 0 : storage.ends[row - 1]
        return UnsafeRawBufferPointer(start: storage.bytes + start, count: storage.ends[row] - start)
    }

    /// Calls `body` with the bytes of field `row` (valid only during the call).
    @inlinable
    package func withField<Result>(_ row: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(field(row)) }
    }

    /// Calls `body` with every field in turn.
    @inlinable
    package func forEachField(_ body: (Int, UnsafeRawBufferPointer) throws -> Void) rethrows {
        try withExtendedLifetime(storage) {
            var start = 0
            for row in 0..<storage.count {
                let end = storage.ends[row]
                try body(row, UnsafeRawBufferPointer(start: storage.bytes + start, count: end - start))
                start = end
            }
        }
    }

    /// The text of field `row` (for messages; bulk work should use `forEachField`).
    package func text(_ row: Int) -> String {
        withField(row) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every field as a `Substring` of one String built once: what date-format detection wants,
    /// without one allocation per field.
    package func substrings() -> [Substring] {
        let whole = withExtendedLifetime(storage) {
            String(decoding: UnsafeBufferPointer(start: storage.bytes, count: storage.byteCount), as: UTF8.self)
        }
        var result: [Substring] = []
        result.reserveCapacity(count)
        let utf8 = whole.utf8
        var startIndex = utf8.startIndex
        var startOffset = 0
        for row in 0..<count {
            let end = storage.ends[row]
            let endIndex = utf8.index(startIndex, offsetBy: end - startOffset)
            result.append(whole[startIndex..<endIndex])
            startIndex = endIndex
            startOffset = end
        }
        return result
    }

    /// The column with only the rows listed, in that order (sorting, duplicate removal).
    func reordered(_ rows: [Int]) -> CSVColumn {
        var bytes = GrowableBuffer<UInt8>(capacity: storage.byteCount)
        var ends = GrowableBuffer<Int>(capacity: rows.count)
        withExtendedLifetime(storage) {
            for row in rows {
                bytes.append(contentsOf: field(row).assumingMemoryBound(to: UInt8.self))
                ends.append(bytes.count)
            }
        }
        return CSVColumn(name: name, fileIndex: fileIndex, storage: CSVColumnStorage(bytes: bytes, ends: ends))
    }
}

/// A CSV file as read: its header, the text of the columns a command uses, and for each data row the
/// physical line it started on (1 = header line), for messages.
package struct CSVTable: Sendable {
    /// The file name messages use.
    package let fileName: String
    /// The delimiter and number format used.
    package internal(set) var dialect: CSVDialect
    /// Every header name, in file order.
    package let header: [String]
    /// The kept columns, in the order they were asked for.
    package internal(set) var columns: [CSVColumn]
    /// `lines[i]` is the physical line of data row `i`.
    package internal(set) var lines: [Int]
    /// Records skipped because no field held anything (blank lines are not counted here).
    package internal(set) var emptyRecordsSkipped: Int
    /// Data records left out because their id column held another series.
    package internal(set) var otherSeriesRecords: Int

    package var rowCount: Int { lines.count }

    /// The kept column with this header name.
    package func column(named name: String) -> CSVColumn? {
        columns.first { $0.name == name }
    }

    /// Keeps only the rows listed, in that order, in every column.
    mutating func reorderRows(_ rows: [Int]) {
        columns = columns.map { $0.reordered(rows) }
        lines = rows.map { lines[$0] }
    }
}
