#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the reader knows once it has the header: enough to choose the columns to keep.
package struct CSVHeaderContext: Sendable {
    package let fileName: String
    package let dialect: CSVDialect
    /// Header names, trimmed, without the byte-order mark.
    package let header: [String]
    /// The first data records of the file as text (at most a couple of hundred), to recognise a
    /// time column by its content before the whole file is read.
    package let sample: [[String]]

    /// The position of a header name, or an error listing the available names. The name is
    /// trimmed as the header is, so `"Close "` copied from a header written `Close ,` finds it.
    package func index(of name: String) throws(CSVReadError) -> Int {
        let wanted = name.trimmingSpaces()
        if let index = header.firstIndex(of: wanted) { return index }
        // A case-insensitive match is accepted when it is unique: `close` for `Close`.
        let folded = header.indices.filter { header[$0].lowercased() == wanted.lowercased() }
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
    /// A kept column (header position) whose runs of equal values are groups: `CSVTableStream`
    /// hands each run over as its own table as soon as the next one starts.
    package var groupBy: Int?

    package init(keep: [Int], seriesFilter: (column: Int, value: String)? = nil, groupBy: Int? = nil) {
        self.keep = keep
        self.seriesFilter = seriesFilter
        self.groupBy = groupBy
    }
}

/// Streams a source through libcsv into a `CSVTable`, keeping only the planned columns' text.
///
/// Along the way it skips records with no non-empty field, refuses NUL bytes and invalid UTF-8,
/// checks that every record is as wide as the header, and records each row's physical line.
package enum CSVTableReader {
    /// How many bytes at the start of the input are used to detect the dialect, at the least.
    static let sampleSize = 64 * 1024
    /// Lines the sample holds whole, at the least: in a file of wide rows (thousands of columns),
    /// 64 KiB can end inside the first data row, and the time column and the dialect would then be
    /// guessed from the header alone. The sample grows to this many lines, up to `largestSample`.
    static let sampleLines = 12
    static let largestSample = 16 * 1024 * 1024

    /// The length of the sample of `head`: `sampleSize` bytes, or more to hold `sampleLines` whole
    /// lines, up to `largestSample` and what `head` holds.
    static func sampleLength(of head: [UInt8]) -> Int {
        var lines = 0
        for (offset, byte) in head.prefix(largestSample).enumerated() where byte == 0x0A {
            lines += 1
            if lines == sampleLines { return min(head.count, max(sampleSize, offset + 1)) }
        }
        return min(head.count, largestSample)
    }

    package static func read(
        _ source: CSVSource,
        delimiter: UInt8? = nil,
        decimalSeparator: UInt8? = nil,
        thousandsSeparator: UInt8? = nil,
        plan: @escaping (CSVHeaderContext) throws(CSVReadError) -> CSVColumnPlan
    ) throws(CSVReadError) -> CSVTable {
        let stream = try CSVTableStream(source, delimiter: delimiter, decimalSeparator: decimalSeparator,
                                        thousandsSeparator: thousandsSeparator, plan: plan)
        while try stream.advance() {}
        return try stream.finishedTable()
    }
}

/// Reads a source chunk by chunk (`advance`), so a caller can take finished groups of rows
/// (`takeGroups`) while the rest of the input is still unread: what streams a long-format file
/// grouped by id with memory bounded by a chunk and the groups in it, not by the file.
package final class CSVTableStream {
    package let fileName: String
    private let reader: CSVChunkReader
    private let builder: TableBuilder
    private let parser: LibCSVParser
    private var ended = false
    /// Turns the chunks into UTF-8 when the source is in another encoding (`SourceEncoding`).
    private var transcoder: SourceTranscoder?

    /// Reads the head of the input (dialect detection, header, plan) and parses it.
    package init(
        _ source: CSVSource,
        delimiter: UInt8? = nil,
        decimalSeparator: UInt8? = nil,
        thousandsSeparator: UInt8? = nil,
        plan: @escaping (CSVHeaderContext) throws(CSVReadError) -> CSVColumnPlan
    ) throws(CSVReadError) {
        fileName = source.displayName
        reader = try CSVChunkReader(source)

        // The head: enough bytes to detect the dialect, even when a pipe delivers them in small reads,
        // and enough whole lines of wide rows.
        var head: [UInt8] = []
        var atEnd = false
        var lines = 0
        while head.count < CSVTableReader.sampleSize
            || (head.count < CSVTableReader.largestSample && lines < CSVTableReader.sampleLines) {
            guard let chunk = try reader.next() else {
                atEnd = true
                break
            }
            head.append(contentsOf: chunk)
            lines += chunk.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let encoding = SourceEncoding.detect(head: head)
        if encoding != .utf8 {
            var transcoder = SourceTranscoder(encoding)
            head = head.withUnsafeBytes { transcoder.transcode($0) } + (atEnd ? transcoder.finish() : [])
            self.transcoder = transcoder
        }
        if head.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) && atEnd {
            throw .emptyFile(file: fileName)
        }
        let sampleSize = CSVTableReader.sampleLength(of: head)
        let hint = CSVDialect.separatorHint(in: head)
        let (nulLine, chosen, records) = head.withUnsafeBytes { bytes in
            let sampleBytes = UnsafeRawBufferPointer(rebasing: bytes.prefix(sampleSize).dropFirst(hint?.length ?? 0))
            let line = TextValidation.lineOfFirstNUL(in: sampleBytes).map { $0 + (hint == nil ? 0 : 1) }
            let chosen = delimiter ?? hint?.delimiter ?? CSVDialect.detectDelimiter(in: sampleBytes)
            let records = CSVSample.records(in: sampleBytes, delimiter: chosen, limit: 200)
            return (line, chosen, records)
        }
        if let nulLine { throw .binaryFile(file: fileName, line: nulLine) }
        let withPreamble = records.filter { $0.contains { !$0.isEmpty } }
        let preamble = CSVDialect.preambleRecords(withPreamble)
        let nonEmpty = Array(withPreamble.dropFirst(preamble))
        // A thousands separator given alone settles the decimal one when it is `.` or `,`: the other.
        let (point, comma) = (UInt8(ascii: "."), UInt8(ascii: ","))
        let implied: UInt8? = thousandsSeparator == point ? comma : thousandsSeparator == comma ? point : nil
        let sampled = CSVDialect.groupedThousands(inRecords: nonEmpty)
        let grouped = decimalSeparator == nil && thousandsSeparator == nil && chosen != comma ? sampled.finding : nil
        let decimal = decimalSeparator ?? implied ?? (grouped == nil
            ? CSVDialect.detectDecimalSeparator(records: nonEmpty, delimiter: chosen) : comma)
        if thousandsSeparator == decimal {
            throw .invalidOption(.thousandsSeparatorIsDecimal(decimal))
        }
        var dialect = CSVDialect(
            delimiter: chosen,
            // With a decimal comma, a dot or a space between digits can only group thousands
            // (`1.205,21`, `1 205,21`, often a no-break space): the one the sample shows, else a space.
            // With a decimal point, commas that can only group thousands (`"1,801.70"`) are read so.
            numberFormat: NumberFormat(decimalSeparator: decimal,
                                       thousandsSeparator: thousandsSeparator ?? (grouped != nil ? point : decimal == comma
                                           ? CSVDialect.groupSeparatorBeforeDecimalComma(records: nonEmpty)
                                           : decimalSeparator == nil && CSVDialect.commasGroupThousands(inRecords: nonEmpty) ? comma : nil)),
            groupedThousands: grouped)
        dialect.decimalSeparatorSeen = sampled.decimalSeen
        dialect.headerOfValues = nonEmpty.first.flatMap(CSVDialect.headerOfValues)
        dialect.sourceEncoding = encoding
        // Each note quoted as the file writes it, its fields joined by the delimiter (a tab as a space).
        let joiner = chosen == 0x09 ? " " : String(Character(Unicode.Scalar(chosen)))
        dialect.preamble = withPreamble.prefix(preamble).map {
            $0.filter { !$0.isEmpty }.joined(separator: joiner).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        let levels = CSVDialect.tickerHeaderLevels(nonEmpty)
        let sampleRecords = Array(nonEmpty.dropFirst(1 + levels))

        builder = TableBuilder(fileName: fileName, dialect: dialect, sample: sampleRecords, skipsFirstRecord: hint != nil,
                               preambleRecords: preamble, headerLevels: levels, plan: plan)
        do throws(LibCSVFailure) {
            parser = try LibCSVParser(delimiter: dialect.delimiter, handler: builder)
        } catch {
            throw .parserFailure(file: fileName, line: 1, detail: error.libcsvMessage)
        }
        let headResult = head.withUnsafeBytes { bytes in Result { () throws(CSVReadError) in try feed(bytes) } }
        try headResult.get()
        if atEnd { try end() }
    }

    /// Parses the next chunk of the input; false once the input has ended (and was finished).
    package func advance() throws(CSVReadError) -> Bool {
        guard !ended else { return false }
        if let chunk = try reader.next() {
            if let converted = transcoder?.transcode(chunk) { try feed(converted: converted) } else { try feed(chunk) }
        } else {
            if let rest = transcoder?.finish() { try feed(converted: rest) }
            try end()
        }
        return !ended
    }

    /// The whole table read so far (call once, after `advance` returned false).
    package func finishedTable() throws(CSVReadError) -> CSVTable {
        precondition(ended, "finishedTable() is for a stream read to its end")
        return try builder.finishedTable()
    }

    /// The groups of the plan's `groupBy` column finished so far, each as its own table, in input
    /// order; they leave the stream's buffers. The group still being read stays, unless the input has
    /// ended. Needs a plan with `groupBy`.
    package func takeGroups() -> [CSVTable] {
        builder.takeGroups(includingLast: ended)
    }

    /// The dialect the head was read with.
    package var dialect: CSVDialect { builder.dialect }
    /// Data rows accepted so far, over the whole input.
    package var rowsRead: Int { builder.rowsAccepted }
    /// Records skipped so far because no field held anything.
    package var emptyRecordsSkipped: Int { builder.emptyRecordsSkipped }

    /// Feeds bytes a transcoder turned into UTF-8.
    private func feed(converted: [UInt8]) throws(CSVReadError) {
        try converted.withUnsafeBytes { bytes in Result { () throws(CSVReadError) in try feed(bytes) } }.get()
    }

    private func feed(_ bytes: UnsafeRawBufferPointer) throws(CSVReadError) {
        do throws(LibCSVFailure) {
            try parser.parse(bytes)
        } catch {
            if let pending = builder.error { throw pending }
            throw Self.translate(error, fileName: fileName)
        }
        if let pending = builder.error { throw pending }
    }

    private func end() throws(CSVReadError) {
        do throws(LibCSVFailure) {
            try parser.finish()
        } catch {
            if let pending = builder.error { throw pending }
            throw Self.translate(error, fileName: fileName)
        }
        if let pending = builder.error { throw pending }
        ended = true
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
        /// The kept-column slot whose runs of equal values are groups, or -1.
        var groupSlot = -1
        /// Rows (in the buffers) that start a new group, after the first row of the buffers.
        var groupStarts = GrowableBuffer<Int>(capacity: 64)
        /// Data rows accepted over the whole input, including those already taken as groups.
        var rowsAccepted = 0
    }
    let state: UnsafeMutablePointer<HotState>

    /// Whether the first record is a spreadsheet's `sep=;` line rather than the header.
    var skipsFirstRecord: Bool
    /// Records with content before the header (`CSVDialect.preambleRecords`) still to skip.
    var preambleRecords: Int
    /// Header records after the first (`CSVDialect.tickerHeaderLevels`), skipped; the first
    /// column is then the dates.
    var headerLevels: Int

    init(fileName: String, dialect: CSVDialect, sample: [[String]], skipsFirstRecord: Bool = false, preambleRecords: Int = 0,
         headerLevels: Int = 0, plan: @escaping (CSVHeaderContext) throws(CSVReadError) -> CSVColumnPlan) {
        self.fileName = fileName
        self.dialect = dialect
        self.sample = sample
        self.skipsFirstRecord = skipsFirstRecord
        self.preambleRecords = preambleRecords
        self.headerLevels = headerLevels
        self.plan = plan
        state = .allocate(capacity: 1)
        state.initialize(to: HotState())
    }

    deinit {
        let hot = state.pointee
        hot.slotOfField.free()
        hot.lines.free()
        hot.groupStarts.free()
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
            if state.pointee.recordHasContent, !skipsFirstRecord {
                if preambleRecords > 0 {
                    preambleRecords -= 1
                    headerFields.removeAll()
                } else {
                    acceptHeader()
                }
            } else {
                headerFields.removeAll()
            }
            skipsFirstRecord = false
            return
        }
        guard state.pointee.recordHasContent else {
            state.pointee.emptyRecordsSkipped += 1
            rollback()
            return
        }
        if headerLevels > 0 {
            headerLevels -= 1
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
            let group = state.pointee.groupSlot
            if group >= 0 {
                let row = ends[group].count - 1
                if row > 0, !Self.sameField(in: bytes[group], ends: ends[group], row, row - 1) {
                    state.pointee.groupStarts.append(row)
                }
            }
        }
        state.pointee.lines.append(line)
        state.pointee.rowsAccepted += 1
    }

    /// Whether rows `a` and `b` of a column buffer hold the same bytes.
    @inline(__always)
    private static func sameField(in bytes: GrowableBuffer<UInt8>, ends: GrowableBuffer<Int>, _ a: Int, _ b: Int) -> Bool {
        let startA = a == 0 ? 0 : ends.base[a - 1], startB = b == 0 ? 0 : ends.base[b - 1]
        let count = ends.base[a] - startA
        guard count == ends.base[b] - startB else { return false }
        return memcmp(bytes.base + startA, bytes.base + startB, count) == 0
    }

    var rowsAccepted: Int { state.pointee.rowsAccepted }
    var emptyRecordsSkipped: Int { state.pointee.emptyRecordsSkipped }

    /// The finished groups as tables, removed from the buffers, which keep only the group still
    /// being read (nothing when `includingLast`, at the end of the input).
    func takeGroups(includingLast: Bool) -> [CSVTable] {
        guard let header, let bytes = state.pointee.bytes, let ends = state.pointee.ends else { return [] }
        precondition(state.pointee.groupSlot >= 0, "takeGroups() needs a column plan with groupBy")
        let rowCount = state.pointee.lines.count
        var boundaries = state.pointee.groupStarts.array()
        if includingLast, rowCount > 0 { boundaries.append(rowCount) }
        guard let taken = boundaries.last else { return [] }
        var tables: [CSVTable] = []
        var begin = 0
        for end in boundaries {
            var columns: [CSVColumn] = []
            for (slot, info) in columnInfo.enumerated() {
                let byteStart = begin == 0 ? 0 : ends[slot].base[begin - 1]
                let byteEnd = ends[slot].base[end - 1]
                let groupEnds = ends[slot].copy(begin..<end)
                for row in 0..<groupEnds.count { groupEnds.base[row] -= byteStart }
                let storage = CSVColumnStorage(bytes: bytes[slot].copy(byteStart..<byteEnd), ends: groupEnds)
                columns.append(CSVColumn(name: info.name, fileIndex: info.fileIndex, storage: storage))
            }
            let lines = Array(UnsafeBufferPointer(start: state.pointee.lines.base + begin, count: end - begin))
            tables.append(CSVTable(fileName: fileName, dialect: dialect, header: header, columns: columns, lines: lines,
                                   emptyRecordsSkipped: 0, otherSeriesRecords: 0))
            begin = end
        }
        // What is left is the open group: move it to the front of every buffer.
        for slot in 0..<state.pointee.slotCount {
            let byteOffset = ends[slot].base[taken - 1]
            bytes[slot].removeFirst(byteOffset)
            ends[slot].removeFirst(taken)
            for row in 0..<ends[slot].count { ends[slot].base[row] -= byteOffset }
        }
        state.pointee.lines.removeFirst(taken)
        state.pointee.groupStarts.truncate(to: 0)
        return tables
    }

    /// Forgets the fields of a skipped record.
    private func rollback() {
        guard let bytes = state.pointee.bytes, let ends = state.pointee.ends else { return }
        for slot in 0..<state.pointee.slotCount { bytes[slot].truncate(to: ends[slot].last ?? 0) }
    }

    private func acceptHeader() {
        var names = headerFields
        // A header of several levels names its price levels in the first record and its dates in
        // the last one's first field.
        if headerLevels > 0, !names.isEmpty { names[0] = "Date" }
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
        if let group = chosen.groupBy {
            guard let slot = chosen.keep.firstIndex(of: group) else {
                preconditionFailure("a column plan groups by a kept column only")
            }
            state.pointee.groupSlot = slot
        }
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
