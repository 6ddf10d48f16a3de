extension DateFormat {
    /// `timestamp` written the way `sample`, a value of this format from the same source, writes
    /// its dates. An ISO date-time without an offset is naive (local to whoever wrote the file), so
    /// it is written without `Z` and with the sample's separator: a report must not claim a zone the
    /// file never gave. Values that carried an offset, and every other format, are written as
    /// `string(from:)` does.
    public func string(from timestamp: Timestamp, like sample: String) -> String {
        guard case .isoDateTime = self, let style = Self.isoDateTimeStyle(of: sample), !style.hasOffset else {
            return string(from: timestamp)
        }
        return DateFormat.isoDate.string(from: timestamp) + String(style.separator) + Self.clockTime(timestamp.civil)
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
