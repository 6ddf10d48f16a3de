extension DateFormat {
    /// The instant `text` names in this format, or nil when it does not fit the format exactly
    /// (wrong shape, a date that does not exist such as `2021-02-30`, or trailing characters).
    public func parse(_ text: Substring) -> Timestamp? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0) }) {
            return parsed
        }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// The instant `text` names in this format, or nil (see `parse(_: Substring)`).
    public func parse(_ text: String) -> Timestamp? {
        parse(text[...])
    }

    /// The instant the UTF-8 bytes name in this format, or nil. This is the entry point for readers
    /// that hold fields as raw bytes (the CSV reader), so no `String` is made per value.
    public func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var writtenOffset: Int? = nil
        return parse(utf8: bytes, writtenOffset: &writtenOffset)
    }

    /// `parse(utf8:)` that also sets `writtenOffset` to the offset from UTC the text was written
    /// with (seconds east; `Z` is 0), and leaves it nil when the text wrote none: what a reader
    /// needs to read a source's dates on the source's own clock.
    package func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, writtenOffset: inout Int?) -> Timestamp? {
        var cursor = DateTextCursor(bytes)
        guard !cursor.isAtEnd else { return nil }
        switch self {
        case .year:
            guard let year = cursor.number(digits: 4) else { return nil }
            if cursor.consume(UInt8(ascii: ".")) {                 // `1700.0`, as float columns write years
                guard let fraction = cursor.fraction(), fraction == 0 else { return nil }
            }
            guard cursor.isAtEnd else { return nil }
            return Self.timestamp(year: year, month: 1, day: 1)
        case .yearMonth:
            guard let year = cursor.number(digits: 4), cursor.consume(UInt8(ascii: "-")),
                  let month = cursor.number(digits: 2), cursor.isAtEnd else { return nil }
            return Self.timestamp(year: year, month: month, day: 1)
        case .isoDate:
            guard let date = Self.isoDateFields(&cursor), cursor.isAtEnd else { return nil }
            return Self.timestamp(year: date.year, month: date.month, day: date.day)
        case .isoDateTime:
            guard let date = Self.isoDateFields(&cursor) else { return nil }
            return Self.timestamp(date: date, timeTail: &cursor, strictHour: true, writtenOffset: &writtenOffset)
        case .compactDate:
            guard let year = cursor.number(digits: 4), let month = cursor.number(digits: 2),
                  let day = cursor.number(digits: 2), cursor.isAtEnd else { return nil }
            return Self.timestamp(year: year, month: month, day: day)
        case .monthDayYear(let separator), .dayMonthYear(let separator),
             .monthDayShortYear(let separator), .dayMonthShortYear(let separator):
            guard let first = cursor.number(minDigits: 1, maxDigits: 2), cursor.consume(separator.byte),
                  let second = cursor.number(minDigits: 1, maxDigits: 2), cursor.consume(separator.byte),
                  let year = Self.year(&cursor, twoDigits: hasTwoDigitYear) else { return nil }
            let (month, day) = isMonthFirst ? (first, second) : (second, first)
            return Self.timestamp(date: (year, month, day), timeTail: &cursor, strictHour: false, writtenOffset: &writtenOffset)
        case .yearMonthDaySlashed, .yearMonthDayDotted:
            let slash = UInt8(ascii: self == .yearMonthDaySlashed ? "/" : ".")
            guard let year = cursor.number(digits: 4), cursor.consume(slash),
                  let month = cursor.number(minDigits: 1, maxDigits: 2), cursor.consume(slash),
                  let day = cursor.number(minDigits: 1, maxDigits: 2) else { return nil }
            return Self.timestamp(date: (year, month, day), timeTail: &cursor, strictHour: false, writtenOffset: &writtenOffset)
        case .monthNameDayYear:
            guard let key = cursor.wordKey(), let month = EnglishNames.monthByKey[key] else { return nil }
            _ = cursor.consume(UInt8(ascii: "."))
            guard cursor.skipSpaces() > 0, let day = cursor.number(minDigits: 1, maxDigits: 2) else { return nil }
            let comma = cursor.consume(UInt8(ascii: ","))
            guard cursor.skipSpaces() > 0 || comma, let year = cursor.number(digits: 4) else { return nil }
            return Self.timestamp(date: (year, month, day), timeTail: &cursor, strictHour: false, writtenOffset: &writtenOffset)
        case .dayMonthNameYear:
            guard let day = cursor.number(minDigits: 1, maxDigits: 2), Self.nameSeparator(&cursor),
                  let key = cursor.wordKey(), let month = EnglishNames.monthByKey[key] else { return nil }
            _ = cursor.consume(UInt8(ascii: "."))
            guard Self.nameSeparator(&cursor), let year = cursor.number(digits: 4) else { return nil }
            return Self.timestamp(date: (year, month, day), timeTail: &cursor, strictHour: false, writtenOffset: &writtenOffset)
        case .dayMonthNameShortYear:
            guard let day = cursor.number(minDigits: 1, maxDigits: 2), Self.nameSeparator(&cursor),
                  let key = cursor.wordKey(), let month = EnglishNames.monthByKey[key] else { return nil }
            _ = cursor.consume(UInt8(ascii: "."))
            guard Self.nameSeparator(&cursor), let year = Self.year(&cursor, twoDigits: true) else { return nil }
            return Self.timestamp(date: (year, month, day), timeTail: &cursor, strictHour: false, writtenOffset: &writtenOffset)
        case .period(let layout):
            return layout.parse(&cursor)
        case .epochSeconds:
            return Self.epoch(&cursor, unitsPerSecond: 1, maxIntegerDigits: 12)
        case .epochMilliseconds:
            return Self.epoch(&cursor, unitsPerSecond: 1000, maxIntegerDigits: 15)
        case .spreadsheetSerial:
            guard let days = Self.epoch(&cursor, unitsPerSecond: 1.0 / Double(CivilCalendar.secondsPerDay), maxIntegerDigits: 5) else {
                return nil
            }
            return Timestamp(secondsSinceEpoch: (days.secondsSinceEpoch - Self.spreadsheetEpochOffset).rounded())
        case .pattern(let pattern):
            return StrftimePattern.parse(&cursor, pattern: pattern, writtenOffset: &writtenOffset)
        }
    }

    // MARK: - Pieces shared by the formats

    /// A year of four digits, or of two read in `twoDigitYears`.
    @inline(__always)
    static func year(_ cursor: inout DateTextCursor, twoDigits: Bool) -> Int? {
        guard twoDigits else { return cursor.number(digits: 4) }
        return cursor.number(digits: 2).map(year(twoDigits:))
    }

    /// Whether a numeric day/month format writes the month first.
    var isMonthFirst: Bool {
        switch self {
        case .monthDayYear, .monthDayShortYear: return true
        default: return false
        }
    }

    /// Years the parsers accept: the four-digit years of ISO 8601 (year 0 is not a calendar year).
    static let yearRange = 1...9999

    /// A validated midnight timestamp, or nil when the fields name no real date.
    @inline(__always)
    static func timestamp(year: Int, month: Int, day: Int, secondOfDay: Double = 0) -> Timestamp? {
        guard yearRange.contains(year), CivilCalendar.isValid(year: year, month: month, day: day) else {
            return nil
        }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        return Timestamp(secondsSinceEpoch: Double(days * CivilCalendar.secondsPerDay) + secondOfDay)
    }

    /// One dash, or a run of spaces, between a month name and a number.
    @inline(__always)
    static func nameSeparator(_ cursor: inout DateTextCursor) -> Bool {
        cursor.consume(UInt8(ascii: "-")) || cursor.skipSpaces() > 0
    }

    /// `YYYY-MM-DD`, exactly two digits for month and day.
    @inline(__always)
    static func isoDateFields(_ cursor: inout DateTextCursor) -> (year: Int, month: Int, day: Int)? {
        let dash = UInt8(ascii: "-")
        guard let year = cursor.number(digits: 4), cursor.consume(dash),
              let month = cursor.number(digits: 2), cursor.consume(dash),
              let day = cursor.number(digits: 2) else { return nil }
        return (year, month, day)
    }

    /// A date followed by nothing, or by `T`/space, a time of day and an optional offset (put in
    /// `writtenOffset`). `strictHour` asks for ISO's two-digit hour; otherwise one digit and AM/PM
    /// are accepted too.
    static func timestamp(
        date: (year: Int, month: Int, day: Int), timeTail cursor: inout DateTextCursor, strictHour: Bool,
        writtenOffset: inout Int?
    ) -> Timestamp? {
        guard !cursor.isAtEnd else { return timestamp(year: date.year, month: date.month, day: date.day) }
        guard cursor.consume(UInt8(ascii: "T")) || cursor.consume(UInt8(ascii: "t"))
                || cursor.skipSpaces() > 0 else { return nil }
        guard var secondOfDay = timeOfDay(&cursor, strictHour: strictHour) else { return nil }
        if !strictHour, let meridiem = meridiemOffset(&cursor, secondOfDay: secondOfDay) {
            secondOfDay += meridiem
        }
        var offset = 0
        if !cursor.isAtEnd {
            cursor.skipSpaces()
            guard let parsedOffset = utcOffset(&cursor) else { return nil }
            offset = parsedOffset
            writtenOffset = parsedOffset
        }
        guard cursor.isAtEnd else { return nil }
        return timestamp(year: date.year, month: date.month, day: date.day, secondOfDay: secondOfDay)?
            .advanced(by: Double(-offset))
    }

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (also `,fff`) as seconds since midnight.
    static func timeOfDay(_ cursor: inout DateTextCursor, strictHour: Bool) -> Double? {
        let colon = UInt8(ascii: ":")
        guard let hour = cursor.number(minDigits: strictHour ? 2 : 1, maxDigits: 2), hour < 24,
              cursor.consume(colon),
              let minute = cursor.number(digits: 2), minute < 60 else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        if cursor.consume(colon) {
            guard let second = cursor.number(digits: 2), second < 60 else { return nil }
            seconds += Double(second)
            if cursor.consume(UInt8(ascii: ".")) || cursor.consume(UInt8(ascii: ",")) {
                guard let fraction = cursor.fraction() else { return nil }
                seconds += fraction
            }
        }
        return seconds
    }

    /// An optional ` AM`/` PM` after a 12-hour time: the seconds to add (−12 h for 12 AM,
    /// +12 h for 1–11 PM), or nil when there is none. An invalid hour leaves the marker unread,
    /// so the value then fails as trailing text.
    static func meridiemOffset(_ cursor: inout DateTextCursor, secondOfDay: Double) -> Double? {
        var lookahead = cursor
        lookahead.skipSpaces()
        guard let key = lookahead.wordKey() else { return nil }
        let hour = Int(secondOfDay) / 3600
        guard hour >= 1, hour <= 12 else { return nil }
        let offset: Double
        if key == meridiemKeys.am {
            offset = hour == 12 ? -43_200 : 0
        } else if key == meridiemKeys.pm {
            offset = hour == 12 ? 0 : 43_200
        } else {
            return nil
        }
        cursor = lookahead
        return offset
    }

    static let meridiemKeys = (am: DateTextCursor.key(of: "am"), pm: DateTextCursor.key(of: "pm"))
    static let zoneKeys = (utc: DateTextCursor.key(of: "utc"), gmt: DateTextCursor.key(of: "gmt"))

    /// `Z`, `±HH`, `±HH:MM` or `±HHMM` as seconds east of UTC; also after `UTC` or `GMT`, which
    /// alone mean UTC (`GMT+0100`, as Dukascopy writes local times).
    static func utcOffset(_ cursor: inout DateTextCursor) -> Int? {
        if cursor.consume(UInt8(ascii: "Z")) || cursor.consume(UInt8(ascii: "z")) { return 0 }
        var lookahead = cursor
        var named = false
        if let key = lookahead.wordKey(), key == zoneKeys.utc || key == zoneKeys.gmt {
            cursor = lookahead
            if cursor.isAtEnd { return 0 }
            named = true
        }
        let sign: Int
        if cursor.consume(UInt8(ascii: "+")) {
            sign = 1
        } else if cursor.consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        // After a zone's name the hour may have one digit (`GMT+1`).
        guard let hours = cursor.number(minDigits: named ? 1 : 2, maxDigits: 2), hours <= 14 else { return nil }
        var minutes = 0
        if cursor.consume(UInt8(ascii: ":")) {
            guard let parsed = cursor.number(digits: 2), parsed < 60 else { return nil }
            minutes = parsed
        } else if let parsed = cursor.number(digits: 2) {
            guard parsed < 60 else { return nil }
            minutes = parsed
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// `[-]digits[.digits]` counted in `1 / unitsPerSecond` seconds, limited to years 1 … 9999.
    static func epoch(_ cursor: inout DateTextCursor, unitsPerSecond: Double, maxIntegerDigits: Int) -> Timestamp? {
        let negative = cursor.consume(UInt8(ascii: "-"))
        if !negative { _ = cursor.consume(UInt8(ascii: "+")) }
        let digitsStart = cursor.position
        guard let whole = cursor.number(minDigits: 1, maxDigits: maxIntegerDigits) else { return nil }
        var value = Double(whole)
        if cursor.consume(UInt8(ascii: ".")) {
            guard cursor.fraction() != nil else { return nil }
            // The digits, checked above, read as one decimal number by the standard library's
            // correctly rounded conversion: a whole part plus a fraction summed digit by digit is
            // off by an ulp (`0.962` read as 0.9620000000000001), which `string(from:)` then wrote
            // out, so a value did not read back as itself.
            let text = String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[digitsStart ..< cursor.position]), as: UTF8.self)
            guard let exact = Double(text) else { return nil }
            value = exact
        }
        guard cursor.isAtEnd else { return nil }
        let seconds = (negative ? -value : value) / unitsPerSecond
        guard seconds >= epochSecondsRange.lowerBound, seconds < epochSecondsRange.upperBound else { return nil }
        return Timestamp(secondsSinceEpoch: seconds)
    }

    /// Day number 0 of spreadsheets, 1899-12-30, in seconds before 1970-01-01 (day 25569).
    static let spreadsheetEpochOffset = Double(25_569 * CivilCalendar.secondsPerDay)

    /// 0001-01-01T00:00:00Z ..< 10000-01-01T00:00:00Z in seconds since the epoch.
    static let epochSecondsRange: Range<Double> =
        Double(CivilCalendar.days(year: 1, month: 1, day: 1) * CivilCalendar.secondsPerDay)
        ..< Double(CivilCalendar.days(year: 10_000, month: 1, day: 1) * CivilCalendar.secondsPerDay)
}
