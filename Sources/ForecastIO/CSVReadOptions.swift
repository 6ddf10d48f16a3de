import ForecastData

/// What to do when two rows carry the same timestamp.
public enum DuplicateTimestampRule: String, CaseIterable, Sendable {
    /// Stop with an error naming the timestamp and both lines (the default: duplicates usually mean
    /// a long-format file or a bad export, and silently choosing would hide that).
    case error
    /// Keep the row that comes first in the file.
    case first
    /// Keep the row that comes last in the file (a later correction of the same day).
    case last
}

/// Everything a user may tell the reader; every field left at its default is detected or has a
/// documented default, so that a typical download reads with no option at all.
public struct CSVReadOptions: Sendable {
    /// The field delimiter; nil detects it among `,` `;` tab `|`.
    public var delimiter: UInt8?
    /// `.` or `,`; nil detects a decimal comma in files whose delimiter is not a comma.
    public var decimalSeparator: UInt8?
    /// A thousands separator to accept inside numbers (`1,204,300`); nil accepts none.
    public var thousandsSeparator: UInt8?
    /// Texts that mean a missing value.
    public var missingTokens: MissingTokens
    /// The time column's name; nil finds it by name or content.
    public var dateColumn: String?
    /// The time column's format; nil detects it from the whole column.
    public var dateFormat: DateFormat?
    /// What to do with rows that share a timestamp.
    public var duplicates: DuplicateTimestampRule
    /// For long-format files: the column naming the series of each row…
    public var idColumn: String?
    /// …and the series to keep.
    public var series: String?
    /// What to do with missing values in the columns a command uses: by default interior gaps are
    /// filled by linear interpolation and leading or trailing missing rows dropped, each counted in
    /// a warning (a daily economic series with `.` on holidays forecasts rather than stops); `.error`
    /// restores the strict reading.
    public var missingPolicy: MissingValuePolicy
    /// The exchange whose sessions a trading-day series (or intraday bars in sessions) follows; nil detects it from the weekdays
    /// the file lacks (`ExchangeDetection`), and keeps Monday to Friday when none fits.
    public var exchange: ExchangeCalendar.Code?

    public init(
        delimiter: UInt8? = nil,
        decimalSeparator: UInt8? = nil,
        thousandsSeparator: UInt8? = nil,
        missingTokens: MissingTokens = .default,
        dateColumn: String? = nil,
        dateFormat: DateFormat? = nil,
        duplicates: DuplicateTimestampRule = .error,
        idColumn: String? = nil,
        series: String? = nil,
        missingPolicy: MissingValuePolicy = .linear,
        exchange: ExchangeCalendar.Code? = nil
    ) {
        self.delimiter = delimiter
        self.decimalSeparator = decimalSeparator
        self.thousandsSeparator = thousandsSeparator
        self.missingTokens = missingTokens
        self.dateColumn = dateColumn
        self.dateFormat = dateFormat
        self.duplicates = duplicates
        self.idColumn = idColumn
        self.series = series
        self.missingPolicy = missingPolicy
        self.exchange = exchange
    }

    /// Reads a separator option as users type it: one ASCII character, or `tab`/`\t`.
    public static func separatorByte(_ text: String) -> UInt8? {
        switch text {
        case "tab", "\\t", "\t": return 0x09
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte != UInt8(ascii: "\"") else { return nil }
            return byte
        }
    }

    /// The byte of a thousands separator as a user types it: as `separatorByte`, and a no-break,
    /// narrow no-break or thin space as a space, which reads them all (`NumberParsing`).
    public static func thousandsSeparatorByte(_ text: String) -> UInt8? {
        ["\u{00A0}", "\u{202F}", "\u{2009}"].contains(text) ? 0x20 : separatorByte(text)
    }

    /// Checks options that only make sense together.
    func validate() throws(CSVReadError) {
        if (idColumn == nil) != (series == nil) {
            throw .invalidOption(.idColumnAndSeriesApart)
        }
        if let decimalSeparator, decimalSeparator != UInt8(ascii: "."), decimalSeparator != UInt8(ascii: ",") {
            throw .invalidOption(.decimalSeparator(decimalSeparator))
        }
        if case .pattern(let pattern) = dateFormat, !pattern.contains("%") {
            throw .invalidOption(.dateFormatWithoutDirective(pattern: pattern))
        }
    }

    /// The plan's series filter, resolved against the header.
    func seriesFilter(in context: CSVHeaderContext) throws(CSVReadError) -> (column: Int, value: String)? {
        guard let idColumn, let series else { return nil }
        return (try context.index(of: idColumn), series)
    }
}
