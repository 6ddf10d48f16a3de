extension DateFormat {
    /// The first directive in a strftime pattern that `pattern` formats cannot read (`"%Q"`, or
    /// `"%"` for a lone percent sign at the end), or nil when the pattern is fully supported.
    public static func unsupportedDirective(inPattern pattern: String) -> String? {
        StrftimePattern.firstUnsupportedDirective(in: pattern)
    }

    /// The format a user names on the command line (`--date-format`).
    ///
    /// Text containing `%` is a strftime pattern (checked for unsupported directives). Otherwise
    /// a layout name, case-insensitive: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or `iso`, `date`),
    /// `iso-datetime` (or `YYYY-MM-DDTHH:MM:SS`), `YYYYMMDD`, `M/D/YYYY` (or `MM/DD/YYYY`, also
    /// with `-` or `.`), `D/M/YYYY` (or `DD/MM/YYYY`, also with `-` or `.`), `YYYY/MM/DD`,
    /// `Mon D YYYY`, `D Mon YYYY` (or `DD-MON-YYYY`), `epoch` (or `unix`, `epoch-s`), `epoch-ms`.
    public init(argument: String) throws(DateFormatError) {
        if argument.contains("%") {
            if let directive = Self.unsupportedDirective(inPattern: argument) {
                throw .unsupportedDirective(pattern: argument, directive: directive)
            }
            self = .pattern(argument)
            return
        }
        let upper = argument.uppercased()
        let name = String(upper.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        switch name {
        case "YYYY": self = .year
        case "YYYY-MM": self = .yearMonth
        case "YYYY-MM-DD", "ISO", "DATE", "ISO-DATE": self = .isoDate
        case "ISO-DATETIME", "DATETIME", "YYYY-MM-DDTHH:MM:SS", "YYYY-MM-DD HH:MM:SS", "ISO8601": self = .isoDateTime
        case "YYYYMMDD": self = .compactDate
        case "YYYY/MM/DD", "YYYY/M/D": self = .yearMonthDaySlashed
        case "MON D YYYY", "MON D, YYYY", "MON DD YYYY", "MON DD, YYYY": self = .monthNameDayYear
        case "D MON YYYY", "DD MON YYYY", "D-MON-YYYY", "DD-MON-YYYY": self = .dayMonthNameYear
        case "EPOCH", "UNIX", "EPOCH-S", "UNIX-S": self = .epochSeconds
        case "EPOCH-MS", "UNIX-MS": self = .epochMilliseconds
        default:
            for separator in DateSeparator.allCases {
                let s = separator.rawValue
                if name == "M\(s)D\(s)YYYY" || name == "MM\(s)DD\(s)YYYY" {
                    self = .monthDayYear(separator)
                    return
                }
                if name == "D\(s)M\(s)YYYY" || name == "DD\(s)MM\(s)YYYY" {
                    self = .dayMonthYear(separator)
                    return
                }
            }
            throw .unknownFormat(argument)
        }
    }
}
