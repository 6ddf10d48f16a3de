/// How a file separates fields and writes decimals, found from a sample of its first bytes unless the
/// user said so.
public struct CSVDialect: Hashable, Sendable {
    /// The field delimiter: `,`, `;`, tab or `|`.
    public var delimiter: UInt8
    /// How numbers are written.
    public var numberFormat: NumberFormat
    /// The column that made detection read `.` between thousands (`groupedThousands(inRecords:)`); nil
    /// when the separators were given or detected otherwise.
    public var groupedThousands: GroupedThousands?
    /// Whether a sampled field, in any column, showed a decimal separator (`3.14`): the dot is then
    /// never read between thousands, however the rows after the sample look.
    var decimalSeparatorSeen = false
    /// The encoding the source was read in, when it was not UTF-8 (`SourceEncoding`).
    var sourceEncoding = SourceEncoding.utf8
    /// The records skipped above the header (`preambleRecords(_:)`), their fields joined.
    var preamble: [String] = []
    /// The header's fields when every one reads as a value and one at least is no whole number
    /// (`2024-01-02,1.09`): a file without a header line, whose first row became the header.
    var headerOfValues: [String]? = nil

    public init(delimiter: UInt8 = UInt8(ascii: ","), numberFormat: NumberFormat = NumberFormat(),
                groupedThousands: GroupedThousands? = nil) {
        self.delimiter = delimiter
        self.numberFormat = numberFormat
        self.groupedThousands = groupedThousands
    }

    /// What detection decided that the user should know: a text encoding other than UTF-8, a
    /// preamble skipped, a dot read between thousands.
    public func detectionWarnings(file: String) -> [CSVWarning] {
        var encoding = sourceEncoding == .utf8 ? [] : [CSVWarning(
            "\(file) is not UTF-8; it was read as \(sourceEncoding.name), as spreadsheets save text on Windows (save it as UTF-8 to be sure).")]
        if let first = preamble.first {
            let lines = preamble.count == 1 ? "the line" : "the \(preamble.count) lines"
            encoding.append(CSVWarning(
                "\(file): \(lines) above the header (\"\(first.prefix(60))\"\(preamble.count > 1 ? " …" : "")) \(preamble.count == 1 ? "was read as a note" : "were read as notes") (a comment, a title, or narrower than the table below), not as the header."))
        }
        if let headerOfValues {
            encoding.append(CSVWarning(
                "\(file): the first line (\(headerOfValues.prefix(4).joined(separator: ", "))\(headerOfValues.count > 4 ? ", …" : "")) reads as values, not column names, and is taken as the header, so it is not read as data; if the file has no header line, add one."))
        }
        guard let grouped = groupedThousands else { return encoding }
        return encoding + [CSVWarning(
            before: "\(file): column \"\(grouped.column)\" writes \"\(grouped.grouped)\" beside \"\(grouped.plain)\", so \".\" is read between thousands (\(grouped.grouped) is \(grouped.grouped.filter { $0 != "." })) and \",\" as the decimal separator; ",
            remedies: [.setDecimalSeparator(".")], after: ".")]
    }

    /// The delimiters tried, in order of preference when several fit equally.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// A delimiter's name for messages: `","`, `tab` …
    public static func name(of delimiter: UInt8) -> String {
        delimiter == 0x09 ? "tab" : "\"\(Character(Unicode.Scalar(delimiter)))\""
    }

    /// Chooses the delimiter whose split of the sample makes a table: a header of at least two
    /// fields with every sampled record as wide, past notes above it (leading `#` comments, titles
    /// of one field above a header of names, or else the notes `preambleRecords` finds:
    /// `Station;Berlin` above a table of three columns). Of the splits that do, the one whose
    /// fields read most often as values wins (`valueShare`): a semicolon file with decimal commas
    /// split at its commas leaves fields such as `01.01.2024;-3` that are none, however its header
    /// splits (`Datum;Temperatur, °C`). Then the one that needs the fewest notes, then the widest.
    /// With no table, the delimiter that splits the first record into the most fields is taken,
    /// and a ragged row is then reported with its line. (A comma file may quote numbers with
    /// decimal or thousands commas, so a comma given for numbers rules out no delimiter.)
    static func detectDelimiter(in sample: UnsafeRawBufferPointer) -> UInt8 {
        var best: (delimiter: UInt8, values: Int, notes: Int, width: Int)? = nil
        var widestFirst: (delimiter: UInt8, width: Int) = (UInt8(ascii: ","), 1)
        var unsplit: [[String]] = []
        for candidate in candidateDelimiters {
            let records = CSVSample.records(in: sample, delimiter: candidate, limit: 100)
            if candidate == UInt8(ascii: ";") { unsplit = records }
            let comments = commentRecords(records)
            if let first = records.dropFirst(comments).first, first.count > widestFirst.width { widestFirst = (candidate, first.count) }
            var notes = comments + records.dropFirst(comments).prefix(longestPreamble - comments).prefix { $0.count == 1 }.count
            // Titles sit above a header of names: above a first row of values, the record is the header
            // (one column of `1,5` split at its decimal comma has no title).
            if notes > comments, let next = records.dropFirst(notes).first, next.allSatisfy(looksLikeValue) { notes = comments }
            // Notes of several fields (`Station;Berlin`) above a wider table, as reading skips them.
            if !Self.isTable(records.dropFirst(notes)), case let preamble = preambleRecords(records), preamble > 0 {
                notes = preamble
            }
            let table = records.dropFirst(notes)
            guard Self.isTable(table), let header = table.first else { continue }
            let values = valueShare(of: table.dropFirst())
            if let best, !((values, -notes, header.count) > (best.values, -best.notes, best.width)) { continue }
            best = (candidate, values, notes, header.count)
        }
        // Unquoted only: a quoted `"1,204"` may be an English thousand, and stays an error that asks.
        if best == nil, widestFirst.width == 1, !sample.contains(UInt8(ascii: "\"")), isColumnOfDecimalCommas(unsplit) {
            return UInt8(ascii: ";")
        }
        return best?.delimiter ?? widestFirst.delimiter
    }

    /// Whether `records` (split at no comma) are one column whose values write a decimal comma
    /// (`Wert` over `1,5`, `2`, `-0,25`, `1.234,5`): every record one field, every one below the first
    /// a number whose last separator is no dot (`lastSeparatorOfNumber`) or a default missing token
    /// (`NA`, empty), one at least with a comma, and one at least not before exactly three digits
    /// (`1,273` alone may be an English thousand). Such a file, unquoted, is read with a delimiter
    /// it does not hold, where a comma split it into ragged rows.
    static func isColumnOfDecimalCommas(_ records: [[String]]) -> Bool {
        let rows = records.dropFirst(commentRecords(records))
        guard rows.count >= 2, rows.allSatisfy({ $0.count == 1 }) else { return false }
        var commas = 0
        var thousandsLike = 0
        for field in rows.dropFirst().map({ $0[0].trimmingSpaces() }) {
            if field.isEmpty || MissingTokens.defaultTokens.contains(field) { continue }
            guard looksLikeNumberOrDate(field), !field.contains(":"), !field.contains("/") else { return false }
            switch lastSeparatorOfNumber(field) {
            case ","?:
                commas += 1
                if SeparatedDigits(field)?.runs.last == 3 { thousandsLike += 1 }
            case nil: continue
            default: return false
            }
        }
        // Every comma before exactly three digits (`1,273` beside `980`) may group thousands.
        return commas > 0 && thousandsLike < commas
    }

    /// `header` when every field reads as a number or date and one at least is no whole number (a
    /// date, a decimal): a first row of data rather than names; nil otherwise (`2020,2021` may name
    /// years).
    static func headerOfValues(_ header: [String]) -> [String]? {
        guard !header.isEmpty, header.allSatisfy(looksLikeNumberOrDate),
              header.contains(where: { $0.contains { !$0.isNumber && $0 != " " } }) else { return nil }
        return header
    }

    /// The share of the fields of `records` that read as values (`looksLikeNumberOrDate`), in tenths.
    static func valueShare(of records: ArraySlice<[String]>) -> Int {
        var values = 0
        var fields = 0
        for record in records {
            fields += record.count
            values += record.count { looksLikeNumberOrDate($0) }
        }
        return fields == 0 ? 0 : 10 * values / fields
    }

    /// Whether a field reads as a number, a date or a time rather than text: it holds a digit, and
    /// besides digits only signs, points, commas, colons, slashes, spaces, apostrophes (Swiss
    /// thousands), currency and percent signs, and the letters of ISO times and exponents (`T`,
    /// `Z`, `e`). A field holding `;`, a tab or `|` is none: it is two fields run together.
    static func looksLikeNumberOrDate(_ field: String) -> Bool {
        var digit = false
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"),
                 UInt8(ascii: " "), UInt8(ascii: "'"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "\""),
                 UInt8(ascii: "T"), UInt8(ascii: "Z"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            case 0x80...: continue                               // €, £, no-break spaces
            default: return false
            }
        }
        return digit
    }

    /// Whether `records` start with a header of at least two fields and every record is as wide.
    static func isTable(_ records: ArraySlice<[String]>) -> Bool {
        guard let header = records.first, header.count >= 2 else { return false }
        return records.allSatisfy { $0.count == header.count }
    }

    /// The delimiter a spreadsheet names on a first line of its own (`sep=;`, which Excel writes and
    /// reads), and that line's length with its line break; nil when the file does not start so.
    static func separatorHint(in head: [UInt8]) -> (delimiter: UInt8, length: Int)? {
        let prefix = Array("sep=".utf8)
        guard head.count >= 6, head.prefix(4).map({ $0 | 0x20 }) == prefix else { return nil }
        let delimiter = head[4]
        guard candidateDelimiters.contains(delimiter) else { return nil }
        if head[5] == 0x0A { return (delimiter, 6) }
        if head[5] == 0x0D { return (delimiter, head.count > 6 && head[6] == 0x0A ? 7 : 6) }
        return nil
    }

    /// A decimal comma is assumed when the delimiter is not a comma and the sampled numbers use a comma
    /// as their last separator (`3,14`, `1.204,5`) while none uses a dot that way (`3.14`).
    static func detectDecimalSeparator(records: [[String]], delimiter: UInt8) -> UInt8 {
        guard delimiter != UInt8(ascii: ",") else { return UInt8(ascii: ".") }
        var commaVotes = 0
        var dotVotes = 0
        for record in records.dropFirst() {
            for field in record {
                switch lastSeparatorOfNumber(field) {
                case ",": commaVotes += 1
                case ".": dotVotes += 1
                default: break
                }
            }
        }
        return commaVotes > 0 && dotVotes == 0 ? UInt8(ascii: ",") : UInt8(ascii: ".")
    }

    /// How many header records follow the first in a file of several header levels, as Python's
    /// `yfinance` writes prices (`Price,Close,High,…`, then `Ticker,AAPL,AAPL,…`, then `Date,,,…`):
    /// 2 there, else 0. `records` start with the header.
    static func tickerHeaderLevels(_ records: [[String]]) -> Int {
        guard records.count >= 3, records[1].first?.lowercased() == "ticker",
              records[2].first?.lowercased() == "date", records[2].dropFirst().allSatisfy(\.isEmpty) else { return 0 }
        return 2
    }

    /// The thousands separator of a file with a decimal comma: `.` when a sampled number groups its
    /// digits with dots before its comma (`1.205,21`), else a space, which reads plain and no-break
    /// spaces alike (`1 205,21`).
    static func groupSeparatorBeforeDecimalComma(records: [[String]]) -> UInt8 {
        let dotted = records.dropFirst().contains { record in
            record.contains { field in
                guard let digits = SeparatedDigits(field), digits.decimalSeparator == UInt8(ascii: ",") else { return false }
                return digits.separators.contains(UInt8(ascii: "."))
            }
        }
        return dotted ? UInt8(ascii: ".") : 0x20
    }

    /// The decimal separator a number-looking text implies, or nil: `[+-]digits`, optional groups of
    /// three digits after the other separator, then the decimal separator and at least one digit
    /// (`3,14` and `1.204,5` say comma; `3.14` and `1,204.5` say point). Dates such as `28.12.2020`
    /// fit neither shape and do not vote.
    static func lastSeparatorOfNumber(_ text: String) -> Character? {
        SeparatedDigits(text)?.decimalSeparator.map { Character(Unicode.Scalar($0)) }
    }

    /// A number-looking text split into its runs of digits and the single `.` or `,` between them,
    /// after an optional sign and without a currency sign before or after it (as `NumberParsing`
    /// reads them): `-1.204,5` and `€ 1.204,5` are runs [1, 3, 1] and separators [., ,].
    struct SeparatedDigits {
        var runs: [Int]
        var separators: [UInt8]
        /// Whether the first digit is 0.
        var leadingZero: Bool
        /// The digits alone, in order.
        var digits: [UInt8]

        init?(_ text: String) {
            var text = text
            guard let read = text.withUTF8({ Self(raw: UnsafeRawBufferPointer($0)) }) else { return nil }
            self = read
        }

        /// nil for any other character, or for two separators in a row or one at either end. Spaces
        /// and currency signs are those `NumberParsing` reads (`unicodeSpaceLength`, `currencyLength`).
        init?(raw: UnsafeRawBufferPointer) {
            var start = 0
            var end = raw.count
            func trimSpaces() {
                while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
                while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
            }
            func dropSign() -> Bool {
                guard start < end, raw[start] == UInt8(ascii: "-") || raw[start] == UInt8(ascii: "+") else { return false }
                start += 1
                return true
            }
            trimSpaces()
            let signed = dropSign()
            let leading = NumberParsing.currencyLength(raw, at: start, end: end)
            if leading > 0 {
                start += leading
                trimSpaces()
                if !signed { _ = dropSign() }
            } else if let trailing = (1...3).first(where: { end - $0 > start && NumberParsing.currencyLength(raw, at: end - $0, end: end) == $0 }) {
                end -= trailing
                trimSpaces()
            }
            runs = [0]
            separators = []
            digits = []
            leadingZero = start < end && raw[start] == UInt8(ascii: "0")
            var index = start
            while index < end {
                let byte = raw[index]
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    runs[runs.count - 1] += 1
                    digits.append(byte)
                    index += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                    separators.append(byte)
                    runs.append(0)
                    index += 1
                } else {
                    // A space between digits groups them (`1 205,21`, often a no-break space).
                    let space = byte == 0x20 ? 1 : NumberParsing.unicodeSpaceLength(raw, at: index, end: end)
                    guard space > 0 else { return nil }
                    separators.append(0x20)
                    runs.append(0)
                    index += space
                }
            }
            guard runs.allSatisfy({ $0 > 0 }) else { return nil }
        }

        /// The decimal separator the text implies, or nil (see `lastSeparatorOfNumber`): the last
        /// separator, when every one before it is the other character and closes a group of three.
        var decimalSeparator: UInt8? {
            guard let last = separators.last else { return nil }
            for (index, separator) in separators.dropLast().enumerated() {
                guard separator != last, runs[index + 1] == 3 else { return nil }
            }
            return last
        }

        /// The digits as one whole number, separators left out (`1.663` is 1663).
        var wholeValue: Double { Double(String(decoding: digits, as: UTF8.self)) ?? .infinity }
    }
}

/// The first records of a file as text, used to detect the dialect and to look for a time column
/// before the whole file is read.
struct CSVSample {
    /// Parses up to `limit` complete records of `bytes` with libcsv; an incomplete last record (the
    /// sample is cut anywhere) is left out.
    static func records(in bytes: UnsafeRawBufferPointer, delimiter: UInt8, limit: Int) -> [[String]] {
        let collector = Collector(limit: limit)
        guard let parser = try? LibCSVParser(delimiter: delimiter, handler: collector) else { return [] }
        // A sample cut inside a quoted field, or text that is not CSV, simply gives fewer records.
        try? parser.parse(bytes)
        withExtendedLifetime(parser) {}
        return collector.records
    }

    /// Gathers records as trimmed strings, up to a limit.
    private final class Collector: LibCSVHandler {
        let limit: Int
        var records: [[String]] = []
        var current: [String] = []

        init(limit: Int) { self.limit = limit }

        override func field(_ bytes: UnsafeRawBufferPointer, line: Int, plain: Bool) {
            if records.count < limit { current.append(String(decoding: bytes, as: UTF8.self).trimmingSpaces()) }
        }

        override func endRecord(line: Int, fieldCount: Int) {
            if records.count < limit { records.append(current) }
            current.removeAll(keepingCapacity: true)
        }
    }
}
