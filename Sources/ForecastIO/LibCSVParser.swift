import CLibCSV

/// Receives what libcsv reads. Subclass it and override both methods: class dispatch lets the C
/// callbacks reach the reader with one indirect call and no reference counting, which matters at
/// millions of fields per second.
class LibCSVHandler {
    /// A field's bytes (valid only during the call) and the physical line the field starts on.
    /// `plain` is true when every byte is printable ASCII or a tab or space: no line break, NUL or
    /// non-ASCII byte, so the handler can skip its text checks (found in the same pass that looks
    /// for line breaks).
    func field(_ bytes: UnsafeRawBufferPointer, line: Int, plain: Bool) {}
    /// A record ended: the physical line it started on and its number of fields (never 0: lines
    /// holding no field at all are blank lines and are not reported).
    func endRecord(line: Int, fieldCount: Int) {}
}

/// The one place that calls libcsv: bytes go in, fields and record ends come out to a handler,
/// each tagged with the physical line of the file it starts on.
///
/// libcsv (`man csv`, `/usr/include/csv.h`) handles RFC 4180 quoting: delimiters, doubled quotes and
/// line breaks inside quoted fields, and LF, CRLF or CR record ends. It trims spaces and tabs around
/// unquoted fields. It does not count lines, so this type does: a field's bytes may hold line breaks
/// (quoted fields), and with `CSV_REPALL_NL` libcsv reports every unquoted CR and LF as a record end,
/// which lets blank lines be counted and a CR followed by an LF be counted once.
final class LibCSVParser {
    private var parser = csv_parser()
    private let box: CallbackBox

    /// The physical line libcsv has reached, as far as fields and records have ended.
    var currentLine: Int { box.lines.pointee.recordStartLine + box.lines.pointee.breaksInRecord }

    /// Creates a parser for one input; the handler must outlive the parser.
    init(delimiter: UInt8, handler: LibCSVHandler) throws(LibCSVFailure) {
        box = CallbackBox(handler: handler)
        // Strict: a stray quote inside an unquoted field, or a quoted field still open at the end of
        // the input, is reported rather than silently swallowing the rest of the file.
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)
        guard csv_init(&parser, options) == 0 else { throw LibCSVFailure(code: Int(CSV_ENOMEM), line: 1) }
        csv_set_delim(&parser, delimiter)
    }

    deinit { csv_free(&parser) }

    /// Parses the next chunk of the input; chunks may split records and fields anywhere.
    func parse(_ bytes: UnsafeRawBufferPointer) throws(LibCSVFailure) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let context = Unmanaged.passUnretained(box).toOpaque()
        let consumed = csv_parse(&parser, base, bytes.count, libcsvFieldCallback, libcsvRecordCallback, context)
        if consumed != bytes.count {
            throw LibCSVFailure(code: Int(csv_error(&parser)), line: currentLine)
        }
    }

    /// Ends the input: delivers a last record that has no line break after it.
    func finish() throws(LibCSVFailure) {
        let context = Unmanaged.passUnretained(box).toOpaque()
        if csv_fini(&parser, libcsvFieldCallback, libcsvRecordCallback, context) != 0 {
            throw LibCSVFailure(code: Int(csv_error(&parser)), line: currentLine)
        }
    }

    /// Line counting state. It lives behind a pointer so the hot path pays no exclusivity checks.
    fileprivate struct LineState {
        /// Physical line (1-based) where the record being read started.
        var recordStartLine = 1
        /// Line breaks met inside the fields of the record being read.
        var breaksInRecord = 0
        var fieldsInRecord = 0
        /// Whether the last record end was a CR, so that a following LF is the same line break.
        var lastEndWasCR = false
    }

    /// What the C callbacks reach through libcsv's context pointer.
    fileprivate final class CallbackBox {
        /// Unretained: the parser's owner keeps the handler alive; calls go through
        /// `_withUnsafeGuaranteedRef` so that no field pays a retain and a release.
        let handler: Unmanaged<LibCSVHandler>
        let lines: UnsafeMutablePointer<LineState>

        init(handler: LibCSVHandler) {
            self.handler = .passUnretained(handler)
            lines = .allocate(capacity: 1)
            lines.initialize(to: LineState())
        }

        deinit { lines.deallocate() }

        @inline(__always)
        func field(_ bytes: UnsafeRawBufferPointer) {
            let line = lines.pointee.recordStartLine + lines.pointee.breaksInRecord
            var plain = true
            for byte in bytes where byte < 0x0E || byte >= 0x80 {
                plain = false
                break
            }
            handler._withUnsafeGuaranteedRef { $0.field(bytes, line: line, plain: plain) }
            lines.pointee.fieldsInRecord += 1
            if !plain { lines.pointee.breaksInRecord += Self.lineBreaks(in: bytes) }
        }

        @inline(__always)
        func recordEnd(_ terminator: Int32) {
            // terminator is the CR or LF that ended the record, or -1 when the input ended without one.
            if lines.pointee.fieldsInRecord == 0 {
                // A blank or whitespace-only line. An LF right after a CR end is the rest of a CRLF.
                if terminator == 0x0A && lines.pointee.lastEndWasCR {
                    lines.pointee.lastEndWasCR = false
                    return
                }
                lines.pointee.lastEndWasCR = terminator == 0x0D
                if terminator >= 0 { lines.pointee.recordStartLine += lines.pointee.breaksInRecord + 1 }
                lines.pointee.breaksInRecord = 0
                return
            }
            let line = lines.pointee.recordStartLine
            let count = lines.pointee.fieldsInRecord
            handler._withUnsafeGuaranteedRef { $0.endRecord(line: line, fieldCount: count) }
            lines.pointee.fieldsInRecord = 0
            lines.pointee.lastEndWasCR = terminator == 0x0D
            lines.pointee.recordStartLine += lines.pointee.breaksInRecord + (terminator >= 0 ? 1 : 0)
            lines.pointee.breaksInRecord = 0
        }

        /// Counts CR, LF and CRLF (once) in a field's bytes.
        @inline(__always)
        static func lineBreaks(in bytes: UnsafeRawBufferPointer) -> Int {
            var count = 0
            var previousWasCR = false
            for byte in bytes {
                if byte > 0x0D {
                    previousWasCR = false
                } else if byte == 0x0D {
                    count += 1
                    previousWasCR = true
                } else {
                    if byte == 0x0A && !previousWasCR { count += 1 }
                    previousWasCR = false
                }
            }
            return count
        }
    }
}

/// A failure reported by libcsv, with the line it was reading.
struct LibCSVFailure: Error {
    /// libcsv's error code: `CSV_EPARSE` 1, `CSV_ENOMEM` 2, `CSV_ETOOBIG` 3.
    var code: Int
    var line: Int

    /// Malformed quoting (strict mode) rather than a lack of memory.
    var isParseError: Bool { code == Int(CSV_EPARSE) }

    /// libcsv's own wording of the code.
    var libcsvMessage: String { String(cString: csv_strerror(Int32(code))) }
}

private func libcsvFieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<LibCSVParser.CallbackBox>.fromOpaque(context)._withUnsafeGuaranteedRef { box in
        box.field(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length))
    }
}

private func libcsvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<LibCSVParser.CallbackBox>.fromOpaque(context)._withUnsafeGuaranteedRef { box in
        box.recordEnd(terminator)
    }
}
