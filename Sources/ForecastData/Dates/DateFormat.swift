/// How a column writes its dates and times.
///
/// Every case has a hand-written parser over UTF-8 bytes (no `DateFormatter`: it is slow and reads
/// the machine's locale) and a formatter that writes timestamps back the same way, so forecasts
/// come out dated like the input. All results are UTC; explicit offsets are applied when parsing.
///
/// Numeric day/month formats (`monthDayYear`, `dayMonthYear`, `yearMonthDaySlashed`, `yearMonthDayDotted`) and
/// `monthNameDayYear` also accept a time of day after a space or `T` (`HH:MM`, `HH:MM:SS`, fraction),
/// as exported by spreadsheets. Leading and trailing spaces are ignored by every format.
public enum DateFormat: Hashable, Sendable, CustomStringConvertible {
    /// `YYYY`, a year (the timestamp is 1 January, midnight UTC). `1700.0` is read too, since
    /// years in a column of floating-point numbers are often written so.
    case year
    /// `YYYY-MM`, a month (the timestamp is the 1st of the month).
    case yearMonth
    /// `YYYY-MM-DD`, a day, and nothing else.
    case isoDate
    /// ISO 8601 date and time: `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`,
    /// `.fraction`, and an offset `Z`, `±HH`, `±HH:MM` or `±HHMM` (converted to UTC; none means UTC).
    case isoDateTime
    /// `YYYYMMDD`, eight digits.
    case compactDate
    /// `M/D/YYYY` (US order) with the given separator; one or two digits for month and day.
    case monthDayYear(DateSeparator)
    /// `D/M/YYYY` (European order) with the given separator; one or two digits for day and month.
    case dayMonthYear(DateSeparator)
    /// `YYYY/MM/DD`.
    case yearMonthDaySlashed
    /// `YYYY.MM.DD`, as MetaTrader exports bars (`2024.01.02`, optionally `2024.01.02 09:30`).
    case yearMonthDayDotted
    /// `Mon D YYYY`: English month name, abbreviated (`Jan`, `Sept`, optional `.`) or full
    /// (`January`), day, optional comma, year: `Jan 1 2000`, `Jan 1, 2000`, `January 1, 2000`.
    case monthNameDayYear
    /// `D Mon YYYY`: day, English month name (abbreviated or full), year, separated by spaces or
    /// dashes: `14 Mar 2021`, `14-Mar-2021`, `14 March 2021`.
    case dayMonthNameYear
    /// `M/D/YY` (US order, two-digit year) with the given separator, as spreadsheets export short
    /// dates (`1/4/21`); the century follows `twoDigitYears`.
    case monthDayShortYear(DateSeparator)
    /// `D/M/YY` (European order, two-digit year) with the given separator (`04.01.21`).
    case dayMonthShortYear(DateSeparator)
    /// `D Mon YY`: day, English month name, two-digit year, separated by spaces or dashes
    /// (`4-Jan-21`, a spreadsheet's `d-mmm-yy`).
    case dayMonthNameShortYear
    /// A month, quarter or fiscal year without a day (`2019-Q1`, `Jan-2020`, `2020M01`, `FY2015`),
    /// dated by its first day.
    case period(PeriodLayout)
    /// Seconds since 1970-01-01T00:00:00Z, an integer or a decimal number, optionally signed.
    case epochSeconds
    /// Milliseconds since 1970-01-01T00:00:00Z, as written by JavaScript and many loggers.
    case epochMilliseconds
    /// A spreadsheet's day number: days since 1899-12-30 (`45293` is 2024-01-02), a fraction for
    /// the time of day (rounded to the second), as Excel and LibreOffice store dates and export
    /// them from cells formatted as numbers.
    case spreadsheetSerial
    /// A strftime/strptime-style pattern such as `%d.%m.%Y %H:%M`. Supported directives:
    /// `%Y` (4-digit year), `%y` (2-digit year, in `twoDigitYears`), `%m`, `%d`,
    /// `%e`, `%H`, `%I` with `%p` (AM/PM), `%M`, `%S`, `%f` (fraction digits), `%j` (day of year),
    /// `%b`/`%h`/`%B` (English month name, any form), `%a`/`%A` (weekday name, read and ignored),
    /// `%z` (offset or `Z`), `%s` (epoch seconds), `%F` (= `%Y-%m-%d`), `%T` (= `%H:%M:%S`),
    /// `%D` (= `%m/%d/%y`), `%%`. A space in the pattern matches any run of spaces (also none).
    /// Fields the pattern lacks default to 1970-01-01 00:00:00 UTC. Check a user's pattern with
    /// `unsupportedDirective(inPattern:)`: unknown directives never parse.
    case pattern(String)

    /// The formats that detection tries, in precedence order (see `detect(in:)`).
    /// `pattern` is never detected: it is what the user passes when detection cannot decide.
    public static let detectable: [DateFormat] = [
        .year, .compactDate, .epochSeconds, .epochMilliseconds, .spreadsheetSerial,
        .isoDate, .yearMonth, .isoDateTime, .yearMonthDaySlashed, .yearMonthDayDotted, .monthNameDayYear,
        .dayMonthNameYear, .monthDayYear(.slash), .dayMonthYear(.slash),
        .monthDayYear(.dash), .dayMonthYear(.dash),
        .monthDayYear(.dot), .dayMonthYear(.dot),
        .dayMonthNameShortYear, .monthDayShortYear(.slash), .dayMonthShortYear(.slash),
        .monthDayShortYear(.dash), .dayMonthShortYear(.dash),
        .monthDayShortYear(.dot), .dayMonthShortYear(.dot),
    ] + PeriodLayout.detectable.map(DateFormat.period)

    /// The years a two-digit year names: `00`–`29` are 2000–2029 and `30`–`99` are 1930–1999, the
    /// default of Excel and LibreOffice (Microsoft KB 214391, "How Excel works with two-digit year
    /// numbers"), the programs that write most files with such years. POSIX `strptime` puts the
    /// turn at 69; a series of the 1940s to the 1960s would then be dated in the future.
    public static let twoDigitYears = 1930...2029

    /// The year `twoDigits` (0…99) names, in `twoDigitYears`.
    @inline(__always)
    static func year(twoDigits: Int) -> Int {
        let century = twoDigitYears.lowerBound / 100 * 100
        let year = century + twoDigits
        return year < twoDigitYears.lowerBound ? year + 100 : year
    }

    /// Whether the format writes years with two digits (and so guesses their century).
    public var hasTwoDigitYear: Bool {
        switch self {
        case .monthDayShortYear, .dayMonthShortYear, .dayMonthNameShortYear: return true
        case .period(let layout): return layout.hasTwoDigitYear
        case .pattern(let pattern): return pattern.contains("%y")
        default: return false
        }
    }

    /// The separator of a numeric day, month and year format; nil for the others.
    var separator: DateSeparator? {
        switch self {
        case .monthDayYear(let separator), .dayMonthYear(let separator), .monthDayShortYear(let separator),
             .dayMonthShortYear(let separator): return separator
        default: return nil
        }
    }

    /// A human description naming the layout, for messages and `tsf inspect`.
    public var description: String {
        switch self {
        case .year: return "ISO 8601 year (YYYY)"
        case .yearMonth: return "ISO 8601 month (YYYY-MM)"
        case .isoDate: return "ISO 8601 date (YYYY-MM-DD)"
        case .isoDateTime: return "ISO 8601 date and time (YYYY-MM-DDTHH:MM:SS, optional offset)"
        case .compactDate: return "compact date (YYYYMMDD)"
        case .monthDayYear(let separator): return "month/day/year (M\(separator.rawValue)D\(separator.rawValue)YYYY)"
        case .dayMonthYear(let separator): return "day/month/year (D\(separator.rawValue)M\(separator.rawValue)YYYY)"
        case .yearMonthDaySlashed: return "year/month/day (YYYY/MM/DD)"
        case .yearMonthDayDotted: return "year.month.day (YYYY.MM.DD)"
        case .monthNameDayYear: return "month name, day, year (Mon D YYYY)"
        case .dayMonthNameYear: return "day, month name, year (D Mon YYYY)"
        case .monthDayShortYear(let separator): return "month/day/two-digit year (M\(separator.rawValue)D\(separator.rawValue)YY)"
        case .dayMonthShortYear(let separator): return "day/month/two-digit year (D\(separator.rawValue)M\(separator.rawValue)YY)"
        case .dayMonthNameShortYear: return "day, month name, two-digit year (D-Mon-YY)"
        case .period(let layout): return layout.description
        case .epochSeconds: return "Unix time in seconds"
        case .epochMilliseconds: return "Unix time in milliseconds"
        case .spreadsheetSerial: return "spreadsheet day number (days since 1899-12-30)"
        case .pattern(let pattern): return "pattern \(pattern)"
        }
    }
}
