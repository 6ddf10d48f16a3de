/// What the reader knows once it has the header: enough to choose the columns to keep.
package struct CSVHeaderContext: Sendable {
    package let fileName: String
    package let dialect: CSVDialect
    /// Header names, trimmed, without the byte-order mark.
    package let header: [String]
    /// The first data records of the file as text (at most a couple of hundred), to recognise a
    /// time column by its content before the whole file is read.
    package let sample: [[String]]

    /// The position of a header name, or an error listing the available names.
    package func index(of name: String) throws(CSVReadError) -> Int {
        if let index = header.firstIndex(of: name) { return index }
        // A case-insensitive match is accepted when it is unique: `close` for `Close`.
        let folded = header.indices.filter { header[$0].lowercased() == name.lowercased() }
        if folded.count == 1 { return folded[0] }
        throw .unknownColumn(file: fileName, name: name, available: header)
    }
}

/// The columns to keep and, for long-format files, the one series to keep.
package struct CSVColumnPlan: Sendable {
    /// Header positions, in the order the table should hold them.
    package var keep: [Int]
    /// Keep only rows whose column `column` holds exactly `value`.
    package var seriesFilter: (column: Int, value: String)?

    package init(keep: [Int], seriesFilter: (column: Int, value: String)? = nil) {
        self.keep = keep
        self.seriesFilter = seriesFilter
    }
}

/// Streams a source through libcsv into a `CSVTable`, keeping only the planned columns' text.
///
/// Along the way it skips records with no non-empty field, refuses NUL bytes and invalid UTF-8,
/// checks that every record is as wide as the header, and records each row's physical line.
package enum CSVTableReader {
    /// How many bytes at the start of the input are used to detect the dialect.
    static let sampleSize = 64 * 1024

    package static func read(
        _ source: CSVSource,
        delimiter: UInt8? = nil,
        decimalSeparator: UInt8? = nil,
        thousandsSeparator: UInt8? = nil,
        plan: @escaping (CSVHeaderContext) throws(CSVReadError) -> CSVColumnPlan
    ) throws(CSVReadError) -> CSVTable {
        let fileName = source.displayName
        let reader = try CSVChunkReader(source)

        // The head: enough bytes to detect the dialect, even when a pipe delivers them in small reads.
        var head: [UInt8] = []
        var atEnd = false
        while head.count < sampleSize {
            guard let chunk = try reader.next() else {
                atEnd = true
                break
            }
            head.append(contentsOf: chunk)
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        if head.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) && atEnd {
            throw .emptyFile(file: fileName)
        }
        let (nulLine, chosen, records) = head.withUnsafeBytes { bytes in
            let sampleBytes = UnsafeRawBufferPointer(rebasing: bytes.prefix(sampleSize))
            let line = TextValidation.lineOfFirstNUL(in: sampleBytes)
            let chosen = delimiter ?? CSVDialect.detectDelimiter(in: sampleBytes)
            let records = CSVSample.records(in: sampleBytes, delimiter: chosen, limit: 200)
            return (line, chosen, records)
        }
        if let nulLine { throw .binaryFile(file: fileName, line: nulLine) }
        let nonEmpty = records.filter { $0.contains { !$0.isEmpty } }
        let decimal = decimalSeparator ?? CSVDialect.detectDecimalSeparator(records: nonEmpty, delimiter: chosen)
        if thousandsSeparator == decimal {
            throw .invalidOption("The thousands separator cannot be the decimal separator (\(CSVDialect.name(of: decimal))).")
        }
        let dialect = CSVDialect(delimiter: chosen, numberFormat: NumberFormat(decimalSeparator: decimal, thousandsSeparator: thousandsSeparator))
        let sampleRecords = Array(nonEmpty.dropFirst())

        let builder = TableBuilder(fileName: fileName, dialect: dialect, sample: sampleRecords, plan: plan)
        let parser: LibCSVParser
        do throws(LibCSVFailure) {
            parser = try LibCSVParser(delimiter: dialect.delimiter, handler: builder)
        } catch {
            throw .parserFailure(file: fileName, line: 1, detail: error.libcsvMessage)
        }

        func feed(_ bytes: UnsafeRawBufferPointer) throws(CSVReadError) {
            do throws(LibCSVFailure) {
                try parser.parse(bytes)
            } catch {
                if let pending = builder.error { throw pending }
                throw translate(error, fileName: fileName)
            }
            if let pending = builder.error { throw pending }
        }

        let headResult = head.withUnsafeBytes { bytes in Result { () throws(CSVReadError) in try feed(bytes) } }
        try headResult.get()
        if !atEnd {
            while let chunk = try reader.next() { try feed(chunk) }
        }
        do throws(LibCSVFailure) {
            try parser.finish()
        } catch {
            if let pending = builder.error { throw pending }
            throw translate(error, fileName: fileName)
        }
        if let pending = builder.error { throw pending }
        let table = try builder.finishedTable()
        withExtendedLifetime(parser) {}
        return table
    }

    private static func translate(_ failure: LibCSVFailure, fileName: String) -> CSVReadError {
        failure.isParseError
            ? .malformedQuoting(file: fileName, line: failure.line)
            : .parserFailure(file: fileName, line: failure.line, detail: failure.libcsvMessage)
    }
}

/// The mutable state behind the libcsv callbacks while one table is read.
///
/// What every field touches lives in `HotState` behind a pointer, in manually grown buffers: no
/// reference counting, uniqueness or exclusivity checks per field. The header and error paths use
/// ordinary properties.
private final class TableBuilder: LibCSVHandler {
    let fileName: String
    let dialect: CSVDialect
    let sample: [[String]]
    let plan: (CSVHeaderContext) throws(CSVReadError) -> CSVColumnPlan

    private(set) var error: CSVReadError?
    var header: [String]?
    var headerFields: [String] = []
    var filterValue: [UInt8] = []
    var otherSeriesValues: Set<[UInt8]> = []
    var columnInfo: [(name: String, fileIndex: Int)] = []
    var buffersHandedOver = false

    struct HotState {
        var failed = false
        var hasHeader = false
        var fieldIndex = 0
        var recordHasContent = false
        var recordMatchesFilter = true
        var filterColumn = -1
        var headerCount = 0
        /// `slotOfField[i]` is the kept-column slot of field `i`, or -1.
        var slotOfField = GrowableBuffer<Int>(capacity: 16)
        var slotCount = 0
        var bytes: UnsafeMutablePointer<GrowableBuffer<UInt8>>? = nil
        var ends: UnsafeMutablePointer<GrowableBuffer<Int>>? = nil
        var lines = GrowableBuffer<Int>(capacity: 4096)
        var emptyRecordsSkipped = 0
        var otherSeriesRecords = 0
    }
    let state: UnsafeMutablePointer<HotState>

    init(fileName: String, dialect: CSVDialect, sample: [[String]],
         plan: @escaping (CSVHeaderContext) throws(CSVReadError) -> CSVColumnPlan) {
        self.fileName = fileName
        self.dialect = dialect
        self.sample = sample
        self.plan = plan
        state = .allocate(capacity: 1)
        state.initialize(to: HotState())
    }

    deinit {
        let hot = state.pointee
        hot.slotOfField.free()
        hot.lines.free()
        // Column buffers handed to the table are owned by it; only unclaimed ones are freed here.
        if !buffersHandedOver {
            for slot in 0..<hot.slotCount {
                hot.bytes?[slot].free()
                hot.ends?[slot].free()
            }
        }
        hot.bytes?.deallocate()
        hot.ends?.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    private func fail(_ failure: CSVReadError) {
        error = failure
        state.pointee.failed = true
    }

    override func field(_ raw: UnsafeRawBufferPointer, line: Int, plain: Bool) {
        guard !state.pointee.failed else { return }
        if !plain, let problem = TextValidation.check(raw) {
            fail(problem == .nulByte ? .binaryFile(file: fileName, line: line) : .invalidUTF8(file: fileName, line: line))
            return
        }
        // Surrounding spaces and tabs go (libcsv already trims unquoted fields; quoted ones keep them).
        var start = 0
        var end = raw.count
        while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
        while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
        let field = UnsafeRawBufferPointer(rebasing: raw[start..<end])
        if !field.isEmpty { state.pointee.recordHasContent = true }

        guard state.pointee.hasHeader else {
            headerFields.append(String(decoding: field, as: UTF8.self))
            state.pointee.fieldIndex += 1
            return
        }
        let index = state.pointee.fieldIndex
        if index < state.pointee.headerCount {
            let slot = state.pointee.slotOfField.base[index]
            if slot >= 0, let bytes = state.pointee.bytes {
                bytes[slot].append(contentsOf: field.assumingMemoryBound(to: UInt8.self))
            }
        }
        if index == state.pointee.filterColumn && !field.elementsEqual(filterValue) {
            state.pointee.recordMatchesFilter = false
            if otherSeriesValues.count < 100 { otherSeriesValues.insert(Array(field)) }
        }
        state.pointee.fieldIndex = index + 1
    }

    override func endRecord(line: Int, fieldCount: Int) {
        defer {
            state.pointee.fieldIndex = 0
            state.pointee.recordHasContent = false
            state.pointee.recordMatchesFilter = true
        }
        guard !state.pointee.failed else { return }
        guard state.pointee.hasHeader else {
            if state.pointee.recordHasContent { acceptHeader() } else { headerFields.removeAll() }
            return
        }
        guard state.pointee.recordHasContent else {
            state.pointee.emptyRecordsSkipped += 1
            rollback()
            return
        }
        guard fieldCount == state.pointee.headerCount else {
            fail(.raggedRow(file: fileName, line: line, expected: state.pointee.headerCount, found: fieldCount))
            return
        }
        guard state.pointee.recordMatchesFilter else {
            state.pointee.otherSeriesRecords += 1
            rollback()
            return
        }
        if let bytes = state.pointee.bytes, let ends = state.pointee.ends {
            for slot in 0..<state.pointee.slotCount { ends[slot].append(bytes[slot].count) }
        }
        state.pointee.lines.append(line)
    }

    /// Forgets the fields of a skipped record.
    private func rollback() {
        guard let bytes = state.pointee.bytes, let ends = state.pointee.ends else { return }
        for slot in 0..<state.pointee.slotCount { bytes[slot].truncate(to: ends[slot].last ?? 0) }
    }

    private func acceptHeader() {
        var names = headerFields
        for index in names.indices where names[index].isEmpty { names[index] = "column \(index + 1)" }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            fail(.duplicateColumnName(file: fileName, name: name))
            return
        }
        header = names
        let context = CSVHeaderContext(fileName: fileName, dialect: dialect, header: names, sample: sample)
        let chosen: CSVColumnPlan
        do {
            chosen = try plan(context)
        } catch {
            fail(error)
            return
        }
        state.pointee.hasHeader = true
        state.pointee.headerCount = names.count
        for _ in names { state.pointee.slotOfField.append(-1) }
        let slotCount = chosen.keep.count
        let bytes = UnsafeMutablePointer<GrowableBuffer<UInt8>>.allocate(capacity: max(slotCount, 1))
        let ends = UnsafeMutablePointer<GrowableBuffer<Int>>.allocate(capacity: max(slotCount, 1))
        for (slot, index) in chosen.keep.enumerated() {
            precondition(names.indices.contains(index), "a column plan must keep header positions only")
            state.pointee.slotOfField.base[index] = slot
            (bytes + slot).initialize(to: GrowableBuffer(capacity: 1 << 16))
            (ends + slot).initialize(to: GrowableBuffer(capacity: 1 << 13))
            columnInfo.append((names[index], index))
        }
        state.pointee.bytes = bytes
        state.pointee.ends = ends
        state.pointee.slotCount = slotCount
        if let filter = chosen.seriesFilter {
            state.pointee.filterColumn = filter.column
            filterValue = Array(filter.value.utf8)
        }
    }

    func finishedTable() throws(CSVReadError) -> CSVTable {
        guard let header else { throw .emptyFile(file: fileName) }
        let hot = state.pointee
        if hot.lines.count == 0 {
            if hot.filterColumn >= 0 && hot.otherSeriesRecords > 0 {
                let available = otherSeriesValues.map { String(decoding: $0, as: UTF8.self) }.sorted()
                throw .seriesNotFound(file: fileName, idColumn: header[hot.filterColumn],
                                      series: String(decoding: filterValue, as: UTF8.self), available: available)
            }
            throw .noDataRows(file: fileName)
        }
        var columns: [CSVColumn] = []
        if let bytes = hot.bytes, let ends = hot.ends {
            for (slot, info) in columnInfo.enumerated() {
                let storage = CSVColumnStorage(bytes: bytes[slot], ends: ends[slot])
                columns.append(CSVColumn(name: info.name, fileIndex: info.fileIndex, storage: storage))
            }
            buffersHandedOver = true
        }
        return CSVTable(fileName: fileName, dialect: dialect, header: header, columns: columns, lines: hot.lines.array(),
                        emptyRecordsSkipped: hot.emptyRecordsSkipped, otherSeriesRecords: hot.otherSeriesRecords)
    }
}
