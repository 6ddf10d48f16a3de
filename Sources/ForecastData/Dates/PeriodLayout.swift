/// How a column names months, quarters or fiscal years without a day: `2019-Q1`, `Q1 2019`,
/// `Jan-2020`, `Jan-20`, `2020M01`, `2020/01`, `01/2020`, `FY2015`, `FY15`. Statistics offices (OECD, Eurostat, the
/// IMF) and spreadsheets (`mmm-yy`) write periods so; each is dated by its first day, so that the
/// calendar is monthly, quarterly or yearly, and forecasts are written back the same way.
public enum PeriodLayout: Hashable, Sendable, CaseIterable {
    /// `2019-Q1`: year, dash, `Q` (either case) and the quarter.
    case yearDashQuarter
    /// `2019Q1`.
    case yearQuarter
    /// `2019 Q1`.
    case yearSpaceQuarter
    /// `Q1 2019`.
    case quarterSpaceYear
    /// `Q1-2019`.
    case quarterDashYear
    /// `Jan-2020`, `January-2020`: an English month name, dash, year.
    case monthNameDashYear
    /// `Jan 2020`, `January 2020`.
    case monthNameSpaceYear
    /// `Jan-20`: a spreadsheet's `mmm-yy`, the year in `DateFormat.twoDigitYears`.
    case monthNameDashShortYear
    /// `2020M01`, `2020M1`: year, `M`, month, as the IMF and Eurostat write months.
    case yearLetterMonth
    /// `2020/01`, `2020/1`.
    case yearSlashMonth
    /// `01/2020`, `1/2020`: a spreadsheet's `mm/yyyy`.
    case monthSlashYear
    /// `01-2020`, `1-2020`.
    case monthDashYear
    /// `FY2015`, `FY 2015`: a fiscal year, dated 1 January of its year (a fiscal year ends in
    /// different months for different bodies; the series is yearly either way).
    case fiscalYear
    /// `FY21`, `FY 21`: a fiscal year with two digits, in `DateFormat.twoDigitYears`.
    case fiscalShortYear

    /// The layouts detection tries, in this order.
    public static let detectable: [PeriodLayout] = allCases

    /// How the layout is named in messages and `tsf inspect`.
    public var description: String {
        switch self {
        case .yearDashQuarter: return "year and quarter (2019-Q1)"
        case .yearQuarter: return "year and quarter (2019Q1)"
        case .yearSpaceQuarter: return "year and quarter (2019 Q1)"
        case .quarterSpaceYear: return "quarter and year (Q1 2019)"
        case .quarterDashYear: return "quarter and year (Q1-2019)"
        case .monthNameDashYear: return "month name and year (Jan-2020)"
        case .monthNameSpaceYear: return "month name and year (Jan 2020)"
        case .monthNameDashShortYear: return "month name and two-digit year (Jan-20)"
        case .yearLetterMonth: return "year and month (2020M01)"
        case .yearSlashMonth: return "year and month (2020/01)"
        case .monthSlashYear: return "month and year (01/2020)"
        case .monthDashYear: return "month and year (01-2020)"
        case .fiscalYear: return "fiscal year (FY2015)"
        case .fiscalShortYear: return "fiscal year, two digits (FY15)"
        }
    }

    /// Whether the layout writes years with two digits.
    public var hasTwoDigitYear: Bool { self == .monthNameDashShortYear || self == .fiscalShortYear }

    /// The first day of the period the text names, or nil (trailing characters included).
    func parse(_ cursor: inout DateTextCursor) -> Timestamp? {
        let dash = UInt8(ascii: "-")
        let year: Int
        let month: Int
        switch self {
        case .yearDashQuarter, .yearQuarter, .yearSpaceQuarter:
            guard let read = cursor.number(digits: 4) else { return nil }
            switch self {
            case .yearDashQuarter: guard cursor.consume(dash) else { return nil }
            case .yearSpaceQuarter: guard cursor.skipSpaces() > 0 else { return nil }
            default: break
            }
            guard let quarter = Self.quarter(&cursor) else { return nil }
            (year, month) = (read, quarter * 3 - 2)
        case .quarterSpaceYear, .quarterDashYear:
            guard let quarter = Self.quarter(&cursor) else { return nil }
            guard self == .quarterDashYear ? cursor.consume(dash) : cursor.skipSpaces() > 0,
                  let read = cursor.number(digits: 4) else { return nil }
            (year, month) = (read, quarter * 3 - 2)
        case .monthNameDashYear, .monthNameSpaceYear, .monthNameDashShortYear:
            guard let key = cursor.wordKey(), let name = EnglishNames.monthByKey[key] else { return nil }
            _ = cursor.consume(UInt8(ascii: "."))
            guard self == .monthNameSpaceYear ? cursor.skipSpaces() > 0 : cursor.consume(dash) else { return nil }
            guard let read = DateFormat.year(&cursor, twoDigits: hasTwoDigitYear) else { return nil }
            (year, month) = (read, name)
        case .yearLetterMonth, .yearSlashMonth:
            guard let read = cursor.number(digits: 4),
                  self == .yearSlashMonth ? cursor.consume(UInt8(ascii: "/"))
                      : cursor.consume(UInt8(ascii: "M")) || cursor.consume(UInt8(ascii: "m")),
                  let number = cursor.number(minDigits: 1, maxDigits: 2) else { return nil }
            (year, month) = (read, number)
        case .monthSlashYear, .monthDashYear:
            guard let number = cursor.number(minDigits: 1, maxDigits: 2),
                  cursor.consume(self == .monthSlashYear ? UInt8(ascii: "/") : dash),
                  let read = cursor.number(digits: 4) else { return nil }
            (year, month) = (read, number)
        case .fiscalYear, .fiscalShortYear:
            guard cursor.consume(UInt8(ascii: "F")) || cursor.consume(UInt8(ascii: "f")),
                  cursor.consume(UInt8(ascii: "Y")) || cursor.consume(UInt8(ascii: "y")) else { return nil }
            cursor.skipSpaces()
            guard let read = DateFormat.year(&cursor, twoDigits: hasTwoDigitYear) else { return nil }
            (year, month) = (read, 1)
        }
        guard cursor.isAtEnd else { return nil }
        return DateFormat.timestamp(year: year, month: month, day: 1)
    }

    /// `Q` or `q` and a quarter from 1 to 4.
    private static func quarter(_ cursor: inout DateTextCursor) -> Int? {
        guard cursor.consume(UInt8(ascii: "Q")) || cursor.consume(UInt8(ascii: "q")),
              let quarter = cursor.number(digits: 1), (1...4).contains(quarter) else { return nil }
        return quarter
    }

    /// The period holding `civil`, written in this layout (`2019-Q1`, `Jan-2020`, `2020M01`).
    func string(from civil: CivilDateTime) -> String {
        let year = DateFormat.padded(civil.year, width: 4)
        let quarter = "Q\((civil.month - 1) / 3 + 1)"
        let name = EnglishNames.monthAbbreviations[civil.month - 1]
        switch self {
        case .yearDashQuarter: return "\(year)-\(quarter)"
        case .yearQuarter: return "\(year)\(quarter)"
        case .yearSpaceQuarter: return "\(year) \(quarter)"
        case .quarterSpaceYear: return "\(quarter) \(year)"
        case .quarterDashYear: return "\(quarter)-\(year)"
        case .monthNameDashYear: return "\(name)-\(year)"
        case .monthNameSpaceYear: return "\(name) \(year)"
        case .monthNameDashShortYear: return "\(name)-\(DateFormat.shortYear(civil.year))"
        case .yearLetterMonth: return "\(year)M\(DateFormat.padded(civil.month, width: 2))"
        case .yearSlashMonth: return "\(year)/\(DateFormat.padded(civil.month, width: 2))"
        case .monthSlashYear: return "\(DateFormat.padded(civil.month, width: 2))/\(year)"
        case .monthDashYear: return "\(DateFormat.padded(civil.month, width: 2))-\(year)"
        case .fiscalYear: return "FY\(year)"
        case .fiscalShortYear: return "FY\(DateFormat.shortYear(civil.year))"
        }
    }
}
