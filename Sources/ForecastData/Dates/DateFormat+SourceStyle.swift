extension DateFormat {
    /// `timestamp` written the way `sample`, a value of this format from the same source, writes
    /// its dates, on a clock `utcOffset` seconds east of UTC. An ISO date-time without an offset is
    /// naive (local to whoever wrote the file), so it is written without `Z` and with the sample's
    /// separator: a report must not claim a zone the file never gave. Times are written to the
    /// minute where the sample's are (`09:30`, not `09:30:00`), unless the timestamp has seconds,
    /// and midnight is written (`04/03/2024 00:00`) where the sample has a time of day, though a
    /// day format leaves it out for days; a sample on a 12-hour clock (`1/2/2024 9:30 AM`) has its
    /// times written so (`1/3/2024 12:00 PM`). Everything else is written as `string(from:utcOffset:)` does.
    public func string(from timestamp: Timestamp, utcOffset: Int = 0, like sample: String) -> String {
        var text: String
        let sampleTime = Self.timeOfDay(in: sample)
        if case .isoDateTime = self, let style = Self.isoDateTimeStyle(of: sample), style.offset != nil || utcOffset == 0 {
            // The sample's separator, fraction digits and spelling of the offset (`+00:00`, `+0000`, `Z`).
            let local = timestamp.advanced(by: Double(utcOffset))
            text = DateFormat.isoDate.string(from: local) + String(style.separator)
                + Self.withFractionDigits(Self.clockTime(local.civil), sampleTime.fractionDigits, mark: sampleTime.fractionMark)
                + (style.offset.map { Self.offsetText(utcOffset, like: $0) } ?? "")
        } else {
            text = string(from: timestamp, utcOffset: utcOffset)
            if sampleTime.written, !Self.timeOfDay(in: text).written {
                text += " " + Self.clockTime(timestamp.advanced(by: Double(utcOffset)).civil)
            }
            text = Self.withFractionDigits(text, sampleTime.fractionDigits, mark: sampleTime.fractionMark)
            // Days and months of one digit where the file writes them so (`3/1/2024`, as spreadsheets do).
            if let separator = numericDaySeparator, Self.writesUnpaddedFields(sample, separator: separator) {
                text = Self.unpadded(text, separator: separator)
            }
            // A day-first or month-first date with an offset after its time (`01.03.2024 09:00 GMT+0100`) keeps it.
            if case .pattern = self {} else if let offset = Self.trailingOffset(of: sample) {
                text += Self.offsetText(utcOffset, like: offset)
            }
        }
        if sampleTime.written, !sampleTime.withSeconds { text = Self.withoutZeroSeconds(text) }
        guard Self.hasMeridiem(sample) else { return text }
        // `09:30 AM` pads its hours; `9:30 AM`, and a sample whose hour has two digits of its own, do not.
        let padded = sample.firstIndex(of: ":").map { colon in
            let hour = sample[..<colon].reversed().prefix { $0.isASCII && $0.isNumber }
            return hour.count == 2 && hour.last == "0"
        } ?? false
        return Self.onTwelveHourClock(text, padded: padded)
    }

    /// The separator of a format of numbered days and months (`3/1/2024`, `01.03.24`); nil for others.
    var numericDaySeparator: Character? {
        switch self {
        case .monthDayYear(let separator), .dayMonthYear(let separator),
             .monthDayShortYear(let separator), .dayMonthShortYear(let separator): return separator.rawValue
        default: return nil
        }
    }

    /// Whether `sample` writes its day or month with one digit (`3/12/2024`): the file pads neither.
    static func writesUnpaddedFields(_ sample: String, separator: Character) -> Bool {
        sample.split(separator: separator, maxSplits: 2, omittingEmptySubsequences: true).prefix(2).contains { (field: Substring) in field.count == 1 }
    }

    /// `text` with the zero taken from a day or month of one digit (`03/01/2024` → `3/1/2024`).
    static func unpadded(_ text: String, separator: Character) -> String {
        var parts = text.split(separator: separator, maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        for index in 0..<min(2, parts.count) where parts[index].count == 2 && parts[index].first == "0" {
            parts[index].removeFirst()
        }
        return parts.joined(separator: String(separator))
    }

    /// Whether `text` ends in a time of day followed by `AM` or `PM` (either case).
    package static func hasMeridiem(_ text: String) -> Bool {
        var upper = text.uppercased()
        while upper.last == " " { upper.removeLast() }
        guard upper.hasSuffix("AM") || upper.hasSuffix("PM") else { return false }
        return timeOfDay(in: String(upper.dropLast(2))).written
    }

    /// `text`, whose time of day (its first `HH:MM`, at the end of the text with what follows it)
    /// is on a 24-hour clock, with that time on a 12-hour clock and `AM` or `PM` after it; unchanged
    /// when the time is not last, or already has either.
    static func onTwelveHourClock(_ text: String, padded: Bool) -> String {
        guard !hasMeridiem(text), let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return text }
        let hourStart = text[..<colon].lastIndex { !$0.isASCII || !$0.isNumber }.map { text.index(after: $0) } ?? text.startIndex
        let rest = text[text.index(after: colon)...]
        guard let hour = Int(text[hourStart..<colon]), hour < 24,
              rest.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }) else { return text }
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return String(text[..<hourStart]) + (padded && twelve < 10 ? "0" : "") + "\(twelve)" + String(text[colon...]) + (hour < 12 ? " AM" : " PM")
    }

    /// Whether `text` writes a time of day (an `H:MM` or `HH:MM`), whether its first one goes on
    /// to seconds, and how many digits of a fraction of a second follow them (`09:30:00.000`: 3)
    /// after which mark (`.` or `,`).
    static func timeOfDay(in text: String) -> (written: Bool, withSeconds: Bool, fractionDigits: Int, fractionMark: UInt8) {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 2 < bytes.count,
              DateTextCursor.isDigit(bytes[colon - 1]), DateTextCursor.isDigit(bytes[colon + 1]), DateTextCursor.isDigit(bytes[colon + 2]) else {
            return (false, false, 0, UInt8(ascii: "."))
        }
        let withSeconds = colon + 5 < bytes.count && bytes[colon + 3] == UInt8(ascii: ":")
            && DateTextCursor.isDigit(bytes[colon + 4]) && DateTextCursor.isDigit(bytes[colon + 5])
        guard withSeconds, colon + 6 < bytes.count, bytes[colon + 6] == UInt8(ascii: ".") || bytes[colon + 6] == UInt8(ascii: ",") else {
            return (true, withSeconds, 0, UInt8(ascii: "."))
        }
        return (true, true, bytes[(colon + 7)...].prefix(while: DateTextCursor.isDigit).count, bytes[colon + 6])
    }

    /// `text`, whose first time of day has whole seconds (`HH:MM:SS`, no fraction), with `digits`
    /// zeros of a fraction after them and `mark` before (`09:30:00.000`, `09:30:00,000`), as a
    /// source that writes milliseconds does; unchanged when it has a fraction already or `digits` is 0.
    static func withFractionDigits(_ text: String, _ digits: Int, mark: UInt8 = UInt8(ascii: ".")) -> String {
        guard digits > 0 else { return text }
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 5 < bytes.count, bytes[colon + 3] == UInt8(ascii: ":") else {
            return text
        }
        let end = colon + 6
        if end < bytes.count, bytes[end] == UInt8(ascii: ".") { return text }
        return String(decoding: bytes[..<end] + [mark], as: UTF8.self) + String(repeating: "0", count: digits)
            + String(decoding: bytes[end...], as: UTF8.self)
    }

    /// `utcOffset` spelled as `sample`, an offset a file wrote, spells offsets: `Z` for UTC where it
    /// writes `Z`, else `+HH:MM`, `+HHMM` or `+HH` as it does (`+HH:MM` for an offset of part hours).
    /// Spaces before the offset are kept (`09:30 +01:00`).
    /// A `UTC` or `GMT` before it is kept (`GMT+0100`; `UTC` alone for UTC), as is the minus of `-00:00`.
    static func offsetText(_ utcOffset: Int, like written: String) -> String {
        let spaces = String(written.prefix { $0 == " " })
        var sample = written.dropFirst(spaces.count)
        var zone = ""
        if ["UTC", "GMT"].contains(sample.prefix(3).uppercased()) {
            zone = String(sample.prefix(3))
            sample = sample.dropFirst(3)
            if sample.isEmpty { return spaces + zone + (utcOffset == 0 ? "" : offsetText(utcOffset, colon: true)) }
        }
        if sample == "Z" || sample == "z" { return spaces + zone + (utcOffset == 0 ? "Z" : offsetText(utcOffset, colon: true)) }
        var offset: String
        if sample.contains(":") {
            offset = offsetText(utcOffset, colon: true)
        } else if sample.count == 3, utcOffset % 3600 == 0 {
            offset = String(offsetText(utcOffset, colon: false).prefix(3))
        } else {
            offset = offsetText(utcOffset, colon: sample.count == 3)
        }
        if utcOffset == 0, sample.hasPrefix("-") { offset = "-" + offset.dropFirst() }
        return spaces + zone + offset
    }

    /// The offset `sample` writes after its time of day, with the spaces before it (` +05:30`,
    /// ` GMT+0100`); nil where nothing or something else follows the time.
    static func trailingOffset(of sample: String) -> String? {
        let time = timeOfDay(in: sample)
        let bytes = Array(sample.utf8)
        guard time.written, !hasMeridiem(sample), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let end = colon + 3 + (time.withSeconds ? 3 : 0) + (time.fractionDigits > 0 ? 1 + time.fractionDigits : 0)
        guard end < bytes.count else { return nil }
        var rest = String(decoding: bytes[end...], as: UTF8.self)
        while rest.last == " " || rest.last == "\r" || rest.last == "\t" { rest.removeLast() }
        // Spaces before it, or a sign or `Z` right after the time.
        guard let first = rest.first, first == " " || first == "+" || first == "-" || first == "Z" else { return nil }
        var scanned = rest
        let parses = scanned.withUTF8 { raw -> Bool in
            var cursor = DateTextCursor(raw)
            return utcOffset(&cursor) != nil && cursor.isAtEnd
        }
        return parses ? rest : nil
    }

    /// `text` with the `:00` after its first `HH:MM` taken out, where no fraction follows.
    static func withoutZeroSeconds(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 5 < bytes.count,
              bytes[colon + 3] == UInt8(ascii: ":"), bytes[colon + 4] == UInt8(ascii: "0"), bytes[colon + 5] == UInt8(ascii: "0")
        else { return text }
        let next = colon + 6 < bytes.count ? bytes[colon + 6] : nil
        if let next, DateTextCursor.isDigit(next) || next == UInt8(ascii: ".") { return text }
        return String(decoding: bytes[..<(colon + 3)] + bytes[(colon + 6)...], as: UTF8.self)
    }

    /// The separator between date and time (`T` or a space) of an ISO date-time text, and the offset
    /// or `Z` that follows the time with any spaces before it (nil for none); nil when `text` is not
    /// a date with a time.
    static func isoDateTimeStyle(of text: String) -> (separator: Character, offset: String?)? {
        var text = text
        return text.withUTF8 { bytes -> (separator: Character, offset: String?)? in
            var cursor = DateTextCursor(bytes)
            guard isoDateFields(&cursor) != nil else { return nil }
            let separator: Character
            if cursor.consume(UInt8(ascii: "T")) || cursor.consume(UInt8(ascii: "t")) {
                separator = "T"
            } else if cursor.skipSpaces() > 0 {
                separator = " "
            } else {
                return nil
            }
            guard timeOfDay(&cursor, strictHour: true) != nil else { return nil }
            let offset = String(decoding: bytes[cursor.position...], as: UTF8.self)
            return (separator, offset.allSatisfy { $0 == " " } ? nil : offset)
        }
    }
}
