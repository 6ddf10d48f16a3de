extension DateFormat {
    /// `timestamp` written in this format (UTC), so that output dates look like the input's.
    ///
    /// Where a format allows several spellings, one is chosen: numeric day/month formats are
    /// zero-padded (`03/07/2021`), `monthNameDayYear` writes `Mar 7, 2021`, `dayMonthNameYear`
    /// writes `7 Mar 2021` (`dayMonthNameShortYear` `7-Mar-21`), and a time of day
    /// is added (` HH:MM:SS`) only when it is not midnight. `isoDateTime` always writes
    /// `YYYY-MM-DDTHH:MM:SS` with the fraction when there is one and `Z`, because offsets in the
    /// input were converted to UTC. Formats coarser than the timestamp drop the finer fields:
    /// `year` writes only the year.
    public func string(from timestamp: Timestamp) -> String {
        let civil = timestamp.civil
        let date4 = Self.padded(civil.year, width: 4)
        let month2 = Self.padded(civil.month, width: 2)
        let day2 = Self.padded(civil.day, width: 2)
        switch self {
        case .year:
            return date4
        case .yearMonth:
            return "\(date4)-\(month2)"
        case .isoDate:
            return "\(date4)-\(month2)-\(day2)"
        case .isoDateTime:
            return "\(date4)-\(month2)-\(day2)T\(Self.clockTime(civil))Z"
        case .compactDate:
            return "\(date4)\(month2)\(day2)"
        case .monthDayYear(let separator), .dayMonthYear(let separator),
             .monthDayShortYear(let separator), .dayMonthShortYear(let separator):
            let s = separator.rawValue
            let (first, second) = isMonthFirst ? (month2, day2) : (day2, month2)
            let year = hasTwoDigitYear ? Self.shortYear(civil.year) : date4
            return "\(first)\(s)\(second)\(s)\(year)" + Self.timeSuffix(civil)
        case .dayMonthNameShortYear:
            return "\(civil.day)-\(EnglishNames.monthAbbreviations[civil.month - 1])-\(Self.shortYear(civil.year))" + Self.timeSuffix(civil)
        case .yearMonthDaySlashed:
            return "\(date4)/\(month2)/\(day2)" + Self.timeSuffix(civil)
        case .yearMonthDayDotted:
            return "\(date4).\(month2).\(day2)" + Self.timeSuffix(civil)
        case .monthNameDayYear:
            return "\(EnglishNames.monthAbbreviations[civil.month - 1]) \(civil.day), \(date4)" + Self.timeSuffix(civil)
        case .dayMonthNameYear:
            return "\(civil.day) \(EnglishNames.monthAbbreviations[civil.month - 1]) \(date4)" + Self.timeSuffix(civil)
        case .period(let layout):
            return layout.string(from: civil)
        case .epochSeconds:
            return Self.decimal(timestamp.secondsSinceEpoch)
        case .epochMilliseconds:
            return Self.decimal((timestamp.secondsSinceEpoch * 1000).rounded())
        case .spreadsheetSerial:
            let days = (timestamp.secondsSinceEpoch + Self.spreadsheetEpochOffset) / Double(CivilCalendar.secondsPerDay)
            return Self.decimal((days * 1e6).rounded() / 1e6)
        case .pattern(let pattern):
            return StrftimePattern.format(timestamp, pattern: pattern)
        }
    }

    /// A year in two digits where they read back as the same year (`twoDigitYears`), in four where
    /// they would not.
    static func shortYear(_ year: Int) -> String {
        padded(twoDigitYears.contains(year) ? year % 100 : year, width: twoDigitYears.contains(year) ? 2 : 4)
    }

    /// A non-negative integer with leading zeros to `width` digits (a leading `-` when negative).
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(abs(value))
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// `HH:MM:SS`, with up to six fraction digits (trailing zeros dropped) when there is a fraction.
    static func clockTime(_ civil: CivilDateTime) -> String {
        var micro = Int((civil.second * 1e6).rounded())
        var wholeSecond = micro / 1_000_000
        micro %= 1_000_000
        if wholeSecond > 59 { wholeSecond = 59; micro = 999_999 }   // never print second 60
        var text = "\(padded(civil.hour, width: 2)):\(padded(civil.minute, width: 2)):\(padded(wholeSecond, width: 2))"
        if micro > 0 {
            var fraction = padded(micro, width: 6)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += ".\(fraction)"
        }
        return text
    }

    /// ` HH:MM:SS` for times after midnight, nothing at midnight.
    static func timeSuffix(_ civil: CivilDateTime) -> String {
        civil.isMidnight ? "" : " " + clockTime(civil)
    }

    /// A number as an integer when whole, otherwise with its shortest exact decimal digits, always
    /// in plain positional notation: the epoch parsers read no exponent, and the standard library
    /// writes one below 1e-4 (`1.11e-07`), so a value such as 0.000000111 did not read back.
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return positional(String(value))
    }

    /// `text` as the standard library writes a finite Double, with an exponent (`-1.11e-07`,
    /// `1.5e+16`) rewritten without one (`-0.000000111`, `15000000000000000`).
    static func positional(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        var mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = String(mantissa.filter { $0 != "." })
        // The decimal point moves from after `point` digits by the exponent.
        let position = point + exponent
        var result: String
        if position <= 0 {
            result = "0." + String(repeating: "0", count: -position) + digits
        } else if position >= digits.count {
            result = digits + String(repeating: "0", count: position - digits.count)
        } else {
            digits.insert(".", at: digits.index(digits.startIndex, offsetBy: position))
            result = digits
        }
        while result.contains("."), result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return negative ? "-" + result : result
    }
}
