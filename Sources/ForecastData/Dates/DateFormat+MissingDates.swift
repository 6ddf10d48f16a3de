extension DateFormat {
    /// The spellings of a missing date that detection skips (case-insensitive, spaces ignored):
    /// the empty field and `NA`, `N/A`, `NaN`, `NaT` (pandas' missing time), `null`, `none`.
    package static let missingDateTokens: Set<String> = ["", "na", "n/a", "nan", "nat", "null", "none"]

    /// Whether a date field means "no date" rather than a date that failed to parse, so that
    /// detection skips it and a reader can report the row as missing instead of malformed.
    package static func isMissingDate(_ value: Substring) -> Bool {
        var start = value.utf8.startIndex
        var end = value.utf8.endIndex
        while start < end, DateTextCursor.isEdgeWhitespace(value.utf8[start]) { start = value.utf8.index(after: start) }
        while end > start, DateTextCursor.isEdgeWhitespace(value.utf8[value.utf8.index(before: end)]) {
            end = value.utf8.index(before: end)
        }
        let length = value.utf8.distance(from: start, to: end)
        guard length <= 4 else { return false }          // the longest token is four letters
        guard length > 0 else { return true }
        let token = String(decoding: value.utf8[start..<end], as: UTF8.self).lowercased()
        return missingDateTokens.contains(token)
    }
}
