extension DateFormat {
    /// `timestamp` written the way `sample`, a value of this format from the same source, writes
    /// its dates, on a clock `utcOffset` seconds east of UTC. An ISO date-time without an offset is
    /// naive (local to whoever wrote the file), so it is written without `Z` and with the sample's
    /// separator: a report must not claim a zone the file never gave. Times are written to the
    /// minute where the sample's are (`09:30`, not `09:30:00`), unless the timestamp has seconds.
    /// Everything else is written as `string(from:utcOffset:)` does.
    public func string(from timestamp: Timestamp, utcOffset: Int = 0, like sample: String) -> String {
        let text: String
        if utcOffset == 0, case .isoDateTime = self, let style = Self.isoDateTimeStyle(of: sample), !style.hasOffset {
            text = DateFormat.isoDate.string(from: timestamp) + String(style.separator) + Self.clockTime(timestamp.civil)
        } else {
            text = string(from: timestamp, utcOffset: utcOffset)
        }
        return Self.writesSeconds(sample) ? text : Self.withoutZeroSeconds(text)
    }

    /// Whether the first time of day in `text` (its first `H:MM`) goes on to seconds; true where
    /// there is no time, so that nothing is taken away.
    static func writesSeconds(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 2 < bytes.count,
              DateTextCursor.isDigit(bytes[colon - 1]), DateTextCursor.isDigit(bytes[colon + 1]), DateTextCursor.isDigit(bytes[colon + 2]) else { return true }
        return colon + 3 < bytes.count && bytes[colon + 3] == UInt8(ascii: ":")
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

    /// The separator between date and time (`T` or a space) of an ISO date-time text, and whether
    /// an offset or `Z` follows the time; nil when `text` is not a date with a time.
    static func isoDateTimeStyle(of text: String) -> (separator: Character, hasOffset: Bool)? {
        var text = text
        return text.withUTF8 { bytes -> (separator: Character, hasOffset: Bool)? in
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
            cursor.skipSpaces()
            return (separator, !cursor.isAtEnd)
        }
    }
}
