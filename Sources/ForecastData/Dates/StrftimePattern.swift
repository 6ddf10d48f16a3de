/// Reading and writing dates with strftime/strptime-style patterns (`%d.%m.%Y %H:%M`).
///
/// The pattern is interpreted directly while scanning the value, with no compiled form to cache,
/// so `DateFormat.pattern` stays a plain `Hashable` value and parsing allocates nothing.
/// Directive meanings follow POSIX `strptime`/`strftime`; the supported set is listed on
/// `DateFormat.pattern`. Fields a pattern lacks default to 1970-01-01 00:00:00 UTC.
enum StrftimePattern {
    /// The directive letters that `parse` and `format` understand.
    static let supportedDirectives: Set<Character> = [
        "Y", "y", "m", "d", "e", "H", "I", "p", "M", "S", "f", "j", "b", "h", "B", "a", "A",
        "z", "s", "F", "T", "D", "%",
    ]

    /// The first unsupported directive in `pattern` (or "%" for a dangling percent sign), or nil.
    static func firstUnsupportedDirective(in pattern: String) -> String? {
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else { continue }
            guard let directive = iterator.next() else { return "%" }
            if !supportedDirectives.contains(directive) { return "%\(directive)" }
        }
        return nil
    }

    /// Fields collected while a value is read.
    private struct Fields {
        var year = 1970
        var month = 1
        var day = 1
        var dayOfYear: Int?
        var hour = 0
        var minute = 0
        var second = 0.0
        var isPM: Bool?
        var offset = 0
        /// Whether `%z` read an offset (a `Z` too).
        var hasOffset = false
        var epochSeconds: Double?
    }

    /// The instant `cursor` holds in `pattern`; `writtenOffset` is set to what `%z` read.
    static func parse(_ cursor: inout DateTextCursor, pattern: String, writtenOffset: inout Int?) -> Timestamp? {
        if let parsed = pattern.utf8.withContiguousStorageIfAvailable({ parse(&cursor, pattern: $0, writtenOffset: &writtenOffset) }) {
            return parsed
        }
        let copy = Array(pattern.utf8)
        return copy.withUnsafeBufferPointer { parse(&cursor, pattern: $0, writtenOffset: &writtenOffset) }
    }

    private static func parse(_ cursor: inout DateTextCursor, pattern: UnsafeBufferPointer<UInt8>, writtenOffset: inout Int?) -> Timestamp? {
        var fields = Fields()
        guard read(&cursor, pattern: pattern, into: &fields), cursor.isAtEnd else { return nil }
        if let epoch = fields.epochSeconds {
            return Timestamp(secondsSinceEpoch: epoch)
        }
        if fields.hasOffset { writtenOffset = fields.offset }
        if let isPM = fields.isPM {
            guard fields.hour >= 1, fields.hour <= 12 else { return nil }
            fields.hour = fields.hour % 12 + (isPM ? 12 : 0)
        }
        guard DateFormat.yearRange.contains(fields.year) else { return nil }
        if let dayOfYear = fields.dayOfYear {
            let length = CivilCalendar.isLeapYear(fields.year) ? 366 : 365
            guard dayOfYear >= 1, dayOfYear <= length else { return nil }
            let date = CivilCalendar.date(fromDays: CivilCalendar.days(year: fields.year, month: 1, day: dayOfYear))
            fields.month = date.month
            fields.day = date.day
        }
        let secondOfDay = Double(fields.hour * 3600 + fields.minute * 60) + fields.second
        return DateFormat.timestamp(year: fields.year, month: fields.month, day: fields.day, secondOfDay: secondOfDay)?
            .advanced(by: Double(-fields.offset))
    }

    /// Walks the pattern and the value together; false at the first mismatch.
    private static func read(
        _ cursor: inout DateTextCursor, pattern: UnsafeBufferPointer<UInt8>, into fields: inout Fields
    ) -> Bool {
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            index += 1
            if DateTextCursor.isSpace(byte) {
                cursor.skipSpaces()
                continue
            }
            guard byte == UInt8(ascii: "%") else {
                guard cursor.consume(byte) else { return false }
                continue
            }
            guard index < pattern.count else { return false }
            let directive = pattern[index]
            index += 1
            guard readDirective(directive, &cursor, into: &fields) else { return false }
        }
        return true
    }

    private static func readDirective(
        _ directive: UInt8, _ cursor: inout DateTextCursor, into fields: inout Fields
    ) -> Bool {
        switch directive {
        case UInt8(ascii: "Y"):
            guard let year = cursor.number(digits: 4) else { return false }
            fields.year = year
        case UInt8(ascii: "y"):
            guard let year = cursor.number(digits: 2) else { return false }
            fields.year = DateFormat.year(twoDigits: year)
        case UInt8(ascii: "m"):
            guard let month = cursor.number(minDigits: 1, maxDigits: 2) else { return false }
            fields.month = month
        case UInt8(ascii: "d"), UInt8(ascii: "e"):
            cursor.skipSpaces()                                 // %e pads with a space
            guard let day = cursor.number(minDigits: 1, maxDigits: 2) else { return false }
            fields.day = day
        case UInt8(ascii: "H"), UInt8(ascii: "I"):
            guard let hour = cursor.number(minDigits: 1, maxDigits: 2), hour < 24 else { return false }
            fields.hour = hour
        case UInt8(ascii: "M"):
            guard let minute = cursor.number(minDigits: 1, maxDigits: 2), minute < 60 else { return false }
            fields.minute = minute
        case UInt8(ascii: "S"):
            guard let second = cursor.number(minDigits: 1, maxDigits: 2), second < 60 else { return false }
            fields.second += Double(second)
        case UInt8(ascii: "f"):
            guard let fraction = cursor.fraction() else { return false }
            fields.second += fraction
        case UInt8(ascii: "j"):
            guard let dayOfYear = cursor.number(minDigits: 1, maxDigits: 3) else { return false }
            fields.dayOfYear = dayOfYear
        case UInt8(ascii: "b"), UInt8(ascii: "h"), UInt8(ascii: "B"):
            guard let key = cursor.wordKey(), let month = EnglishNames.monthByKey[key] else { return false }
            fields.month = month
        case UInt8(ascii: "a"), UInt8(ascii: "A"):
            guard let key = cursor.wordKey(), EnglishNames.weekdayByKey[key] != nil else { return false }
        case UInt8(ascii: "p"):
            guard let key = cursor.wordKey() else { return false }
            if key == DateFormat.meridiemKeys.am {
                fields.isPM = false
            } else if key == DateFormat.meridiemKeys.pm {
                fields.isPM = true
            } else {
                return false
            }
        case UInt8(ascii: "z"):
            guard let offset = DateFormat.utcOffset(&cursor) else { return false }
            fields.offset = offset
            fields.hasOffset = true
        case UInt8(ascii: "s"):
            let negative = cursor.consume(UInt8(ascii: "-"))
            guard let seconds = cursor.number(minDigits: 1, maxDigits: 12) else { return false }
            fields.epochSeconds = Double(negative ? -seconds : seconds)
        case UInt8(ascii: "F"):
            return readDirective(UInt8(ascii: "Y"), &cursor, into: &fields)
                && cursor.consume(UInt8(ascii: "-"))
                && readDirective(UInt8(ascii: "m"), &cursor, into: &fields)
                && cursor.consume(UInt8(ascii: "-"))
                && readDirective(UInt8(ascii: "d"), &cursor, into: &fields)
        case UInt8(ascii: "T"):
            return readDirective(UInt8(ascii: "H"), &cursor, into: &fields)
                && cursor.consume(UInt8(ascii: ":"))
                && readDirective(UInt8(ascii: "M"), &cursor, into: &fields)
                && cursor.consume(UInt8(ascii: ":"))
                && readDirective(UInt8(ascii: "S"), &cursor, into: &fields)
        case UInt8(ascii: "D"):
            return readDirective(UInt8(ascii: "m"), &cursor, into: &fields)
                && cursor.consume(UInt8(ascii: "/"))
                && readDirective(UInt8(ascii: "d"), &cursor, into: &fields)
                && cursor.consume(UInt8(ascii: "/"))
                && readDirective(UInt8(ascii: "y"), &cursor, into: &fields)
        case UInt8(ascii: "%"):
            return cursor.consume(UInt8(ascii: "%"))
        default:
            return false
        }
        return true
    }

    /// Writes `timestamp` with the pattern on a clock `utcOffset` seconds east of UTC (which `%z`
    /// writes); unknown directives are copied as written.
    static func format(_ timestamp: Timestamp, pattern: String, utcOffset: Int = 0) -> String {
        let civil = timestamp.civil(utcOffset: utcOffset)
        var output = ""
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                output.append(character)
                continue
            }
            guard let directive = iterator.next() else {
                output.append("%")
                break
            }
            output += formatDirective(directive, civil: civil, timestamp: timestamp, utcOffset: utcOffset)
        }
        return output
    }

    private static func formatDirective(_ directive: Character, civil: CivilDateTime, timestamp: Timestamp, utcOffset: Int) -> String {
        let wholeSecond = Int(civil.second.rounded(.down))
        switch directive {
        case "Y": return DateFormat.padded(civil.year, width: 4)
        case "y": return DateFormat.shortYear(civil.year)            // four digits where two would not read back
        case "m": return DateFormat.padded(civil.month, width: 2)
        case "d": return DateFormat.padded(civil.day, width: 2)
        case "e": return civil.day < 10 ? " \(civil.day)" : "\(civil.day)"
        case "H": return DateFormat.padded(civil.hour, width: 2)
        case "I": return DateFormat.padded(civil.hour % 12 == 0 ? 12 : civil.hour % 12, width: 2)
        case "p": return civil.hour < 12 ? "AM" : "PM"
        case "M": return DateFormat.padded(civil.minute, width: 2)
        case "S": return DateFormat.padded(wholeSecond, width: 2)
        case "f":
            let micro = min(999_999, Int(((civil.second - Double(wholeSecond)) * 1e6).rounded()))
            return DateFormat.padded(micro, width: 6)
        case "j": return DateFormat.padded(civil.dayOfYear, width: 3)
        case "b", "h": return EnglishNames.monthAbbreviations[civil.month - 1]
        case "B": return EnglishNames.monthNames[civil.month - 1]
        case "a": return EnglishNames.weekdayAbbreviations[civil.weekday - 1]
        case "A": return EnglishNames.weekdayNames[civil.weekday - 1]
        case "z": return DateFormat.offsetText(utcOffset, colon: false)
        case "s": return String(Int(timestamp.secondsSinceEpoch.rounded(.down)))
        case "F": return format(timestamp, pattern: "%Y-%m-%d", utcOffset: utcOffset)
        case "T": return format(timestamp, pattern: "%H:%M:%S", utcOffset: utcOffset)
        case "D": return format(timestamp, pattern: "%m/%d/%y", utcOffset: utcOffset)
        case "%": return "%"
        default: return "%\(directive)"
        }
    }
}
